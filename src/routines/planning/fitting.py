"""Fitting a session to the minutes asked for: the warm-up and cool-down sized
around the strength block, rests moved within their ranges, within 10%."""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from routines._plan import Block, BlockKind, Item
from routines.planning.cooldown import COOLDOWN_MIN_S, cooldown_items
from routines.planning.dose import item_seconds, rest_range
from routines.planning.goals import Goal
from routines.planning.pool import Pool
from routines.planning.schedule import FOCUS_KEY, Group
from routines.planning.strength import strength_items
from routines.planning.templates import TOLERANCE, Line
from routines.planning.warmup import WARMUP_MAX_S, WARMUP_MIN_S, warmup_items

__all__ = ["session_blocks"]


def with_rest(item: Item, pool: Pool, rest_s: int) -> Item:
    exercise = pool.allowed[item.exercise]
    amount = item.amount
    seconds = item_seconds(
        exercise.dose, sets=item.sets, amount=amount, per_side=item.per_side, rest_s=rest_s,
        tempo=exercise.dosage_for(pool.request.level).tempo,
    )  # fmt: skip
    return attrs.evolve(item, rest_s=rest_s, seconds=seconds)


def tune_rests(strength: list[Item], pool: Pool, change_s: int) -> list[Item]:
    """Move rests within their allowed ranges to add (or remove) about ``change_s``."""
    items = list(strength)
    for step in (15,) * 40:
        if abs(change_s) < step:
            break
        moved = False
        for index, item in enumerate(items):
            if item.sets < 2 or abs(change_s) < step:
                continue
            low, high = rest_range(pool.allowed[item.exercise].dose, item.amount)
            rest = item.rest_s + (step if change_s > 0 else -step)
            if low <= rest <= high:
                items[index] = with_rest(item, pool, rest)
                change_s -= items[index].seconds - item.seconds
                moved = True
        if not moved:
            break
    return items


def session_blocks(
    pool: Pool,
    goal: Goal,
    groups: frozenset[Group],
    lines: Sequence[Line],
    deload: bool,
    block: int,
) -> tuple[Block, ...]:
    target = full = pool.request.minutes * 60
    strength = strength_items(pool, lines, deload, FOCUS_KEY[groups])
    strength_s = sum(item.seconds for item in strength)
    if deload:
        # a deload session keeps the usual warm-up and cool-down and is simply
        # shorter: the time saved is the recovery
        usual = strength_items(pool, lines, False, FOCUS_KEY[groups])
        target -= sum(item.seconds for item in usual) - strength_s
    cooldown_min = max(COOLDOWN_MIN_S, round(goal.cooldown_share * full))
    room = target - strength_s - cooldown_min
    warmup_target = min(max(min(round(0.2 * full), room), WARMUP_MIN_S), WARMUP_MAX_S)
    squeeze = strength_s + warmup_target + cooldown_min - target
    if squeeze > 0:
        strength = tune_rests(strength, pool, -squeeze)
        strength_s = sum(item.seconds for item in strength)
    warmup = warmup_items(pool, goal, block, warmup_target)
    warmup_s = sum(item.seconds for item in warmup)
    cooldown = cooldown_items(pool, goal, block, max(cooldown_min, target - strength_s - warmup_s))
    total = strength_s + warmup_s + sum(item.seconds for item in cooldown)
    if abs(total - target) > 0.05 * target:
        strength = tune_rests(strength, pool, target - total)
        total = sum(item.seconds for item in strength) + warmup_s
        total += sum(item.seconds for item in cooldown)
    ceiling = math.floor(full * (1 + TOLERANCE))
    if total > ceiling:
        # still long: let the cool-down go down to its 4-minute floor
        cooldown_s = sum(item.seconds for item in cooldown)
        cooldown = cooldown_items(pool, goal, block, cooldown_s - (total - ceiling))
        total += sum(item.seconds for item in cooldown) - cooldown_s
    if total > ceiling:
        raise RuntimeError(f"internal: session of {total} s exceeds {ceiling} s")
    blocks = [Block(BlockKind.WARMUP, tuple(warmup))]
    if strength:
        blocks.append(Block(BlockKind.STRENGTH, tuple(strength)))
    blocks.append(Block(BlockKind.COOLDOWN, tuple(cooldown)))
    return tuple(blocks)
