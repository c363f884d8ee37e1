"""``routines batch``: plans for a whole client list from a CSV file, on this
machine's cores or on a Dask cluster."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from routines.batching.columns import COLUMNS
from routines.batching.folders import FOLDERS
from routines.cli._common import UsageError, add_catalogue_option
from routines.cli._plan import add_force_option

_EXAMPLES = """\
examples:
  routines batch clients.csv --out plans/
  routines batch clients.csv --out plans/ --paper letter --workers 4
  routines batch clients.csv --out plans/ --folders sharded --report report.csv
  routines batch clients.csv --out /shared/plans --scheduler tcp://10.0.0.5:8786
  routines batch clients.csv --out plans/ --scheduler local      a local Dask cluster

{columns}
List cells take comma-separated values in quotes ("mon,wed,fri"); an empty cell
means the default. Each person gets a PDF, a calendar and the plan's JSON in --out
(--folders flat: NAME.pdf...; person: NAME/plan.pdf...; sharded: 3f/NAME/plan.pdf...).
A bad row is reported (row number, field, reason) and the other rows go on; the
exit status is 1 when any row failed. Finished rows are recorded in
batch-manifest.sqlite beside the plans: running the same command again skips
them and redoes the rest (--redo does them all). Ctrl-C stops cleanly.
""".replace(
    "{columns}",
    textwrap.fill(
        "The CSV has a header row. name (the person) is required; the other columns are "
        f"request fields, as in plan.toml: {', '.join(COLUMNS[1:])}.",
        80,
    ),
)


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "batch",
        help="plans for a client list: a PDF and a calendar per CSV row",
        description="Make a plan for every row of a CSV file, on every CPU core or a cluster.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("csv", metavar="CLIENTS.csv", help="one row per person")
    parser.add_argument("--out", metavar="DIR", default=".", help="where to write (default .)")
    parser.add_argument(
        "--workers", metavar="N", type=int, help="processes to use (default: every CPU core)"
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: tcp://HOST:8786, or local (needs routines[dask])",
    )
    parser.add_argument(
        "--folders", choices=FOLDERS, default="flat", help="how to lay out the files (flat)"
    )
    parser.add_argument("--report", metavar="FILE", help="a line per row: FILE.csv or FILE.jsonl")
    parser.add_argument(
        "--redo", action="store_true", help="make every row again, even those done before"
    )
    parser.add_argument(
        "--paper", metavar="SIZE", help="paper for rows without one: a4 (default) or letter"
    )
    parser.add_argument(
        "--alarm", metavar="MINUTES", help="reminder for rows without one: minutes, or none"
    )
    add_force_option(parser)
    add_catalogue_option(parser)
    parser.set_defaults(run=run, subparser=parser)


def progress_for(stream: TextIO, every: float = 10.0) -> Callable[[int, int | None], None]:
    """A progress bar with rate and time left on a terminal (tqdm); elsewhere (cron,
    nohup, a log file) a line every ``every`` seconds."""
    if stream.isatty():
        from tqdm import tqdm

        bar = tqdm(total=None, unit="plan", file=stream, dynamic_ncols=True)

        def show(done: int, total: int | None) -> None:
            if total is not None and bar.total != total:
                bar.total = total
            bar.update(done - bar.n)
            if total is not None and done >= total:
                bar.close()

        return show
    started = time.monotonic()
    last = [started]

    def lines(done: int, total: int | None) -> None:
        now = time.monotonic()
        finished = total is not None and done >= total
        if now - last[0] < every and not finished:
            return
        last[0] = now
        rate = done / max(now - started, 1e-9)
        left = ", done" if finished else ""
        if total and rate and not finished:
            left = f", about {round((total - done) / rate)} s left"
        of = f"/{total}" if total is not None else ""
        stream.write(f"routines batch: {done}{of} rows, {rate:.1f} per second{left}\n")
        stream.flush()

    return lines


_ADDRESS = re.compile(r"(tcp|tls|ws|wss)://[^\s/]+:[0-9]{1,5}")


@contextmanager
def _executor(address: str | None, workers: int | None) -> Iterator[tuple[Any, int | None]]:
    """A Dask cluster's executor (``tcp://...`` or ``local``) and how many rows it
    runs at once (its threads, all machines together), or None for the local pool."""
    if address is None:
        yield None, None
        return
    if address != "local" and not _ADDRESS.fullmatch(address):
        raise UsageError(
            f"argument --scheduler: {address!r} is not a scheduler address; give "
            "tcp://HOST:PORT (such as tcp://10.0.0.5:8786), or local"
        )
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "argument --scheduler: Dask is not installed; pip install 'routines[dask]'"
        ) from None
    dask: Any = distributed  # untyped
    import logging

    logging.getLogger("distributed").setLevel(logging.WARNING)  # its own chatter
    cluster = None
    try:
        if address == "local":
            cluster = dask.LocalCluster(
                n_workers=workers or 2, threads_per_worker=1, processes=True,
                dashboard_address=None, host="127.0.0.1",
            )  # fmt: skip
            client = dask.Client(cluster)
        else:
            client = dask.Client(address, timeout=30)
    except Exception as exc:  # refused, timed out, or something else answering there
        why = str(exc) or type(exc).__name__
        raise UsageError(
            f"argument --scheduler: cannot reach a Dask scheduler at {address} ({why})"
        ) from None
    try:
        threads = sum(client.nthreads().values()) or None
        yield client.get_executor(pure=False), threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(args: argparse.Namespace) -> int:
    from routines.batching.batch import batch

    if args.workers is not None and args.workers < 1:
        raise UsageError(f"argument --workers: {args.workers}: give 1 or more")
    defaults = {k: v for k, v in (("paper", args.paper), ("alarm", args.alarm)) if v}
    with _executor(args.scheduler, args.workers) as (executor, threads):
        report = batch(
            args.csv,
            args.out,
            workers=args.workers,
            executor=executor,
            defaults=defaults,
            force=args.force,
            catalogue_dirs=args.catalogue,
            progress=progress_for(sys.stderr),
            folders=args.folders,
            resume=not args.redo,
            report=args.report,
            keep_results=False,
            in_flight=4 * threads if threads else None,
        )
    print(str(report).replace("pass force=True", "add --force"))  # the command line's words
    return 0 if report.ok else 1
