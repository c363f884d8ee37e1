"""``routines exercises``: browse the catalogue."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from typing import Any

from routines.catalogue.text import describe, exercise_json, table
from routines.catalogue.vocab import Equipment, Level, Modality, Muscle, Pattern
from routines.cli._common import (
    UsageError,
    add_catalogue_option,
    catalogue_from,
    enum_list,
    enum_value,
)

_EXAMPLES = """\
examples:
  routines exercises                              every exercise, as a table
  routines exercises --modality static_stretch    only the stretches
  routines exercises --muscle rhomboids --level beginner --equipment band
  routines exercises --search row                 by name or alias
  routines exercises show band-row                one exercise in full
  routines exercises show band-row --figure band-row.svg   and its figure
  routines exercises --json > catalogue.json      the whole catalogue as JSON
  routines exercises --catalogue my-exercises     with your own folder added
"""


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "exercises",
        help="list, search and show the exercises in the catalogue",
        description="List, filter, search and show the exercise catalogue.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("words", nargs="*", metavar="show ID", help="show one exercise in full")
    parser.add_argument("--modality", type=enum_value(Modality, "modality"))
    parser.add_argument("--pattern", type=enum_value(Pattern, "pattern"))
    parser.add_argument("--muscle", type=enum_value(Muscle, "muscle"), help="a primary muscle")
    parser.add_argument(
        "--equipment",
        type=enum_list(Equipment, "equipment"),
        help="what you have, comma-separated (none, mat, wall, doorway, towel, chair are assumed)",
    )
    parser.add_argument(
        "--level", type=enum_value(Level, "level"), help="suits this level (or is easier)"
    )
    parser.add_argument("--search", metavar="TEXT", help="match names and aliases")
    parser.add_argument(
        "--json", action="store_true", help="print the exercises as a JSON list of objects"
    )
    parser.add_argument(
        "--figure", metavar="FILE.svg", help="with show: also draw the exercise into an SVG file"
    )
    add_catalogue_option(parser)
    parser.set_defaults(run=run, subparser=parser)


def run(args: argparse.Namespace) -> int:
    catalogue = catalogue_from(args)
    if args.words:
        if len(args.words) != 2 or args.words[0] != "show":
            raise UsageError(
                f"unexpected {' '.join(args.words)!r}; use `routines exercises show ID`"
            )
        exercise = catalogue.get(args.words[1])
        if args.json:
            print(json.dumps(exercise_json(exercise), indent=2, ensure_ascii=False))
        else:
            print(describe(exercise, catalogue.source(exercise.id)))
        if args.figure:
            from routines.catalogue.figure import write_svg

            written = write_svg(exercise, args.figure)
            drawn = "its figure" if exercise.figure else "a placeholder (it has no [figure] yet)"
            print(f"wrote {drawn} to {written}", file=sys.stderr if args.json else sys.stdout)
        return 0
    if args.figure:
        raise UsageError(
            "--figure draws one exercise; use `routines exercises show ID --figure FILE`"
        )
    found = catalogue.filter(
        modality=args.modality,
        pattern=args.pattern,
        muscle=args.muscle,
        equipment=args.equipment,
        level=args.level,
    )
    if args.search:
        matches = {exercise.id for exercise in catalogue.search(args.search)}
        found = [exercise for exercise in found if exercise.id in matches]
    if args.json:
        print(json.dumps([exercise_json(e) for e in found], indent=2, ensure_ascii=False))
        return 0
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    print(table(found, width))
    print(
        f"\n{len(found)} of {len(catalogue)} exercises. "
        "`routines exercises show ID` shows one in full."
    )
    return 0
