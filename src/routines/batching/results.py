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
    pdf: Path | None
    ics: Path | None
    json: Path | None


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
    #: Rows done before with the same request, left as they were.
    skipped: int = 0
    #: Rows made this time (``written`` holds them unless ``keep_results=False``).
    done: int = 0
    #: Rows not started because the run was stopped (Ctrl-C, SIGTERM).
    remaining: int = 0
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    def __str__(self) -> str:
        plans = self.done or len(self.written)
        noun = "plan" if plans == 1 else "plans"
        first = f"{plans} {noun} written to {self.out_dir} in {self.seconds:.1f} s"
        if self.skipped:
            first += f", {self.skipped} done before and skipped"
        if self.failed:
            first += f"; {len(self.failed)} row{'' if len(self.failed) == 1 else 's'} failed:"
        lines = [first]
        lines += [f"  {failure}" for failure in self.failed]
        lines += [f"warning: {shown(warning)}" for warning in self.warnings]
        if self.interrupted:
            lines.append(
                f"stopped: {self.remaining} row{'' if self.remaining == 1 else 's'} not started; "
                "run the same command again to finish them"
            )
        return "\n".join(lines)
