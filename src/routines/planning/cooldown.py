"""The cool-down: static stretches held 20-30 s, 2-4 times (about a minute per
stretch; ACSM), the goal's focus first (chest and upper trapezius for the upper
back), then the muscles the session loaded. Each stretch once; 4-10 minutes and
never more than a quarter of the session."""

from __future__ import annotations

from routines._plan import Item
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Modality, Muscle
from routines.errors import PlanError
from routines.planning.dose import item_seconds
from routines.planning.goals import Goal
from routines.planning.pool import Pool, stable_key

__all__ = [
    "COOLDOWN_MAX_S",
    "COOLDOWN_MIN_S",
    "STRETCH_HOLD_S",
    "STRETCH_SETS",
    "cooldown_items",
    "stretch_item",
]

COOLDOWN_MIN_S, COOLDOWN_MAX_S = 240, 600
STRETCH_HOLD_S = (20, 30)
STRETCH_SETS = (2, 4)

_STRETCH_REASON = {
    Muscle.PEC_MINOR: "opens a tight chest that pulls the shoulders forward",
    Muscle.CHEST: "opens a tight chest that pulls the shoulders forward",
    Muscle.UPPER_TRAPEZIUS: "eases the upper trapezius, tight from hunched shoulders",
    Muscle.NECK: "eases a stiff neck",
    Muscle.THORACIC_SPINE: "restores upper back movement lost to slouching",
}


def _reason(muscle: Muscle) -> str:
    return _STRETCH_REASON.get(muscle, f"lengthens the {muscle.value.replace('_', ' ')}")


def stretch_item(exercise: Exercise, pool: Pool, hold_s: int, sets: int, reason: str) -> Item:
    rest_s = min(exercise.dosage_for(pool.level).rest_s, 15)
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


def _order(
    pool: Pool, goal: Goal, loaded: frozenset[Muscle], key: object
) -> list[tuple[Exercise, str]]:
    """Stretches, best first: one per focus muscle of the goal, then one per muscle
    the session loaded, then the rest in a stable shuffle."""
    stretches = pool.of([Modality.STATIC_STRETCH])
    seed = pool.request.seed
    ordered: list[tuple[Exercise, str]] = []
    used: set[str] = set()
    wanted = list(goal.stretch_focus) + sorted(loaded - set(goal.stretch_focus))
    for muscle in wanted:
        options = [e for e in stretches if muscle in e.primary_muscles and e.id not in used]
        if not options:
            continue

        def fit(e: Exercise) -> tuple[bool, int]:  # the person's own first, then by level
            return e.id not in pool.catalogue.own, pool.level.rank - e.level.rank

        best = min(fit(e) for e in options)
        equals = sorted((e for e in options if fit(e) == best), key=lambda e: e.id)
        chosen = equals[stable_key(seed, key, muscle) % len(equals)]
        used.add(chosen.id)
        ordered.append((chosen, _reason(muscle)))
    for exercise in sorted(stretches, key=lambda e: (stable_key(seed, key, e.id), e.id)):
        if exercise.id not in used:
            ordered.append((exercise, _reason(exercise.primary_muscles[0])))
    return ordered


def cooldown_items(
    pool: Pool, goal: Goal, target_s: int, loaded: frozenset[Muscle], key: object,
    least_s: int = COOLDOWN_MIN_S,
) -> list[Item]:  # fmt: skip
    """Stretches lasting about ``target_s`` (at least ``least_s``, never more than
    ``target_s`` + 30 s), each stretch once."""
    cache_key = ("cooldown", target_s, stable_key(*sorted(loaded), key, least_s))
    if cache_key in pool.cache:
        done: list[Item] = pool.cache[cache_key]
        return done
    chosen: list[Item] = []
    total = 0
    hold = STRETCH_HOLD_S[1]
    for exercise, reason in _order(pool, goal, loaded, key):
        if total >= target_s:
            break
        item = stretch_item(exercise, pool, hold, STRETCH_SETS[0], reason)
        if total + item.seconds > target_s + 30:
            item = stretch_item(exercise, pool, STRETCH_HOLD_S[0], STRETCH_SETS[0], reason)
            if total + item.seconds > target_s + 30:
                continue
        chosen.append(item)
        total += item.seconds
    # a short list (few stretches allowed): more repetitions, up to 4
    for index, item in enumerate(chosen):
        while total < least_s and item.sets < STRETCH_SETS[1]:
            exercise = pool.get(item.exercise)
            bigger = stretch_item(exercise, pool, item.amount, item.sets + 1, item.reason)
            total += bigger.seconds - item.seconds
            chosen[index] = item = bigger
    if total < least_s or not chosen:
        raise PlanError(
            "cool-down: too few stretches fit your equipment, level and avoid list to "
            f"fill {round(least_s / 60)} minutes; remove some entries from --avoid",
            field="avoid",
        )
    pool.cache[cache_key] = chosen
    return chosen
