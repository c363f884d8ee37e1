"""Dose rules as pure functions: time estimates, rest, effort, deload.

Every threshold here comes from the training rules (docs/training-rules.md);
the planner only combines them.
"""

from __future__ import annotations

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Level

__all__ = ["deload_sets", "effort", "item_seconds", "max_sets", "rest_range"]

#: Seconds one repetition takes when no tempo is given (about 1-1-1).
REP_S = 3
#: Seconds to get into position for an exercise.
SETUP_S = {Dose.REPS: 15, Dose.HOLD: 10, Dose.DURATION: 10}


def rep_seconds(tempo: str | None) -> int:
    """Seconds per repetition: the tempo's total, else :data:`REP_S`."""
    if not tempo:
        return REP_S
    return max(2, sum(int(part) for part in tempo.split("-")))


def item_seconds(
    dose: Dose,
    *,
    sets: int,
    amount: int,
    per_side: bool,
    rest_s: int,
    tempo: str | None = None,
) -> int:
    """Estimated seconds for an item: work, rests between sets, and setting up.

    ``amount`` is reps per set, seconds per hold, or seconds of movement. Both
    sides count for per-side work; the rest comes after each set but the last.
    """
    sides = 2 if per_side else 1
    work = amount * rep_seconds(tempo) if dose is Dose.REPS else amount
    return sets * work * sides + (sets - 1) * rest_s + SETUP_S[dose]


def rest_range(dose: Dose, amount: int) -> tuple[int, int]:
    """Rest between sets (ACSM 2009): 60-180 s for 7-14 reps, 30-60 s for
    endurance sets of 15 or more, 180-300 s for 6 or fewer; 30-90 s after holds."""
    if dose is not Dose.REPS:
        return (30, 90)
    if amount >= 15:
        return (30, 60)
    if amount <= 6:
        return (180, 300)
    return (60, 180)


def max_sets(level: Level) -> int:
    """Sets per exercise go from 2 to 3 (4 for advanced lifters)."""
    return 4 if level is Level.ADVANCED else 3


def deload_sets(sets: int) -> int:
    """About half the sets, at least one (Bell et al. 2022)."""
    return max(1, sets // 2)


def effort(exercise: Exercise, *, deload: bool) -> str:
    """The effort target: an RPE with reps in reserve (nobody knows their 1RM)."""
    if deload:
        return "RPE 5-6 (easy: 4+ reps in reserve)"
    if exercise.dose is Dose.REPS:
        return "RPE 7-8 (2-3 reps in reserve)"
    return "RPE 7 (stop before your form breaks)"
