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
import os
from collections.abc import Iterable, Iterator, Mapping, Sized
from pathlib import Path
from typing import IO, Any

from routines._request import PlanRequest
from routines.batching.columns import COLUMNS, INTEGERS, SCREENING
from routines.batching.results import BatchFailure
from routines.errors import PlanError
from routines.planning.config import every_problem, request_from
from routines.planning.goals import GOALS

__all__ = ["COLUMNS", "client_rows", "count_rows", "read_clients"]

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


def _delimiter(first_line: str) -> str:
    """The delimiter of a CSV by its header row: comma, semicolon (what spreadsheet
    programs in much of Europe save) or tab."""
    counts = {mark: first_line.count(mark) for mark in (",", ";", "\t")}
    best = max(counts, key=lambda mark: counts[mark])
    return best if counts[best] else ","


def _opened(path: Path) -> IO[str]:
    """The client list, open for reading: a regular file, or a clear error."""
    from routines._files import os_problem, regular_file

    regular_file(path, what="client list", error=PlanError,
                 missing="no such file; give a CSV with one row per client")  # fmt: skip
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise PlanError(f"{path}: cannot read the client list: {os_problem(exc)}") from None


def _rows(
    source: StrPath | Iterable[Mapping[str, str | None]], warnings: list[str]
) -> Iterator[tuple[int, dict[Any, Any]]]:
    """The rows of the client list, read as they are needed (a list of a million
    people is never held in memory), numbered as a spreadsheet shows them."""
    if not isinstance(source, str | os.PathLike):
        for number, values in enumerate(source, start=1):
            yield number, dict(values)
        return
    path = Path(source)
    with _opened(path) as handle:
        try:
            first = handle.readline()
            handle.seek(0)
            reader = csv.DictReader(handle, delimiter=_delimiter(first), strict=True)
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
            for number, values in enumerate(reader, start=2):  # the header is row 1
                for column in unknown:
                    values.pop(column, None)
                yield number, values
        except UnicodeDecodeError as exc:
            raise PlanError(
                f"{path}: is not UTF-8 text (byte {exc.object[exc.start]:#04x}); save it as "
                "UTF-8 (in a spreadsheet program: Save As, 'CSV UTF-8')"
            ) from None
        except csv.Error as exc:
            line = f" at line {reader.line_num + 1}" if "reader" in locals() else ""
            raise PlanError(
                f"{path}: cannot be read as CSV{line} ({exc}); check the quotes around cells "
                "there, then run the same command again (the rows before it are kept)"
            ) from None


def count_rows(source: StrPath | Iterable[Mapping[str, str | None]]) -> int | None:
    """How many rows a client list has (for progress), read once quickly; ``None``
    when it cannot be told without reading it for real."""
    if not isinstance(source, str | os.PathLike):
        return len(source) if isinstance(source, Sized) else None
    try:
        return sum(1 for _ in _rows(source, []))
    except PlanError:
        return None


def client_rows(
    source: StrPath | Iterable[Mapping[str, str | None]],
    defaults: Mapping[str, Any] = {},
    warnings: list[str] | None = None,
) -> Iterator[tuple[int, str, PlanRequest] | BatchFailure]:
    """Each row's request, or its failure, as the rows are read."""
    for number, values in _rows(source, warnings if warnings is not None else []):
        extra = values.pop(None, None)  # csv puts cells beyond the header under None
        if extra:
            yield BatchFailure(
                number,
                str(values.get("name") or ""),
                None,
                f"{len(extra)} cell(s) more than the header has; quote cells with commas",
            )
            continue
        try:
            name, request = _request_of(number, values, defaults)
        except PlanError as exc:
            yield BatchFailure(number, str(values.get("name") or ""), exc.field, exc.reason)
        else:
            yield number, name, request


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
    for found in client_rows(source, defaults, warnings):
        if isinstance(found, BatchFailure):
            bad.append(found)
        else:
            good.append(found)
    return good, bad
