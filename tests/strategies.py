"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from routines import Caution, Equipment, Level, PlanRequest, Weekday
from routines.catalogue.figure import Figure, Pose, Prop
from routines.catalogue.figure.names import JOINTS, SIDES, Anchor, Base, Part, PropKind, View
from routines.planning.goals import GOALS

ZONES = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo", "Australia/Sydney"]
AVOIDABLE = ["plank", "band-row", "glute-bridge", "push-up", "doorway-chest-stretch"]
weekdays = st.sampled_from(list(Weekday))


def weekday_sets(min_size: int = 0) -> st.SearchStrategy[tuple[Weekday, ...]]:
    return st.sets(weekdays, min_size=min_size).map(lambda days: tuple(sorted(days)))


@st.composite
def plan_requests(
    draw: st.DrawFn, max_weeks: int = 16, min_weeks: int = 1, max_minutes: int = 90
) -> PlanRequest:
    """Any valid request: every field drawn from its allowed values (weeks up to
    ``max_weeks``; the long plans of up to 52 weeks have tests of their own)."""
    return PlanRequest(
        start=draw(st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31))),
        weeks=draw(st.integers(min_weeks, max_weeks)),
        days=draw(weekday_sets(min_size=1)),
        minutes=draw(st.integers(10, max_minutes)),
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
        name=draw(st.none() | st.text(plain_letters, min_size=1, max_size=40).filter(str.strip)),
        deload_every=draw(st.sampled_from([None, 3, 4, 5, 6])),
    )


#: Any characters but controls and line breaks (which a name may not hold).
plain_letters = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))

#: Text that breaks careless exporters: iCalendar and XML specials, line breaks,
#: accents, CJK and emoji.
hostile_text = (
    st.lists(
        st.sampled_from(
            ["Back", ",", ";", "\\", "\n", ":", "<b>", "&", '"', "'", "Émilie", "背中", "💪", " "]
        ),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


#: Hostile text that is still a name: one line, no control characters.
hostile_names = hostile_text.map(lambda s: s.replace("\n", " ")).filter(str.strip)


@st.composite
def calendar_requests(draw: st.DrawFn) -> PlanRequest:
    """Requests for calendar tests: short plans that may cross DST changes and
    leap days, with hostile plan names."""
    start = draw(
        st.sampled_from(
            [
                dt.date(2026, 3, 23),  # Europe changes to summer time on the 29th
                dt.date(2026, 3, 2),  # the United States change on the 8th
                dt.date(2026, 10, 19),  # Europe back to winter time on the 25th
                dt.date(2028, 2, 21),  # a leap year: 29 February
                dt.date(2027, 12, 27),  # across a new year
            ]
        )
        | st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31))
    )
    return PlanRequest(
        start=start,
        weeks=draw(st.integers(1, 4)),
        days=draw(weekday_sets(min_size=1)),
        minutes=draw(st.integers(15, 60)),
        time=draw(st.sampled_from([dt.time(7, 0), dt.time(2, 30), dt.time(23, 45), dt.time(0, 0)])),
        timezone=draw(st.sampled_from(ZONES)),
        name=draw(hostile_names),
        seed=draw(st.integers(0, 50)),
    )


#: Every key a pose may set: each joint, and each sided joint for one side.
POSE_KEYS = sorted(
    [*JOINTS, *(f"{side}_{joint}" for joint, r in JOINTS.items() if r.sided for side in SIDES)]
)


@st.composite
def poses(draw: st.DrawFn) -> Pose:
    """A pose with a few angles, each inside its joint's range, and maybe parts
    lifted or put down."""
    keys = draw(st.lists(st.sampled_from(POSE_KEYS), max_size=6, unique=True))
    angles = []
    for key in keys:
        low, high, _ = JOINTS[key.removeprefix("near_").removeprefix("far_")]
        angles.append((key, draw(st.integers(low, high) | st.floats(low, high))))
    parts = st.lists(st.sampled_from(list(Part)), max_size=2, unique=True)
    return Pose(tuple(angles), lifted=tuple(draw(parts)), down=tuple(draw(parts)))


@st.composite
def props(draw: st.DrawFn) -> Prop:
    kind = draw(st.sampled_from(list(PropKind)))
    at = tuple(draw(st.lists(st.sampled_from(list(Part)), max_size=2, unique=True)))
    anchor = draw(st.sampled_from(list(Anchor))) if kind.value in ("band", "cable") else None
    return Prop(kind, () if kind is PropKind.MAT else at, anchor)


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    """Any figure: every base and view, a hold or a movement, any props."""
    base = draw(st.sampled_from(list(Base)))
    view = draw(st.none() | st.sampled_from(list(View)))
    props_drawn = tuple(draw(st.lists(props(), max_size=3)))
    if draw(st.booleans()):
        return Figure(base=base, view=view, pose=draw(poses()), props=props_drawn)
    return Figure(base=base, view=view, start=draw(poses()), end=draw(poses()), props=props_drawn)
