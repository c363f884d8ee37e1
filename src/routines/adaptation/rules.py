"""The adaptation rules as pure functions over frozen values.

The pain thresholds are the pain monitoring model's (Silbernagel et al. 2007),
kept in one place, :mod:`routines._safety`, which the advice texts read too.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

import attrs

from routines._plan import Block, BlockKind, Item, Plan, Session, Week, dose_fields
from routines._safety import PAIN_HOLD, PAIN_RISE_FLOOR, PAIN_TOO_MUCH
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Level
from routines.planning.balance import trim_pushing
from routines.planning.dose import effort, item_seconds

if TYPE_CHECKING:
    from routines.log.entry import LogEntry

__all__ = [
    "PAIN_HOLD",
    "PAIN_RISE_FLOOR",
    "PAIN_TOO_MUCH",
    "keep_pull_ahead",
    "rising_weeks",
    "stop_after_red_flag",
    "weekly_pain",
    "with_dose",
]


class Replayed(Protocol):
    """What the week-level rules need to know of a replay."""

    plan: Plan

    def exercise(self, exercise_id: str) -> Exercise: ...

    def past(self, session: Session) -> bool: ...


def with_dose(
    item: Item, exercise: Exercise, level: Level, *, sets: int, amount: int, deload: bool
) -> Item:
    dose = exercise.dose
    return attrs.evolve(
        item,
        exercise=exercise.id,
        sets=sets,
        **dose_fields(dose, amount),
        per_side=exercise.per_side,
        effort=effort(exercise, amount, deload=deload),
        seconds=item_seconds(
            dose,
            sets=sets,
            amount=amount,
            per_side=exercise.per_side,
            rest_s=item.rest_s,
            tempo=exercise.dosage_for(level).tempo,
        ),
    )


def weekly_pain(plan: Plan, entries: dict[dt.date, LogEntry]) -> dict[int, int]:
    worst: dict[int, int] = {}
    for week in plan.weeks:
        pains = [
            pain
            for s in week.sessions
            if s.date in entries and (pain := entries[s.date].worst_pain) is not None
        ]
        if pains:
            worst[week.index] = max(pains)
    return worst


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


def stop_after_red_flag(
    weeks: tuple[Week, ...], entries: dict[dt.date, LogEntry], replay: Replayed
) -> tuple[tuple[Week, ...], str | None]:
    """Cancel every coming session after a red-flag answer."""
    from routines.log.entry import RED_FLAGS

    flagged = sorted((e for e in entries.values() if e.red_flags), key=lambda e: e.date)
    if not flagged:
        return weeks, None
    first = flagged[0]
    signs = "; ".join(RED_FLAGS.get(flag, flag) for flag in first.red_flags)
    stopped = (
        f"On {first.date:%a %d %b %Y} you reported: {signs}. The plan is stopped: see a "
        "health professional (a doctor or physiotherapist) before you train again (call "
        "emergency services for chest pain, fainting or sudden numbness)."
    )
    cancelled = tuple(
        attrs.evolve(
            week,
            sessions=tuple(
                attrs.evolve(
                    session, cancelled="plan stopped after a warning sign: see a professional"
                )
                if session.date > first.date and not replay.past(session)
                else session
                for session in week.sessions
            ),
        )
        for week in weeks
    )
    return cancelled, stopped
