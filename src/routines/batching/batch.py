"""Plans for a whole client list: one row per person, a PDF, a calendar and the
plan's JSON for each, made on every CPU core.

The CSV has a header row. ``name`` (the person) is required; every other column
is a field of :class:`~routines.PlanRequest` with the names of the config file
(``start``, ``weeks``, ``days``, ``minutes``, ``time``, ``timezone``, ``level``,
``equipment``, ``goal``, ``run_days``, ``long_run``, ``avoid``, ``seed``, ``id``,
``deload_every``), plus ``screening.<question>`` columns answered yes or no. List
fields take comma-separated values (quote the cell); an empty cell means the
default. A bad row is reported with its row number, field and reason, and the
other rows go on.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import attrs

from routines._files import os_problem
from routines._request import SCREENING_QUESTIONS, PlanRequest
from routines.errors import PlanError, RoutinesError
from routines.planning.config import request_from
from routines.planning.goals import GOALS

__all__ = ["BatchFailure", "BatchReport", "BatchResult", "batch", "read_clients"]

StrPath = str | os.PathLike[str]
Progress = Callable[[int, int], None]

_INTEGERS = frozenset({"weeks", "minutes", "seed", "deload_every"})
_FIELDS = frozenset(attrs.fields_dict(PlanRequest)) - {"screening", "name"}
_SCREENING = {f"screening.{key}": key for key in SCREENING_QUESTIONS}
COLUMNS = ("name", *sorted(_FIELDS), *_SCREENING)


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
        return f"row {self.row}{who}: {where}{self.reason}"


@attrs.frozen
class BatchReport:
    """What :func:`batch` did, row by row, in row order."""

    out_dir: Path
    written: tuple[BatchResult, ...]
    failed: tuple[BatchFailure, ...]
    seconds: float

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
        return "\n".join(lines)


@attrs.frozen
class _Job:
    row: int
    name: str
    request: PlanRequest
    stem: str


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60]


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
    return name, request_from(data, source=f"row {row}")


#: The largest client list read (a row is about 100 bytes).
CSV_LIMIT = 256 * 1024 * 1024


def _rows(
    source: StrPath | Iterable[Mapping[str, str | None]],
) -> list[tuple[int, dict[Any, Any]]]:
    if not isinstance(source, str | os.PathLike):
        return [(number, dict(values)) for number, values in enumerate(source, start=1)]
    from routines._files import read_limited

    path = Path(source)
    if not path.exists() and not path.is_symlink():
        raise PlanError(f"{path}: no such file; give a CSV with one row per client")
    data = read_limited(path, limit=CSV_LIMIT, what="client list CSV", error=PlanError)
    try:
        with io.StringIO(data.decode("utf-8-sig"), newline="") as handle:
            reader = csv.DictReader(handle, strict=True)
            header = reader.fieldnames or []
            unknown = [c for c in header if c not in COLUMNS]
            if unknown or "name" not in header:
                missing = "" if "name" in header else "the column name is missing; "
                wrong = f"unknown column {', '.join(map(repr, unknown))}; " if unknown else ""
                raise PlanError(
                    f"{path}: {missing}{wrong}columns are name and request fields: "
                    f"{', '.join(COLUMNS)}"
                )
            # row numbers as a spreadsheet shows them: the header is row 1
            try:
                return [(number, values) for number, values in enumerate(reader, start=2)]
            except csv.Error as exc:
                raise PlanError(
                    f"{path}: after line {reader.line_num}: {exc}; check the quotes around cells"
                ) from None
    except UnicodeDecodeError as exc:
        raise PlanError(f"{path}: is not UTF-8 text ({exc.reason}); save it as UTF-8") from None
    except csv.Error as exc:
        raise PlanError(f"{path}: cannot be read as CSV ({exc})") from None


def read_clients(
    source: StrPath | Iterable[Mapping[str, str | None]],
    defaults: Mapping[str, Any] = {},
) -> tuple[list[tuple[int, str, PlanRequest]], list[BatchFailure]]:
    """The requests of a client list, and the rows that could not become one;
    ``defaults`` (request fields) fill the empty cells."""
    good: list[tuple[int, str, PlanRequest]] = []
    bad: list[BatchFailure] = []
    for number, values in _rows(source):
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


# -- the work of one row, in a worker process ---------------------------------------

_CATALOGUES: dict[tuple[str, ...], Any] = {}


def _catalogue(dirs: tuple[str, ...]) -> Any:
    if dirs not in _CATALOGUES:
        from routines.catalogue.load import load_catalogue

        _CATALOGUES[dirs] = load_catalogue(*dirs)
    return _CATALOGUES[dirs]


def _make(
    job: _Job, out_dir: Path, dirs: tuple[str, ...], options: dict[str, Any]
) -> BatchResult | BatchFailure:
    from routines.exporters.export import export
    from routines.planning.planner import plan

    try:
        result = plan(job.request, _catalogue(dirs))
        paths = [out_dir / f"{job.stem}.{kind}" for kind in ("pdf", "ics", "json")]
        export(result, pdf=paths[0], ics=paths[1], json=paths[2], **options)
    except RoutinesError as exc:
        return BatchFailure(job.row, job.name, exc.field, exc.reason)
    except Exception as exc:  # a bug must not cost the other rows their plans
        reason = (
            f"internal error: {type(exc).__name__}: {exc} (a bug in routines; please report it)"
        )
        return BatchFailure(job.row, job.name, None, reason)
    return BatchResult(job.row, job.name, *paths)


def _stems(jobs: Sequence[tuple[int, str, PlanRequest]]) -> list[_Job]:
    """File names from the people's names, unique within the batch."""
    made: list[_Job] = []
    taken: set[str] = set()
    for number, name, request in jobs:
        stem = _slug(name) or f"row-{number}"
        if stem in taken:
            stem = f"{stem}-row-{number}"
        taken.add(stem)
        made.append(_Job(number, name, request, stem))
    return made


def batch(
    source: StrPath | Iterable[Mapping[str, str | None]],
    out_dir: StrPath,
    *,
    workers: int | None = None,
    defaults: Mapping[str, Any] = {},
    force: bool = False,
    catalogue_dirs: Sequence[StrPath] = (),
    progress: Progress | None = None,
) -> BatchReport:
    """Make a plan for every row of ``source`` (a CSV file, or mappings of column to
    text) and write ``<name>.pdf``, ``<name>.ics`` and ``<name>.json`` into ``out_dir``.

    ``defaults`` are request fields for the cells a row leaves empty, such as
    ``{"paper": "letter", "alarm": None}``. Rows run in parallel on ``workers``
    processes (default: every CPU core).
    Bad rows never stop the others: they come back in :attr:`BatchReport.failed`.
    Existing files are protected as :func:`routines.export` protects them, per
    row, unless ``force``. ``progress(done, total)`` is called as rows finish.

    >>> report = batch([{"name": "Ann", "minutes": "5"}], ".")
    >>> print(report.failed[0])
    row 1 (Ann): minutes: 5 is outside 10-90; pick a whole number in that range
    """
    started = time.perf_counter()
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise PlanError(f"{folder}: is a file, not a folder; give a folder for the plans")
    dirs = tuple(str(d) for d in catalogue_dirs)
    rows, failed = read_clients(source, defaults)
    try:
        folder.mkdir(parents=True, exist_ok=True)  # once the client list has been read
    except OSError as exc:
        raise PlanError(f"{folder}: cannot make the folder: {os_problem(exc)}") from None
    _catalogue(dirs)  # a broken catalogue folder fails once, here, not once per row
    jobs = _stems(rows)
    options = {"force": force}
    results: list[BatchResult | BatchFailure] = list(failed)
    total = len(jobs)
    if progress:
        progress(0, total)
    count = min(workers or os.cpu_count() or 1, total)
    if count <= 1:
        for done, job in enumerate(jobs, start=1):
            results.append(_make(job, folder, dirs, options))
            if progress:
                progress(done, total)
    else:
        context = multiprocessing.get_context(
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            futures: list[Future[BatchResult | BatchFailure]] = [
                pool.submit(_make, job, folder, dirs, options) for job in jobs
            ]
            for done, future in enumerate(as_completed(futures), start=1):
                results.append(future.result())
                if progress:
                    progress(done, total)
    results.sort(key=lambda r: r.row)
    return BatchReport(
        out_dir=folder,
        written=tuple(r for r in results if isinstance(r, BatchResult)),
        failed=tuple(r for r in results if isinstance(r, BatchFailure)),
        seconds=time.perf_counter() - started,
    )
