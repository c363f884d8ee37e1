"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from routines import Caution, Equipment, Level, PlanRequest, Weekday
from routines._goals import GOALS

ZONES = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo", "Australia/Sydney"]
AVOIDABLE = ["plank", "band-row", "glute-bridge", "push-up", "doorway-chest-stretch"]
weekdays = st.sampled_from(list(Weekday))


def weekday_sets(min_size: int = 0) -> st.SearchStrategy[tuple[Weekday, ...]]:
    return st.sets(weekdays, min_size=min_size).map(lambda days: tuple(sorted(days)))


@st.composite
def plan_requests(draw: st.DrawFn, max_weeks: int = 16) -> PlanRequest:
    """Any valid request: every field drawn from its allowed values."""
    return PlanRequest(
        start=draw(st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31))),
        weeks=draw(st.integers(1, max_weeks)),
        days=draw(weekday_sets(min_size=1)),
        minutes=draw(st.integers(15, 90)),
        time=draw(st.times().map(lambda t: t.replace(second=0, microsecond=0))),
        timezone=draw(st.sampled_from(ZONES)),
        level=draw(st.sampled_from(list(Level))),
        equipment=tuple(draw(st.sets(st.sampled_from(list(Equipment))))),
        goal=draw(st.sampled_from(sorted(GOALS))),
        run_days=draw(weekday_sets()),
        long_run=draw(st.none() | weekdays),
        avoid=tuple(
            draw(st.sets(st.sampled_from(AVOIDABLE + [c.value for c in Caution]), max_size=3))
        ),
        seed=draw(st.integers(0, 2**31)),
        name=draw(st.none() | st.text(min_size=1, max_size=40).filter(str.strip)),
        deload_every=draw(st.sampled_from([None, 3, 4, 5, 6])),
    )
