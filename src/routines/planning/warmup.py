"""The warm-up: 5-10 minutes of dynamic moves in RAMP order (raise the heart rate,
mobilise the joints, activate the muscles), never a static hold."""

from __future__ import annotations

from routines._plan import Item
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Modality
from routines.errors import PlanError
from routines.planning.dose import item_seconds
from routines.planning.goals import Goal
from routines.planning.pool import Pool, stable_key

__all__ = ["WARMUP_MAX_S", "WARMUP_MIN_S", "warmup_items"]

WARMUP_MIN_S, WARMUP_MAX_S = 300, 600

_WARMUP_ORDER = {Modality.CARDIO: 0, Modality.MOBILITY: 1, Modality.ACTIVATION: 2}

_WARMUP_REASON = {
    Modality.CARDIO: "raises heart rate and warms the muscles",
    Modality.MOBILITY: "moves the joints through their range",
    Modality.ACTIVATION: "wakes up the muscles you are about to train",
}


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
        key=lambda e: (stable_key(pool.request.seed, block, e.id), e.id),
    )
    return [_warmup_item(e, pool) for e in first + rest]


def warmup_items(pool: Pool, goal: Goal, block: int, target_s: int) -> list[Item]:
    """Warm-up moves in RAMP order (raise, then mobilise, then activate), about
    ``target_s`` long and always within 5-10 minutes."""
    key = ("warmup", block, target_s)
    if key in pool.cache:
        done: list[Item] = pool.cache[key]
        return done
    candidates = pool.cache.get(("warmup-candidates", block, 0))
    if candidates is None:
        candidates = pool.cache[("warmup-candidates", block, 0)] = _warmup_candidates(
            pool, goal, block
        )
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
    pool.cache[key] = chosen
    return chosen
