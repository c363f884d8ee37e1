"""The weeks of a plan: build weeks, deloads and re-tests, grouped in blocks.

- A lighter week every 4-6 weeks: about half the sets, then back to the level
  before it (Bell et al. 2022). Plans of 6-8 weeks deload every
  ``deload_every`` weeks, as asked.
- Plans of more than 8 weeks run in blocks of 4-6 weeks, as even as the length
  allows; each block ends with a deload and re-test week: lighter, and the first
  set of each strength exercise is a test, logged and compared block to block
  (periodisation practice; Bompa).
- Exercises rotate for variety at the start of a block, at the same difficulty; an
  exercise that has topped out moves to a harder one.
- In a long plan the level's volume and sets rise a level every two blocks.
"""

from __future__ import annotations

import math

import attrs

from routines._request import PlanRequest
from routines.catalogue.vocab import Level
from routines.planning.schedule import DESK_BREAK_MINUTES

__all__ = ["LONG_PLAN_WEEKS", "WeekKind", "grown_level", "weeks_of"]

#: Plans longer than this run in blocks ending in a deload and re-test week.
LONG_PLAN_WEEKS = 8
BLOCK_WEEKS = (4, 6)


@attrs.frozen
class WeekKind:
    """What one week of the plan is."""

    index: int
    block: int  # 0-based
    deload: bool = False
    retest: bool = False
    #: The first week of a block after the first: exercises may rotate.
    new_block: bool = False


def _block_lengths(weeks: int, wanted: int) -> list[int]:
    """Block lengths of 4-6 weeks adding up to ``weeks`` (> 8), near ``wanted``."""
    low, high = BLOCK_WEEKS
    counts = range(math.ceil(weeks / high), weeks // low + 1)
    count = min(counts, key=lambda n: (abs(weeks / n - wanted), n))
    base, extra = divmod(weeks, count)
    return [base + 1] * extra + [base] * (count - extra)


def weeks_of(request: PlanRequest) -> list[WeekKind]:
    """Every week of the plan, in order. Desk breaks are light work: no deloads."""
    every = None if request.minutes <= DESK_BREAK_MINUTES else request.deload_every
    if request.weeks <= LONG_PLAN_WEEKS:
        block = every or 4
        deloads = (
            set(range(every, request.weeks + 1, every)) if every and request.weeks >= 6 else set()
        )
        return [
            WeekKind(
                index=week,
                block=(week - 1) // block,
                deload=week in deloads,
                new_block=week > 1 and (week - 1) % block == 0,
            )
            for week in range(1, request.weeks + 1)
        ]
    wanted = min(max(every or 4, BLOCK_WEEKS[0]), BLOCK_WEEKS[1])
    desk = request.minutes <= DESK_BREAK_MINUTES
    found: list[WeekKind] = []
    for number, length in enumerate(_block_lengths(request.weeks, wanted)):
        for offset in range(length):
            last = offset == length - 1
            found.append(
                WeekKind(
                    index=len(found) + 1,
                    block=number,
                    deload=last and every is not None,
                    retest=last and not desk,
                    new_block=offset == 0 and number > 0,
                )
            )
    return found


def grown_level(request: PlanRequest, week: WeekKind) -> Level:
    """The level whose volume and sets a week may reach: a long plan moves up a level
    every two blocks (a beginner is not a beginner for a year); shorter plans stay."""
    if request.weeks <= LONG_PLAN_WEEKS:
        return request.level
    return list(Level)[min(len(Level) - 1, request.level.rank + week.block // 2)]
