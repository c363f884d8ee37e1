"""CSV import format (:func:`read_log_csv`), UTF-8, rows counted from 1 at the
header as a spreadsheet shows them::

    date,status,exercise,sets,reps,hold_s,load_kg,rpe,pain,settled,form_ok,red_flags,notes
    2026-01-05,done,,,,,,,3,yes,,,"slept badly, ""tight"" neck"
    2026-01-05,,band-row,2,12,,,7,2,,yes,,
    2026-01-05,,plank,3,,30,,,0,,,,
    2026-01-07,skipped,,,,,,,,,,,travelling

- The header names the columns, in any order; ``date`` is required, any other
  may be left out. An unknown column is an error.
- Rows with the same date (YYYY-MM-DD) make one session. A row with an
  ``exercise`` is that exercise's result: sets, reps (the fewest in a set),
  hold_s (seconds held or done), load_kg, rpe (1-10), pain (0-10 during it),
  settled, form_ok (default yes) and its own notes.
- A row without an exercise holds the session: status (``done``, the default,
  or ``skipped``), pain (the worst, 0-10), settled, red_flags and notes.
  One such row per date at most.
- ``red_flags`` takes keys of :data:`RED_FLAGS` separated by ``;``; flags on an
  exercise row count for the whole session.
- Booleans are ``yes`` or ``no``; an empty cell means not known.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from routines._closest import closest, did_you_mean
from routines.errors import LogError
from routines.log.entry import (
    ItemResult,
    LogEntry,
    SessionStatus,
    check_value,
    red_flag_problem,
    session_status,
)

__all__ = ["CSV_COLUMNS", "cell_value", "log_csv", "parse_log_csv", "read_log_csv"]


#: The columns a log CSV may have, in the order :func:`log_csv` writes them.
CSV_COLUMNS = (
    "date",
    "status",
    "exercise",
    "sets",
    "reps",
    "hold_s",
    "load_kg",
    "rpe",
    "pain",
    "settled",
    "form_ok",
    "red_flags",
    "notes",
)
_ITEM_ONLY = ("sets", "reps", "hold_s", "load_kg", "rpe", "form_ok")
_WHOLE_TEXT = re.compile(r"[+-]?[0-9]+")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def cell_value(column: str, text: str) -> Any:
    """The value of one CSV cell (or option); :class:`LogError` names the column."""
    if column == "notes":
        return text
    text = text.strip()
    if not text:
        return None
    value: Any = text
    if column == "date" and _DATE_TEXT.fullmatch(text):
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(text)
    elif column in ("sets", "reps", "hold_s", "pain") and _WHOLE_TEXT.fullmatch(text):
        value = int(text)
    elif column in ("load_kg", "rpe"):
        with contextlib.suppress(ValueError):
            value = float(text)
    elif column in ("settled", "form_ok"):
        value = {"yes": True, "no": False}.get(text.lower(), text)
    elif column == "status":
        return session_status(text.lower())
    elif column == "red_flags":
        keys = [key.strip() for key in text.split(";") if key.strip()]
        for key in keys:
            problem = red_flag_problem(key)
            if problem:
                raise LogError(problem, field="red_flags")
        return tuple(keys)
    elif column == "exercise":
        return text
    check_value(column, value)
    return value


@attrs.define
class _Day:
    """The rows of one date while a CSV is read."""

    first_row: int
    session_row: int | None = None
    session: dict[str, Any] = attrs.Factory(dict)
    statuses: dict[SessionStatus, int] = attrs.Factory(dict)
    flags: list[str] = attrs.Factory(list)
    items: list[ItemResult] = attrs.Factory(list)


def _header(cells: list[str]) -> tuple[list[str], list[str]]:
    columns = [cell.strip().lower() for cell in cells]
    problems = []
    for index, column in enumerate(columns, start=1):
        if column not in CSV_COLUMNS:
            guess = did_you_mean(closest(column, CSV_COLUMNS), brackets=True)
            problems.append(
                f"column {index} {column!r} is not known{guess}; "
                f"the columns are: {', '.join(CSV_COLUMNS)}"
            )
        elif columns.index(column) != index - 1:
            problems.append(f"column {column!r} appears twice; keep one")
    if "date" not in columns:
        problems.append("there is no date column; the first row names the columns")
    return columns, problems


def _rows(text: str, source: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise LogError(
            f"{source}: line {reader.line_num}: not valid CSV ({exc}); a quoted value ends "
            'with a quote followed by a comma, and a quote inside it is written twice ("")'
        ) from None


def parse_log_csv(text: str, source: str = "<csv>") -> tuple[LogEntry, ...]:
    """The entries in ``text`` (the CSV format above); ``source`` names it in errors."""
    rows = _rows(text, source)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise LogError(
            f"{source}: is empty; the first row names the columns: {', '.join(CSV_COLUMNS)}"
        )
    columns, found = _header(rows[0])
    problems = [(1, problem) for problem in found]
    days: dict[dt.date, _Day] = {}
    if not problems:
        for number, cells in enumerate(rows[1:], start=2):
            problems += [(number, p) for p in _read_row(days, number, columns, cells)]
    entries = []
    for date, day in days.items():
        try:
            entries.append(_entry(date, day))
        except LogError as exc:
            problems.append((day.session_row or day.first_row, str(exc)))
    listed = [
        f"row {number}: {problem}" for number, problem in sorted(problems, key=lambda p: p[0])
    ]
    if len(listed) == 1:
        raise LogError(f"{source}: {listed[0]}")
    if listed:
        lines = "\n".join(f"  - {line}" for line in listed)
        raise LogError(f"{source}: {len(listed)} problems:\n{lines}")
    return tuple(entries)


def _read_row(
    days: dict[dt.date, _Day], number: int, columns: list[str], cells: list[str]
) -> list[str]:
    """Add one data row to ``days``; returns its problems."""
    if not any(cell.strip() for cell in cells):
        return []
    extra = [cell for cell in cells[len(columns) :] if cell.strip()]
    if extra:
        return [f"{len(cells)} values for {len(columns)} columns; quote text that has commas"]
    values: dict[str, Any] = {}
    problems = []
    failed: set[str | None] = set()
    for column, text in zip(columns, cells, strict=False):
        try:
            values[column] = cell_value(column, text)
        except LogError as exc:
            problems.append(str(exc))
            failed.add(exc.field)
    date = values.pop("date", None)
    if date is None and "date" not in failed:
        problems.append("date: is empty; give the session's date as YYYY-MM-DD")
    if problems or date is None:
        return problems
    day = days.setdefault(date, _Day(first_row=number))
    status = values.pop("status", None)
    if status is not None:
        day.statuses.setdefault(status, number)
    day.flags += values.pop("red_flags", None) or ()
    given = {key: value for key, value in values.items() if value not in (None, "")}
    exercise = given.pop("exercise", None)
    if exercise is not None:
        day.items.append(ItemResult(exercise=exercise, **given))
        return []
    wrong = [column for column in _ITEM_ONLY if column in given]
    if wrong:
        return [
            f"{wrong[0]}: only exercise rows have {', '.join(wrong)}; "
            "put the exercise id in the exercise column"
        ]
    if day.session_row is not None:
        return [
            f"a second session row for {date} (the first is row {day.session_row}); "
            "give each date one row without an exercise"
        ]
    day.session_row = number
    day.session = given
    return []


def _entry(date: dt.date, day: _Day) -> LogEntry:
    if len(day.statuses) > 1:
        (first, _), (second, other) = sorted(day.statuses.items(), key=lambda kv: kv[1])[:2]
        raise LogError(
            f"status: {first.value!r} here but {second.value!r} in row {other} for {date}; "
            "give one status per date"
        )
    status = next(iter(day.statuses), SessionStatus.DONE)
    return LogEntry(
        date=date, status=status, items=tuple(day.items), red_flags=day.flags, **day.session
    )


#: The largest log CSV read (years of daily sessions are well under 1 MB).
CSV_LIMIT = 32 * 1024 * 1024


def read_log_csv(path: str | os.PathLike[str]) -> tuple[LogEntry, ...]:
    """The entries of a CSV file in the format above.

    Every problem is listed, each naming the row, the column, the value and a fix.
    """
    from routines._files import read_limited

    source = Path(path)
    if not source.exists() and not source.is_symlink():
        raise LogError(f"{source}: no such file; give the CSV file to import")
    data = read_limited(source, limit=CSV_LIMIT, what="CSV", error=LogError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LogError(f"{source}: is not UTF-8 text; save the CSV as UTF-8") from None
    return parse_log_csv(text, str(source))


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def log_csv(entries: Iterable[LogEntry]) -> str:
    """``entries`` as CSV text that :func:`read_log_csv` reads back unchanged."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; quotes a lone \r too
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        session = {
            "date": entry.date,
            "status": entry.status.value,
            "pain": entry.pain,
            "settled": entry.settled,
            "red_flags": ";".join(entry.red_flags),
            "notes": entry.notes,
        }
        writer.writerow([_csv_value(session.get(column)) for column in CSV_COLUMNS])
        for item in entry.items:
            values = attrs.asdict(item) | {"date": entry.date}
            writer.writerow([_csv_value(values.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()
