"""The log week by week: the worst pain, sessions done, strength volume and load, and
when the trend calls for a professional (SCIENCE: worst pain rising over three
weeks, or pain unchanged after 2-4 weeks)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from routines._plan import BlockKind, WeekProgress
from routines.log.entry import LogEntry, SessionStatus

if TYPE_CHECKING:
    from routines._plan import Plan

__all__ = ["REFERRAL_PAIN", "referral", "weekly_progress", "worst_by_week"]

#: Pain from this level up that does not ease over three weeks calls for a check-up.
REFERRAL_PAIN = 3


def _week_of(plan: Plan, entry: LogEntry) -> int:
    return (entry.date - plan.request.start).days // 7 + 1


def worst_by_week(plan: Plan, entries: Iterable[LogEntry]) -> dict[int, int]:
    """The worst pain logged in each week of the plan (weeks with none left out)."""
    worst: dict[int, int] = {}
    for entry in entries:
        pain = entry.worst_pain
        if pain is None:
            continue
        week = _week_of(plan, entry)
        worst[week] = max(worst.get(week, 0), pain)
    return worst


def referral(plan: Plan, entries: Iterable[LogEntry]) -> str | None:
    """Advice to see a professional when the last three weeks with pain logged (in a
    row) show it rising each week, or staying at 3/10 or more without easing."""
    worst = worst_by_week(plan, entries)
    weeks = sorted(worst)
    if len(weeks) < 3:
        return None
    a, b, c = weeks[-3:]
    if c - a != 2:
        return None
    first, second, third = worst[a], worst[b], worst[c]
    trend = f"{first}/10, {second}/10 and {third}/10 in weeks {a}, {b} and {c}"
    if first < second < third:
        why = f"your worst pain rose week after week ({trend})"
    elif min(first, second, third) >= REFERRAL_PAIN and third >= first:
        why = f"your pain has not eased in three weeks ({trend})"
    else:
        return None
    return (
        f"See a professional (a doctor or physiotherapist): {why}. Pain that keeps rising, "
        "or is unchanged after 2-4 weeks, needs a check-up before you go on."
    )


def weekly_progress(plan: Plan, entries: Sequence[LogEntry]) -> tuple[WeekProgress, ...]:
    """Each week so far: worst pain, sessions done of those planned, strength sets done,
    and the heaviest load logged (kg) with its exercise."""
    by_date = {entry.date: entry for entry in entries}
    last = max((entry.date for entry in entries), default=None)
    found = []
    for week in plan.weeks:
        sessions = [s for s in week.sessions if not s.cancelled]
        if last is None or not week.sessions or week.sessions[0].date > last:
            break
        worst: int | None = None
        done = volume = 0
        load: tuple[float, str] | None = None
        for session in sessions:
            entry = by_date.get(session.date)
            if entry is None or entry.status is SessionStatus.SKIPPED:
                continue
            done += 1
            if entry.worst_pain is not None:
                worst = max(worst or 0, entry.worst_pain)
            results = {result.exercise: result for result in entry.items}
            for item in session.block(BlockKind.STRENGTH).items:
                result = results.get(item.exercise)
                volume += result.sets if result and result.sets is not None else item.sets
                kg = result.load_kg if result is not None else None
                if kg is not None and (load is None or kg > load[0]):
                    load = (kg, item.exercise)
        found.append(
            WeekProgress(
                week=week.index,
                worst_pain=worst,
                done=done,
                planned=len(sessions),
                sets=volume,
                load_kg=load[0] if load else None,
                load_exercise=load[1] if load else None,
            )
        )
    return tuple(found)
