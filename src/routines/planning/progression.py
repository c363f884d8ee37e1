"""Progression as pure functions: where a progression line starts and its next step.

Double progression (ACSM 2009; NSCA): reps or hold seconds rise within the
range, then a set is added, then the harder variant comes in (or the load goes
up); never more than one step a week.
"""

from __future__ import annotations

import attrs

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Level
from routines.planning.dose import max_sets

__all__ = ["HOLD_CAP_S", "Track", "next_step", "start_amount", "start_track"]

#: Holds grow by 5 s a week up to 60 s; then the harder variant (planks past
#: 2 minutes add nothing).
HOLD_STEP_S = 5

HOLD_CAP_S = 60

#: Timed moves (carries) grow by 10 s a week up to 90 s.
DURATION_STEP_S = 10

DURATION_CAP_S = 90

#: Reps grow by one or two per set a week.
REP_STEP = 2


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
