"""``routines batch``: plans for a whole client list from a CSV file."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any, TextIO

from routines.batching.columns import COLUMNS
from routines.cli._common import UsageError, add_catalogue_option
from routines.cli._plan import add_force_option

_EXAMPLES = """\
examples:
  routines batch clients.csv --out plans/
  routines batch clients.csv --out plans/ --paper letter --workers 4
  routines batch clients.csv --out plans/ --force     replace last month's PDFs

{columns}
List cells take comma-separated values in quotes ("mon,wed,fri"); an empty cell
means the default. Each person gets NAME.pdf, NAME.ics and NAME.json in --out.
A bad row is reported (row number, field, reason) and the other rows go on; the
exit status is 1 when any row failed.
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
        description="Make a plan for every row of a CSV file, on every CPU core.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("csv", metavar="CLIENTS.csv", help="one row per person")
    parser.add_argument("--out", metavar="DIR", default=".", help="where to write (default .)")
    parser.add_argument(
        "--workers", metavar="N", type=int, help="processes to use (default: every CPU core)"
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


class ProgressBar:
    """``[#########...........]  9/20 plans`` on one line of a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done == total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} plans{end}")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise UsageError(f"argument --workers: {args.workers}: give 1 or more")
    progress = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    from routines.batching.batch import batch

    report = batch(
        args.csv,
        args.out,
        workers=args.workers,
        defaults={k: v for k, v in (("paper", args.paper), ("alarm", args.alarm)) if v},
        force=args.force,
        catalogue_dirs=args.catalogue,
        progress=progress,
    )
    print(report)
    return 0 if report.ok else 1
