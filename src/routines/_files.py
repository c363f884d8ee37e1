"""Writing files so that a failure never leaves a half-written one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from routines.errors import ExportError

__all__ = ["check_target", "write_atomic", "write_atomic_with"]


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path, if a file can be written there: not a folder, in a folder
    that exists. :class:`~routines.errors.ExportError` names the problem otherwise."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name such as {target / 'plan'}")
    if not target.parent.is_dir():
        raise ExportError(
            f"{target}: the folder {str(target.parent)!r} does not exist; create it first"
        )
    return target


def write_atomic_with(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place.

    If ``write`` fails, the temporary file is removed and an existing ``path``
    is left exactly as it was.
    """
    target = check_target(path)
    folder = target.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open()
        # would: the old file's, else 0666 less the umask (a feed must be readable).
        if hasattr(os, "fchmod"):  # not on Windows, where the mode is not a question
            os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_atomic_with(path, write)
