"""What a batch made: the files of each row, the rows that failed and why, and the
report of the whole run."""

from __future__ import annotations

from pathlib import Path

import attrs

from routines._text import shown

__all__ = ["BatchFailure", "BatchReport", "BatchResult"]


@attrs.frozen
class BatchResult:
    """The files written for one row."""

    row: int
    name: str
    pdf: Path
    ics: Path
    json: Path


@attrs.frozen
class BatchFailure:
    """A row that made no plan: its number, the field at fault (if one) and why."""

    row: int
    name: str
    field: str | None
    reason: str

    def __str__(self) -> str:
        who = f" ({self.name})" if self.name else ""
        where = f"{self.field}: " if self.field else ""
        return shown(f"row {self.row}{who}: {where}{self.reason}")


@attrs.frozen
class BatchReport:
    """What :func:`batch` did, row by row, in row order."""

    out_dir: Path
    written: tuple[BatchResult, ...]
    failed: tuple[BatchFailure, ...]
    seconds: float
    #: What was ignored, such as unknown columns.
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failed

    def __str__(self) -> str:
        plans = len(self.written)
        lines = [
            f"{plans} plan{'' if plans == 1 else 's'} written to {self.out_dir} "
            f"in {self.seconds:.1f} s"
            + (
                f"; {len(self.failed)} row{'' if len(self.failed) == 1 else 's'} failed:"
                if self.failed
                else ""
            )
        ]
        lines += [f"  {failure}" for failure in self.failed]
        lines += [f"warning: {shown(warning)}" for warning in self.warnings]
        return "\n".join(lines)
