"""The adaptation rules as pure functions over frozen values.

The pain thresholds are the pain monitoring model's (Silbernagel et al. 2007),
kept in one place, :mod:`routines._safety`, which the advice texts read too.
"""

from __future__ import annotations

from typing import Protocol

import attrs

from routines._plan import Block, BlockKind, Item, Plan, Session, Week, dose_fields
from routines._safety import PAIN_HOLD, PAIN_RISE_FLOOR, PAIN_TOO_MUCH
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Level
from routines.planning.balance import trim_pushing
from routines.planning.dose import (
    DESK_EFFORT,
    LIGHT_EFFORT,
    effort,
    item_seconds,
    ramp_up_sets,
)

__all__ = [
    "PAIN_HOLD",
    "PAIN_RISE_FLOOR",
    "PAIN_TOO_MUCH",
    "keep_pull_ahead",
    "rising_weeks",
    "with_dose",
]


class Replayed(Protocol):
    """What the week-level rules need to know of a replay."""

    plan: Plan

    def exercise(self, exercise_id: str) -> Exercise: ...

    def past(self, session: Session) -> bool: ...


def with_dose(
    item: Item,
    exercise: Exercise,
    level: Level,
    *,
    sets: int,
    amount: int,
    deload: bool,
    load_steps: int | None = None,
) -> Item:
    """``item`` with another exercise or dose (and ``load_steps``, unless it keeps the
    item's): the effort, ramp-up sets (where the planned item had them) and time
    follow."""
    dose = exercise.dose
    ramp = ramp_up_sets(exercise, amount) if item.ramp_up_sets and not deload else 0
    return attrs.evolve(
        item,
        exercise=exercise.id,
        sets=sets,
        load_steps=item.load_steps if load_steps is None else load_steps,
        **dose_fields(dose, amount),
        per_side=exercise.per_side,
        effort=item.effort
        if item.effort in (LIGHT_EFFORT, DESK_EFFORT)
        else effort(exercise, amount, deload=deload),
        seconds=item_seconds(
            dose,
            sets=sets,
            amount=amount,
            per_side=exercise.per_side,
            rest_s=item.rest_s,
            tempo=exercise.dosage_for(level).tempo,
            ramp_up=ramp,
        ),
        ramp_up_sets=ramp,
    )


def rising_weeks(worst: dict[int, int]) -> dict[int, str]:
    """Weeks that follow a week of rising pain, with the reason."""
    found = {}
    for index, pain in worst.items():
        before = worst.get(index - 1)
        if before is not None and pain > before and pain >= PAIN_RISE_FLOOR:
            found[index + 1] = (
                f"pain rose from {before}/10 in week {index - 1} to {pain}/10 in week "
                f"{index}: one set fewer this week, and no step up"
            )
    return found


def keep_pull_ahead(week: Week, replay: Replayed) -> Week:
    """Trim coming pushing sets if an adaptation cut this week's pulling below pushing."""

    def kind(item: Item, name: str) -> bool:
        pattern = replay.exercise(item.exercise).pattern
        return pattern.is_pull if name == "pull" else pattern.is_push

    def totals(w: Week) -> tuple[int, int]:
        items = [i for s in w.sessions for i in s.block(BlockKind.STRENGTH).items]
        return (
            sum(i.sets for i in items if kind(i, "pull")),
            sum(i.sets for i in items if kind(i, "push")),
        )

    pull, push = totals(week)
    if push <= pull:
        return week
    coming = [
        (number, index, item)
        for number, session in enumerate(week.sessions)
        if not replay.past(session)
        for index, item in enumerate(session.block(BlockKind.STRENGTH).items)
        if kind(item, "push")
    ]
    trimmed = trim_pushing([item.sets for _, _, item in coming], push - pull)
    changed: dict[tuple[int, int], Item] = {}
    for (number, index, item), sets in zip(coming, trimmed, strict=True):
        if sets == item.sets:
            continue
        smaller = with_dose(
            item,
            replay.exercise(item.exercise),
            replay.plan.level,
            sets=sets,
            amount=item.amount,
            deload=week.deload,
        )
        changed[number, index] = attrs.evolve(
            smaller,
            effort=item.effort,
            change=item.change or "fewer pushing sets, so pulling stays ahead of pushing",
            was=item.was or item,
        )
    sessions = list(week.sessions)
    for number, session in enumerate(sessions):
        items = tuple(
            changed.get((number, index), item)
            for index, item in enumerate(session.block(BlockKind.STRENGTH).items)
        )
        blocks = tuple(
            Block(b.kind, items) if b.kind is BlockKind.STRENGTH else b for b in session.blocks
        )
        sessions[number] = attrs.evolve(session, blocks=blocks)
    return attrs.evolve(week, sessions=tuple(sessions))
