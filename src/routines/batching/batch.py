"""Plans for a whole client list: :func:`batch`.

Rows are read as they are needed and a bounded number are in flight, so memory
stays flat for ten rows or a million; they run on any ``concurrent.futures``
executor (by default a pool of local processes; a Dask cluster's executor for many
machines), each worker writing its person's files straight into the output folder.
Every finished row is recorded in a manifest (:mod:`routines.batching.manifest`),
so running the same batch again skips what is done and redoes the rest, and an
interrupted run (Ctrl-C, SIGTERM) stops cleanly, saying how many rows remain. A
bad row never stops the others; a worker that dies costs at most its own row.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import re
import signal
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    CancelledError,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import attrs

from routines._files import os_problem
from routines.batching.clients import COLUMNS, client_rows, count_rows, read_clients
from routines.batching.folders import FOLDERS, paths_for
from routines.batching.jobs import Job, fingerprint, make
from routines.batching.manifest import Manifest
from routines.batching.report import RowReport
from routines.batching.results import BatchFailure, BatchReport, BatchResult
from routines.errors import PlanError

__all__ = ["COLUMNS", "CRASHED", "BatchFailure", "BatchReport", "BatchResult", "batch",
           "read_clients"]  # fmt: skip

StrPath = str | os.PathLike[str]
Progress = Callable[[int, int | None], None]

#: Why a row whose worker process died made no plan.
CRASHED = (
    "the worker process stopped while making this plan (killed, or out of memory); run "
    "the batch again"
)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60]


def _contents(dirs: Sequence[str]) -> str:
    """A digest of the exercise files in the user's catalogue folders: an edited
    exercise makes the rows again (the built-in catalogue goes with the version)."""
    import hashlib

    digest = hashlib.sha256()
    for folder in dirs:
        digest.update(folder.encode())
        for path in sorted(Path(folder).rglob("*.toml")):
            try:
                digest.update(path.as_posix().encode() + path.read_bytes())
            except OSError:
                continue  # the catalogue's own load has said what is wrong with it
    return digest.hexdigest()[:16]


def _ignore_ctrl_c() -> None:
    """In a worker: Ctrl-C at a terminal reaches every process of the group; the
    batch itself decides to stop, and a worker finishes the row it is making."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _local_pool(workers: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_ctrl_c)


class _Stop:
    """Set by Ctrl-C or SIGTERM: no new rows start; the running ones finish. A
    second Ctrl-C stops at once (the rows running are then not recorded)."""

    def __init__(self) -> None:
        self.asked = False
        self._old: dict[int, Any] = {}

    def __enter__(self) -> _Stop:
        if threading.current_thread() is threading.main_thread():
            for number in (signal.SIGTERM, signal.SIGINT):
                self._old[number] = signal.signal(number, self._handle)
        return self

    def wanted(self) -> bool:
        """Whether a stop was asked (by now: a signal may come at any time)."""
        return self.asked

    def _handle(self, number: int, frame: Any) -> None:
        if self.asked and number == signal.SIGINT:
            raise KeyboardInterrupt
        self.asked = True

    def __exit__(self, *exc: object) -> None:
        for number, old in self._old.items():
            signal.signal(number, old)


class _Run:
    """One batch run: the rows, their futures and what came of them."""

    def __init__(self, out_dir: Path, manifest: Manifest, report: RowReport,
                 progress: Progress | None, total: int | None, keep: bool) -> None:  # fmt: skip
        self.out_dir, self.manifest, self.report = out_dir, manifest, report
        self.progress, self.total, self.keep = progress, total, keep
        self.written: list[BatchResult] = []
        self.failed: list[BatchFailure] = []
        self.counts = {"done": 0, "skipped": 0, "failed": 0}
        self.prints: dict[int, tuple[str, str]] = {}  # row -> (person, fingerprint)

    def tick(self) -> None:
        if self.progress:
            self.progress(sum(self.counts.values()), self.total)

    def failure(self, failure: BatchFailure) -> None:
        self.failed.append(failure)
        self.counts["failed"] += 1
        self.report.write(failure.row, failure.name, "failed", field=failure.field,
                          reason=failure.reason)  # fmt: skip
        self.tick()

    def skipped(self, job: Job) -> None:
        self.counts["skipped"] += 1
        self.report.write(job.row, job.name, "skipped", reason="done before", files=job.files)
        self.tick()

    def ended(self, job: Job, result: BatchResult | BatchFailure) -> None:
        person, print_ = self.prints.pop(job.row, (job.name, ""))
        if isinstance(result, BatchFailure):
            self.manifest.record(person, print_, [], "failed", result.reason)
            self.failure(result)
            return
        self.manifest.record(person, print_, list(job.files), "done")
        if self.keep:
            self.written.append(result)
        self.counts["done"] += 1
        self.report.write(job.row, job.name, "done", files=job.files)
        self.tick()


def _jobs(
    run: _Run, rows: Iterator[Any], folders: str, settings: str, options: dict[str, Any],
    resume: bool, kinds: Sequence[str],
) -> Iterator[Job]:  # fmt: skip
    """The rows still to make, as jobs; rows that fail to read, and rows done
    before, are settled here."""
    for found in rows:
        if isinstance(found, BatchFailure):
            run.failure(found)
            continue
        number, name, request = found
        person = run.manifest.person(name)
        stem = run.manifest.stem(person, number, _slug(name) or "client")
        found = paths_for(run.out_dir, stem, folders)
        files = tuple(found[kind] if kind in kinds else None for kind in ("pdf", "ics", "json"))
        job = Job(number, name, request, files, **options)  # type: ignore[arg-type]
        print_ = fingerprint(request, settings)
        if resume and run.manifest.finished(person, print_):
            run.skipped(job)
            continue
        if not job.force and run.manifest.ours(person, files):  # theirs, from before
            job = attrs.evolve(job, force=True)
        run.prints[number] = (person, print_)
        yield job


def _drive(
    run: _Run, jobs: Iterator[Job], executor: Executor, in_flight: int, stop: _Stop,
    renew: Callable[[], Executor] | None,
) -> None:  # fmt: skip
    """Run ``jobs`` on ``executor``, ``in_flight`` at most at once. After a stop no
    more of the list is read (a million rows left must not delay it); rows that
    cannot be read stop the batch only after the rows running are recorded."""
    pending: dict[Future[BatchResult | BatchFailure], Job] = {}
    retried: set[int] = set()
    alone: list[Job] = []
    try:
        for job in jobs:
            while len(pending) >= in_flight and not stop.wanted():
                executor = _collect(run, pending, executor, retried, alone, renew, stop)
            if stop.wanted():
                break
            pending[executor.submit(make, job)] = job
        while pending:
            executor = _collect(run, pending, executor, retried, alone, renew, stop)
    except BaseException as exc:  # a second Ctrl-C, or a list that cannot be read on:
        for future in list(pending):  # what is queued does not start,
            if future.cancel():
                pending.pop(future)
        while pending:  # and what is running is recorded
            executor = _collect(run, pending, executor, retried, alone, renew, stop)
        if not isinstance(exc, KeyboardInterrupt):
            raise
        stop.asked = True
    for job in alone:  # twice in a pool that broke: alone, so a crash costs one row
        if renew is None:
            run.ended(job, BatchFailure(job.row, job.name, None, CRASHED))
            continue
        with _local_pool(1) as single:
            try:
                run.ended(job, single.submit(make, job).result())
            except BrokenProcessPool:
                run.ended(job, BatchFailure(job.row, job.name, None, CRASHED))


def _collect(
    run: _Run, pending: dict[Future[Any], Job], executor: Executor, retried: set[int],
    alone: list[Job], renew: Callable[[], Executor] | None, stop: _Stop,
) -> Executor:  # fmt: skip
    """Settle the rows that ended; when a local pool broke (a worker killed), start a
    new one and send its rows again, once; a row lost twice will run alone."""
    done, _ = wait(list(pending), timeout=1.0, return_when=FIRST_COMPLETED)
    lost: list[Job] = []
    for future in done:
        job = pending.pop(future)
        try:
            result = future.result()
        except (BrokenProcessPool, CancelledError):
            lost.append(job)
            continue
        except Exception as exc:  # a worker lost elsewhere (a Dask worker killed, say)
            why = f"{CRASHED} ({type(exc).__name__})"
            run.ended(job, BatchFailure(job.row, job.name, None, why))
            continue
        run.ended(job, result)
    if not lost:
        return executor
    if renew is None:
        for job in lost:
            run.ended(job, BatchFailure(job.row, job.name, None, CRASHED))
        return executor
    lost += pending.values()  # the rest of a broken pool is lost with it
    pending.clear()
    executor.shutdown(wait=False, cancel_futures=True)
    executor = renew()
    for job in lost:
        if job.row in retried:
            alone.append(job)
        else:
            retried.add(job.row)
            pending[executor.submit(make, job)] = job
    return executor


def batch(
    source: StrPath | Iterable[Mapping[str, str | None]],
    out_dir: StrPath,
    *,
    workers: int | None = None,
    executor: Executor | None = None,
    defaults: Mapping[str, Any] = {},
    force: bool = False,
    catalogue_dirs: Sequence[StrPath] = (),
    progress: Progress | None = None,
    folders: str = "flat",
    resume: bool = True,
    report: StrPath | None = None,
    in_flight: int | None = None,
    keep_results: bool = True,
    kinds: Sequence[str] = ("pdf", "ics", "json"),
) -> BatchReport:
    """Make a plan for every row of ``source`` (a CSV file, or mappings of column to
    text) and write each person's PDF, calendar and JSON into ``out_dir``.

    Rows run on ``executor`` (any ``concurrent.futures.Executor``, such as a Dask
    client's ``get_executor()``) or on a local pool of ``workers`` processes (default:
    every CPU core), at most ``in_flight`` at once (default: four per worker). Files go
    in ``folders``: ``"flat"``, ``"person"`` or ``"sharded"``
    (:mod:`routines.batching.folders`). With ``resume`` (the default), rows done
    before with the same request are skipped. ``report`` writes a line per row
    (``.csv`` or ``.jsonl``). ``defaults`` fill empty cells, such as ``{"paper":
    "letter"}``. ``progress(done, total)`` is called as rows end (``total`` may be
    ``None``). Existing files are protected as :func:`routines.export` protects
    them, unless ``force``. ``keep_results=False`` keeps only the failures in the
    returned report (for very long lists). ``kinds`` chooses the files made. With an
    ``executor``, the paths the rows get (``out_dir``, ``catalogue_dirs``) are made
    absolute: its workers may run in another folder, or on another machine that
    reaches the same path (a shared folder).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     report = batch([{"name": "Ann", "minutes": "5"}], folder)
    >>> print(report.failed[0])
    row 1 (Ann): minutes: 5 is outside 10-90; pick a whole number in that range
    """
    started = time.perf_counter()
    folder = Path(out_dir) if executor is None else Path(out_dir).absolute()
    if folder.exists() and not folder.is_dir():
        raise PlanError(f"{folder}: is a file, not a folder; give a folder for the plans")
    if folders not in FOLDERS:
        raise PlanError(f"{folders!r} is not a layout; use {', '.join(FOLDERS)}", field="folders")
    dirs = tuple(str(d if executor is None else Path(d).absolute()) for d in catalogue_dirs)
    warnings: list[str] = []
    rows = client_rows(source, defaults, warnings)
    first = next(rows, None)  # the header is read (and checked) before anything is made
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlanError(f"{folder}: cannot make the folder: {os_problem(exc)}") from None
    from routines.batching.jobs import _catalogue

    _catalogue(dirs)  # a broken catalogue folder fails once, here, not once per row
    for option, value in (("workers", workers), ("in_flight", in_flight)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 1):  # fmt: skip
            raise PlanError(f"{value!r} is not a number of {option}; give 1 or more", field=option)
    count = workers or os.cpu_count() or 1
    total = count_rows(source) if progress else None
    unknown = sorted(set(kinds) - {"pdf", "ics", "json"})
    if unknown or not kinds:
        raise PlanError(f"{unknown or kinds!r}: give kinds among pdf, ics and json", field="kinds")
    settings = f"{folders}|{sorted(defaults.items())}|{_contents(dirs)}|{sorted(kinds)}"
    options = {"force": force, "catalogue_dirs": dirs}
    manifest = Manifest(folder)
    own = executor is None
    pool: Executor = executor or _local_pool(count)
    try:
        with RowReport(Path(report) if report else None) as lines, _Stop() as stop:
            run = _Run(folder, manifest, lines, progress, total, keep_results)
            run.tick()
            every = itertools.chain([first] if first is not None else [], rows)
            jobs = _jobs(run, every, folders, settings, options, resume, kinds)
            _drive(run, jobs, pool, in_flight or 4 * count, stop,
                   (lambda: _local_pool(count)) if own else None)  # fmt: skip
    finally:
        manifest.flush()
        manifest.close()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)
    left = 0
    if stop.asked:  # the rows never settled: counted, not read for real
        rows_in_all = total if total is not None else count_rows(source)
        settled = sum(run.counts.values())
        left = max(0, rows_in_all - settled) if rows_in_all is not None else 0
    return BatchReport(
        out_dir=folder,
        written=tuple(sorted(run.written, key=lambda r: r.row)),
        failed=tuple(sorted(run.failed, key=lambda r: r.row)),
        seconds=time.perf_counter() - started,
        warnings=tuple(warnings),
        skipped=run.counts["skipped"],
        done=run.counts["done"],
        remaining=left,
        interrupted=stop.asked,
    )
