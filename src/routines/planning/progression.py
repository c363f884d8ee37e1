"""Progression as pure functions: where a progression line starts and its next step.

Double progression (ACSM 2009; NSCA): the reps climb inside the exercise's
training band by 1-2 a week (hold seconds by 5 s up to the ceiling), then a set
is added (within the level's sets and the week's volume), then the harder variant
comes in at the bottom of its band, or the load goes up (a load step) and the
reps go back to the bottom. Never more than one step a week.
"""

from __future__ import annotations

import attrs

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Level
from routines.planning.dose import hold_ceiling, max_sets, rep_band, rep_step

__all__ = ["Track", "band_of", "next_step", "start_amount", "start_track"]

HOLD_STEP_S = 5
#: The fewest reps a pulling exercise is set at.
PULL_REPS_FLOOR = 8
#: A harder hold starts at about this share of its usual time (a single-leg hold
#: doubles the load on the leg).
HARDER_HOLD_SHARE = 0.6
#: Timed moves (carries) grow by 10 s a week up to 90 s.
DURATION_STEP_S = 10
DURATION_CAP_S = 90


@attrs.frozen
class Track:
    """Where one progression line stands: the exercise and its dose.

    ``amount`` is reps per set, seconds per hold or seconds of movement.
    """

    exercise: str
    sets: int
    amount: int
    load_steps: int = 0


def band_of(exercise: Exercise, level: Level) -> tuple[int, int]:
    """The range the amount moves in: the rep band, or start hold to ceiling."""
    dosage = exercise.dosage_for(level)
    if dosage.reps is not None:
        low, high = rep_band(dosage.reps)
        if exercise.pattern.is_pull and low < PULL_REPS_FLOOR:
            # pulls for the upper back: 8-12 reps, never heavy triples (Andersen 2008)
            low, high = PULL_REPS_FLOOR, max(PULL_REPS_FLOOR, min(dosage.reps[1], 12))
        return low, high
    if dosage.hold_s is not None:
        top = hold_ceiling(exercise, level)
        return min(dosage.hold_s, top), top
    start = min(dosage.duration_s or 30, DURATION_CAP_S)
    return start, max(start, DURATION_CAP_S)


def start_amount(exercise: Exercise, level: Level) -> int:
    return band_of(exercise, level)[0]


def start_track(exercise: Exercise, level: Level, set_cap: int | None = None) -> Track:
    """The first week's dose: the level's sets (at most ``set_cap``), at the
    bottom of the band."""
    cap = min(max_sets(level), set_cap or max_sets(level))
    sets = max(1, min(exercise.dosage_for(level).sets, cap))
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
    """One progression step (never more), with the reason; the same track when
    there is no step to take."""
    low, top = band_of(exercise, level)
    if track.amount < top:
        if exercise.dose is Dose.REPS:
            amount = min(top, track.amount + rep_step((low, top)))
            return attrs.evolve(track, amount=amount), f"+{amount - track.amount} reps per set"
        step = HOLD_STEP_S if exercise.dose is Dose.HOLD else DURATION_STEP_S
        amount = min(top, track.amount + step)
        return attrs.evolve(track, amount=amount), f"+{amount - track.amount} s"
    if track.sets < set_cap and may_add_set:
        return attrs.evolve(track, sets=track.sets + 1), "one more set"
    if harder is not None:
        start = start_amount(harder, level)
        if harder.dose is not Dose.REPS:  # a harder hold comes in shorter, and builds up
            start = max(10, 5 * round(start * HARDER_HOLD_SHARE / 5))
        moved = Track(harder.id, track.sets, start)
        return moved, f"the harder variant of {exercise.name}, at the bottom of its range"
    if exercise.loaded and exercise.dose is Dose.REPS:
        added = attrs.evolve(track, amount=low, load_steps=track.load_steps + 1)
        return added, f"add 2-10% load (a heavier weight or stronger band), back to {low} reps"
    return track, ""
