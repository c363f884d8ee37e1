"""The program-design rules of docs/training-rules.md, as properties: what a coach
would sign. Volume by level, strength days by level, a warm-up for the session,
ramp-up sets, rep bands, progression a person can do, long plans in blocks, one
exercise once."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterator

from hypothesis import assume, given, settings

from planner_helpers import (
    CATALOGUE,
    CHEST,
    DESK,
    LOWER_BODY,
    MOBILITY,
    STRENGTH_DAYS,
    UPPER_BACK_MAIN,
    WEEKLY_MAX,
    all_sessions,
    ex,
    hard,
    is_light,
    is_strength_session,
    make,
    strength,
)
from routines import BlockKind, Exercise, Item, Level, Pattern, Plan, PlanRequest, plan
from routines.catalogue.chains import Chains
from strategies import plan_requests

CHAINS = Chains(CATALOGUE)
HEAVY_KIT = {"dumbbell", "kettlebell", "barbell", "cable", "machine"}


def level_of(exercise: Exercise, request: PlanRequest) -> Level:
    """The level whose dosage the plan uses: the person's, or the exercise's own when
    a long plan has moved one level up."""
    return exercise.level if exercise.level.rank > request.level.rank else request.level


def band(exercise: Exercise, level: Level) -> tuple[int, int]:
    """The rep band, restated: strength up to 6, hypertrophy to 12, endurance to 20;
    pulls for the upper back never under 8 reps (Andersen 2008: 8-12)."""
    reps = exercise.dosage_for(level).reps
    assert reps is not None
    low, high = reps
    if exercise.pattern.is_pull and low < 8:
        return 8, max(8, min(high, 12))
    top = 6 if low <= 6 else 12 if low <= 11 else 20
    return low, max(low, min(high, top))


def grown(request: PlanRequest, p: Plan, index: int) -> Level:
    """The level a week's volume may reach: plans over 8 weeks move up a level every
    two blocks (a block ends with each re-test week)."""
    if request.weeks <= 8:
        return request.level
    block = sum(1 for w in p.weeks if w.retest and w.index < index)
    return list(Level)[min(2, request.level.rank + block // 2)]


@given(plan_requests())
def test_weekly_sets_per_muscle_stay_in_the_level_range(request: PlanRequest) -> None:
    p = make(request)
    for week in p.weeks:
        sets: Counter[str] = Counter()
        back = chest = 0
        for session in week.sessions:
            for item in hard(session):
                primary = set(ex(item).primary_muscles)
                sets[ex(item).primary_muscles[0].value] += item.sets  # direct sets
                back += item.sets if primary & UPPER_BACK_MAIN else 0
                chest += item.sets if primary & CHEST else 0
        top = WEEKLY_MAX[grown(request, p, week.index)]
        assert all(count <= top for count in sets.values()), sets
        if request.goal in {"upper-back-runner", "posture"}:
            assert back >= chest, (week.index, back, chest)


@given(plan_requests())
def test_strength_days_by_level_and_the_rest_are_mobility(request: PlanRequest) -> None:
    p = make(request)
    for week in p.weeks:
        kinds = Counter(
            "desk" if s.focus == DESK else "mobility" if s.focus == MOBILITY else "strength"
            for s in week.sessions
        )
        if request.minutes <= 15:
            assert kinds == Counter({"desk": len(request.days)})
            continue
        wanted = min(len(request.days), STRENGTH_DAYS[request.level])
        assert kinds["strength"] == wanted
        assert kinds["mobility"] == len(request.days) - wanted
        if kinds["mobility"]:
            assert any("mobility and recovery" in note for note in p.notes)
        for session in week.sessions:
            if session.focus == MOBILITY:
                assert 0 < session.seconds <= 1320
                assert session.block(BlockKind.MOBILITY).items


@given(plan_requests())
def test_the_warmup_prepares_what_the_session_loads(request: PlanRequest) -> None:
    p = make(request)
    for _, _, session in all_sessions(p):
        if not is_strength_session(session):
            continue
        warm = [ex(i) for i in session.block(BlockKind.WARMUP).items]
        patterns = {ex(i).pattern for i in hard(session)}
        if patterns & {Pattern.SQUAT, Pattern.HINGE, Pattern.LUNGE}:
            assert any(LOWER_BODY & set(e.muscles) for e in warm), "legs and hips first"
        if any(pattern.is_pull or pattern.is_push for pattern in patterns):
            assert any(
                set(e.muscles) - LOWER_BODY - {"abs", "obliques"}
                for e in warm
                if e.modality.value != "cardio"
            ), "shoulders and upper back first"


def needs_ramp_up(item: Item) -> int:
    exercise = ex(item)
    kit = {e.value for e in exercise.equipment}
    if item.reps is None or item.reps > 6 or not kit & HEAVY_KIT:
        return 0
    return 2 if "barbell" in kit else 1


@given(plan_requests())
def test_heavy_loaded_lifts_get_ramp_up_sets(request: PlanRequest) -> None:
    p = make(request)
    for _, deload, session in all_sessions(p):
        for item in strength(session):
            light = deload or is_light(item) or session.focus == DESK
            assert item.ramp_up_sets == (0 if light else needs_ramp_up(item)), item


@given(plan_requests())
def test_every_exercise_keeps_its_rep_band_and_hold_ceiling(request: PlanRequest) -> None:
    p = make(request)
    for _, _, session in all_sessions(p):
        for item in hard(session):
            exercise = ex(item)
            level = level_of(exercise, request)
            if item.reps is not None:
                low, high = band(exercise, level)
                assert low <= item.reps <= high, (item.exercise, item.reps, (low, high))
            if item.hold_s is not None:
                own = exercise.dosage_for(level).hold_s or 30
                assert item.hold_s <= min(60, max(30, own))


def tracks(p: Plan, week: int) -> dict[str, Item]:
    found: dict[str, Item] = {}
    for session in p.weeks[week - 1].sessions:
        for item in hard(session):
            assert item.track is not None
            found.setdefault(item.track, item)
    return found


def difficulty(exercise: Exercise) -> tuple[int, int]:
    return exercise.level.rank, CHAINS.depth(exercise.id)


def one_step(before: Item, after: Item, request: PlanRequest) -> bool:
    """At most one progression step a person can do between two build weeks, and
    nothing backwards."""
    old, new = ex(before), ex(after)
    if old.id != new.id and difficulty(new) > difficulty(old) and new.id not in old.progressions:
        # a line that had topped out moves on to a harder exercise, at its start
        low = band(new, level_of(new, request))[0] if after.reps is not None else None
        return after.sets == before.sets and (low is None or after.reps == low)
    if old.id != new.id:
        if new.id in old.progressions:  # the harder variant, at the bottom of its range
            low = band(new, level_of(new, request))[0] if after.reps is not None else None
            return (
                after.sets == before.sets
                and after.load_steps == 0
                and (low is None or after.reps == low)
            )
        # rotation for variety: the same pattern, level and depth, the dose carried
        return (
            new.pattern is old.pattern
            and difficulty(new) == difficulty(old)
            and after.sets == before.sets
        )
    if after.sets < before.sets:
        return False
    steps = after.sets - before.sets
    if after.load_steps != before.load_steps:  # heavier, and back to the bottom
        low = band(new, level_of(new, request))[0]
        return after.load_steps == before.load_steps + 1 and after.reps == low and not steps
    change = after.amount - before.amount
    if change:
        steps += 1
        if after.reps is not None:
            top = band(new, level_of(new, request))[1]
            if not 0 < change <= (1 if top <= 8 else 2):
                return False
        elif not 0 < change <= 10:
            return False
    return steps <= 1


def build_weeks(p: Plan) -> list[int]:
    return [w.index for w in p.weeks if not w.deload]


def steps(p: Plan) -> Iterator[tuple[int, int, str, Item, Item]]:
    """Each exercise line's item in a build week and in the next build week."""
    for earlier, later in itertools.pairwise(build_weeks(p)):
        before, after = tracks(p, earlier), tracks(p, later)
        for track, item in after.items():
            if track in before:
                yield earlier, later, track, before[track], item


@given(plan_requests())
def test_at_most_one_step_a_week_and_never_backwards(request: PlanRequest) -> None:
    p = make(request)
    for earlier, later, track, before, after in steps(p):
        assert one_step(before, after, request), (earlier, later, track)


@given(plan_requests())
def test_weekly_strength_sets_grow_at_most_20_percent(request: PlanRequest) -> None:
    p = make(request)
    sets = {w.index: sum(i.sets for s in w.sessions for i in hard(s)) for w in p.weeks}
    weeks = build_weeks(p)
    for earlier, later in itertools.pairwise(weeks):
        assert sets[later] <= sets[earlier] * 1.2, (earlier, later, sets)


@given(plan_requests())
def test_one_exercise_once_and_never_with_its_own_variant(request: PlanRequest) -> None:
    p = make(request)
    for _, _, session in all_sessions(p):
        names = [item.exercise for item in session.items]
        assert len(names) == len(set(names)), Counter(names).most_common(2)
        work = [item.exercise for item in strength(session)]
        for i, a in enumerate(work):
            for b in work[i + 1 :]:
                assert not CHAINS.related(a, b), (a, b)


@given(plan_requests())
def test_deloads_halve_the_sets_in_short_plans(request: PlanRequest) -> None:
    assume(request.weeks <= 8)
    p = make(request)
    deloads = [w.index for w in p.weeks if w.deload]
    if request.weeks < 6 or request.deload_every is None or request.minutes <= 15:
        assert deloads == []  # desk breaks are light work: no deloads
        return
    assert deloads == list(range(request.deload_every, request.weeks + 1, request.deload_every))
    for index in deloads:
        before, during = p.weeks[index - 2], p.weeks[index - 1]
        for old, new in zip(before.sessions, during.sessions, strict=True):
            old_sets = sum(i.sets for i in hard(old))
            new_sets = sum(i.sets for i in hard(new))
            assert new_sets <= max(len(hard(new)), round(old_sets * 0.6))
            assert new.seconds <= old.seconds
            assert [i.exercise for i in strength(old)] == [i.exercise for i in strength(new)]


@settings(max_examples=25)
@given(plan_requests(min_weeks=9, max_weeks=52))
def test_long_plans_run_in_blocks_that_end_in_a_retest(request: PlanRequest) -> None:
    p = make(request)
    assume(request.minutes > 15)  # desk breaks are light work: no deloads, no re-tests
    ends = [w.index for w in p.weeks if w.retest]
    assert ends and ends[-1] == request.weeks
    lengths = [b - a for a, b in zip([0, *ends], ends, strict=False)]
    assert all(4 <= n <= 6 for n in lengths), lengths
    for week in p.weeks:
        assert week.deload == (week.retest and request.deload_every is not None)
        if week.retest:  # the first session of each kind tests; the others are lighter
            tested: set[str] = set()
            for session in week.sessions:
                marked = [item for item in hard(session) if "re-test" in item.reason]
                if session.focus in tested or not hard(session):
                    assert not marked
                else:
                    assert marked and len(marked) == len(hard(session))
                    tested.add(session.focus)
    assert any("re-test" in note for note in p.notes)


@settings(max_examples=25)
@given(plan_requests(min_weeks=9, max_weeks=52))
def test_long_plans_never_go_backwards(request: PlanRequest) -> None:
    p = make(request)
    for earlier, later, track, before, after in steps(p):
        assert one_step(before, after, request), (earlier, later, track)
        assert difficulty(ex(after)) >= difficulty(ex(before))


def test_ten_minutes_make_desk_breaks_for_most_days() -> None:
    request = PlanRequest(
        start=dt.date(2026, 1, 5), minutes=10, days="mon,tue,wed,thu,fri", timezone="UTC"
    )
    p = plan(request, CATALOGUE)
    first = p.weeks[0].sessions
    assert [s.focus for s in first] == [DESK] * 5
    for session in first:
        assert 9 * 60 <= session.seconds <= 11 * 60
        kinds = [b.kind for b in session.blocks]
        assert kinds == [BlockKind.WARMUP, BlockKind.STRENGTH, BlockKind.COOLDOWN]
        assert 1 <= len(session.block(BlockKind.COOLDOWN).items) <= 2
        assert all(ex(i).pattern.is_pull or ex(i).pattern is Pattern.ISOLATION
                   for i in strength(session))  # fmt: skip
    assert any("desk break" in note for note in p.notes)


def test_a_beginner_asking_for_seven_days_gets_three_strength_days() -> None:
    p = plan(PlanRequest(start=dt.date(2026, 1, 5), days="mon,tue,wed,thu,fri,sat,sun",
                         minutes=90, timezone="UTC"), CATALOGUE)  # fmt: skip
    focus = [s.focus for s in p.weeks[0].sessions]
    assert focus.count(MOBILITY) == 4
    strength_days = [s.date.weekday() for s in p.weeks[0].sessions if s.focus != MOBILITY]
    assert strength_days == [0, 2, 4]  # spread: Monday, Wednesday, Friday
    note = next(n for n in p.notes if "rest of your 90 minutes" in n)
    assert "beginner" in note


def test_equipment_the_person_has_is_used() -> None:
    """With dumbbells, rows and reverse flies are loaded; with a gym, cable and
    machine rows appear (the staples stay whatever the level)."""
    for level in ("beginner", "intermediate", "advanced"):
        p = plan(PlanRequest(start=dt.date(2026, 1, 5), equipment=("dumbbell",),
                             level=level, goal="posture", timezone="UTC"), CATALOGUE)  # fmt: skip
        used = {i.exercise for s in p.weeks[0].sessions for i in strength(s)}
        assert "one-arm-dumbbell-row" in used, (level, used)
        assert "dumbbell-reverse-fly" in used, (level, used)
    kit = ("barbell", "bench", "cable", "machine")
    gym = plan(
        PlanRequest(start=dt.date(2026, 1, 5), level="advanced", timezone="UTC", equipment=kit),
        CATALOGUE,
    )
    used = {i.exercise for s in gym.weeks[0].sessions for i in strength(s)}
    assert used & {"seated-cable-row", "cable-face-pull", "cable-reverse-fly", "lat-pulldown"}
    assert not used & {"pike-push-up", "decline-push-up"}, used
