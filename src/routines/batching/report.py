"""The machine-readable report of a batch: a line per row, written as rows end, as
CSV (``.csv``) or JSON lines (``.jsonl``): the row, the person, what happened
(``done``, ``skipped`` because done before, ``failed``), why, and the files."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from types import TracebackType
from typing import IO

from routines.errors import ExportError

__all__ = ["FIELDS", "RowReport"]

FIELDS = ("row", "name", "status", "field", "reason", "files")


class RowReport:
    """Writes the report, a line per row, as rows end; ``None`` writes nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._handle: IO[str] | None = None
        self._csv: csv.DictWriter[str] | None = None
        if path is None:
            return
        if path.suffix.lower() not in (".csv", ".jsonl"):
            raise ExportError(f"{path}: a report is a .csv or a .jsonl file; name it so")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = path.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise ExportError(f"{path}: cannot write the report ({exc.strerror})") from None
        if path.suffix.lower() == ".csv":
            self._csv = csv.DictWriter(self._handle, FIELDS)
            self._csv.writeheader()

    def write(
        self,
        row: int,
        name: str,
        status: str,
        *,
        field: str | None = None,
        reason: str = "",
        files: tuple[Path | None, ...] = (),
    ) -> None:
        if self._handle is None:
            return
        line = {"row": row, "name": name, "status": status, "field": field or "",
                "reason": reason, "files": [str(p) for p in files if p]}  # fmt: skip
        if self._csv is not None:
            self._csv.writerow({**line, "files": " ".join(line["files"])})  # type: ignore[arg-type]
        else:
            self._handle.write(json.dumps(line, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()

    def __enter__(self) -> RowReport:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
