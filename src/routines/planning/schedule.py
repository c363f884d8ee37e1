"""When sessions happen and which muscle groups each may load.

The rule (ACSM): at least 48 hours between sessions that load the same primary
muscles, so no group is loaded on two consecutive days. Trunk muscles and light
holds are exempt. A session with no neighbour the day before or after trains
the whole body; in a run of consecutive days, upper and lower body alternate.
No heavy leg work on the day before the long run.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import attrs

from routines._request import PlanRequest, Weekday

__all__ = ["FOCUS", "FOCUS_KEY", "Day", "Group", "schedule"]


class Group(StrEnum):
    UPPER = "upper"
    LOWER = "lower"


#: What a day that may load these groups trains, in words.
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


@attrs.frozen
class Day:
    """One training day of the plan and the muscle groups it may load."""

    week: int
    date: dt.date
    groups: frozenset[Group]
    before_long_run: bool


def schedule(request: PlanRequest) -> list[Day]:
    """Every session of the plan, in date order, with the groups it may load."""
    dates: list[tuple[int, dt.date]] = []
    wanted = set(request.days)
    for week in range(1, request.weeks + 1):
        first = request.week_start(week)
        for offset in range(7):
            day = first + dt.timedelta(days=offset)
            if Weekday.of(day) in wanted:
                dates.append((week, day))
    taken = {day for _, day in dates}
    one = dt.timedelta(days=1)
    last_upper: dt.date | None = None
    last_lower: dt.date | None = None
    days = []
    for week, day in dates:
        isolated = day - one not in taken and day + one not in taken
        before_long_run = request.long_run is not None and Weekday.of(day + one) is request.long_run
        groups = set()
        if last_upper != day - one:
            groups.add(Group.UPPER)
            last_upper = day
        lower_free = last_lower != day - one and not before_long_run
        if lower_free and (isolated or Group.UPPER not in groups):
            groups.add(Group.LOWER)
            last_lower = day
        days.append(Day(week, day, frozenset(groups), before_long_run))
    return days
