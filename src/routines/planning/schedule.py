"""When sessions happen, what kind each is, and which muscle groups it may load.

- Sessions of 15 minutes or less are desk breaks, meant for most days of the
  week (Andersen et al. 2011): light band and posture work, every day asked for.
- Longer sessions: strength days by level (ACSM 2009, 2026): beginners at most 3
  a week, intermediate 4, advanced 5, chosen among the days asked for so that they
  are spread out; the other days asked for are short mobility and recovery
  sessions.
- At least 48 hours between sessions that load the same primary muscles (ACSM):
  a strength day with no strength day before or after it trains the whole body;
  in a run of consecutive strength days upper and lower body alternate. The week
  is read as a cycle (Sunday comes before Monday), so every week has the same
  days of the same kind.
- No heavy leg work on the day before the long run.
"""

from __future__ import annotations

import datetime as dt
import itertools
from enum import StrEnum

import attrs

from routines._request import PlanRequest, Weekday
from routines.catalogue.vocab import Level

__all__ = [
    "DESK_BREAK_MINUTES",
    "DESK_FOCUS",
    "FOCUS",
    "FOCUS_KEY",
    "MOBILITY_FOCUS",
    "STRENGTH_DAYS",
    "Day",
    "DayKind",
    "Group",
    "schedule",
    "weekly_pattern",
]

#: Sessions of this many minutes or fewer are desk breaks.
DESK_BREAK_MINUTES = 15
#: The most strength days a week for each level; further days are mobility days.
STRENGTH_DAYS = {Level.BEGINNER: 3, Level.INTERMEDIATE: 4, Level.ADVANCED: 5}


class Group(StrEnum):
    UPPER = "upper"
    LOWER = "lower"


class DayKind(StrEnum):
    """What a session is for."""

    STRENGTH = "strength"
    MOBILITY = "mobility"
    DESK = "desk"


#: What a strength day that may load these groups trains, in words.
FOCUS = {
    frozenset({Group.UPPER, Group.LOWER}): "full body",
    frozenset({Group.UPPER}): "upper body and core",
    frozenset({Group.LOWER}): "lower body and core",
    frozenset(): "core and mobility",
}
#: The same, as the short key in an item's progression ``track``.
FOCUS_KEY = {
    frozenset({Group.UPPER, Group.LOWER}): "full",
    frozenset({Group.UPPER}): "upper",
    frozenset({Group.LOWER}): "lower",
    frozenset(): "core",
}
MOBILITY_FOCUS = "mobility and recovery"
DESK_FOCUS = "desk break"


@attrs.frozen
class Day:
    """One session of the plan: when, what kind, and the muscle groups it may load."""

    week: int
    date: dt.date
    kind: DayKind
    groups: frozenset[Group]
    before_long_run: bool

    @property
    def focus(self) -> str:
        if self.kind is DayKind.MOBILITY:
            return MOBILITY_FOCUS
        if self.kind is DayKind.DESK:
            return DESK_FOCUS
        return FOCUS[self.groups]


def _spread(days: list[Weekday], count: int, long_run: Weekday | None) -> list[Weekday]:
    """``count`` of ``days`` as far apart as the week allows: fewest consecutive pairs,
    then the largest smallest gap, then not the day before the long run."""
    if len(days) <= count:
        return days

    def score(chosen: tuple[Weekday, ...]) -> tuple[int, int, int, list[int]]:
        numbers = sorted(d.number for d in chosen)
        gaps = [(b - a) % 7 or 7 for a, b in zip(numbers, numbers[1:] + numbers[:1], strict=True)]
        eve = sum(
            1 for d in chosen if long_run is not None and (d.number + 1) % 7 == long_run.number
        )
        return (sum(g == 1 for g in gaps), -min(gaps), eve, numbers)

    best = min(itertools.combinations(days, count), key=score)
    return sorted(best, key=lambda d: d.number)


def weekly_pattern(request: PlanRequest) -> dict[Weekday, tuple[DayKind, frozenset[Group]]]:
    """The kind and muscle groups of each day asked for; the same every week."""
    days = sorted(request.days, key=lambda d: d.number)
    if request.minutes <= DESK_BREAK_MINUTES:
        return {day: (DayKind.DESK, frozenset({Group.UPPER})) for day in days}
    strength = _spread(days, STRENGTH_DAYS[request.level], request.long_run)
    numbers = {d.number for d in strength}
    pattern: dict[Weekday, tuple[DayKind, frozenset[Group]]] = {
        day: (DayKind.MOBILITY, frozenset()) for day in days if day not in strength
    }
    # walk the cycle from the day after a gap, so a run is read from its start
    start = next((i for i, d in enumerate(strength) if (d.number - 1) % 7 not in numbers), 0)
    order = strength[start:] + strength[:start]
    loaded: dict[int, frozenset[Group]] = {}
    for day in order:
        before, after = (day.number - 1) % 7, (day.number + 1) % 7
        isolated = before not in numbers and after not in numbers
        eve = request.long_run is not None and after == request.long_run.number
        previous = loaded.get(before, frozenset())
        following = loaded.get(after, frozenset())  # set when the cycle comes round
        groups = set()
        if Group.UPPER not in previous and Group.UPPER not in following:
            groups.add(Group.UPPER)
        lower_free = Group.LOWER not in previous and Group.LOWER not in following and not eve
        if lower_free and (isolated or Group.UPPER not in groups):
            groups.add(Group.LOWER)
        loaded[day.number] = frozenset(groups)
        pattern[day] = (DayKind.STRENGTH, frozenset(groups))
    return pattern


def schedule(request: PlanRequest) -> list[Day]:
    """Every session of the plan, in date order."""
    pattern = weekly_pattern(request)
    found = []
    for week in range(1, request.weeks + 1):
        first = request.week_start(week)
        for offset in range(7):
            date = first + dt.timedelta(days=offset)
            weekday = Weekday.of(date)
            if weekday in pattern:
                kind, groups = pattern[weekday]
                eve = request.long_run is not None and Weekday.of(date + dt.timedelta(days=1)) is (
                    request.long_run
                )
                found.append(Day(week, date, kind, groups, eve))
    return found
