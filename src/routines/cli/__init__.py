"""The ``routines`` command: a thin layer of argparse over the public API.

Every command turns its options into API calls and prints the result. Errors
reach the user as one clear line (exit status 1, or 2 for a usage error);
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from routines._files import os_problem
from routines._text import shown
from routines._version import version
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


#: The module that defines each command; a run imports only its command's.
_COMMANDS = {
    "plan": "_plan",
    "init": "_init",
    "batch": "_batch",
    "log": "_log",
    "adapt": "_adapt",
    "feed": "_calendar",
    "serve": "_calendar",
    "exercises": "_exercises",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of the ``routines`` command: with ``command``, only that
    command's options are defined (a run needs no other); without, every command's."""
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
    chosen = [_COMMANDS[command]] if command in _COMMANDS else _COMMANDS.values()
    for module in dict.fromkeys(chosen):  # each once, in the order of --help
        importlib.import_module(f"routines.cli.{module}").add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    # A command makes many short-lived objects and few cycles: with the default
    # thresholds the cyclic garbage collector runs hundreds of times, a fifteenth of
    # `routines plan`'s CPU time (benchmarks/bench_main.py). mypy does the same.
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*thresholds)


def _main(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments  # anywhere on the line, before or after the command
    arguments = [argument for argument in arguments if argument != "--debug"]
    command = next((word for word in arguments if not word.startswith("-")), None)
    parser = build_parser(command)
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
