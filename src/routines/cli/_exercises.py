"""``routines exercises``: browse the catalogue."""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap
from typing import Any

from routines._convert import converter
from routines.catalogue.exercise import Exercise
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
        help="what you have, comma-separated (none, mat, wall, doorway, towel are assumed)",
    )
    parser.add_argument(
        "--level", type=enum_value(Level, "level"), help="suits this level (or is easier)"
    )
    parser.add_argument("--search", metavar="TEXT", help="match names and aliases")
    parser.add_argument(
        "--json", action="store_true", help="print the exercises as a JSON list of objects"
    )
    add_catalogue_option(parser)
    parser.set_defaults(run=run, subparser=parser)


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    """One exercise in the JSON exchange format (the catalogue's field names)."""
    raw: dict[str, Any] = converter.unstructure(exercise)
    return raw


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
        return 0
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
    print(table(found))
    print(
        f"\n{len(found)} of {len(catalogue)} exercises. "
        "`routines exercises show ID` shows one in full."
    )
    return 0


def table(exercises: list[Exercise]) -> str:
    """A plain-text table that fits the terminal."""
    width = shutil.get_terminal_size((100, 24)).columns
    rows = [("ID", "NAME", "MODALITY", "PATTERN", "LEVEL", "EQUIPMENT")]
    rows += [
        (
            e.id,
            e.name,
            e.modality.value,
            e.pattern.value,
            e.level.value,
            ",".join(item.value for item in e.equipment),
        )
        for e in exercises
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(line.rstrip()[:width] for line in lines)


def _dose_text(exercise: Exercise, level: Level) -> str:
    dosage = exercise.dosage[level]
    if dosage.reps is not None:
        amount = f"{dosage.reps[0]}-{dosage.reps[1]} reps"
    elif dosage.hold_s is not None:
        amount = f"{dosage.hold_s} s hold"
    else:
        amount = f"{dosage.duration_s} s"
    side = " each side" if exercise.per_side else ""
    tempo = f", tempo {dosage.tempo}" if dosage.tempo else ""
    return f"{dosage.sets} x {amount}{side}, rest {dosage.rest_s} s{tempo}"


def describe(exercise: Exercise, source: str | None = None) -> str:
    """One exercise in full, as readable text."""

    def wrap(text: str, lead: str) -> str:
        return textwrap.fill(text, 88, initial_indent=lead, subsequent_indent=" " * len(lead))

    def names(values: tuple[Any, ...]) -> str:
        return ", ".join(getattr(v, "value", v) for v in values) or "-"

    lines = [
        f"{exercise.name} ({exercise.id})",
        f"  {exercise.modality.value}, {exercise.pattern.value}, {exercise.level.value}"
        + (", one side at a time" if exercise.per_side else ""),
        f"  muscles: {names(exercise.primary_muscles)}"
        + (f" (also {names(exercise.secondary_muscles)})" if exercise.secondary_muscles else ""),
        f"  equipment: {names(exercise.equipment)}",
    ]
    if exercise.aliases:
        lines.append(f"  also called: {', '.join(exercise.aliases)}")
    lines.append("  dosage:")
    lines += [f"    {level.value}: {_dose_text(exercise, level)}" for level in exercise.dosage]
    lines.append("  how:")
    lines += [wrap(step, f"    {n}. ") for n, step in enumerate(exercise.instructions, 1)]
    lines.append("  cues:")
    lines += [wrap(cue, "    - ") for cue in exercise.cues]
    lines.append("  common mistakes:")
    lines += [wrap(mistake, "    - ") for mistake in exercise.mistakes]
    if exercise.cautions:
        lines.append(f"  cautions: {names(exercise.cautions)}")
    lines.append(f"  easier: {names(exercise.regressions)}")
    lines.append(f"  harder: {names(exercise.progressions)}")
    if source:
        lines.append(f"  file: {source}")
    return "\n".join(lines)
