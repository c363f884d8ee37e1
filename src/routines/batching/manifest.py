"""The batch's manifest: every finished row, beside the outputs, so a run that was
stopped (Ctrl-C, SIGTERM, a machine that went down) resumes where it was.

A small SQLite file, ``batch-manifest.sqlite`` in the output folder: per person
(their name, and which row of that name it is), the file stem, the row they were
last on, a fingerprint of the request and the settings that shape the files, the
files, and how it ended (done or failed, with why). A row is done again only when
its request or settings changed or a file of it is gone; adding, removing or
moving rows in the list leaves the others alone. It also keeps the stems in use,
so two people never share a file name, however many rows there are, in memory
that does not grow with the list.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import IO

from routines.errors import PlanError

__all__ = ["MANIFEST", "Manifest"]

MANIFEST = "batch-manifest.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS people (
    person TEXT PRIMARY KEY,
    stem TEXT NOT NULL UNIQUE,
    row INTEGER NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    files TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'new',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TEMP TABLE IF NOT EXISTS seen (name TEXT PRIMARY KEY, times INTEGER NOT NULL);
"""


def _lock(out_dir: Path) -> IO[bytes]:
    """Hold ``out_dir``'s batch lock: the manifest file itself, locked with flock
    while the run lasts (SQLite's own locks are of another kind and unaffected);
    where file locks do not exist, the run goes on without one."""
    path = out_dir / MANIFEST
    try:
        handle = path.open("ab")
    except OSError as exc:
        raise PlanError(f"{out_dir}: cannot write there ({exc.strerror}); give another --out "
                        "folder") from None  # fmt: skip
    try:
        import fcntl
    except ImportError:  # not on this system
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise PlanError(
            f"{out_dir}: another routines batch is writing there; wait for it to end, or "
            "give another --out folder"
        ) from None
    return handle


class Manifest:
    """The manifest of the batch writing to ``out_dir``: one run at a time holds it
    (a second run on the same folder is refused, not left to collide). File paths
    are kept relative to ``out_dir``, so the same batch run from another working
    folder, or on another machine mounting it elsewhere, still finds them."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / MANIFEST
        self._lock = _lock(out_dir)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            self._lock.close()
            raise PlanError(
                f"{self.path}: cannot keep the batch's manifest there ({exc}); give an --out "
                "folder you can write to"
            ) from None
        self._pending = 0

    def close(self) -> None:
        try:
            self._db.execute("COMMIT") if self._db.in_transaction else None
            self._db.close()
        finally:
            self._lock.close()

    def _write(self, statement: str, values: tuple[object, ...]) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN")
        self._db.execute(statement, values)
        self._pending += 1
        if self._pending >= 200:  # a commit per 200 rows: fast, and little to redo
            self.flush()

    def flush(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._pending = 0

    def person(self, name: str) -> str:
        """The key of the row of ``name`` just read: the name itself, or ``name#2``
        for the second row of that name in the list, and so on. Keyed by the person,
        not the row number, a row added or moved in the list leaves the others as
        they were (their files, their names, done or not)."""
        found = self._db.execute("SELECT times FROM seen WHERE name = ?", (name,)).fetchone()
        times = (found[0] if found else 0) + 1
        self._db.execute("INSERT OR REPLACE INTO seen (name, times) VALUES (?, ?)", (name, times))
        return name if times == 1 else f"{name}#{times}"

    def stem(self, person: str, row: int, wanted: str) -> str:
        """The person's file stem: the one they had in an earlier run, else ``wanted``
        or, when someone else has that, ``wanted-2``, ``wanted-3``..."""
        found = self._db.execute(
            "SELECT stem, row FROM people WHERE person = ?", (person,)
        ).fetchone()
        if found:
            if found[1] != row:
                self._write("UPDATE people SET row = ? WHERE person = ?", (row, person))
            return str(found[0])
        for candidate in (wanted, *(f"{wanted}-{n}" for n in range(2, 10_000))):
            taken = self._db.execute("SELECT 1 FROM people WHERE stem = ?", (candidate,)).fetchone()
            if not taken:
                self._write(
                    "INSERT INTO people (person, stem, row) VALUES (?, ?, ?)",
                    (person, candidate, row),
                )
                return candidate
        raise ValueError(f"row {row}: no free file name for {wanted!r}")

    def finished(self, person: str, fingerprint: str) -> bool:
        """True when the person's plan was made with this fingerprint and its files
        are there."""
        found = self._db.execute(
            "SELECT files FROM people WHERE person = ? AND status = 'done' AND fingerprint = ?",
            (person, fingerprint),
        ).fetchone()
        return bool(found) and all((self.out_dir / p).is_file() for p in json.loads(found[0]))

    def ours(self, person: str, files: tuple[Path | None, ...]) -> bool:
        """True when every one of ``files`` that exists was written by this person's
        row in an earlier run (so a changed request may replace them: a new goal
        makes another plan, but the files are still theirs)."""
        found = self._db.execute(
            "SELECT files FROM people WHERE person = ? AND status = 'done'", (person,)
        ).fetchone()
        written = set(json.loads(found[0])) if found else set()
        there = [p for p in files if p is not None and p.exists()]
        return bool(there) and all(self._relative(p) in written for p in there)

    def _relative(self, path: Path) -> str:
        return os.path.relpath(path, self.out_dir)

    def record(
        self,
        person: str,
        fingerprint: str,
        files: list[Path | None],
        status: str,
        reason: str = "",
    ) -> None:
        self._write(
            "UPDATE people SET fingerprint = ?, files = ?, status = ?, reason = ? WHERE person = ?",
            (
                fingerprint,
                json.dumps([self._relative(p) for p in files if p]),
                status,
                reason,
                person,
            ),
        )
