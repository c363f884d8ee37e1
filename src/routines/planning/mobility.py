"""Mobility work for the goal's focus areas: dynamic moves (thoracic rotation and
extension, shoulders, hips) after the strength block when the strength work is
done before the minutes are, and the heart of mobility and recovery days."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from routines._plan import Item
from routines.catalogue.vocab import Modality
from routines.planning.goals import Goal
from routines.planning.pool import Pool, stable_key
from routines.planning.warmup import distinct, move_item, moves_for

__all__ = ["MOBILITY_MIN_S", "mobility_items"]

#: A mobility block shorter than this is not worth setting up.
MOBILITY_MIN_S = 120
_REASON = "mobility for the areas this plan is for: moves the joints through their range"


def mobility_items(
    pool: Pool, goal: Goal, target_s: int, exclude: Iterable[str], *keys: object,
    warmup: Sequence[Item] = (),
) -> list[Item]:  # fmt: skip
    """Dynamic mobility moves for ``goal.stretch_focus``, two sets each, up to
    ``target_s`` (never past it), each adding something the ``warmup`` did not; none
    when less than :data:`MOBILITY_MIN_S` fits."""
    if target_s < MOBILITY_MIN_S:
        return []
    skip = frozenset(exclude) | {item.exercise for item in warmup}
    cache_key = ("mobility", target_s, stable_key(*sorted(skip), *keys))  # warm-up in skip
    if cache_key in pool.cache:
        done: list[Item] = pool.cache[cache_key]
        return done
    focus = frozenset(goal.stretch_focus)
    chosen: list[Item] = []
    total = 0
    for exercise in moves_for(pool, [Modality.MOBILITY], focus, (), skip, "mobility", *keys):
        item = move_item(exercise, pool, sets=2, reason=_REASON)
        if total + item.seconds <= target_s and distinct(pool, exercise, [*warmup, *chosen]):
            chosen.append(item)
            total += item.seconds
    pool.cache[cache_key] = chosen
    return chosen
