"""Every training rule of docs/training-rules.md that the planner applies, as a property.

Each test draws many requests; a request the planner refuses must be refused with
a PlanError that says what to change, and is then set aside.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

import pytest
from hypothesis import assume, given

from routines import (
    BlockKind,
    Catalogue,
    Exercise,
    Item,
    Level,
    Modality,
    Muscle,
    Pattern,
    Plan,
    PlanError,
    PlanRequest,
    Session,
    Weekday,
    load_catalogue,
    plan,
)
from routines.catalogue.vocab import ALWAYS_AVAILABLE
from strategies import plan_requests

CATALOGUE: Catalogue = load_catalogue()
CORE_MUSCLES = {Muscle.ABS, Muscle.OBLIQUES}
UPPER_BACK = {Muscle.MIDDLE_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS, Muscle.RHOMBOIDS}


def make(request: PlanRequest) -> Plan:
    try:
        return plan(request, CATALOGUE)
    except PlanError as exc:
        message = str(exc)
        assert message.split(":")[0] in {"minutes", "warm-up", "cool-down", "avoid"}, message
        assert any(word in message for word in ("--minutes", "--avoid", "ask for", "remove"))
        assume(False)
        raise  # unreachable: assume(False) stops the example


def ex(item: Item) -> Exercise:
    return CATALOGUE.get(item.exercise)


def strength(session: Session) -> tuple[Item, ...]:
    return session.block(BlockKind.STRENGTH).items


def all_sessions(p: Plan) -> Iterator[tuple[int, bool, Session]]:
    for week in p.weeks:
        for session in week.sessions:
            yield week.index, week.deload, session


@given(plan_requests())
def test_weeks_and_days_follow_the_request(request: PlanRequest) -> None:
    p = make(request)
    assert [w.index for w in p.weeks] == list(range(1, request.weeks + 1))
    for week in p.weeks:
        first = request.start + dt.timedelta(days=7 * (week.index - 1))
        dates = [s.date for s in week.sessions]
        assert dates == sorted(dates)
        assert len(dates) == len(request.days)
        for day in dates:
            assert first <= day < first + dt.timedelta(days=7)
            assert Weekday.of(day) in request.days
        for session in week.sessions:
            assert session.start == request.time


@given(plan_requests())
def test_blocks_come_in_order_and_items_have_one_dose(request: PlanRequest) -> None:
    p = make(request)
    for _, _, session in all_sessions(p):
        kinds = [b.kind for b in session.blocks]
        assert kinds in (
            [BlockKind.WARMUP, BlockKind.STRENGTH, BlockKind.COOLDOWN],
            [BlockKind.WARMUP, BlockKind.COOLDOWN],
        )
        for item in session.items:
            assert sum(x is not None for x in (item.reps, item.hold_s, item.duration_s)) == 1
            assert item.sets >= 1 and item.seconds > 0 and item.reason
            assert item.per_side == ex(item).per_side
            assert item.exercise in p.exercises


@given(plan_requests())
def test_warmup_is_5_to_10_minutes_of_dynamic_moves(request: PlanRequest) -> None:
    p = make(request)
    for _, _, session in all_sessions(p):
        warmup = session.block(BlockKind.WARMUP)
        assert 300 <= warmup.seconds <= 600
        for item in warmup.items:
            assert ex(item).modality in {Modality.MOBILITY, Modality.ACTIVATION, Modality.CARDIO}
            assert item.hold_s is None, "no static holds in the warm-up"


@given(plan_requests())
def test_cooldown_is_4_minutes_or_more_of_20_to_30_s_holds(request: PlanRequest) -> None:
    p = make(request)
    for _, _, session in all_sessions(p):
        cooldown = session.block(BlockKind.COOLDOWN)
        assert cooldown.seconds >= 240
        for item in cooldown.items:
            assert ex(item).modality is Modality.STATIC_STRETCH
            assert item.hold_s is not None and 20 <= item.hold_s <= 30
            assert 2 <= item.sets <= 4


def expected_seconds(item: Item, level: Level) -> int:
    """Independent restatement of the documented time estimate."""
    exercise = ex(item)
    tempo = exercise.dosage_for(level).tempo
    per_rep = sum(int(x) for x in tempo.split("-")) if tempo else 3
    work = (
        item.reps * max(per_rep, 2) if item.reps is not None else (item.hold_s or item.duration_s)
    )
    assert work is not None
    setup = 15 if item.reps is not None else 10
    return item.sets * work * (2 if item.per_side else 1) + (item.sets - 1) * item.rest_s + setup


@given(plan_requests())
def test_sessions_last_the_minutes_asked_for(request: PlanRequest) -> None:
    p = make(request)
    target = request.minutes * 60
    for _, deload, session in all_sessions(p):
        for item in session.items:
            assert item.seconds == expected_seconds(item, request.level)
        total = session.seconds
        assert total <= target * 1.1 + 1
        if not deload:
            assert total >= target * 0.9 - 1, (total, target)
        assert session.minutes == round(total / 60)


def exempt(item: Item) -> bool:
    """Light holds (unloaded isometric work) may be done on consecutive days."""
    return ex(item).modality is Modality.ISOMETRIC and not ex(item).loaded


@given(plan_requests())
def test_no_primary_muscle_is_loaded_on_two_consecutive_days(request: PlanRequest) -> None:
    p = make(request)
    loaded: dict[dt.date, set[Muscle]] = {}
    for _, _, session in all_sessions(p):
        loaded[session.date] = {
            muscle
            for item in strength(session)
            if not exempt(item)
            for muscle in ex(item).primary_muscles
            if muscle not in CORE_MUSCLES
        }
    for day, muscles in loaded.items():
        following = loaded.get(day + dt.timedelta(days=1), set())
        assert not muscles & following, (day, muscles & following)


@given(plan_requests())
def test_each_week_pulls_at_least_as_much_as_it_pushes(request: PlanRequest) -> None:
    p = make(request)
    for week in p.weeks:
        items = [i for s in week.sessions for i in strength(s)]
        pulls = sum(i.sets for i in items if ex(i).pattern.is_pull)
        pushes = sum(i.sets for i in items if ex(i).pattern.is_push)
        assert pulls >= pushes


@given(plan_requests())
def test_upper_back_goals_cover_the_upper_back_every_week(request: PlanRequest) -> None:
    assume(request.goal in {"upper-back-runner", "posture"})
    p = make(request)
    for week in p.weeks:
        items = [i for s in week.sessions for i in strength(s)]
        assert any(UPPER_BACK & set(ex(i).primary_muscles) for i in items), week.index
        stretches = [i for s in week.sessions for i in s.block(BlockKind.COOLDOWN).items]
        assert any({Muscle.CHEST, Muscle.PEC_MINOR} & set(ex(i).primary_muscles) for i in stretches)
        for session in week.sessions:
            assert any(
                ex(i).pattern.is_core or CORE_MUSCLES & set(ex(i).primary_muscles)
                for i in strength(session)
            ), "every strength session has core work"


@given(plan_requests())
def test_equipment_level_and_avoid_are_respected(request: PlanRequest) -> None:
    p = make(request)
    have = set(request.equipment) | ALWAYS_AVAILABLE
    for _, _, session in all_sessions(p):
        for item in session.items:
            exercise = ex(item)
            assert set(exercise.equipment) <= have
            assert exercise.level.rank <= request.level.rank
            assert exercise.id not in request.avoid
            assert not set(request.avoid) & {c.value for c in exercise.cautions}


@given(plan_requests())
def test_no_heavy_legs_the_day_before_the_long_run(request: PlanRequest) -> None:
    assume(request.long_run is not None)
    p = make(request)
    for _, _, session in all_sessions(p):
        if Weekday.of(session.date + dt.timedelta(days=1)) is request.long_run:
            for item in strength(session):
                assert ex(item).pattern not in {Pattern.HINGE, Pattern.SQUAT, Pattern.LUNGE}


def tracks(week_sessions: tuple[Session, ...]) -> dict[str, Item]:
    found: dict[str, Item] = {}
    for session in week_sessions:
        for item in strength(session):
            assert item.track is not None
            found.setdefault(item.track, item)
    return found


def one_step(before: Item, after: Item, rotation: bool) -> bool:
    """At most one progression step between two weeks of the same track."""
    old, new = ex(before), ex(after)
    amount_before = before.reps or before.hold_s or before.duration_s or 0
    amount_after = after.reps or after.hold_s or after.duration_s or 0
    if old.id != new.id:
        if new.id in old.progressions:  # the harder variant, at the bottom of its range
            return after.sets == before.sets and after.load_steps == 0
        # an equivalent exercise for variety, same dose
        return rotation and new.pattern is old.pattern and after.sets == before.sets
    steps = 0
    if after.sets != before.sets:
        steps += 1
        if after.sets - before.sets != 1:
            return False
    if after.load_steps != before.load_steps:
        steps += 1
        if after.load_steps - before.load_steps != 1 or amount_after > amount_before:
            return False
    elif amount_after != amount_before:
        steps += 1
        change = amount_after - amount_before
        limit = 2 if after.reps is not None else 10
        if not 0 < change <= limit:
            return False
    return steps <= 1


def comparable_weeks(p: Plan) -> Iterator[tuple[int, int]]:
    """(earlier, later) week pairs to compare, skipping over deload weeks."""
    previous = None
    for week in p.weeks:
        if week.deload:
            continue
        if previous is not None:
            yield previous, week.index
        previous = week.index


@given(plan_requests())
def test_at_most_one_progression_step_per_exercise_per_week(request: PlanRequest) -> None:
    p = make(request)
    deloads = any(w.deload for w in p.weeks)
    block = request.deload_every if deloads and request.deload_every else 4
    for earlier, later in comparable_weeks(p):
        before = tracks(p.weeks[earlier - 1].sessions)
        after = tracks(p.weeks[later - 1].sessions)
        new_block = (later - 1) % block == 0
        for track, item in after.items():
            if track in before:
                assert one_step(before[track], item, new_block), (earlier, later, track)


@given(plan_requests())
def test_weekly_strength_sets_grow_at_most_20_percent(request: PlanRequest) -> None:
    p = make(request)
    sets = {w.index: sum(i.sets for s in w.sessions for i in strength(s)) for w in p.weeks}
    kinds = {w.index: sorted(s.focus for s in w.sessions) for w in p.weeks}
    for earlier, later in comparable_weeks(p):
        if kinds[earlier] == kinds[later]:  # same mix of session kinds
            assert sets[later] <= sets[earlier] * 1.2, (earlier, later, sets)


@given(plan_requests())
def test_deload_weeks_halve_the_strength_sets(request: PlanRequest) -> None:
    p = make(request)
    has_strength = any(strength(s) for _, _, s in all_sessions(p))
    deloads = [w.index for w in p.weeks if w.deload]
    if request.weeks < 6 or request.deload_every is None or not has_strength:
        assert deloads == []
        return
    every = request.deload_every
    assert deloads == list(range(every, request.weeks + 1, every))
    for index in deloads:
        before = p.weeks[index - 2]
        during = p.weeks[index - 1]
        for old, new in zip(before.sessions, during.sessions, strict=True):
            if old.focus != new.focus:
                continue
            old_sets = sum(i.sets for i in strength(old))
            new_sets = sum(i.sets for i in strength(new))
            assert new_sets <= max(len(strength(new)), round(old_sets * 0.6))
            assert new.seconds <= old.seconds
            assert [i.exercise for i in strength(old)] == [i.exercise for i in strength(new)]


@given(plan_requests())
def test_rest_between_sets_follows_the_rep_range(request: PlanRequest) -> None:
    p = make(request)
    for _, _, session in all_sessions(p):
        for item in strength(session):
            if item.reps is None:
                assert 30 <= item.rest_s <= 90
            elif item.reps >= 15:
                assert 30 <= item.rest_s <= 60
            elif item.reps <= 6:
                assert 180 <= item.rest_s <= 300
            else:
                assert 60 <= item.rest_s <= 180
            assert item.effort is not None and "RPE" in item.effort
            if item.hold_s is not None:
                assert 10 <= item.hold_s <= 120


@given(plan_requests())
def test_multi_joint_work_comes_before_single_joint_and_core(request: PlanRequest) -> None:
    order = {Pattern.SQUAT: 0, Pattern.HINGE: 0, Pattern.LUNGE: 0, Pattern.HORIZONTAL_PULL: 1,
             Pattern.VERTICAL_PULL: 1, Pattern.HORIZONTAL_PUSH: 1, Pattern.VERTICAL_PUSH: 1,
             Pattern.CARRY: 2, Pattern.ISOLATION: 3, Pattern.SPINAL_EXTENSION: 3}  # fmt: skip
    p = make(request)
    for _, _, session in all_sessions(p):
        keys = [order.get(ex(i).pattern, 4) for i in strength(session)]
        assert keys == sorted(keys)


@given(plan_requests(max_weeks=8))
def test_the_same_request_gives_a_byte_identical_plan(request: PlanRequest) -> None:
    first = make(request).to_json()
    assert plan(request, load_catalogue()).to_json() == first


@given(plan_requests(max_weeks=8))
def test_every_plan_carries_the_safety_notes(request: PlanRequest) -> None:
    p = make(request)
    assert "not medical advice" in p.safety.disclaimer
    assert any("chest" in s for s in p.safety.stop_signs)
    assert any("0-2" in s for s in p.safety.pain_rule)
    assert any("2-4 weeks" in s for s in p.safety.see_a_professional)


@pytest.mark.parametrize(
    "key",
    ["heart_condition", "chest_pain_activity", "chest_pain_rest", "dizziness",
     "bone_joint", "medication", "other_reason"],
)  # fmt: skip
def test_any_yes_in_the_screening_means_no_plan(key: str) -> None:
    from routines import Screening

    request = PlanRequest(screening=Screening(**{key: True}), timezone="UTC")
    with pytest.raises(PlanError, match="physician") as caught:
        plan(request, CATALOGUE)
    assert key in str(caught.value)
    assert plan(PlanRequest(screening=Screening(), timezone="UTC"), CATALOGUE).weeks


def test_exercises_rotate_between_blocks() -> None:
    p = plan(PlanRequest(start=dt.date(2026, 1, 5), weeks=12, timezone="UTC"), CATALOGUE)
    blocks: dict[int, set[str]] = defaultdict(set)
    for week in p.weeks:
        for session in week.sessions:
            blocks[(week.index - 1) // 4].update(i.exercise for i in strength(session))
    assert blocks[0] != blocks[1] != blocks[2]
