"""Progression lines: one slot of a kind of day, its exercise and dose in one week,
and how long it takes."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from routines.catalogue.exercise import Exercise
from routines.planning.dose import item_seconds, ramp_up_sets, rest_range
from routines.planning.pool import Pool
from routines.planning.progression import Track
from routines.planning.slots import MUSCLE_REASONS, Slot

__all__ = ["Line", "line_seconds", "reason_for", "rest_for", "strength_seconds"]


@attrs.frozen
class Line:
    """One slot of a kind of day, with its progression track for one week.

    ``light`` marks light posture work (a light horizontal pull on a lower-body
    day for an upper-back goal): never a hard set, fine on consecutive days.
    """

    slot: Slot
    track: Track
    note: str = ""
    light: bool = False
    #: The rest between sets, when not the exercise's own (desk breaks: 30 s).
    rest_s: int | None = None


def rest_for(exercise: Exercise, pool: Pool, amount: int) -> int:
    """The catalogue's rest for the level, kept inside the rep range's rest range."""
    low, high = rest_range(exercise.dose, amount)
    return min(max(exercise.dosage_for(pool.level).rest_s, low), high)


def line_seconds(
    pool: Pool, line: Line, *, sets: int | None = None, ramp_up: int | None = None
) -> int:
    """How long the line's item takes, rests and ramp-up sets included (``sets`` and
    ``ramp_up`` when they differ from the line's own, as in a deload)."""
    key = ("seconds", line.track, line.light, sets, ramp_up)
    found: int | None = pool.cache.get(key)
    if found is None:
        found = pool.cache[key] = _seconds(pool, line, sets, ramp_up)
    return found


def _seconds(pool: Pool, line: Line, sets: int | None, ramp_up: int | None) -> int:
    exercise = pool.get(line.track.exercise)
    amount = line.track.amount
    if ramp_up is None:
        ramp_up = 0 if line.light else ramp_up_sets(exercise, amount)
    return item_seconds(
        exercise.dose,
        sets=line.track.sets if sets is None else sets,
        amount=amount,
        per_side=exercise.per_side,
        rest_s=line.rest_s if line.rest_s is not None else rest_for(exercise, pool, amount),
        tempo=exercise.dosage_for(pool.level).tempo,
        ramp_up=ramp_up,
    )


def strength_seconds(pool: Pool, lines: Sequence[Line]) -> int:
    return sum(line_seconds(pool, line) for line in lines)


def reason_for(slot: Slot, exercise: Exercise) -> str:
    """Why the exercise is in the session: its slot's words when the exercise's main
    muscle is one the slot is for, else what its main muscle does for the slot."""
    if not slot.muscles or exercise.primary_muscles[0] in slot.muscles:
        return slot.reason
    main = next((m for m in exercise.primary_muscles if m in slot.muscles), None)
    main = main or exercise.primary_muscles[0]
    return MUSCLE_REASONS.get(main, f"works the {main.value.replace('_', ' ')}")
