"""Strength templates: for each kind of day, the goal's slots filled with exercises
(by fit, within the level's weekly volume and the minutes), then followed through
every week of the plan: one progression step a week, deloads, re-tests, and
variety at the start of a block at the same difficulty."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Muscle
from routines.planning.blocks import LONG_PLAN_WEEKS, WeekKind
from routines.planning.dose import max_sets
from routines.planning.goals import DESK_SLOTS, Goal, Slot
from routines.planning.lines import Line, line_seconds, strength_seconds
from routines.planning.pool import Pool, load_tier, stable_key
from routines.planning.progression import Track, band_of, next_step, start_track
from routines.planning.schedule import FOCUS_KEY, DayKind, Group
from routines.planning.volume import CHEST, UPPER_BACK, main_muscle, sets_by_muscle

__all__ = ["MAX_WEEKLY_SET_GROWTH", "Template", "template"]

#: Weekly growth of total strength sets is held to 20% (Nielsen 2014; Buist 2008).
MAX_WEEKLY_SET_GROWTH = 0.20
#: Desk breaks: at most two sets of each exercise.
DESK_SETS = 2


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
    budget: int, set_cap: int, key: str, before: Sequence[Line] = (),
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
            line = _fit(pool, exercise, slot, lines, caps, room, set_cap)
            if line is not None:
                lines.append(line)
                break
    return lines[len(before) :]


def _least(pool: Pool, slot: Slot, groups: frozenset[Group], taken: Sequence[str]) -> int:
    """The time of one set of the quickest exercise that could fill ``slot``."""
    options = pool.options(slot, groups, taken)
    return min(
        (
            line_seconds(pool, Line(slot, attrs.evolve(start_track(e, pool.level), sets=1)))
            for e in options
        ),
        default=0,
    )


def _fit(
    pool: Pool, exercise: Exercise, slot: Slot, lines: Sequence[Line],
    caps: Mapping[Muscle, int], budget: int, set_cap: int,
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
    used = strength_seconds(pool, lines)
    for count in range(sets, 0, -1):
        line = Line(slot, attrs.evolve(track, sets=count))
        if used + line_seconds(pool, line) <= budget:
            return line
    return None


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
            pool, DESK_SLOTS, frozenset({Group.UPPER}), caps, budget, DESK_SETS, key
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
    long_plan = pool.request.weeks > LONG_PLAN_WEEKS
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
        harder = pool.harder(
            exercise, line.slot, groups, others, next_level=long_plan and week.block > 0
        )
        track, note = next_step(
            line.track, exercise, harder, pool.level, set_cap=set_cap, may_add_set=may_add
        )
        moved = Line(line.slot, track, note)
        change = line_seconds(pool, moved) - line_seconds(pool, line)
        if track == line.track or seconds + change > budget:
            current[index] = Line(line.slot, line.track)
            continue
        if (
            track.exercise != line.track.exercise
            and _room(pool, pool.get(track.exercise), [x for x in current if x is not line], caps)
            < track.sets
        ):
            current[index] = Line(line.slot, line.track)
            continue
        seconds += change
        spare -= track.sets - line.track.sets
        current[index] = moved
    return current


def _rotate(
    pool: Pool, lines: Sequence[Line], groups: frozenset[Group], week: WeekKind,
    caps: Mapping[Muscle, int], budget: int,
) -> list[Line]:  # fmt: skip
    """A new block: each line may change to an exercise of the same difficulty that
    fits as well, keeping its sets and where it stands in its range."""
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
        if swap.id == exercise.id:
            current[index] = Line(line.slot, line.track)
            continue
        low, high = band_of(swap, pool.level)
        track = Track(swap.id, line.track.sets, min(max(line.track.amount, low), high))
        moved = Line(
            line.slot, track, f"for variety, in place of {exercise.name} (same difficulty)"
        )
        others = [x for x in current if x is not line]
        change = line_seconds(pool, moved) - line_seconds(pool, line)
        if seconds + change > budget or _room(pool, swap, others, caps) < track.sets:
            current[index] = Line(line.slot, line.track)
            continue
        seconds += change
        current[index] = moved
    return current


def template(
    pool: Pool, goal: Goal, kind: DayKind, groups: frozenset[Group], weeks: Sequence[WeekKind],
    caps: Mapping[Muscle, int], budget: int,
) -> Template:  # fmt: skip
    """The strength lines of one kind of day for every week of the plan."""
    set_cap = DESK_SETS if kind is DayKind.DESK else max_sets(pool.level)
    rows: list[tuple[Line, ...]] = []
    built = _week_one(pool, goal, kind, groups, caps, budget)
    after_deload = False
    for week in weeks:
        if week.index == 1:
            lines = built
        elif week.deload:
            lines = [attrs.evolve(line, note="deload") for line in built]
        else:
            rotated = _rotate(pool, built, groups, week, caps, budget) if week.new_block else built
            keep = frozenset(
                i
                for i, (old, new) in enumerate(zip(built, rotated, strict=True))
                if old.track.exercise != new.track.exercise
            )
            if after_deload:
                back = "back to the level before the deload"
                lines = [
                    new if i in keep else Line(new.slot, new.track, back, new.light)
                    for i, new in enumerate(rotated)
                ]
            else:
                lines = _grow(pool, rotated, groups, week, caps, budget, set_cap, keep)
            built = lines
        after_deload = week.deload
        rows.append(tuple(lines))
    return Template(kind, groups, tuple(rows))
