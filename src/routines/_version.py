"""The installed version, read from the package metadata."""

from __future__ import annotations


def version() -> str:
    """``routines``' version, or ``"0+unknown"`` when running from a plain checkout."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version("routines")
    except PackageNotFoundError:
        return "0+unknown"
