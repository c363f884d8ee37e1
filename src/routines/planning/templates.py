"""Strength templates: for each kind of day, the goal's slots filled with exercises
(by fit, within the level's weekly volume and the minutes), then followed through
every week of the plan: one progression step a week, deloads, re-tests, and
variety at the start of a block at the same difficulty."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import attrs

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Level, Muscle
from routines.planning.blocks import WeekKind, grown_level
from routines.planning.dose import max_sets
from routines.planning.goals import Goal
from routines.planning.lines import Line, line_seconds, strength_seconds
from routines.planning.pool import Pool, load_tier, stable_key
from routines.planning.progression import Track, band_of, next_step, start_track
from routines.planning.schedule import FOCUS_KEY, DayKind, Group
from routines.planning.slots import DESK_SLOTS, Slot
from routines.planning.volume import CHEST, UPPER_BACK, main_muscle, sets_by_muscle

__all__ = ["MAX_WEEKLY_SET_GROWTH", "Template", "template"]

#: Weekly growth of total strength sets is held to 20% (Nielsen 2014; Buist 2008).
MAX_WEEKLY_SET_GROWTH = 0.20
#: Desk breaks: at most two sets of each exercise, 30 s apart (light work).
DESK_SETS = 2
DESK_REST_S = 30


@attrs.frozen
class Template:
    """A kind of day and its strength lines for every week (index 0 is week 1)."""

    kind: DayKind
    groups: frozenset[Group]
    weeks: tuple[tuple[Line, ...], ...]


def _is(pool: Pool, line: Line, kind: str) -> bool:
    pattern = pool.get(line.track.exercise).pattern
    return pattern.is_pull if kind == "pull" else pattern.is_push


def _hard(lines: Sequence[Line]) -> list[Line]:
    return [line for line in lines if not line.light]


def _sets_on(pool: Pool, lines: Sequence[Line], muscles: frozenset[Muscle]) -> int:
    """Hard sets of the exercises with one of ``muscles`` among their primary muscles."""
    return sum(
        line.track.sets
        for line in _hard(lines)
        if muscles.intersection(pool.get(line.track.exercise).primary_muscles)
    )


def _room(pool: Pool, exercise: Exercise, lines: Sequence[Line], caps: Mapping[Muscle, int]) -> int:
    """Sets the exercise may add before its main muscle reaches its cap, and never
    on a muscle the day may not load."""
    if any(caps.get(m, 0) == 0 for m in exercise.primary_muscles):
        return 0
    used = sets_by_muscle((pool.get(x.track.exercise), x.track.sets) for x in _hard(lines))
    muscle = main_muscle(exercise)
    return caps.get(muscle, 0) - used.get(muscle, 0)


def _first_lines(
    pool: Pool, slots: Sequence[Slot], groups: frozenset[Group], caps: Mapping[Muscle, int],
    budget: int, set_cap: int, key: str, before: Sequence[Line] = (), rest: int | None = None,
) -> list[Line]:  # fmt: skip
    """Fill the slots in order of importance, each with the best exercise that fits
    the volume caps, pulling no less than pushing, and the time (after ``before``)."""
    lines: list[Line] = list(before)
    for number, slot in enumerate(slots):
        taken = [line.track.exercise for line in lines]
        options = pool.options(slot, groups, taken)
        if not options:
            continue
        best = (pool.rank(options[0], slot), options[0].pattern)
        equals = [e for e in options if (pool.rank(e, slot), e.pattern) == best]
        pick = equals[stable_key(pool.request.seed, key, slot.name) % len(equals)]
        ordered = [pick] + [e for e in options if e.id != pick.id]
        # keep room for one set of each required slot still to come
        later = [s for s in slots[number + 1 :] if s.required]
        room = budget - sum(_least(pool, s, groups, taken) for s in later)
        for exercise in ordered:
            line = _fit(pool, exercise, slot, lines, caps, room, set_cap, rest)
            if line is not None:
                lines.append(line)
                break
    return lines[len(before) :]


def _least(pool: Pool, slot: Slot, groups: frozenset[Group], taken: Sequence[str]) -> int:
    """The time of one set of the quickest exercise that could fill ``slot``, at the
    top of its range (as :func:`_fit` counts it)."""
    options = pool.options(slot, groups, taken)
    return min(
        (
            line_seconds(
                pool, _topped(pool, Line(slot, attrs.evolve(start_track(e, pool.level), sets=1)))
            )
            for e in options
        ),
        default=0,
    )


def _fit(
    pool: Pool, exercise: Exercise, slot: Slot, lines: Sequence[Line],
    caps: Mapping[Muscle, int], budget: int, set_cap: int, rest: int | None = None,
) -> Line | None:  # fmt: skip
    track = start_track(exercise, pool.level, set_cap)
    sets = min(track.sets, _room(pool, exercise, lines, caps))
    if exercise.pattern.is_push:  # never more sets of pushing than of pulling
        pulls = sum(line.track.sets for line in _hard(lines) if _is(pool, line, "pull"))
        pushes = sum(line.track.sets for line in _hard(lines) if _is(pool, line, "push"))
        sets = min(sets, pulls - pushes)
    if CHEST.intersection(exercise.primary_muscles):  # the upper back at least as much
        back = _sets_on(pool, lines, UPPER_BACK)
        sets = min(sets, back - _sets_on(pool, lines, CHEST))
    # room to grow: the line must fit at the top of its range, so the reps can climb
    used = sum(line_seconds(pool, _topped(pool, line)) for line in lines)
    least = 1 if slot.required else min(2, track.sets)  # an optional exercise earns 2 sets
    for count in range(sets, least - 1, -1):
        line = Line(slot, attrs.evolve(track, sets=count), rest_s=rest)
        if used + line_seconds(pool, _topped(pool, line)) <= budget:
            return line
    return None


def _topped(pool: Pool, line: Line) -> Line:
    """The line at the top of its range (the time its progression will need)."""
    top = band_of(pool.get(line.track.exercise), pool.level)[1]
    return attrs.evolve(line, track=attrs.evolve(line.track, amount=max(top, line.track.amount)))


def _light_pull(pool: Pool, lines: Sequence[Line], budget: int) -> Line | None:
    """A light horizontal pull for posture on a day that may not load the upper body
    (upper-back goals have one in every strength session)."""
    slot = DESK_SLOTS[0]
    taken = [line.track.exercise for line in lines]
    options = [
        e
        for e in pool.options(slot, frozenset({Group.UPPER}), taken)
        if load_tier(e) <= 1 and e.modality.value == "strength"
    ]
    used = strength_seconds(pool, lines)
    for exercise in options:
        line = Line(slot, Track(exercise.id, 1, band_of(exercise, pool.level)[0]), light=True)
        if used + line_seconds(pool, line) <= budget:
            return line
    return None


def _week_one(
    pool: Pool, goal: Goal, kind: DayKind, groups: frozenset[Group],
    caps: Mapping[Muscle, int], budget: int,
) -> list[Line]:  # fmt: skip
    key = FOCUS_KEY[groups] if kind is DayKind.STRENGTH else kind.value
    if kind is DayKind.DESK:
        return _first_lines(
            pool,
            DESK_SLOTS,
            frozenset({Group.UPPER}),
            caps,
            budget,
            DESK_SETS,
            key,
            rest=DESK_REST_S,
        )
    light: list[Line] = []
    if goal.upper_back and Group.UPPER not in groups:  # a light pull comes first
        found = _light_pull(pool, [], budget)
        light = [found] if found is not None else []
    return light + _first_lines(
        pool, goal.slots, groups, caps, budget, max_sets(pool.level), key, light
    )


def _grow(
    pool: Pool, lines: Sequence[Line], groups: frozenset[Group], week: WeekKind,
    caps: Mapping[Muscle, int], budget: int, set_cap: int, keep: frozenset[int] = frozenset(),
) -> list[Line]:  # fmt: skip
    """One week on: each line takes at most one step, within the volume caps, the
    20% growth of the week's sets, pulling ahead of pushing, and the time."""
    hard = _hard(lines)
    total = sum(line.track.sets for line in hard)
    spare = math.floor(total * (1 + MAX_WEEKLY_SET_GROWTH)) - total
    current = list(lines)
    seconds = strength_seconds(pool, current)
    for index, line in enumerate(lines):
        if index in keep:
            continue
        if line.light:
            current[index] = attrs.evolve(line, note="")
            continue
        exercise = pool.get(line.track.exercise)
        others = [other.track.exercise for other in current if other is not line]
        pulls = sum(x.track.sets for x in _hard(current) if _is(pool, x, "pull"))
        pushes = sum(x.track.sets for x in _hard(current) if _is(pool, x, "push"))
        chest_ok = not CHEST.intersection(exercise.primary_muscles) or _sets_on(
            pool, current, CHEST
        ) + 1 <= _sets_on(pool, current, UPPER_BACK)
        may_add = (
            spare > 0
            and _room(pool, exercise, current, caps) > 0
            and (not exercise.pattern.is_push or pushes + 1 <= pulls)
            and chest_ok
        )
        harder = pool.harder(exercise, line.slot, groups, others, next_level=week.block > 0)
        track, note = next_step(
            line.track, exercise, harder, pool.level, set_cap=set_cap, may_add_set=may_add
        )
        moved = Line(line.slot, track, note, rest_s=line.rest_s)
        change = line_seconds(pool, moved) - line_seconds(pool, line)
        if track == line.track or seconds + change > budget:
            current[index] = Line(line.slot, line.track, _held(pool, line), rest_s=line.rest_s)
            continue
        if (
            track.exercise != line.track.exercise
            and _room(pool, pool.get(track.exercise), [x for x in current if x is not line], caps)
            < track.sets
        ):
            current[index] = Line(line.slot, line.track, rest_s=line.rest_s)
            continue
        seconds += change
        spare -= track.sets - line.track.sets
        current[index] = moved
    return current


def _stuck(
    pool: Pool, line: Line, groups: frozenset[Group], taken: Sequence[str], set_cap: int,
    week: WeekKind,
) -> bool:  # fmt: skip
    """True when a line cannot go on: at the top of its range, with no set to add,
    no harder variant of its own, and no load to add."""
    exercise = pool.get(line.track.exercise)
    top = band_of(exercise, pool.level)[1]
    harder = pool.harder(
        exercise, line.slot, groups, taken, next_level=week.block > 0,
    )  # fmt: skip
    loaded = exercise.loaded and exercise.dose is Dose.REPS
    return (
        line.track.amount >= top
        and harder is None
        and not loaded
        and (line.track.sets >= set_cap or line.track.sets >= 2)
    )


#: What a line at the top of its range says while it holds.
TOP_LOADED = (
    "top of the range: add 2-10% load (a heavier weight or stronger band) once you beat "
    "the target in 2 sessions in a row"
)
TOP_UNLOADED = "top of the range: keep this dose with good form"


def _held(pool: Pool, line: Line) -> str:
    """Why a line keeps its dose this week, when it is at the top of its range."""
    exercise = pool.get(line.track.exercise)
    if line.track.amount < band_of(exercise, pool.level)[1]:
        return ""
    return TOP_LOADED if exercise.loaded and exercise.dose is Dose.REPS else TOP_UNLOADED


def _rotate(
    pool: Pool, lines: Sequence[Line], groups: frozenset[Group], week: WeekKind,
    caps: Mapping[Muscle, int], budget: int, set_cap: int,
) -> list[Line]:  # fmt: skip
    """A new block: each line may change to an exercise of the same difficulty that
    fits as well, keeping its sets and where it stands in its range; a line that has
    topped out moves to a harder exercise for its slot."""
    current = list(lines)
    seconds = strength_seconds(pool, current)
    for index, line in enumerate(lines):
        if line.light:
            continue
        exercise = pool.get(line.track.exercise)
        taken = [other.track.exercise for other in current]
        swap = pool.equivalent(
            exercise, line.slot, groups, taken, pool.request.seed, line.slot.name, week.index
        )
        if swap.id == exercise.id and _stuck(pool, line, groups, taken, set_cap, week):
            up = pool.step_up(exercise, line.slot, groups, taken, next_level=week.block > 0)
            if up is not None:
                low = band_of(up, pool.level)[0]
                moved = Line(
                    line.slot,
                    Track(up.id, line.track.sets, low),
                    f"{exercise.name} had topped out: the harder {up.name}",
                    rest_s=line.rest_s,
                )
                change = line_seconds(pool, moved) - line_seconds(pool, line)
                others = [x for x in current if x is not line]
                if seconds + change <= budget and _room(pool, up, others, caps) >= line.track.sets:
                    seconds += change
                    current[index] = moved
                    continue
        if swap.id == exercise.id:
            current[index] = Line(line.slot, line.track, rest_s=line.rest_s)
            continue
        low, high = band_of(swap, pool.level)
        track = Track(swap.id, line.track.sets, min(max(line.track.amount, low), high))
        why = f"for variety, in place of {exercise.name} (same difficulty)"
        moved = Line(line.slot, track, why, rest_s=line.rest_s)
        others = [x for x in current if x is not line]
        change = line_seconds(pool, moved) - line_seconds(pool, line)
        if seconds + change > budget or _room(pool, swap, others, caps) < track.sets:
            current[index] = Line(line.slot, line.track, rest_s=line.rest_s)
            continue
        seconds += change
        current[index] = moved
    return current


def template(
    pool: Pool, goal: Goal, kind: DayKind, groups: frozenset[Group], weeks: Sequence[WeekKind],
    caps_for: Callable[[Level], Mapping[Muscle, int]], budget: int,
) -> Template:  # fmt: skip
    """The strength lines of one kind of day for every week of the plan; ``caps_for``
    gives a level's volume caps for a session of this kind."""

    def set_cap(week: WeekKind) -> int:
        return DESK_SETS if kind is DayKind.DESK else max_sets(grown_level(pool.request, week))

    def caps(week: WeekKind) -> Mapping[Muscle, int]:
        return caps_for(grown_level(pool.request, week))

    rows: list[tuple[Line, ...]] = []
    built = _week_one(pool, goal, kind, groups, caps(weeks[0]), budget)
    after_deload = False
    for week in weeks:
        if week.index == 1:
            lines = built
        elif week.deload:
            lines = [attrs.evolve(line, note="deload") for line in built]
        else:
            rotated = (
                _rotate(pool, built, groups, week, caps(week), budget, set_cap(week))
                if week.new_block
                else built
            )
            keep = frozenset(
                i
                for i, (old, new) in enumerate(zip(built, rotated, strict=True))
                if old.track.exercise != new.track.exercise
            )
            if after_deload:
                back = "back to the level before the deload"
                lines = [
                    new if i in keep else Line(new.slot, new.track, back, new.light, new.rest_s)
                    for i, new in enumerate(rotated)
                ]
            else:
                lines = _grow(pool, rotated, groups, week, caps(week), budget, set_cap(week), keep)
            built = lines
        after_deload = week.deload
        rows.append(tuple(lines))
    return Template(kind, groups, tuple(rows))
