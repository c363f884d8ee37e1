"""The warm-up: dynamic moves in RAMP order (raise the heart rate, mobilise the
joints, activate the muscles; Jeffreys), never a static hold, and specific to the
session: legs and hips before squats and hinges, shoulders and upper back before
pulling and pressing. 5-10 minutes before strength work; a minute or two before a
desk break or a mobility session."""

from __future__ import annotations

from collections.abc import Iterable

from routines._plan import Item, dose_fields
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Modality, Muscle
from routines.errors import PlanError
from routines.planning.dose import item_seconds
from routines.planning.goals import Goal
from routines.planning.pool import Pool, stable_key
from routines.planning.schedule import Group
from routines.planning.volume import group_of

__all__ = ["WARMUP_MAX_S", "WARMUP_MIN_S", "distinct", "moves_for", "warmup_items"]

WARMUP_MIN_S, WARMUP_MAX_S = 300, 600

RAMP = {Modality.CARDIO: 0, Modality.MOBILITY: 1, Modality.ACTIVATION: 2}
_REASON = {
    Modality.CARDIO: "raises heart rate and warms the muscles",
    Modality.MOBILITY: "moves the joints through their range",
    Modality.ACTIVATION: "wakes up the muscles you are about to train",
}


def move_item(exercise: Exercise, pool: Pool, *, sets: int | None = None, reason: str = "") -> Item:
    """A dynamic move at its level's dose (the bottom of its rep range)."""
    dosage = exercise.dosage_for(pool.level)
    amount = dosage.reps[0] if dosage.reps else (dosage.duration_s or 30)
    count = sets or dosage.sets
    seconds = item_seconds(
        exercise.dose, sets=count, amount=amount, per_side=exercise.per_side,
        rest_s=dosage.rest_s, tempo=dosage.tempo,
    )  # fmt: skip
    return Item(
        exercise=exercise.id,
        sets=count,
        **dose_fields(exercise.dose, amount),
        per_side=exercise.per_side,
        rest_s=dosage.rest_s,
        effort=None,
        seconds=seconds,
        reason=reason or _REASON[exercise.modality],
    )


def distinct(pool: Pool, exercise: Exercise, chosen: Iterable[Item]) -> bool:
    """True when ``exercise`` adds something new to the moves ``chosen``: not the same
    move, nor its easier or harder variant, nor another move for the same main muscle
    (three shoulder-blade squeezes are one warm-up move)."""
    for item in chosen:
        other = pool.get(item.exercise)
        if pool.chains.related(exercise.id, other.id):
            return False
        if other.primary_muscles[0] == exercise.primary_muscles[0]:
            return False
    return True


def regions(muscles: Iterable[Muscle]) -> frozenset[Group | None]:
    return frozenset(group_of(m) for m in muscles)


def moves_for(
    pool: Pool, modalities: Iterable[Modality], needs: frozenset[Muscle], prefer: Iterable[str],
    exclude: Iterable[str], *keys: object,
) -> list[Exercise]:  # fmt: skip
    """Moves of ``modalities``, best first: the most muscles in ``needs``, then the
    person's own, then the preferred ones, then a stable shuffle."""
    preferred = {key: index for index, key in enumerate(prefer)}
    skip = set(exclude)
    moves = [e for e in pool.of(modalities) if e.id not in skip]

    def rank(exercise: Exercise) -> tuple[int, int, int, int, str]:
        overlap = len(needs.intersection(exercise.muscles))
        return (
            -overlap,
            -(exercise.id in pool.catalogue.own),
            preferred.get(exercise.id, len(preferred)),
            stable_key(pool.request.seed, *keys, exercise.id),
            exercise.id,
        )

    return sorted(moves, key=rank)


def warmup_items(
    pool: Pool, goal: Goal, target_s: int, needs: frozenset[Muscle], *keys: object,
    least_s: int = WARMUP_MIN_S, most_s: int = WARMUP_MAX_S,
) -> list[Item]:  # fmt: skip
    """About ``target_s`` of warm-up (``least_s`` to ``most_s``) for a session that
    loads ``needs``: one move to raise the heart rate when there is time, a move for
    each body region the session loads, then the best of the rest."""
    cache_key = ("warmup", target_s, stable_key(*sorted(needs), *keys, least_s))
    if cache_key in pool.cache:
        done: list[Item] = pool.cache[cache_key]
        return done
    ranked = moves_for(pool, RAMP, needs, goal.warmup_first, (), "warmup", *keys)
    chosen: list[Item] = []
    total = 0

    def add(exercise: Exercise) -> bool:
        nonlocal total
        item = move_item(exercise, pool, sets=1)
        if total + item.seconds > most_s or not distinct(pool, exercise, chosen):
            return False
        chosen.append(item)
        total += item.seconds
        return True

    if target_s >= 90:  # a minute or two of moving first
        cardio = next((e for e in ranked if e.modality is Modality.CARDIO), None)
        if cardio is not None:
            add(cardio)
    soft = max(target_s + 30, least_s)
    for region in sorted(regions(needs) - {None}, key=str):
        wanted = frozenset(m for m in needs if group_of(m) == region)
        covering = [
            e for e in ranked
            if e.modality is not Modality.CARDIO and wanted.intersection(e.muscles)
        ]  # fmt: skip
        fitting = [e for e in covering if total + move_item(e, pool, sets=1).seconds <= soft]
        shortest = sorted(covering, key=lambda e: move_item(e, pool, sets=1).seconds)[:1]
        for exercise in fitting[:1] or shortest:
            add(exercise)

    def more_cardio(exercise: Exercise) -> bool:
        return exercise.modality is Modality.CARDIO and any(
            pool.get(c.exercise).modality is Modality.CARDIO for c in chosen
        )

    for exercise in ranked:
        if total >= target_s:
            break
        if not more_cardio(exercise) and total + move_item(exercise, pool, sets=1).seconds <= soft:
            add(exercise)
    while total < least_s:  # the move that overshoots least
        left = [
            e for e in ranked if not more_cardio(e) and e.id not in {c.exercise for c in chosen}
        ]
        if not left or not add(min(left, key=lambda e: move_item(e, pool, sets=1).seconds)):
            break
    if total < least_s:
        raise PlanError(
            "warm-up: too few warm-up moves fit your equipment, level and avoid list to "
            f"fill {round(least_s / 60)} minutes; remove some entries from --avoid",
            field="avoid",
        )
    chosen.sort(key=lambda item: RAMP[pool.get(item.exercise).modality])
    pool.cache[cache_key] = chosen
    return chosen
