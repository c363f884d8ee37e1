"""The ``routines`` command: a thin layer of argparse over the public API.

Every command turns its options into API calls and prints the result. Errors
reach the user as one clear line (exit status 1, or 2 for a usage error);
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from routines._files import os_problem
from routines._text import shown
from routines._version import version
from routines.cli import _adapt, _batch, _calendar, _exercises, _init, _log, _plan
from routines.cli._common import UsageError, error_line
from routines.cli._parser import Parser, unknown_arguments
from routines.errors import RoutinesError

__all__ = ["build_parser", "main"]

_DESCRIPTION = """\
Plan stretching and strength routines for a healthy upper back.

examples:
  routines plan                          the default program: plan.pdf, plan.ics, plan.json
  routines init                          a commented plan.toml to edit
  routines plan --config plan.toml       the plan it describes
  routines plan --days mon,thu --minutes 20 --dry-run
  routines feed public/ && routines serve public/
  routines log                           record today's session, question by question
  routines adapt                         change the coming sessions from the log
  routines batch clients.csv --out plans/   a plan per client, on every core
  routines exercises                     list the exercise catalogue
  routines exercises show band-row       one exercise in full
  routines exercises --json              the whole catalogue as JSON
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``routines`` command."""
    parser = Parser(
        prog="routines",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"routines {version()}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show the full traceback when something fails (anywhere on the line)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _plan.add_parser(commands)
    _init.add_parser(commands)
    _batch.add_parser(commands)
    _log.add_parser(commands)
    _adapt.add_parser(commands)
    _calendar.add_parsers(commands)
    _exercises.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments  # anywhere on the line, before or after the command
    arguments = [argument for argument in arguments if argument != "--debug"]
    parser = build_parser()
    args, extras = parser.parse_known_args(arguments)
    if extras:
        unknown_arguments(getattr(args, "subparser", parser), extras)
    if args.command is None:
        parser.print_help()
        return 2
    args.debug = debug
    try:
        status: int = args.run(args)
    except UsageError as exc:
        print(error_line(exc), file=sys.stderr)
        print(f"  see `{args.subparser.prog} --help`", file=sys.stderr)
        return 2
    except RoutinesError as exc:
        if debug:
            raise
        print(error_line(exc), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (for example `head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
    except OSError as exc:  # a condition of the world no check foresaw: say which
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"routines: error: {shown(where)}{os_problem(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("routines: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if debug:
            raise
        print(
            f"routines: internal error: {type(exc).__name__}: {exc}\n"
            "  This is a bug in routines. Rerun with --debug and report the traceback.",
            file=sys.stderr,
        )
        return 70
    return status
