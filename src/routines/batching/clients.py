"""Reading a client list: one row per person, a request from each.

The CSV has a header row. ``name`` (the person) is required; every other column
is a field of :class:`~routines.PlanRequest` with the names of the config file,
plus ``screening.<question>`` columns answered yes or no. The delimiter (comma,
semicolon or tab) is read from the header; the text must be UTF-8 (with or without
a byte-order mark). Unknown columns are ignored with a warning; every problem of a
bad row is reported at once, with its row number as a spreadsheet shows it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from routines._request import PlanRequest
from routines.batching.columns import COLUMNS, INTEGERS, SCREENING
from routines.batching.results import BatchFailure
from routines.errors import PlanError
from routines.planning.config import every_problem, request_from
from routines.planning.goals import GOALS

__all__ = ["COLUMNS", "CSV_LIMIT", "read_clients"]

StrPath = str | os.PathLike[str]

_INTEGERS, _SCREENING = INTEGERS, SCREENING


def _request_of(
    row: int, values: Mapping[str, str | None], defaults: Mapping[str, Any] = {}
) -> tuple[str, PlanRequest]:
    """The person's name and request from one row (``defaults`` for its empty
    cells); PlanError names the field."""
    name = (values.get("name") or "").strip()
    if not name:
        raise PlanError("is empty; give each client a name", field="name")
    data: dict[str, Any] = dict(defaults)
    screening: dict[str, bool] = {}
    for column, raw in values.items():
        text = (raw or "").strip()
        if column == "name" or not text:
            continue
        if column in _SCREENING:
            if text.lower() not in {"yes", "no"}:
                raise PlanError(f"{text!r} is not an answer; write yes or no", field=column)
            screening[_SCREENING[column]] = text.lower() == "yes"
        elif column in _INTEGERS and text.lstrip("-").isdigit():
            data[column] = int(text)
        else:
            data[column] = text
    if screening:
        data["screening"] = screening
    goal = GOALS.get(str(data.get("goal", "upper-back-runner")))
    data["name"] = f"{name}: {goal.title}" if goal else name
    try:
        return name, request_from(data, source=f"row {row}")
    except PlanError as first:
        problems = every_problem(data)
        if len(problems) <= 1:
            raise first from None
        reason = "; ".join(f"{field}: {why}" for field, why in problems)
        raise PlanError(reason) from None


#: The largest client list read (a row is about 100 bytes).
CSV_LIMIT = 256 * 1024 * 1024


def _delimiter(first_line: str) -> str:
    """The delimiter of a CSV by its header row: comma, semicolon (what spreadsheet
    programs in much of Europe save) or tab."""
    counts = {mark: first_line.count(mark) for mark in (",", ";", "\t")}
    best = max(counts, key=lambda mark: counts[mark])
    return best if counts[best] else ","


def _rows(
    source: StrPath | Iterable[Mapping[str, str | None]], warnings: list[str]
) -> list[tuple[int, dict[Any, Any]]]:
    if not isinstance(source, str | os.PathLike):
        return [(number, dict(values)) for number, values in enumerate(source, start=1)]
    from routines._files import read_limited

    path = Path(source)
    if not path.exists() and not path.is_symlink():
        raise PlanError(f"{path}: no such file; give a CSV with one row per client")
    data = read_limited(path, limit=CSV_LIMIT, what="client list CSV", error=PlanError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanError(
            f"{path}: is not UTF-8 text (byte {data[exc.start]:#04x} at {exc.start}); save it "
            "as UTF-8 (in a spreadsheet program: Save As, 'CSV UTF-8')"
        ) from None
    try:
        with io.StringIO(text, newline="") as handle:
            reader = csv.DictReader(
                handle, delimiter=_delimiter(text.split("\n", 1)[0]), strict=True
            )
            header = [column.strip() for column in reader.fieldnames or []]
            reader.fieldnames = header
            if "name" not in header:
                raise PlanError(
                    f"{path}: the column name is missing; columns are name and request "
                    f"fields: {', '.join(COLUMNS)}"
                )
            unknown = [c for c in header if c not in COLUMNS]
            if unknown:
                warnings.append(
                    f"{path}: ignored the column{'s' if len(unknown) > 1 else ''} "
                    f"{', '.join(map(repr, unknown))}; the columns routines reads are name "
                    f"and request fields: {', '.join(COLUMNS[1:])}"
                )
            # row numbers as a spreadsheet shows them: the header is row 1
            rows = []
            for number, values in enumerate(reader, start=2):
                for column in unknown:
                    values.pop(column, None)
                rows.append((number, values))
            return rows
    except csv.Error as exc:
        raise PlanError(
            f"{path}: cannot be read as CSV ({exc}); check the quotes around cells"
        ) from None


def read_clients(
    source: StrPath | Iterable[Mapping[str, str | None]],
    defaults: Mapping[str, Any] = {},
    warnings: list[str] | None = None,
) -> tuple[list[tuple[int, str, PlanRequest]], list[BatchFailure]]:
    """The requests of a client list, and the rows that could not become one;
    ``defaults`` (request fields) fill the empty cells; what was ignored (unknown
    columns) is added to ``warnings``."""
    good: list[tuple[int, str, PlanRequest]] = []
    bad: list[BatchFailure] = []
    for number, values in _rows(source, warnings if warnings is not None else []):
        extra = values.pop(None, None)  # csv puts cells beyond the header under None
        if extra:
            bad.append(
                BatchFailure(
                    number,
                    str(values.get("name") or ""),
                    None,
                    f"{len(extra)} cell(s) more than the header has; quote cells with commas",
                )
            )
            continue
        try:
            name, request = _request_of(number, values, defaults)
        except PlanError as exc:
            bad.append(BatchFailure(number, str(values.get("name") or ""), exc.field, exc.reason))
        else:
            good.append((number, name, request))
    return good, bad
