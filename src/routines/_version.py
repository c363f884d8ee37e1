"""The version: one constant, which the build reads too (``[tool.hatch.version]`` in
pyproject.toml), so knowing it costs nothing (reading the installed package's
metadata costs a fresh process ~15 ms: ``importlib.metadata`` and ``email``)."""

from __future__ import annotations

__version__ = "0.1.0"


def version() -> str:
    """``routines``' version."""
    return __version__
