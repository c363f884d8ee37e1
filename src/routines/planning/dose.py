"""Dose rules as pure functions: time estimates, rest, effort, progression, deload.

Every threshold here comes from the training rules (docs/training-rules.md,
after ../shared/SCIENCE.md); the planner only combines them.
"""

from __future__ import annotations

import attrs

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Level

__all__ = [
    "HOLD_CAP_S",
    "Track",
    "deload_sets",
    "effort",
    "item_seconds",
    "max_sets",
    "next_step",
    "rest_range",
    "start_track",
]

#: Seconds one repetition takes when no tempo is given (about 1-1-1).
REP_S = 3
#: Seconds to get into position for an exercise.
SETUP_S = {Dose.REPS: 15, Dose.HOLD: 10, Dose.DURATION: 10}
#: Holds grow by 5 s a week up to 60 s; then the harder variant (planks past
#: 2 minutes add nothing).
HOLD_STEP_S = 5
HOLD_CAP_S = 60
#: Timed moves (carries) grow by 10 s a week up to 90 s.
DURATION_STEP_S = 10
DURATION_CAP_S = 90
#: Reps grow by one or two per set a week.
REP_STEP = 2


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


@attrs.frozen
class Track:
    """Where one progression line stands: the exercise and its dose.

    ``amount`` is reps per set, seconds per hold or seconds of movement.
    """

    exercise: str
    sets: int
    amount: int
    load_steps: int = 0


def start_amount(exercise: Exercise, level: Level) -> int:
    dosage = exercise.dosage_for(level)
    if dosage.reps is not None:
        return dosage.reps[0]
    if dosage.hold_s is not None:
        return min(dosage.hold_s, HOLD_CAP_S)
    return min(dosage.duration_s or 30, DURATION_CAP_S)


def start_track(exercise: Exercise, level: Level, set_cap: int | None = None) -> Track:
    """The first week's dose: the level's sets (at most ``set_cap``), at the
    bottom of the range."""
    cap = min(max_sets(level), set_cap or max_sets(level))
    sets = min(exercise.dosage_for(level).sets, cap)
    return Track(exercise.id, sets, start_amount(exercise, level))


def next_step(
    track: Track,
    exercise: Exercise,
    harder: Exercise | None,
    level: Level,
    *,
    set_cap: int,
    may_add_set: bool,
) -> tuple[Track, str]:
    """One progression step (never more), with the reason.

    Double progression: reps (or hold seconds) rise to the top of the range,
    then one more set (up to ``set_cap``), then the harder variant at the bottom
    of its range; a loaded exercise with no harder variant adds load instead.
    """
    dosage = exercise.dosage_for(level)
    if exercise.dose is Dose.REPS:
        assert dosage.reps is not None  # guaranteed by the catalogue checks
        top = dosage.reps[1]
        if track.amount < top:
            amount = min(top, track.amount + REP_STEP)
            return attrs.evolve(track, amount=amount), f"+{amount - track.amount} reps per set"
    elif exercise.dose is Dose.HOLD:
        top = HOLD_CAP_S
        if track.amount < top:
            amount = min(top, track.amount + HOLD_STEP_S)
            return attrs.evolve(track, amount=amount), f"+{amount - track.amount} s per hold"
    else:
        top = DURATION_CAP_S
        if track.amount < top:
            amount = min(top, track.amount + DURATION_STEP_S)
            return attrs.evolve(track, amount=amount), f"+{amount - track.amount} s"
    if track.sets < set_cap and may_add_set:
        return attrs.evolve(track, sets=track.sets + 1), "one more set"
    if harder is not None:
        moved = Track(harder.id, track.sets, start_amount(harder, level))
        return moved, f"harder variant of {exercise.name}"
    if exercise.loaded and exercise.dose is Dose.REPS:
        low = start_amount(exercise, level)
        added = attrs.evolve(track, amount=low, load_steps=track.load_steps + 1)
        return added, f"add 2-10% load (heavier weight or stronger band), back to {low} reps"
    return track, "top of the range: keep this dose with perfect form"
