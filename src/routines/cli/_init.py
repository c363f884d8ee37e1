"""``routines init``: write a commented starter ``plan.toml``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from routines.errors import ExportError

_EXAMPLES = """\
examples:
  routines init                        write plan.toml here
  routines init my-plan.toml --force   replace an existing file
  routines plan --config plan.toml     build the plan it describes (flags win over it)
"""


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "init",
        help="write a commented starter plan.toml with every option",
        description=(
            "Write a commented starter config holding every option with its default.\n"
            "The start date is fixed to the next Monday, so the file always describes\n"
            "the same plan."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", default="plan.toml", help="where to write it (default plan.toml)"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(run=run, subparser=parser)


def run(args: argparse.Namespace) -> int:
    from routines._files import write_atomic
    from routines.planning.config import starter_config

    target = Path(args.file)
    if target.exists() and not args.force:
        raise ExportError(f"{target}: exists; choose another name or add --force to replace it")
    write_atomic(target, starter_config().encode("utf-8"))
    print(f"wrote {target}: edit it, then run: routines plan --config {target}")
    return 0
