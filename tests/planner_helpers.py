"""Shared helpers for the planner's property tests: make a plan, read its parts.

Everything here restates a rule of docs/training-rules.md independently of the
planner's own code, so the tests check the planner instead of repeating it.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import assume

from routines import (
    BlockKind,
    Catalogue,
    Exercise,
    Item,
    Level,
    Muscle,
    Plan,
    PlanError,
    PlanRequest,
    Session,
    load_catalogue,
    plan,
)

CATALOGUE: Catalogue = load_catalogue()
CORE_MUSCLES = {Muscle.ABS, Muscle.OBLIQUES}
UPPER_BACK = {Muscle.MIDDLE_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS, Muscle.RHOMBOIDS}
UPPER_BACK_MAIN = UPPER_BACK | {Muscle.REAR_DELTS}
CHEST = {Muscle.CHEST, Muscle.PEC_MINOR}
LOWER_BODY = {
    Muscle.GLUTES, Muscle.HIP_FLEXORS, Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.ADDUCTORS,
    Muscle.CALVES, Muscle.LOWER_BACK,
}  # fmt: skip
#: Weekly hard sets per muscle, the most for each level (Schoenfeld 2017; ACSM 2026).
WEEKLY_MAX = {Level.BEGINNER: 8, Level.INTERMEDIATE: 14, Level.ADVANCED: 20}
STRENGTH_DAYS = {Level.BEGINNER: 3, Level.INTERMEDIATE: 4, Level.ADVANCED: 5}
MOBILITY = "mobility and recovery"
DESK = "desk break"


def make(request: PlanRequest) -> Plan:
    """The plan, or (for a request the planner rightly refuses) the example is set
    aside, after checking the refusal names what to change."""
    try:
        return plan(request, CATALOGUE)
    except PlanError as exc:
        message = str(exc)
        assert exc.field in {"minutes", "avoid"}, message  # noqa: PT017 - a refusal's text
        assert any(word in message for word in ("--minutes", "--avoid", "ask for", "remove"))
        assume(False)
        raise  # unreachable: assume(False) stops the example


def ex(item: Item) -> Exercise:
    return CATALOGUE.get(item.exercise)


def strength(session: Session) -> tuple[Item, ...]:
    return session.block(BlockKind.STRENGTH).items


def is_strength_session(session: Session) -> bool:
    return session.focus not in (MOBILITY, DESK)


def is_light(item: Item) -> bool:
    """Light posture work: never a hard set (its effort says so)."""
    return item.effort is not None and "light" in item.effort


def hard(session: Session) -> list[Item]:
    """The hard sets of a session: strength work of a strength session, not light."""
    if not is_strength_session(session):
        return []
    return [item for item in strength(session) if not is_light(item)]


def all_sessions(p: Plan) -> Iterator[tuple[int, bool, Session]]:
    for week in p.weeks:
        for session in week.sessions:
            yield week.index, week.deload, session


def rep_seconds(tempo: str | None) -> int:
    return max(sum(int(x) for x in tempo.split("-")), 2) if tempo else 3


def expected_seconds(item: Item, level: Level) -> int:
    """Independent restatement of the documented time estimate: work on each side,
    rests between sets, setting up, and ramp-up sets with a minute's rest each."""
    exercise = ex(item)
    per_rep = rep_seconds(exercise.dosage_for(level).tempo)
    work = item.reps * per_rep if item.reps is not None else (item.hold_s or item.duration_s)
    assert work is not None
    sides = 2 if item.per_side else 1
    setup = 15 if item.reps is not None else 10
    ramp = item.ramp_up_sets * (work * sides + 60)
    return item.sets * work * sides + (item.sets - 1) * item.rest_s + setup + ramp
