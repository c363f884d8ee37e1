"""The notes a plan carries: why its weeks and days are as they are, in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from routines._plan import Week
from routines._request import PlanRequest
from routines.planning.blocks import LONG_PLAN_WEEKS, WeekKind
from routines.planning.fitting import TOLERANCE
from routines.planning.schedule import (
    DESK_BREAK_MINUTES,
    DESK_FOCUS,
    MOBILITY_FOCUS,
    STRENGTH_DAYS,
)

__all__ = ["plan_notes"]


def _weeks(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def _frequency(request: PlanRequest, weeks: Sequence[Week]) -> list[str]:
    if request.minutes <= DESK_BREAK_MINUTES:
        return [
            f"Sessions of {request.minutes} minutes are desk breaks: a minute or two of "
            "moving, band pulls and rows for the upper back, and a stretch. Short, regular "
            "breaks like these ease neck and shoulder pain when done most days; the light "
            "upper-back work may be done on consecutive days."
        ]
    first = weeks[0].sessions if weeks else ()
    mobility = sum(1 for s in first if s.focus == MOBILITY_FOCUS)
    if not mobility:
        return []
    strength = len(first) - mobility
    level = request.level.value
    most = STRENGTH_DAYS[request.level]
    return [
        f"You asked for {len(first)} days a week: {strength} are strength days (a {level} "
        f"builds best on at most {most}), and the other {mobility} are short mobility and "
        "recovery sessions, so the muscles get the rest they grow in."
    ]


def _ends_early(
    request: PlanRequest, weeks: Sequence[Week], kinds: Sequence[WeekKind]
) -> list[str]:
    """Say so when strength sessions end before the minutes asked for (a build week
    more than 10% short): the work is done, and padding is not training."""
    target = request.minutes * 60
    short: dict[str, list[int]] = {}
    for week, kind in zip(weeks, kinds, strict=True):
        if kind.deload:
            continue
        for session in week.sessions:
            if session.focus in (MOBILITY_FOCUS, DESK_FOCUS):
                continue
            if session.seconds < target * (1 - TOLERANCE):
                short.setdefault(session.focus, []).append(session.seconds)
    if not short:
        return []
    low = round(min(min(s) for s in short.values()) / 60)
    high = round(max(max(s) for s in short.values()) / 60)
    minutes = f"{low}" if low == high else f"{low}-{high}"
    days = " and ".join(sorted(short))
    return [
        f"On the {days} days the work a {request.level.value} needs (warm-up, strength up to "
        f"the week's volume, mobility and cool-down) takes about {minutes} minutes: those "
        f"sessions end there, and the rest of your {request.minutes} minutes is yours (a "
        "walk, an easy run, or rest). More is not better here."
    ]


def plan_notes(
    request: PlanRequest, kinds: Sequence[WeekKind], weeks: Sequence[Week]
) -> tuple[str, ...]:
    notes: list[str] = []
    if request.cleared_by:
        who = "" if request.cleared_by.strip().lower() == "yes" else f" by {request.cleared_by}"
        notes.append(
            f"Made after clearance{who}: you answered yes to a readiness question and a "
            "professional cleared you to exercise. Keep to what they advised."
        )
    notes += _frequency(request, weeks)
    deloads = [k.index for k in kinds if k.deload]
    retests = [k.index for k in kinds if k.retest]
    if request.weeks > LONG_PLAN_WEEKS:
        notes.append(
            f"The plan runs in blocks of 4-6 weeks. Each ends with a re-test week "
            f"({_weeks(retests)}): in its first session of each kind, make the first set of "
            "each strength exercise a test (as many good reps or seconds as you can, with 1-2 "
            "left in reserve) and log it, to compare block with block; beat the last test by 2 "
            "reps (10 s) or more and take the next band or weight."
            + (" It is also a lighter deload week." if deloads else "")
        )
    if deloads:
        notes.append(
            f"Deload weeks ({_weeks(deloads)}): about half the strength sets, so the body can "
            "adapt; the week after picks up where you were before."
        )
    first = weeks[0].sessions if weeks else ()
    strength_days = {s.date for s in first if s.focus not in (MOBILITY_FOCUS, DESK_FOCUS)}
    if any(day + dt.timedelta(days=1) in strength_days for day in strength_days):
        notes.append(
            "The same muscles are never loaded hard on two days in a row: strength sessions "
            "on consecutive days alternate upper and lower body."
        )
    if request.long_run is not None:
        notes.append(
            f"No leg strength work the day before your long run ({request.long_run.value})."
        )
    notes += _ends_early(request, weeks, kinds)
    if request.minutes > 60:
        notes.append(
            "Sessions over 60 minutes are harder to keep up; shorter, regular sessions "
            "work as well."
        )
    return tuple(notes)
