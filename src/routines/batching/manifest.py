"""The batch's manifest: every finished row, beside the outputs, so a run that was
stopped (Ctrl-C, SIGTERM, a machine that went down) resumes where it was.

A small SQLite file, ``batch-manifest.sqlite`` in the output folder: per row, the
person, the file stem, a fingerprint of the request and the settings that shape
the files, the files, and how it ended (done or failed, with why). A row is done
again only when its request or settings changed or a file of it is gone. It also
keeps the stems in use, so two people never share a file name, however many rows
there are, in memory that does not grow with the list.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

__all__ = ["MANIFEST", "Manifest"]

MANIFEST = "batch-manifest.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS rows (
    row INTEGER PRIMARY KEY,
    stem TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    files TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'new',
    reason TEXT NOT NULL DEFAULT ''
)
"""


class Manifest:
    """The manifest of the batch writing to ``out_dir`` (used by one process)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._pending = 0

    def close(self) -> None:
        self._db.execute("COMMIT") if self._db.in_transaction else None
        self._db.close()

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

    def stem(self, row: int, name: str, wanted: str) -> str:
        """The row's file stem: the one it had in an earlier run, else ``wanted`` or,
        when another row has that, ``wanted-row-N``."""
        found = self._db.execute("SELECT stem, name FROM rows WHERE row = ?", (row,)).fetchone()
        if found and found[1] == name:
            return str(found[0])
        if found:  # another list, another person at this row: its entry is not theirs
            self._write("DELETE FROM rows WHERE row = ?", (row,))
        for candidate in (
            wanted,
            f"{wanted}-row-{row}",
            *(f"{wanted}-row-{row}-{n}" for n in range(2, 1000)),
        ):
            taken = self._db.execute("SELECT 1 FROM rows WHERE stem = ?", (candidate,)).fetchone()
            if not taken:
                self._write(
                    "INSERT INTO rows (row, stem, name) VALUES (?, ?, ?)", (row, candidate, name)
                )
                return candidate
        raise ValueError(f"row {row}: no free file name for {wanted!r}")

    def finished(self, row: int, fingerprint: str) -> bool:
        """True when the row was done with this fingerprint and its files are there."""
        found = self._db.execute(
            "SELECT files FROM rows WHERE row = ? AND status = 'done' AND fingerprint = ?",
            (row, fingerprint),
        ).fetchone()
        return bool(found) and all(Path(p).is_file() for p in json.loads(found[0]))

    def record(
        self, row: int, fingerprint: str, files: list[Path | None], status: str, reason: str = ""
    ) -> None:
        self._write(
            "UPDATE rows SET fingerprint = ?, files = ?, status = ?, reason = ? WHERE row = ?",
            (fingerprint, json.dumps([str(p) for p in files if p]), status, reason, row),
        )
