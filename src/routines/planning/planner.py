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

import math
import zlib
from collections.abc import Sequence
from typing import Any

import attrs

from routines._plan import Block, BlockKind, Item, Plan, Session, Week
from routines._request import SCREENING_QUESTIONS, PlanRequest
from routines._safety import safety_notes
from routines.catalogue.catalogue import Catalogue
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Modality, Muscle, Pattern
from routines.errors import PlanError
from routines.planning.dose import (
    Track,
    deload_sets,
    effort,
    item_seconds,
    max_sets,
    next_step,
    rest_range,
    start_track,
)
from routines.planning.goals import Goal, Slot, goal_named
from routines.planning.pool import Pool
from routines.planning.schedule import Group, schedule

__all__ = ["plan"]

WARMUP_MIN_S, WARMUP_MAX_S = 300, 600
COOLDOWN_MIN_S = 240
STRETCH_HOLD_S = (20, 30)
STRETCH_SETS = (2, 4)
TOLERANCE = 0.10
#: Weekly growth of total strength sets is held to 20%.
MAX_WEEKLY_SET_GROWTH = 0.20

_ORDER = {
    Pattern.SQUAT: 0, Pattern.HINGE: 0, Pattern.LUNGE: 0,
    Pattern.HORIZONTAL_PULL: 1, Pattern.VERTICAL_PULL: 1,
    Pattern.HORIZONTAL_PUSH: 1, Pattern.VERTICAL_PUSH: 1,
    Pattern.CARRY: 2, Pattern.ISOLATION: 3, Pattern.SPINAL_EXTENSION: 3,
}  # fmt: skip
"""Multi-joint before single-joint, large muscles before small, trunk last."""

_FOCUS = {
    frozenset({Group.UPPER, Group.LOWER}): "full body",
    frozenset({Group.UPPER}): "upper body and core",
    frozenset({Group.LOWER}): "lower body and core",
    frozenset(): "core and mobility",
}
_WARMUP_ORDER = {Modality.CARDIO: 0, Modality.MOBILITY: 1, Modality.ACTIVATION: 2}
_WARMUP_REASON = {
    Modality.CARDIO: "raises heart rate and warms the muscles",
    Modality.MOBILITY: "moves the joints through their range",
    Modality.ACTIVATION: "wakes up the muscles you are about to train",
}
_STRETCH_REASON = {
    Muscle.PEC_MINOR: "opens a tight chest that pulls the shoulders forward",
    Muscle.CHEST: "opens a tight chest that pulls the shoulders forward",
    Muscle.UPPER_TRAPEZIUS: "eases the upper trapezius, tight from hunched shoulders",
    Muscle.NECK: "eases a stiff neck",
    Muscle.THORACIC_SPINE: "restores upper back movement lost to slouching",
}


@attrs.frozen
class _Line:
    """One slot of a kind of day, with its progression track for one week."""

    slot: Slot
    track: Track
    note: str = ""


@attrs.frozen
class _Template:
    """A kind of day (its groups) and its strength lines for every week."""

    groups: frozenset[Group]
    weeks: tuple[tuple[_Line, ...], ...]  # index 0 is week 1


#: Warm-ups, cool-downs and their candidate lists, reused within one plan.
_Memo = dict[tuple[str, int, int], Any]


def _crc(*keys: object) -> int:
    return zlib.crc32(":".join(map(str, keys)).encode())


def _screen(request: PlanRequest) -> None:
    if request.screening is None:
        return
    yes = request.screening.yes_answers()
    if yes:
        questions = "; ".join(f"{key} ({SCREENING_QUESTIONS[key]})" for key in yes)
        raise PlanError(
            f"screening: you answered yes to {questions}. Please see a physician before "
            "starting an exercise plan; routines will not make one until they agree. "
            "(General information, not medical advice.)"
        )


def _deload_weeks(request: PlanRequest) -> frozenset[int]:
    every = request.deload_every
    if every is None or request.weeks < 6:
        return frozenset()
    return frozenset(range(every, request.weeks + 1, every))


def _exercise(pool: Pool, exercise_id: str) -> Exercise:
    return pool.allowed[exercise_id]


def _strength_seconds(pool: Pool, lines: Sequence[_Line]) -> int:
    """The strength block's length with the shortest allowed rests."""
    total = 0
    for line in lines:
        exercise = _exercise(pool, line.track.exercise)
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


def _simulate(
    pool: Pool,
    slots: Sequence[Slot],
    groups: frozenset[Group],
    deloads: frozenset[int],
    set_cap: int,
    budget: int,
) -> _Template | None:
    """Choose exercises for ``slots`` and follow their progression through every
    week; ``None`` as soon as one week's strength work overflows ``budget``."""
    request = pool.request
    level = request.level
    focus = _FOCUS[groups]
    taken: set[str] = set()
    lines: list[_Line] = []
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
        lines.append(_Line(slot, track))
    block = next(iter(sorted(deloads)), 4) if deloads else 4
    weeks: list[tuple[_Line, ...]] = [tuple(lines)]
    if _strength_seconds(pool, lines) > budget:
        return None
    for week in range(2, request.weeks + 1):
        previous = weeks[-1]
        if week in deloads:
            weeks.append(tuple(_Line(line.slot, line.track, "deload") for line in previous))
            continue
        resume = week - 1 in deloads
        rotate = (week - 1) % block == 0
        total = sum(line.track.sets for line in previous)
        spare_sets = math.floor(total * (1 + MAX_WEEKLY_SET_GROWTH)) - total
        pull_sets = sum(line.track.sets for line in previous if _is(pool, line, "pull"))
        push_sets = sum(line.track.sets for line in previous if _is(pool, line, "push"))
        taken = {line.track.exercise for line in previous}
        current: list[_Line] = []
        for line in previous:
            exercise = _exercise(pool, line.track.exercise)
            if rotate:
                swap = pool.equivalent(
                    exercise, line.slot, groups, taken, request.seed, focus, line.slot.name, week
                )
                if swap.id != exercise.id:
                    taken.discard(exercise.id)
                    taken.add(swap.id)
                    track = _fit_range(attrs.evolve(line.track, exercise=swap.id), swap, pool)
                    current.append(_Line(line.slot, track, f"variety: in place of {exercise.name}"))
                    continue
            if resume:
                current.append(_Line(line.slot, line.track, "back to the level before the deload"))
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
            current.append(_Line(line.slot, track, note))
        if _strength_seconds(pool, current) > budget:
            return None
        weeks.append(tuple(current))
    return _Template(groups, tuple(weeks))


def _is(pool: Pool, line: _Line, kind: str) -> bool:
    pattern = _exercise(pool, line.track.exercise).pattern
    return pattern.is_pull if kind == "pull" else pattern.is_push


def _fit_range(track: Track, exercise: Exercise, pool: Pool) -> Track:
    """Keep a carried-over dose inside the new exercise's range."""
    dosage = exercise.dosage_for(pool.request.level)
    if dosage.reps is not None:
        low, high = dosage.reps
        return attrs.evolve(track, amount=min(max(track.amount, low), high), load_steps=0)
    return attrs.evolve(track, load_steps=0)


def _attempts(slots: Sequence[Slot], top_sets: int) -> list[tuple[list[Slot], int]]:
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


def _template(
    pool: Pool, goal: Goal, groups: frozenset[Group], deloads: frozenset[int]
) -> _Template:
    """The richest template whose strength block fits the time in every week."""
    request = pool.request
    target = request.minutes * 60
    cooldown_min = max(COOLDOWN_MIN_S, round(goal.cooldown_share * target))
    # the warm-up and cool-down are built from whole moves and can run ~30 s over
    budget = math.floor(target * (1 + TOLERANCE)) - WARMUP_MIN_S - cooldown_min - 90
    for slots, cap in _attempts(goal.slots, max_sets(request.level)):
        template = _simulate(pool, slots, groups, deloads, cap, budget)
        if template is not None:
            return template
    smallest = _simulate(pool, slots, groups, deloads, 1, 10**9)  # no budget: always a plan
    weeks = smallest.weeks if smallest is not None else ()
    longest = max((_strength_seconds(pool, w) for w in weeks), default=0)
    needed = math.ceil((WARMUP_MIN_S + cooldown_min + 90 + longest) / 60 / (1 + TOLERANCE))
    raise PlanError(
        f"minutes: {request.minutes} is too short for a 5-minute warm-up, the essential "
        f"strength work and a {math.ceil(cooldown_min / 60)}-minute cool-down on the "
        f"{_FOCUS[groups]} days; ask for --minutes {needed} or more"
    )


def _warmup_item(exercise: Exercise, pool: Pool) -> Item:
    dosage = exercise.dosage_for(pool.request.level)
    amount = dosage.reps[0] if dosage.reps else (dosage.duration_s or 30)
    sets = dosage.sets
    seconds = item_seconds(
        exercise.dose, sets=sets, amount=amount, per_side=exercise.per_side,
        rest_s=dosage.rest_s, tempo=dosage.tempo,
    )  # fmt: skip
    return Item(
        exercise=exercise.id,
        sets=sets,
        reps=amount if exercise.dose is Dose.REPS else None,
        hold_s=None,
        duration_s=amount if exercise.dose is Dose.DURATION else None,
        per_side=exercise.per_side,
        rest_s=dosage.rest_s,
        effort=None,
        seconds=seconds,
        reason=_WARMUP_REASON[exercise.modality],
    )


def _warmup_candidates(pool: Pool, goal: Goal, block: int) -> list[Item]:
    moves = pool.of(_WARMUP_ORDER)
    first = [pool.allowed[i] for i in goal.warmup_first if i in pool.allowed]
    first = [e for e in first if e.modality in _WARMUP_ORDER]
    rest = sorted(
        (e for e in moves if e not in first),
        key=lambda e: (_crc(pool.request.seed, block, e.id), e.id),
    )
    return [_warmup_item(e, pool) for e in first + rest]


def _warmup(pool: Pool, goal: Goal, block: int, target_s: int, memo: _Memo) -> list[Item]:
    """Warm-up moves in RAMP order (raise, then mobilise, then activate), about
    ``target_s`` long and always within 5-10 minutes."""
    key = ("warmup", block, target_s)
    if key in memo:
        done: list[Item] = memo[key]
        return done
    candidates = memo.get(("warmup-candidates", block, 0))
    if candidates is None:
        candidates = memo[("warmup-candidates", block, 0)] = _warmup_candidates(pool, goal, block)
    chosen: list[Item] = []
    total = 0
    for index, item in enumerate(candidates):
        if total >= target_s:
            break
        if total + item.seconds > min(target_s + 30, WARMUP_MAX_S):
            # the best fit among what is left: the shortest move that reaches the target
            reaching = [c for c in candidates[index:] if total + c.seconds >= target_s]
            item = min(reaching, key=lambda c: c.seconds) if reaching else item
            if item in chosen or total + item.seconds > WARMUP_MAX_S:
                continue
        chosen.append(item)
        total += item.seconds
    if total < WARMUP_MIN_S:
        raise PlanError(
            "warm-up: too few warm-up moves fit your equipment, level and avoid list to "
            "fill 5 minutes; remove some entries from --avoid"
        )
    by_id = pool.allowed
    chosen.sort(key=lambda item: _WARMUP_ORDER[by_id[item.exercise].modality])
    memo[key] = chosen
    return chosen


def _stretch_item(exercise: Exercise, pool: Pool, hold_s: int, sets: int, reason: str) -> Item:
    rest_s = min(exercise.dosage_for(pool.request.level).rest_s, 15)
    seconds = item_seconds(
        Dose.HOLD, sets=sets, amount=hold_s, per_side=exercise.per_side, rest_s=rest_s
    )
    return Item(
        exercise=exercise.id,
        sets=sets,
        reps=None,
        hold_s=hold_s,
        duration_s=None,
        per_side=exercise.per_side,
        rest_s=rest_s,
        effort="gentle: mild tension, never pain",
        seconds=seconds,
        reason=reason,
    )


def _stretch_order(pool: Pool, goal: Goal, block: int) -> list[tuple[Exercise, str]]:
    stretches = pool.of([Modality.STATIC_STRETCH])
    seed = pool.request.seed
    ordered: list[tuple[Exercise, str]] = []
    used: set[str] = set()
    for muscle in goal.stretch_focus:
        options = [e for e in stretches if muscle in e.primary_muscles and e.id not in used]
        if not options:
            continue
        best = min(pool.request.level.rank - e.level.rank for e in options)
        equals = sorted(
            (e for e in options if pool.request.level.rank - e.level.rank == best),
            key=lambda e: e.id,
        )
        chosen = equals[_crc(seed, block, muscle) % len(equals)]
        used.add(chosen.id)
        reason = _STRETCH_REASON.get(muscle, f"lengthens the {muscle.value.replace('_', ' ')}")
        ordered.append((chosen, reason))
    for exercise in sorted(stretches, key=lambda e: (_crc(seed, block, e.id), e.id)):
        if exercise.id not in used:
            muscle = exercise.primary_muscles[0]
            ordered.append((exercise, f"lengthens the {muscle.value.replace('_', ' ')}"))
    return ordered


def _cooldown(pool: Pool, goal: Goal, block: int, target_s: int, memo: _Memo) -> list[Item]:
    """Static stretches (held 20-30 s, 2-4 times) lasting about ``target_s``."""
    target_s = max(target_s, COOLDOWN_MIN_S)
    key = ("cooldown", block, target_s)
    if key in memo:
        done: list[Item] = memo[key]
        return done
    order = memo.get(("stretch-order", block, 0))
    if order is None:
        order = memo[("stretch-order", block, 0)] = _stretch_order(pool, goal, block)
    chosen: list[Item] = []
    total = 0
    for exercise, reason in order:
        if total >= target_s:
            break
        dosage_sets = exercise.dosage_for(pool.request.level).sets
        sets = min(max(dosage_sets, STRETCH_SETS[0]), STRETCH_SETS[1])
        item = _stretch_item(exercise, pool, STRETCH_HOLD_S[1], sets, reason)
        chosen.append(item)
        total += item.seconds
    if total < COOLDOWN_MIN_S:
        raise PlanError(
            "cool-down: too few stretches fit your equipment, level and avoid list to "
            "fill 4 minutes; remove some entries from --avoid"
        )
    # more repetitions when every stretch is already in (long sessions)
    for index, item in enumerate(chosen):
        while total < target_s and item.sets < STRETCH_SETS[1]:
            bigger = _stretch_item(
                pool.allowed[item.exercise], pool, item.hold_s or 30, item.sets + 1, item.reason
            )
            total += bigger.seconds - item.seconds
            chosen[index] = item = bigger
    # then trim from the end (shorter holds, fewer repetitions) down toward the target
    for hold, floor in ((25, 3), (20, 3), (20, 2)):
        for index in reversed(range(len(chosen))):
            item = chosen[index]
            exercise = pool.allowed[item.exercise]
            sets = max(min(item.sets, floor), STRETCH_SETS[0]) if floor < item.sets else item.sets
            smaller = _stretch_item(exercise, pool, min(hold, item.hold_s or 30), sets, item.reason)
            if total - item.seconds + smaller.seconds >= target_s:
                total += smaller.seconds - item.seconds
                chosen[index] = smaller
    memo[key] = chosen
    return chosen


def _keep_pull_ahead(pool: Pool, lines: Sequence[_Line], sets_of: dict[int, int]) -> None:
    """After halving for a deload, trim pushing sets until pulling is not behind."""

    def total(kind: str) -> int:
        return sum(sets_of[id(line)] for line in lines if _is(pool, line, kind))

    pushes = sorted(
        (line for line in lines if _is(pool, line, "push")), key=lambda line: -sets_of[id(line)]
    )
    for line in pushes:
        while total("push") > total("pull") and sets_of[id(line)] > 1:
            sets_of[id(line)] -= 1


def _strength_items(
    pool: Pool, lines: Sequence[_Line], deload: bool, track_prefix: str
) -> list[Item]:
    level = pool.request.level
    items = []
    sets_of = {id(line): line.track.sets for line in lines}
    if deload:
        sets_of = {key: deload_sets(sets) for key, sets in sets_of.items()}
        _keep_pull_ahead(pool, lines, sets_of)
    ordered = sorted(
        enumerate(lines),
        key=lambda pair: (_ORDER.get(_exercise(pool, pair[1].track.exercise).pattern, 4), pair[0]),
    )
    for _, line in ordered:
        exercise = _exercise(pool, line.track.exercise)
        dosage = exercise.dosage_for(level)
        sets = sets_of[id(line)]
        low, high = rest_range(exercise.dose, line.track.amount)
        rest_s = min(max(dosage.rest_s, low), high)
        amount = line.track.amount
        reason = line.slot.reason
        if deload:
            reason = "deload week: about half the sets, easy effort, to recover"
        elif line.note:
            reason = f"{reason}; {line.note}"
        items.append(
            Item(
                exercise=exercise.id,
                sets=sets,
                reps=amount if exercise.dose is Dose.REPS else None,
                hold_s=amount if exercise.dose is Dose.HOLD else None,
                duration_s=amount if exercise.dose is Dose.DURATION else None,
                per_side=exercise.per_side,
                rest_s=rest_s,
                effort=effort(exercise, deload=deload),
                seconds=item_seconds(
                    exercise.dose,
                    sets=sets,
                    amount=amount,
                    per_side=exercise.per_side,
                    rest_s=rest_s,
                    tempo=dosage.tempo,
                ),
                reason=reason,
                track=f"{track_prefix}:{line.slot.name}",
                load_steps=line.track.load_steps,
            )
        )
    return items


_FOCUS_KEY = {
    frozenset({Group.UPPER, Group.LOWER}): "full",
    frozenset({Group.UPPER}): "upper",
    frozenset({Group.LOWER}): "lower",
    frozenset(): "core",
}


def _with_rest(item: Item, pool: Pool, rest_s: int) -> Item:
    exercise = pool.allowed[item.exercise]
    amount = item.reps or item.hold_s or item.duration_s or 0
    seconds = item_seconds(
        exercise.dose, sets=item.sets, amount=amount, per_side=item.per_side, rest_s=rest_s,
        tempo=exercise.dosage_for(pool.request.level).tempo,
    )  # fmt: skip
    return attrs.evolve(item, rest_s=rest_s, seconds=seconds)


def _tune_rests(strength: list[Item], pool: Pool, change_s: int) -> list[Item]:
    """Move rests within their allowed ranges to add (or remove) about ``change_s``."""
    items = list(strength)
    for step in (15,) * 40:
        if abs(change_s) < step:
            break
        moved = False
        for index, item in enumerate(items):
            if item.sets < 2 or abs(change_s) < step:
                continue
            low, high = rest_range(pool.allowed[item.exercise].dose, item.reps or item.hold_s or 0)
            rest = item.rest_s + (step if change_s > 0 else -step)
            if low <= rest <= high:
                items[index] = _with_rest(item, pool, rest)
                change_s -= items[index].seconds - item.seconds
                moved = True
        if not moved:
            break
    return items


def _session_blocks(
    pool: Pool,
    goal: Goal,
    groups: frozenset[Group],
    lines: Sequence[_Line],
    deload: bool,
    block: int,
    memo: _Memo,
) -> tuple[Block, ...]:
    target = full = pool.request.minutes * 60
    strength = _strength_items(pool, lines, deload, _FOCUS_KEY[groups])
    strength_s = sum(item.seconds for item in strength)
    if deload:
        # a deload session keeps the usual warm-up and cool-down and is simply
        # shorter: the time saved is the recovery
        usual = _strength_items(pool, lines, False, _FOCUS_KEY[groups])
        target -= sum(item.seconds for item in usual) - strength_s
    cooldown_min = max(COOLDOWN_MIN_S, round(goal.cooldown_share * full))
    room = target - strength_s - cooldown_min
    warmup_target = min(max(min(round(0.2 * full), room), WARMUP_MIN_S), WARMUP_MAX_S)
    squeeze = strength_s + warmup_target + cooldown_min - target
    if squeeze > 0:
        strength = _tune_rests(strength, pool, -squeeze)
        strength_s = sum(item.seconds for item in strength)
    warmup = _warmup(pool, goal, block, warmup_target, memo)
    warmup_s = sum(item.seconds for item in warmup)
    cooldown = _cooldown(pool, goal, block, max(cooldown_min, target - strength_s - warmup_s), memo)
    total = strength_s + warmup_s + sum(item.seconds for item in cooldown)
    if abs(total - target) > 0.05 * target:
        strength = _tune_rests(strength, pool, target - total)
        total = sum(item.seconds for item in strength) + warmup_s
        total += sum(item.seconds for item in cooldown)
    ceiling = math.floor(full * (1 + TOLERANCE))
    if total > ceiling:
        # still long: let the cool-down go down to its 4-minute floor
        cooldown_s = sum(item.seconds for item in cooldown)
        cooldown = _cooldown(pool, goal, block, cooldown_s - (total - ceiling), memo)
        total += sum(item.seconds for item in cooldown) - cooldown_s
    if total > ceiling:
        raise RuntimeError(f"internal: session of {total} s exceeds {ceiling} s")
    blocks = [Block(BlockKind.WARMUP, tuple(warmup))]
    if strength:
        blocks.append(Block(BlockKind.STRENGTH, tuple(strength)))
    blocks.append(Block(BlockKind.COOLDOWN, tuple(cooldown)))
    return tuple(blocks)


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
        groups: _template(pool, goal, groups, deloads)
        for groups in sorted({day.groups for day in calendar}, key=sorted)
    }
    built: dict[tuple[int, frozenset[Group]], tuple[Block, ...]] = {}
    memo: _Memo = {}
    sessions_by_week: dict[int, list[Session]] = {week: [] for week in range(1, request.weeks + 1)}
    for day in calendar:
        key = (day.week, day.groups)
        if key not in built:
            lines = templates[day.groups].weeks[day.week - 1]
            block = (day.week - 1) // block_length
            deload = day.week in deloads
            built[key] = _session_blocks(pool, goal, day.groups, lines, deload, block, memo)
        blocks = built[key]
        seconds = sum(block.seconds for block in blocks)
        sessions_by_week[day.week].append(
            Session(
                date=day.date,
                start=request.time,
                minutes=round(seconds / 60),
                focus=_FOCUS[day.groups],
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
