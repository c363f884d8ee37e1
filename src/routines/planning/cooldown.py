"""The cool-down: static stretches held 20-30 s, 2-4 times, the goal's focus first."""

from __future__ import annotations

from routines._plan import Item
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Modality, Muscle
from routines.errors import PlanError
from routines.planning.dose import item_seconds
from routines.planning.goals import Goal
from routines.planning.pool import Pool, stable_key

__all__ = ["COOLDOWN_MIN_S", "STRETCH_HOLD_S", "STRETCH_SETS", "cooldown_items"]

COOLDOWN_MIN_S = 240

STRETCH_HOLD_S = (20, 30)

STRETCH_SETS = (2, 4)

_STRETCH_REASON = {
    Muscle.PEC_MINOR: "opens a tight chest that pulls the shoulders forward",
    Muscle.CHEST: "opens a tight chest that pulls the shoulders forward",
    Muscle.UPPER_TRAPEZIUS: "eases the upper trapezius, tight from hunched shoulders",
    Muscle.NECK: "eases a stiff neck",
    Muscle.THORACIC_SPINE: "restores upper back movement lost to slouching",
}


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
        chosen = equals[stable_key(seed, block, muscle) % len(equals)]
        used.add(chosen.id)
        reason = _STRETCH_REASON.get(muscle, f"lengthens the {muscle.value.replace('_', ' ')}")
        ordered.append((chosen, reason))
    for exercise in sorted(stretches, key=lambda e: (stable_key(seed, block, e.id), e.id)):
        if exercise.id not in used:
            muscle = exercise.primary_muscles[0]
            ordered.append((exercise, f"lengthens the {muscle.value.replace('_', ' ')}"))
    return ordered


def cooldown_items(pool: Pool, goal: Goal, block: int, target_s: int) -> list[Item]:
    """Static stretches (held 20-30 s, 2-4 times) lasting about ``target_s``."""
    target_s = max(target_s, COOLDOWN_MIN_S)
    key = ("cooldown", block, target_s)
    if key in pool.cache:
        done: list[Item] = pool.cache[key]
        return done
    order = pool.cache.get(("stretch-order", block, 0))
    if order is None:
        order = pool.cache[("stretch-order", block, 0)] = _stretch_order(pool, goal, block)
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
                pool.allowed[item.exercise], pool, item.amount, item.sets + 1, item.reason
            )
            total += bigger.seconds - item.seconds
            chosen[index] = item = bigger
    # then trim from the end (shorter holds, fewer repetitions) down toward the target
    for hold, floor in ((25, 3), (20, 3), (20, 2)):
        for index in reversed(range(len(chosen))):
            item = chosen[index]
            exercise = pool.allowed[item.exercise]
            sets = max(min(item.sets, floor), STRETCH_SETS[0]) if floor < item.sets else item.sets
            smaller = _stretch_item(exercise, pool, min(hold, item.amount), sets, item.reason)
            if total - item.seconds + smaller.seconds >= target_s:
                total += smaller.seconds - item.seconds
                chosen[index] = smaller
    pool.cache[key] = chosen
    return chosen
