"""The rules every catalogue entry, and the catalogue as a whole, must pass.

Pure functions: each yields ``(exercise id, field, message)`` for every broken
rule, so one load reports all problems at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from routines._closest import closest, did_you_mean
from routines.catalogue.exercise import Dosage, Exercise
from routines.catalogue.vocab import Dose, Equipment, Level, Modality

__all__ = ["catalogue_problems", "exercise_problems"]

Found = tuple[str, str, str]

KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TEMPO = re.compile(r"\d{1,2}-\d{1,2}-\d{1,2}-\d{1,2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

#: Limits of a dosage: (lowest, highest) per key. Documented in exercises/README.md.
LIMITS = {
    "sets": (1, 6),
    "rest_s": (0, 300),
    "reps": (1, 50),
    "hold_s": (5, 120),
    "duration_s": (10, 600),
}
_DOSE_KEY = {Dose.REPS: "reps", Dose.HOLD: "hold_s", Dose.DURATION: "duration_s"}


def _text_problems(field: str, values: Iterable[str], minimum: int) -> Iterator[tuple[str, str]]:
    items = list(values)
    if len(items) < minimum:
        yield field, f"needs at least {minimum} item(s), has {len(items)}"
    seen: set[str] = set()
    for index, text in enumerate(items):
        where = f"{field}[{index}]"
        if not text.strip():
            yield where, "is empty; write the text or remove the item"
        elif _CONTROL.search(text):
            yield where, f"{text!r} holds a control character; remove it"
        if text in seen:
            yield where, f"{text!r} is listed twice; remove the copy"
        seen.add(text)


def _dosage_problems(exercise: Exercise, level: Level, dosage: Dosage) -> Iterator[tuple[str, str]]:
    base = f"dosage.{level.value}"
    expected = _DOSE_KEY[exercise.dose]
    given = {
        "reps": dosage.reps,
        "hold_s": dosage.hold_s,
        "duration_s": dosage.duration_s,
    }
    for key, value in given.items():
        if key == expected and value is None:
            yield f"{base}.{key}", f"is missing; dose is {exercise.dose.value!r} so add {key}"
        elif key != expected and value is not None:
            yield (
                f"{base}.{key}",
                f"{value!r} does not fit dose {exercise.dose.value!r}; use {expected} instead",
            )
    checks: dict[str, int | None] = {
        "sets": dosage.sets,
        "rest_s": dosage.rest_s,
        "hold_s": dosage.hold_s,
        "duration_s": dosage.duration_s,
    }
    if dosage.reps is not None:
        low, high = dosage.reps
        checks["reps"] = low
        if low > high:
            yield f"{base}.reps", f"{list(dosage.reps)!r} has low > high; write [low, high]"
        if high > LIMITS["reps"][1]:
            yield f"{base}.reps", f"{high} is over {LIMITS['reps'][1]}; lower it"
    for key, value in checks.items():
        if value is None:
            continue
        low, high = LIMITS[key]
        if not low <= value <= high:
            yield f"{base}.{key}", f"{value!r} is outside {low}-{high}"
    if dosage.tempo is not None and not TEMPO.fullmatch(dosage.tempo):
        yield f"{base}.tempo", f"{dosage.tempo!r} is not a tempo; write it like '3-1-1-0'"


def exercise_problems(exercise: Exercise) -> Iterator[tuple[str, str]]:
    """Every rule one exercise breaks, as ``(field, message)``."""
    if not KEBAB.fullmatch(exercise.id):
        yield "id", f"{exercise.id!r} is not kebab-case; use a-z, 0-9 and single '-'"
    if not 1 <= len(exercise.name.strip()) <= 80:
        yield "name", f"{exercise.name!r} must be 1-80 characters"
    if _CONTROL.search(exercise.name):
        yield "name", f"{exercise.name!r} holds a control character; remove it"
    yield from _text_problems("aliases", exercise.aliases, 0)
    yield from _text_problems("instructions", exercise.instructions, 2)
    yield from _text_problems("cues", exercise.cues, 1)
    yield from _text_problems("mistakes", exercise.mistakes, 1)
    for field in ("primary_muscles", "secondary_muscles", "equipment", "cautions"):
        values = list(getattr(exercise, field))
        for value in {v for v in values if values.count(v) > 1}:
            yield field, f"{value.value!r} is listed twice; remove the copy"
    if not exercise.primary_muscles:
        yield "primary_muscles", "is empty; name at least one muscle"
    for muscle in set(exercise.primary_muscles) & set(exercise.secondary_muscles):
        yield "secondary_muscles", f"{muscle.value!r} is already primary; remove it here"
    if not exercise.equipment:
        yield "equipment", 'is empty; write ["none"] when nothing is needed'
    elif Equipment.NONE in exercise.equipment and len(exercise.equipment) > 1:
        yield "equipment", '"none" cannot stand with other equipment; remove "none"'
    if exercise.modality is Modality.STATIC_STRETCH and exercise.dose is not Dose.HOLD:
        yield "dose", f"{exercise.dose.value!r}: a static stretch is held; use 'hold'"
    if exercise.modality is Modality.ISOMETRIC and exercise.dose is not Dose.HOLD:
        yield "dose", f"{exercise.dose.value!r}: an isometric exercise is held; use 'hold'"
    if exercise.modality.is_warmup and exercise.dose is Dose.HOLD:
        yield "dose", "'hold': warm-up moves are dynamic; use 'reps' or 'duration'"
    for level in Level:
        if level.rank >= exercise.level.rank and level not in exercise.dosage:
            yield (
                f"dosage.{level.value}",
                f"is missing; a {exercise.level.value} exercise needs a dosage for {level.value}",
            )
    for level, dosage in exercise.dosage.items():
        yield from _dosage_problems(exercise, level, dosage)
    for field in ("progressions", "regressions"):
        links = getattr(exercise, field)
        if exercise.id in links:
            yield field, f"{exercise.id!r} links to itself; remove it"
        for link in {v for v in links if links.count(v) > 1}:
            yield field, f"{link!r} is listed twice; remove the copy"
    if exercise.figure is not None:
        # loaded when needed: a catalogue read from the loader's cache skips it
        from routines.catalogue.figure.checks import figure_problems

        yield from figure_problems(
            exercise.figure,
            held=exercise.dose is Dose.HOLD,
            per_side=exercise.per_side,
            equipment={item.value for item in exercise.equipment},
        )


def _cycle(graph: Mapping[str, tuple[str, ...]]) -> list[str] | None:
    """One cycle of the 'harder than' graph, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    for root in sorted(graph):
        if state.get(root):
            continue
        path: list[str] = [root]
        stack = [iter(graph.get(root, ()))]
        state[root] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(step) == 1:
                return [*path[path.index(step) :], step]
            elif step not in state and step in graph:
                state[step] = 1
                path.append(step)
                stack.append(iter(graph[step]))
    return None


def catalogue_problems(exercises: Mapping[str, Exercise]) -> Iterator[Found]:
    """Rules across exercises: links exist, agree both ways, and make no cycle."""
    ids = list(exercises)
    for exercise in exercises.values():
        for field, other_field in (
            ("progressions", "regressions"),
            ("regressions", "progressions"),
        ):
            for link in getattr(exercise, field):
                other = exercises.get(link)
                if other is None:
                    hint = (
                        did_you_mean(closest(link, ids, n=2))
                        or "; add that exercise or remove the link"
                    )
                    yield exercise.id, field, f"{link!r} is not in the catalogue{hint}"
                elif exercise.id not in getattr(other, other_field):
                    yield (
                        exercise.id,
                        field,
                        f"{link!r} does not list {exercise.id!r} under {other_field}; "
                        f"add it there so the link agrees both ways",
                    )
    cycle = _cycle({key: ex.progressions for key, ex in exercises.items()})
    if cycle:
        yield (
            cycle[0],
            "progressions",
            (
                f"the chain {' -> '.join(cycle)} goes round in a circle; "
                "an exercise cannot be harder than itself, so break one link"
            ),
        )
