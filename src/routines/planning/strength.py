"""The strength block of one session: items in training order (multi-joint before
single-joint, large muscles before small, trunk last), halved for a deload,
with lighter ramp-up sets before heavy loaded lifts."""

from __future__ import annotations

from collections.abc import Sequence

from routines._plan import Item, dose_fields
from routines.catalogue.vocab import Muscle, Pattern
from routines.planning.balance import trim_pushing
from routines.planning.blocks import WeekKind
from routines.planning.dose import (
    DESK_EFFORT,
    LIGHT_EFFORT,
    deload_sets,
    effort,
    ramp_up_sets,
)
from routines.planning.lines import Line, line_seconds, reason_for, rest_for
from routines.planning.pool import Pool, load_tier
from routines.planning.schedule import DayKind

__all__ = ["ORDER", "RETEST", "strength_items"]

ORDER = {
    Pattern.SQUAT: 0, Pattern.HINGE: 0, Pattern.LUNGE: 0,
    Pattern.HORIZONTAL_PULL: 1, Pattern.VERTICAL_PULL: 1,
    Pattern.HORIZONTAL_PUSH: 1, Pattern.VERTICAL_PUSH: 1,
    Pattern.CARRY: 2, Pattern.ISOLATION: 3, Pattern.SPINAL_EXTENSION: 3,
}  # fmt: skip
"""Multi-joint before single-joint, large muscles before small, trunk last."""

#: Muscles of the small, single-joint-like pulls (flies, raises, rotations): after
#: the rows, pulldowns and presses.
SMALL = frozenset(
    {
        Muscle.REAR_DELTS,
        Muscle.LOWER_TRAPEZIUS,
        Muscle.ROTATOR_CUFF,
        Muscle.SERRATUS_ANTERIOR,
        Muscle.SIDE_DELTS,
        Muscle.UPPER_TRAPEZIUS,
    }
)
_LEGS = {Pattern.SQUAT: 0, Pattern.HINGE: 1, Pattern.LUNGE: 2}


def order_key(pool: Pool, line: Line, index: int) -> tuple[int, int, int, int, int]:
    """Multi-joint before single-joint (squats before hinges before lunges), the
    heaviest first, small pulls and raises after the rows and presses, trunk last."""
    exercise = pool.get(line.track.exercise)
    return (
        ORDER.get(exercise.pattern, 4),
        exercise.primary_muscles[0] in SMALL,
        _LEGS.get(exercise.pattern, 0),
        -load_tier(exercise),
        index,
    )


#: What a re-test week asks of the first set of each strength exercise.
RETEST = (
    "re-test: make the first set a test, as many good reps (or seconds) as you can with "
    "1-2 left in reserve, and log it; beat your last test by 2 reps (10 s) or more and the "
    "next block starts with the next band or weight"
)


def _deload(pool: Pool, lines: Sequence[Line]) -> dict[int, int]:
    """About half the sets; then pushing sets trimmed (the biggest first) until
    pulling is not behind."""
    sets = {i: deload_sets(line.track.sets) for i, line in enumerate(lines)}
    pulls = sum(
        sets[i] for i, line in enumerate(lines)
        if not line.light and pool.get(line.track.exercise).pattern.is_pull
    )  # fmt: skip
    pushing = sorted(
        (i for i, line in enumerate(lines) if pool.get(line.track.exercise).pattern.is_push),
        key=lambda i: -sets[i],
    )
    before = [sets[i] for i in pushing]
    for i, count in zip(pushing, trim_pushing(before, sum(before) - pulls), strict=True):
        sets[i] = count
    return sets


def strength_items(
    pool: Pool, lines: Sequence[Line], week: WeekKind, kind: DayKind, track_prefix: str
) -> list[Item]:
    """The strength block for ``lines`` in ``week`` on a day of ``kind``."""
    deload = week.deload
    sets_of = (
        _deload(pool, lines) if deload else {i: line.track.sets for i, line in enumerate(lines)}
    )
    ordered = sorted(enumerate(lines), key=lambda pair: order_key(pool, pair[1], pair[0]))
    items = []
    for index, line in ordered:
        exercise = pool.get(line.track.exercise)
        amount = line.track.amount
        if line.light:
            target, reason = LIGHT_EFFORT, "light band or body-weight work for posture"
        elif kind is DayKind.DESK:
            target, reason = DESK_EFFORT, reason_for(line.slot, exercise)
        else:
            target, reason = (
                effort(exercise, amount, deload=deload),
                reason_for(line.slot, exercise),
            )
        if deload:
            reason = "deload week: about half the sets, easy effort, to recover"
        elif line.note:
            reason = f"{reason}; {line.note}"
        if week.retest and not line.light:
            reason = f"{reason}; {RETEST}"
        heavy = not (deload or line.light or kind is DayKind.DESK)
        ramp_up = ramp_up_sets(exercise, amount) if heavy else 0
        items.append(
            Item(
                exercise=exercise.id,
                sets=sets_of[index],
                **dose_fields(exercise.dose, amount),
                per_side=exercise.per_side,
                rest_s=line.rest_s if line.rest_s is not None else rest_for(exercise, pool, amount),
                effort=target,
                seconds=line_seconds(pool, line, sets=sets_of[index], ramp_up=ramp_up),
                reason=reason,
                track=f"{track_prefix}:{line.slot.name}",
                load_steps=line.track.load_steps,
                ramp_up_sets=ramp_up,
            )
        )
    return items
