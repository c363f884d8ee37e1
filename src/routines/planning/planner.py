"""The planner: a :class:`PlanRequest` in, a progressive :class:`Plan` out.

The steps, each a small function over frozen values:

1. screen the person (any yes: no plan without a recorded clearance);
2. lay out the calendar (:mod:`routines.planning.schedule`): desk breaks, or
   strength days by level and mobility days, and which days may load the upper
   body, the lower body, both, or only the trunk;
3. lay out the weeks (:mod:`routines.planning.blocks`): build weeks, deloads,
   re-tests, blocks;
4. for each kind of day, fill the goal's strength slots within the level's weekly
   volume and the minutes, and follow them through every week
   (:mod:`routines.planning.templates`);
5. build each (week, kind of day) once: warm-up, strength, mobility, cool-down
   (:mod:`routines.planning.fitting`).
"""

from __future__ import annotations

import functools
from collections import Counter

import attrs

from routines._plan import Block, Plan, Session, Week
from routines._request import SCREENING_QUESTIONS, PlanRequest
from routines._safety import safety_notes
from routines.catalogue.catalogue import Catalogue
from routines.errors import PlanError
from routines.planning.blocks import weeks_of
from routines.planning.fitting import budget, session_blocks
from routines.planning.goals import goal_named
from routines.planning.notes import plan_notes
from routines.planning.pool import Pool
from routines.planning.schedule import DayKind, Group, schedule, weekly_pattern
from routines.planning.templates import Template, template
from routines.planning.volume import session_caps

__all__ = ["plan"]


def _screen(request: PlanRequest) -> None:
    if request.screening is None:
        return
    yes = request.screening.yes_answers()
    if yes and not request.cleared_by:
        questions = "; ".join(f"{key} ({SCREENING_QUESTIONS[key]})" for key in yes)
        raise PlanError(
            f"you answered yes to {questions}. Please see a physician before starting an "
            "exercise plan. Once a professional has cleared you, record who (cleared_by, "
            "such as 'Dr Smith', or 'yes') and the plan is made. (General information, not "
            "medical advice.)",
            field="screening",
        )


def _templates(
    pool: Pool, request: PlanRequest
) -> dict[tuple[DayKind, frozenset[Group]], Template]:
    goal = goal_named(request.goal)
    pattern = weekly_pattern(request)
    strength_days = [groups for kind, groups in pattern.values() if kind is DayKind.STRENGTH]
    per_week: Counter[Group | None] = Counter({None: len(strength_days)})
    for groups in strength_days:
        per_week.update(groups)
    weeks = weeks_of(request)
    found = {}
    for kind, groups in sorted(set(pattern.values()), key=lambda k: (k[0], sorted(k[1]))):
        caps = functools.partial(session_caps, groups=groups, days_per_week=per_week)
        room = budget(kind, request.minutes).strength_s if kind is not DayKind.MOBILITY else 0
        found[kind, groups] = template(pool, goal, kind, groups, weeks, caps, room)
    return found


def plan(request: PlanRequest | None = None, catalogue: Catalogue | None = None) -> Plan:
    """Build the plan for ``request`` (the defaults when ``None``).

    Raises :class:`~routines.errors.PlanError` when the request cannot be met,
    with what to change.

    >>> import datetime as dt
    >>> from routines import PlanRequest, plan
    >>> p = plan(PlanRequest(start=dt.date(2026, 1, 5), timezone="Europe/Berlin"))
    >>> len(p.weeks), [s.date.isoformat() for s in p.weeks[0].sessions]
    (8, ['2026-01-05', '2026-01-07', '2026-01-09'])
    """
    request = request or PlanRequest()
    _screen(request)
    goal = goal_named(request.goal)
    if catalogue is None:
        from routines.catalogue.load import load_catalogue

        catalogue = load_catalogue()
    pool = Pool.build(catalogue, request)
    templates = _templates(pool, request)
    weeks = weeks_of(request)
    built: dict[tuple[int, DayKind, frozenset[Group], bool], tuple[Block, ...]] = {}
    by_week: dict[int, list[Session]] = {week.index: [] for week in weeks}
    for day in schedule(request):
        week = weeks[day.week - 1]
        # a re-test week tests in its first session of each kind; the others are lighter
        testing = week.retest and not any(s.focus == day.focus for s in by_week[day.week])
        key = (day.week, day.kind, day.groups, testing)
        if key not in built:
            lines = templates[day.kind, day.groups].weeks[day.week - 1]
            plan_budget = budget(day.kind, request.minutes)
            shown = attrs.evolve(week, retest=testing)
            built[key] = session_blocks(pool, goal, day, lines, shown, plan_budget)
        blocks = built[key]
        seconds = sum(block.seconds for block in blocks)
        by_week[day.week].append(
            Session(
                date=day.date,
                start=request.time,
                minutes=round(seconds / 60),
                focus=day.focus,
                blocks=blocks,
            )
        )
    plan_weeks = tuple(
        Week(index=w.index, deload=w.deload, sessions=tuple(by_week[w.index]), retest=w.retest)
        for w in weeks
    )
    used = sorted({item.exercise for w in plan_weeks for s in w.sessions for item in s.items})
    exercises = {exercise_id: pool.get(exercise_id) for exercise_id in used}
    variants = {v for e in exercises.values() for v in (*e.regressions, *e.progressions)}
    return Plan(
        request=request,
        title=request.name or goal.title,
        goal_summary=goal.summary,
        weeks=plan_weeks,
        exercises=exercises,
        names={v: catalogue.get(v).name for v in sorted(variants - set(used)) if v in catalogue},
        safety=safety_notes(),
        notes=plan_notes(request, weeks, plan_weeks),
    )
