"""Writing files so that a failure never leaves a half-written one, and reading them
with limits, so a device, a FIFO or a huge file is a clear error, never a hang.

- A target is a regular file or nothing: never a folder, a device, a FIFO or a
  socket, and never a symlink that leads out of its folder. Missing folders are
  made.
- :func:`write_together` writes several files as one set: every temporary file
  first, then the renames; if anything fails, the files are as they were before.
- Temporary files of a run that was killed are removed by the next run.
- :func:`read_limited` reads a regular file of at most so many bytes.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from routines.errors import ExportError, RoutinesError

__all__ = [
    "check_target",
    "clean_stale",
    "kind_of",
    "os_problem",
    "read_limited",
    "write_atomic",
    "write_atomic_with",
    "write_together",
]

Writer = Callable[[BinaryIO], None]
# ".plan.pdf.<host>-<pid>.<random>.tmp": the machine and process that write it (a
# shared folder has writers on other machines, whose process numbers mean nothing here)
_TEMPORARY = re.compile(r"^\..+\.(?:([0-9a-f]{8})-)?(\d+)\.[0-9a-f]{8}\.tmp$")
_JOURNAL = re.compile(r"^\..+\.(?:([0-9a-f]{8})-)?(\d+)\.[0-9a-f]{8}\.set$")
#: Folders this process has cleaned already: once is enough (a batch writes
#: thousands of files into one folder, and must not read it each time).
_CLEANED: set[Path] = set()
_WHY = {
    errno.ENOSPC: "the disk is full; free some space and try again",
    errno.EDQUOT: "the disk quota is used up; free some space and try again",
    errno.EFBIG: "it is larger than a file may be here (a file-size limit); raise the limit",
    errno.EACCES: "permission denied; check the permissions of the file and its folder",
    errno.EPERM: "permission denied; check the permissions of the file and its folder",
    errno.EROFS: "the disk is read-only; write somewhere else",
    errno.ENAMETOOLONG: "the name is too long; use a shorter one",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
}


def os_problem(exc: OSError) -> str:
    """Plain words for why an operation on a file failed."""
    return _WHY.get(exc.errno or 0, exc.strerror or str(exc))


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_target(path: str | os.PathLike[str], error: type[RoutinesError] = ExportError) -> Path:
    """``path`` as a Path, if a file may be written there: nothing there yet, or a
    regular file (a symlink only within its own folder). The folder may be missing:
    it is made when written. ``error`` names the problem otherwise."""
    target = Path(path)
    if "\0" in str(target):
        raise error(f"{str(target)!r}: a file name cannot hold a null character")
    try:
        if target.is_symlink():
            inside = target.resolve().parent == target.parent.resolve()
            if not inside:
                raise error(
                    f"{target}: is a link that leads out of its folder; give a plain file name"
                )
        info = target.stat() if target.exists() else None
        parent = target.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if parent.exists() and not parent.is_dir():
            raise error(f"{target}: {parent} is a file, not a folder; give another path")
    except OSError as exc:
        raise error(f"{target}: cannot be used: {os_problem(exc)}") from None
    if info is not None:
        what = kind_of(info.st_mode)
        if what == "a folder":
            raise error(f"{target}: is a folder; give a file name such as {target / 'plan'}")
        if what is not None:
            raise error(f"{target}: is {what}, not a file; routines writes only regular files")
    return target


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@functools.cache
def _host() -> str:
    """This machine, as temporary file names carry it."""
    import hashlib

    if hasattr(os, "uname"):
        name = os.uname().nodename
    else:  # Windows
        import platform

        name = platform.node()
    return hashlib.sha256(name.encode()).hexdigest()[:8]


def _alive(host: str | None, pid: int) -> bool:
    """Whether the writer of a temporary file may still be at work: always when it
    is on another machine (only that machine can tell)."""
    if (host is not None and host != _host()) or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is not ours
        return True
    return True


def clean_stale(folder: Path) -> int:
    """Put ``folder`` back as it was before any run killed in the middle of writing
    a set of files (its journal says how), and remove the temporary files such runs
    left; returns how many files were touched."""
    removed = 0
    with contextlib.suppress(OSError):
        entries = sorted(folder.iterdir())
        for entry in entries:  # journals first: they need their backups
            found = _JOURNAL.match(entry.name)
            if found and not _alive(found[1], int(found[2])):
                removed += _roll_back(entry)
        for entry in entries:
            found = _TEMPORARY.match(entry.name)
            if found and not _alive(found[1], int(found[2])):
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed += 1
    return removed


def _clean_once(folder: Path) -> None:
    """:func:`clean_stale`, the first time this process writes into ``folder``."""
    key = folder.absolute()
    if key not in _CLEANED:
        _CLEANED.add(key)
        clean_stale(folder)


def _roll_back(journal: Path) -> int:
    """Undo a set of renames a killed run had begun: old files back, new ones gone."""
    touched = 0
    try:
        steps = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        steps = []
    for target, backup, temporary in steps if isinstance(steps, list) else []:
        with contextlib.suppress(OSError, TypeError):
            if backup and Path(backup).exists():
                Path(backup).replace(target)
                touched += 1
            elif not backup and not Path(temporary).exists() and Path(target).exists():
                Path(target).unlink()  # it was new in that set: gone again
                touched += 1
    with contextlib.suppress(OSError):
        journal.unlink()
    return touched


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.name}.{_host()}-{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_together(writes: Sequence[tuple[str | os.PathLike[str], Writer]]) -> tuple[Path, ...]:
    """Write every file of ``writes`` (a path and what writes its bytes), as a set:
    all or none. Each is written to a temporary file beside it first; only when all
    are written are they renamed into place, and if a rename fails the earlier ones
    are put back."""
    targets = [check_target(path) for path, _ in writes]
    for target in targets:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(
                f"{target.parent}: cannot make the folder: {os_problem(exc)}"
            ) from None
        _clean_once(target.parent)
    temporaries: list[Path] = []
    backups: list[tuple[Path, Path]] = []
    done: list[Path] = []
    journal: Path | None = None
    current = targets[0]  # the file being written, named when the writing fails
    try:
        for target, (_, write) in zip(targets, writes, strict=True):
            current = target
            temporary = _temporary(target)
            temporaries.append(temporary)
            _write_file(temporary, target, write)
        for target in targets:
            current = target
            if target.exists():
                backup = _temporary(target)
                try:
                    os.link(target, backup)
                except OSError:  # a file system without hard links
                    shutil.copy2(target, backup)
                backups.append((target, backup))
        journal = _journal(targets, dict(backups), temporaries) if len(targets) > 1 else None
        for target, temporary in zip(targets, temporaries, strict=True):
            current = target
            temporary.replace(target)
            done.append(target)
        if journal is not None:
            journal.unlink()
            journal = None
    except BaseException as exc:
        restored = {target for target, _ in backups}
        for target, backup in backups:
            with contextlib.suppress(OSError):
                backup.replace(target)
        for target in done:
            if target not in restored:
                with contextlib.suppress(OSError):
                    target.unlink()
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        if journal is not None:
            with contextlib.suppress(OSError):
                journal.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(f"{current}: cannot write it: {os_problem(exc)}") from None
        raise
    for _, backup in backups:
        with contextlib.suppress(OSError):
            backup.unlink()
    for folder in {target.parent for target in targets}:
        _fsync_folder(folder)
    return tuple(targets)


def _journal(
    targets: Sequence[Path], backups: dict[Path, Path], temporaries: Sequence[Path]
) -> Path:
    """Write down, before the renames, how to undo them, so that the next run can
    if this one is killed half-way (:func:`clean_stale`)."""
    steps = [
        [str(target), str(backups[target]) if target in backups else None, str(temporary)]
        for target, temporary in zip(targets, temporaries, strict=True)
    ]
    journal = _temporary(targets[0]).with_suffix(".set")
    staged = _temporary(targets[0])

    def write(handle: BinaryIO) -> None:
        handle.write(json.dumps(steps).encode())

    _write_file(staged, journal, write)
    staged.replace(journal)
    _fsync_folder(journal.parent)
    return journal


def _write_file(temporary: Path, target: Path, write: Writer) -> None:
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    # the mode a plain open() would give: the old file's, else 0666 less the umask
    # (a feed must be readable by the web server that serves it)
    if hasattr(os, "fchmod"):  # not on Windows, where the mode is not a question
        os.fchmod(fd, _mode_for(target))
    with os.fdopen(fd, "wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())


def write_atomic_with(path: str | os.PathLike[str], write: Writer) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place:
    a failure leaves ``path`` exactly as it was."""
    return write_together([(path, write)])[0]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_atomic_with(path, write)


def regular_file(
    source: Path, *, what: str, error: type[RoutinesError], missing: str | None = None
) -> os.stat_result:
    """The status of ``source``, which must be a regular file (``what`` names it in
    errors; ``missing`` is said when there is none, "no such WHAT" unless given): a
    missing file, a folder, a device or a FIFO is an ``error`` that says so."""
    try:
        info = source.stat()
    except FileNotFoundError:
        raise error(f"{source}: {missing or f'no such {what}'}") from None
    except OSError as exc:
        raise error(f"{source}: cannot read the {what}: {os_problem(exc)}") from None
    kind = kind_of(info.st_mode)
    if kind is not None:
        article = "an" if what[:1].lower() in "aeiou" else "a"
        raise error(f"{source}: is {kind}, not {article} {what} file")
    return info


def read_limited(
    path: str | os.PathLike[str],
    *,
    limit: int,
    what: str,
    error: type[RoutinesError] = ExportError,
) -> bytes:
    """The bytes of the regular file ``path`` (``what`` names it in errors), at most
    ``limit`` of them; a missing file, a folder, a device, a FIFO or a larger file is
    an ``error`` that says so, never a hang."""
    source = Path(path)
    info = regular_file(source, what=what, error=error)
    if info.st_size > limit:
        raise error(
            f"{source}: is {info.st_size:,} bytes; a {what} is at most {limit:,} bytes, so this "
            "is not one"
        )
    try:
        with source.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"{source}: cannot read the {what}: {os_problem(exc)}") from None
    if len(data) > limit:
        raise error(f"{source}: is larger than a {what} can be ({limit:,} bytes)")
    return data
