"""The planner: a :class:`PlanRequest` in, a progressive :class:`Plan` out.

The steps, each a small function over frozen values:

1. screen the person (any yes: no plan);
2. lay out the calendar (:func:`routines.planning.schedule.schedule`): which days may
   load the upper body, the lower body, both, or only the trunk;
3. for each kind of day, fill the goal's strength slots and simulate the whole
   plan's progression (:mod:`routines.planning.dose`), dropping the least important
   slots until every week fits the time;
4. build each (week, kind of day) once: strength items, then a warm-up and a
   cool-down sized so the session lands within 10% of the minutes asked for.
"""

from __future__ import annotations

from routines._plan import Block, Plan, Session, Week
from routines._request import SCREENING_QUESTIONS, PlanRequest
from routines._safety import safety_notes
from routines.catalogue.catalogue import Catalogue
from routines.errors import PlanError
from routines.planning.fitting import session_blocks
from routines.planning.goals import goal_named
from routines.planning.pool import Pool
from routines.planning.schedule import FOCUS, Group, schedule
from routines.planning.templates import template

__all__ = ["plan"]


def _screen(request: PlanRequest) -> None:
    if request.screening is None:
        return
    yes = request.screening.yes_answers()
    if yes:
        questions = "; ".join(f"{key} ({SCREENING_QUESTIONS[key]})" for key in yes)
        raise PlanError(
            f"you answered yes to {questions}. Please see a physician before "
            "starting an exercise plan; routines will not make one until they agree. "
            "(General information, not medical advice.)",
            field="screening",
        )


def _deload_weeks(request: PlanRequest) -> frozenset[int]:
    every = request.deload_every
    if every is None or request.weeks < 6:
        return frozenset()
    return frozenset(range(every, request.weeks + 1, every))


def _notes(request: PlanRequest, deloads: frozenset[int]) -> tuple[str, ...]:
    notes = []
    if deloads:
        weeks = ", ".join(str(w) for w in sorted(deloads))
        notes.append(
            f"Deload weeks ({weeks}): about half the strength sets, so the body can adapt; "
            "the week after picks up where you were before."
        )
    notes.append(
        "The same muscles are never loaded on two days in a row: sessions on "
        "consecutive days alternate upper and lower body."
    )
    if request.long_run is not None:
        notes.append(
            f"No leg strength work the day before your long run ({request.long_run.value})."
        )
    if request.minutes > 60:
        notes.append(
            "Sessions over 60 minutes are harder to keep up; shorter, regular sessions "
            "work as well."
        )
    return tuple(notes)


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
    calendar = schedule(request)
    deloads = _deload_weeks(request)
    block_length = min(deloads) if deloads else 4
    templates = {
        groups: template(pool, goal, groups, deloads)
        for groups in sorted({day.groups for day in calendar}, key=sorted)
    }
    built: dict[tuple[int, frozenset[Group]], tuple[Block, ...]] = {}
    sessions_by_week: dict[int, list[Session]] = {week: [] for week in range(1, request.weeks + 1)}
    for day in calendar:
        key = (day.week, day.groups)
        if key not in built:
            lines = templates[day.groups].weeks[day.week - 1]
            block = (day.week - 1) // block_length
            deload = day.week in deloads
            built[key] = session_blocks(pool, goal, day.groups, lines, deload, block)
        blocks = built[key]
        seconds = sum(block.seconds for block in blocks)
        sessions_by_week[day.week].append(
            Session(
                date=day.date,
                start=request.time,
                minutes=round(seconds / 60),
                focus=FOCUS[day.groups],
                blocks=blocks,
            )
        )
    weeks = tuple(
        Week(index=week, deload=week in deloads, sessions=tuple(sessions))
        for week, sessions in sessions_by_week.items()
    )
    used = sorted({item.exercise for week in weeks for s in week.sessions for item in s.items})
    return Plan(
        request=request,
        title=request.name or goal.title,
        goal_summary=goal.summary,
        weeks=weeks,
        exercises={exercise_id: catalogue.get(exercise_id) for exercise_id in used},
        safety=safety_notes(),
        notes=_notes(request, deloads),
    )
