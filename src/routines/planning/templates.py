"""Strength templates: for each kind of day, the goal's slots filled with exercises
and followed through every week of the plan (progression, rotation, deloads),
dropping the least important slots until every week fits the time."""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from routines.catalogue.exercise import Exercise
from routines.errors import PlanError
from routines.planning.cooldown import COOLDOWN_MIN_S
from routines.planning.dose import item_seconds, max_sets, rest_range
from routines.planning.goals import Goal, Slot
from routines.planning.pool import Pool
from routines.planning.progression import Track, next_step, start_track
from routines.planning.schedule import FOCUS, Group
from routines.planning.warmup import WARMUP_MIN_S

__all__ = ["TOLERANCE", "Line", "Template", "is_kind", "template"]

TOLERANCE = 0.10

#: Weekly growth of total strength sets is held to 20%.
MAX_WEEKLY_SET_GROWTH = 0.20


@attrs.frozen
class Line:
    """One slot of a kind of day, with its progression track for one week."""

    slot: Slot
    track: Track
    note: str = ""


@attrs.frozen
class Template:
    """A kind of day (its groups) and its strength lines for every week."""

    groups: frozenset[Group]
    weeks: tuple[tuple[Line, ...], ...]  # index 0 is week 1


def exercise_of(pool: Pool, exercise_id: str) -> Exercise:
    return pool.allowed[exercise_id]


def strength_seconds(pool: Pool, lines: Sequence[Line]) -> int:
    """The strength block's length with the shortest allowed rests."""
    total = 0
    for line in lines:
        exercise = exercise_of(pool, line.track.exercise)
        rest_s, _ = rest_range(exercise.dose, line.track.amount)
        total += item_seconds(
            exercise.dose,
            sets=line.track.sets,
            amount=line.track.amount,
            per_side=exercise.per_side,
            rest_s=rest_s,
            tempo=exercise.dosage_for(pool.request.level).tempo,
        )
    return total


def simulate(
    pool: Pool,
    slots: Sequence[Slot],
    groups: frozenset[Group],
    deloads: frozenset[int],
    set_cap: int,
    budget: int,
) -> Template | None:
    """Choose exercises for ``slots`` and follow their progression through every
    week; ``None`` as soon as one week's strength work overflows ``budget``."""
    request = pool.request
    level = request.level
    focus = FOCUS[groups]
    taken: set[str] = set()
    lines: list[Line] = []
    pulls = pushes = 0
    for slot in slots:
        exercise = pool.choose(slot, groups, taken, request.seed, focus, slot.name, 0)
        if exercise is None:
            continue
        track = start_track(exercise, level, set_cap)
        if exercise.pattern.is_push:
            room = pulls - pushes  # never more sets of pushing than of pulling
            if room < 1:
                continue
            track = attrs.evolve(track, sets=min(track.sets, room))
        pulls += track.sets if exercise.pattern.is_pull else 0
        pushes += track.sets if exercise.pattern.is_push else 0
        taken.add(exercise.id)
        lines.append(Line(slot, track))
    block = next(iter(sorted(deloads)), 4) if deloads else 4
    weeks: list[tuple[Line, ...]] = [tuple(lines)]
    if strength_seconds(pool, lines) > budget:
        return None
    for week in range(2, request.weeks + 1):
        previous = weeks[-1]
        if week in deloads:
            weeks.append(tuple(Line(line.slot, line.track, "deload") for line in previous))
            continue
        resume = week - 1 in deloads
        rotate = (week - 1) % block == 0
        total = sum(line.track.sets for line in previous)
        spare_sets = math.floor(total * (1 + MAX_WEEKLY_SET_GROWTH)) - total
        pull_sets = sum(line.track.sets for line in previous if is_kind(pool, line, "pull"))
        push_sets = sum(line.track.sets for line in previous if is_kind(pool, line, "push"))
        taken = {line.track.exercise for line in previous}
        current: list[Line] = []
        for line in previous:
            exercise = exercise_of(pool, line.track.exercise)
            if rotate:
                swap = pool.equivalent(
                    exercise, line.slot, groups, taken, request.seed, focus, line.slot.name, week
                )
                if swap.id != exercise.id:
                    taken.discard(exercise.id)
                    taken.add(swap.id)
                    track = fit_range(attrs.evolve(line.track, exercise=swap.id), swap, pool)
                    current.append(Line(line.slot, track, f"variety: in place of {exercise.name}"))
                    continue
            if resume:
                current.append(Line(line.slot, line.track, "back to the level before the deload"))
                continue
            may_add = spare_sets > 0 and (
                not exercise.pattern.is_push or push_sets + 1 <= pull_sets
            )
            harder = pool.harder(exercise, line.slot, groups, taken)
            track, note = next_step(
                line.track, exercise, harder, level, set_cap=set_cap, may_add_set=may_add
            )
            if track.sets > line.track.sets:
                spare_sets -= 1
                pull_sets += exercise.pattern.is_pull
                push_sets += exercise.pattern.is_push
            if track.exercise != exercise.id:
                taken.discard(exercise.id)
                taken.add(track.exercise)
            current.append(Line(line.slot, track, note))
        if strength_seconds(pool, current) > budget:
            return None
        weeks.append(tuple(current))
    return Template(groups, tuple(weeks))


def is_kind(pool: Pool, line: Line, kind: str) -> bool:
    pattern = exercise_of(pool, line.track.exercise).pattern
    return pattern.is_pull if kind == "pull" else pattern.is_push


def fit_range(track: Track, exercise: Exercise, pool: Pool) -> Track:
    """Keep a carried-over dose inside the new exercise's range."""
    dosage = exercise.dosage_for(pool.request.level)
    if dosage.reps is not None:
        low, high = dosage.reps
        return attrs.evolve(track, amount=min(max(track.amount, low), high), load_steps=0)
    return attrs.evolve(track, load_steps=0)


def attempts(slots: Sequence[Slot], top_sets: int) -> list[tuple[list[Slot], int]]:
    """Configurations to try, best first: the level's full set growth with at
    least four exercises, then at most 2 sets, then a single set (enough for
    novices) with only the essential slots left."""
    optional = [i for i, slot in enumerate(slots) if not slot.required]

    def keep(count: int) -> list[Slot]:
        dropped = set(optional[len(optional) - count :]) if count else set()
        return [slot for i, slot in enumerate(slots) if i not in dropped]

    floor = max(0, len(slots) - 4)
    tries = [(keep(n), top_sets) for n in range(0, min(floor, len(optional)) + 1)]
    tries += [(keep(n), 2) for n in range(0, len(optional) + 1)]
    tries += [(keep(len(optional)), 1)]
    return tries


def template(pool: Pool, goal: Goal, groups: frozenset[Group], deloads: frozenset[int]) -> Template:
    """The richest template whose strength block fits the time in every week."""
    request = pool.request
    target = request.minutes * 60
    cooldown_min = max(COOLDOWN_MIN_S, round(goal.cooldown_share * target))
    # the warm-up and cool-down are built from whole moves and can run ~30 s over
    budget = math.floor(target * (1 + TOLERANCE)) - WARMUP_MIN_S - cooldown_min - 90
    for slots, cap in attempts(goal.slots, max_sets(request.level)):
        template = simulate(pool, slots, groups, deloads, cap, budget)
        if template is not None:
            return template
    smallest = simulate(pool, slots, groups, deloads, 1, 10**9)  # no budget: always a plan
    weeks = smallest.weeks if smallest is not None else ()
    longest = max((strength_seconds(pool, w) for w in weeks), default=0)
    needed = math.ceil((WARMUP_MIN_S + cooldown_min + 90 + longest) / 60 / (1 + TOLERANCE))
    raise PlanError(
        f"{request.minutes} is too short for a 5-minute warm-up, the essential "
        f"strength work and a {math.ceil(cooldown_min / 60)}-minute cool-down on the "
        f"{FOCUS[groups]} days; ask for --minutes {needed} or more",
        field="minutes",
    )
