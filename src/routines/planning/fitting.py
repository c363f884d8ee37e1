"""Fitting a session to the minutes asked for.

A strength session: a 5-10 minute warm-up, a cool-down of 4-10 minutes (never
more than a quarter of the session), and the rest to strength work up to the
level's weekly volume; then mobility for the goal's focus areas; when the work
is done before the minutes are, the session ends early rather than pad it
(ACSM; coaching practice). A desk break (10-15 minutes): a minute or two of
moving, band pulls and rows, a stretch or two. A mobility and recovery day: a
short warm-up, mobility work and stretches, 20 minutes at most.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from routines._plan import Block, BlockKind, Item
from routines.catalogue.vocab import Muscle
from routines.planning.blocks import WeekKind
from routines.planning.cooldown import COOLDOWN_MAX_S, COOLDOWN_MIN_S, cooldown_items
from routines.planning.goals import Goal
from routines.planning.lines import Line, line_seconds
from routines.planning.mobility import mobility_items
from routines.planning.pool import Pool
from routines.planning.schedule import FOCUS_KEY, Day, DayKind
from routines.planning.strength import strength_items
from routines.planning.warmup import WARMUP_MAX_S, WARMUP_MIN_S, warmup_items

__all__ = ["MOBILITY_DAY_S", "TOLERANCE", "Budget", "budget", "session_blocks"]

#: A session is never more than 10% longer than asked for.
TOLERANCE = 0.10
#: Mobility and recovery days are short: 20 minutes at most.
MOBILITY_DAY_S = 20 * 60


@attrs.frozen
class Budget:
    """Seconds for each part of a session of one kind."""

    total_s: int
    warmup_s: int
    cooldown_s: int
    warmup_least_s: int
    cooldown_least_s: int
    #: The warm-up's hard ceiling (its moves are whole).
    warmup_most_s: int = WARMUP_MAX_S

    @property
    def strength_s(self) -> int:
        """The most the strength block may take."""
        return self.total_s - self.warmup_s - self.cooldown_s


def _clamp(value: float, low: int, high: int) -> int:
    return int(min(max(round(value), low), high))


def budget(kind: DayKind, minutes: int) -> Budget:
    """The time of each part of a session of ``kind`` in a plan of ``minutes``."""
    total = minutes * 60
    if kind is DayKind.DESK:
        warm, cool = _clamp(0.15 * total, 60, 150), _clamp(0.2 * total, 90, 180)
        return Budget(total, warm, cool, 60, 60, warmup_most_s=180)
    if kind is DayKind.MOBILITY:
        total = min(total, MOBILITY_DAY_S)
        warm, cool = _clamp(0.2 * total, 90, 240), _clamp(0.35 * total, 120, 420)
        return Budget(total, warm, cool, 90, 120, warmup_most_s=270)
    warm = _clamp(0.12 * total, WARMUP_MIN_S, WARMUP_MAX_S)
    cool = _clamp(0.12 * total, COOLDOWN_MIN_S, min(COOLDOWN_MAX_S, total // 4))
    return Budget(total, warm, cool, WARMUP_MIN_S, COOLDOWN_MIN_S)


def _seconds(items: Sequence[Item]) -> int:
    return sum(item.seconds for item in items)


def session_blocks(
    pool: Pool, goal: Goal, day: Day, lines: Sequence[Line], week: WeekKind, plan_budget: Budget,
) -> tuple[Block, ...]:  # fmt: skip
    """The blocks of one session: warm-up, strength, mobility, cool-down."""
    key = (day.kind.value, FOCUS_KEY[day.groups])
    prefix = FOCUS_KEY[day.groups] if day.kind is DayKind.STRENGTH else day.kind.value
    strength = strength_items(pool, lines, week, day.kind, prefix) if lines else []
    needs = frozenset(m for item in strength for m in pool.get(item.exercise).primary_muscles)
    if day.kind is DayKind.MOBILITY:
        needs = frozenset(goal.stretch_focus)
    b = plan_budget
    warm = warmup_items(
        pool, goal, b.warmup_s, needs, *key, least_s=b.warmup_least_s, most_s=b.warmup_most_s
    )
    loaded = needs if day.kind is not DayKind.MOBILITY else frozenset[Muscle]()
    cool = cooldown_items(pool, goal, b.cooldown_s, loaded, key, least_s=b.cooldown_least_s)
    # strength first; what is left (of a normal week, so a deload is shorter) to mobility
    usual = sum(line_seconds(pool, line) for line in lines)
    spare = b.total_s - _seconds(warm) - _seconds(cool) - usual
    if day.kind is DayKind.STRENGTH:
        spare = min(spare, goal.mobility_minutes * 60)
    elif day.kind is DayKind.DESK:
        spare = 0
    used = [item.exercise for item in (*warm, *strength, *cool)]
    mobility = mobility_items(pool, goal, spare, used, *key, warmup=warm)
    blocks = [Block(BlockKind.WARMUP, tuple(warm))]
    if strength:
        blocks.append(Block(BlockKind.STRENGTH, tuple(strength)))
    if mobility:
        blocks.append(Block(BlockKind.MOBILITY, tuple(mobility)))
    blocks.append(Block(BlockKind.COOLDOWN, tuple(cool)))
    return tuple(blocks)
