"""Exercises as text and plain data: the catalogue table, one exercise in full, and
the JSON form of an exercise."""

from __future__ import annotations

import textwrap
from typing import Any

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Level

__all__ = ["describe", "exercise_json", "table"]


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    """One exercise in the JSON exchange format (the catalogue's field names)."""
    from routines._convert import converter

    raw: dict[str, Any] = converter.unstructure(exercise)
    return raw


def table(exercises: list[Exercise], width: int | None = None) -> str:
    """A plain-text table, its lines cut at ``width`` columns when one is given (a
    terminal's width; a file or a pipe gets whole lines)."""
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
    return "\n".join(line.rstrip()[:width] for line in lines)  # [:None]: whole


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


def _figure_text(exercise: Exercise) -> str:
    figure = exercise.figure
    if figure is None:
        return "none yet (drawn as a plain standing figure)"
    from routines.catalogue.figure.bases import BASES

    view = (figure.view or BASES[figure.base].view).value
    seen = "from above" if view == "top" else f"from the {view}"
    how = "held" if figure.pose is not None or figure.start is None else "start and end"
    props = ", ".join(prop.kind.value for prop in figure.props)
    return f"{figure.base.value}, {seen}, {how}" + (f", with {props}" if props else "")


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
    lines.append(f"  figure: {_figure_text(exercise)}")
    lines.append(f"  easier: {names(exercise.regressions)}")
    lines.append(f"  harder: {names(exercise.progressions)}")
    if source:
        lines.append(f"  file: {source}")
    return "\n".join(lines)
