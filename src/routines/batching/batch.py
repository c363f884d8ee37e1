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

import multiprocessing
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import attrs

from routines._files import os_problem
from routines._request import PlanRequest
from routines.batching.clients import COLUMNS, read_clients
from routines.batching.results import BatchFailure, BatchReport, BatchResult
from routines.errors import PlanError, RoutinesError

__all__ = ["COLUMNS", "BatchFailure", "BatchReport", "BatchResult", "batch", "read_clients"]

StrPath = str | os.PathLike[str]
Progress = Callable[[int, int], None]


@attrs.frozen
class _Job:
    row: int
    name: str
    request: PlanRequest
    stem: str


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60]


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
        stem = base = _slug(name) or f"row-{number}"
        if stem in taken:
            stem = f"{base}-row-{number}"
        extra = 2
        while stem in taken:  # "a", "a-row-4", "a": never share a file name
            stem, extra = f"{base}-row-{number}-{extra}", extra + 1
        taken.add(stem)
        made.append(_Job(number, name, request, stem))
    return made


#: Why a row whose worker process died made no plan.
CRASHED = (
    "the worker process stopped while making this plan (killed, or out of memory); run "
    "the batch again"
)


def _in_pool(
    jobs: Sequence[_Job],
    count: int,
    folder: Path,
    dirs: tuple[str, ...],
    options: dict[str, Any],
    done: Callable[[BatchResult | BatchFailure], None],
) -> list[_Job]:
    """Run ``jobs`` on ``count`` worker processes, passing each result to ``done``;
    returns the jobs whose worker died before answering."""
    context = multiprocessing.get_context(
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    broken: list[_Job] = []
    with ProcessPoolExecutor(min(count, len(jobs)), mp_context=context) as pool:
        futures: dict[Future[BatchResult | BatchFailure], _Job] = {
            pool.submit(_make, job, folder, dirs, options): job for job in jobs
        }
        for future in as_completed(futures):
            try:
                done(future.result())
            except BrokenProcessPool:
                broken.append(futures[future])
    return sorted(broken, key=lambda job: job.row)


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
    warnings: list[str] = []
    rows, failed = read_clients(source, defaults, warnings)
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
        finished = 0

        def tick(result: BatchResult | BatchFailure) -> None:
            nonlocal finished
            results.append(result)
            finished += 1
            if progress:
                progress(finished, total)

        broken = _in_pool(jobs, count, folder, dirs, options, tick)
        if broken:  # a worker died (killed, out of memory): once more in a fresh pool
            broken = _in_pool(broken, count, folder, dirs, options, tick)
        for job in broken:  # still: alone, so a crash costs only its own row
            if _in_pool([job], 1, folder, dirs, options, tick):
                tick(BatchFailure(job.row, job.name, None, CRASHED))
    results.sort(key=lambda r: r.row)
    return BatchReport(
        out_dir=folder,
        written=tuple(r for r in results if isinstance(r, BatchResult)),
        failed=tuple(r for r in results if isinstance(r, BatchFailure)),
        seconds=time.perf_counter() - started,
        warnings=tuple(warnings),
    )
