"""The strength block of one session: items in training order (multi-joint before
single-joint, large muscles before small, trunk last), halved for a deload."""

from __future__ import annotations

from collections.abc import Sequence

from routines._plan import Item, dose_fields
from routines.catalogue.vocab import Pattern
from routines.planning.balance import trim_pushing
from routines.planning.dose import deload_sets, effort, item_seconds, rest_range
from routines.planning.pool import Pool
from routines.planning.templates import Line, exercise_of, is_kind

__all__ = ["strength_items"]

_ORDER = {
    Pattern.SQUAT: 0, Pattern.HINGE: 0, Pattern.LUNGE: 0,
    Pattern.HORIZONTAL_PULL: 1, Pattern.VERTICAL_PULL: 1,
    Pattern.HORIZONTAL_PUSH: 1, Pattern.VERTICAL_PUSH: 1,
    Pattern.CARRY: 2, Pattern.ISOLATION: 3, Pattern.SPINAL_EXTENSION: 3,
}  # fmt: skip
"""Multi-joint before single-joint, large muscles before small, trunk last."""


def _keep_pull_ahead(pool: Pool, lines: Sequence[Line], sets_of: dict[int, int]) -> None:
    """After halving for a deload, trim pushing sets (the biggest first) until
    pulling is not behind."""
    pulls = sum(sets_of[id(line)] for line in lines if is_kind(pool, line, "pull"))
    pushes = sorted(
        (line for line in lines if is_kind(pool, line, "push")), key=lambda line: -sets_of[id(line)]
    )
    before = [sets_of[id(line)] for line in pushes]
    for line, sets in zip(pushes, trim_pushing(before, sum(before) - pulls), strict=True):
        sets_of[id(line)] = sets


def strength_items(
    pool: Pool, lines: Sequence[Line], deload: bool, track_prefix: str
) -> list[Item]:
    level = pool.request.level
    items = []
    sets_of = {id(line): line.track.sets for line in lines}
    if deload:
        sets_of = {key: deload_sets(sets) for key, sets in sets_of.items()}
        _keep_pull_ahead(pool, lines, sets_of)
    ordered = sorted(
        enumerate(lines),
        key=lambda pair: (
            _ORDER.get(exercise_of(pool, pair[1].track.exercise).pattern, 4),
            pair[0],
        ),
    )
    for _, line in ordered:
        exercise = exercise_of(pool, line.track.exercise)
        dosage = exercise.dosage_for(level)
        sets = sets_of[id(line)]
        low, high = rest_range(exercise.dose, line.track.amount)
        rest_s = min(max(dosage.rest_s, low), high)
        amount = line.track.amount
        reason = line.slot.reason
        if deload:
            reason = "deload week: about half the sets, easy effort, to recover"
        elif line.note:
            reason = f"{reason}; {line.note}"
        items.append(
            Item(
                exercise=exercise.id,
                sets=sets,
                **dose_fields(exercise.dose, amount),
                per_side=exercise.per_side,
                rest_s=rest_s,
                effort=effort(exercise, deload=deload),
                seconds=item_seconds(
                    exercise.dose,
                    sets=sets,
                    amount=amount,
                    per_side=exercise.per_side,
                    rest_s=rest_s,
                    tempo=dosage.tempo,
                ),
                reason=reason,
                track=f"{track_prefix}:{line.slot.name}",
                load_steps=line.track.load_steps,
            )
        )
    return items
