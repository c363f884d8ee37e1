"""What an adaptation changed, in words, for ``routines adapt`` to print: week by
week, each reason said once, with the sessions and exercises it changed."""

from __future__ import annotations

import datetime as dt

from routines._plan import Item, Plan

__all__ = ["changes_text"]


def _change(plan: Plan, item: Item) -> str:
    assert item.was is not None
    was = item.was.dose_text
    if item.was.exercise != item.exercise:
        was = f"{plan.exercise(item.was.exercise).name} {was}"
    elif item.load_steps != item.was.load_steps:  # the same numbers may hide the load
        lighter = item.load_steps < item.was.load_steps
        was += " with a heavier load" if lighter else " with a lighter load"
    return f"{plan.exercise(item.exercise).name} {item.dose_text} (was {was})"


def _days(days: list[dt.date]) -> str:
    """``Mon 08, Wed 10, Fri 12 Mar``: the month said once where it is the same."""
    if len({d.month for d in days}) == 1:
        return ", ".join(f"{d:%a %d}" for d in days) + f" {days[-1]:%b}"
    return ", ".join(f"{d:%a %d %b}" for d in days)


def changes_text(after: Plan, today: dt.date) -> list[str]:
    """The coming changes grouped by week, then by reason (each said once), the same
    change on several days said once with its days."""
    lines: list[str] = []
    for week in after.weeks:
        reasons: dict[str, dict[str, list[dt.date]]] = {}
        for session in week.sessions:
            if session.date < today or not session.changes:
                continue
            if session.cancelled:
                why = f"cancelled: {session.cancelled}"
                reasons.setdefault(why, {}).setdefault("", []).append(session.date)
                continue
            for item in session.items:
                if item.change and item.was is not None:
                    changes = reasons.setdefault(item.change, {})
                    changes.setdefault(_change(after, item), []).append(session.date)
        if not reasons:
            continue
        mark = " (deload week)" if week.deload else ""
        lines.append(f"  Week {week.index}{mark}:")
        for reason, changes in reasons.items():
            if reason.startswith("cancelled: "):
                lines.append(f"    {_days(changes[''])}: {reason}")
                continue
            lines.append(f"    because {reason}:")
            lines += [f"      {_days(days)}: {change}" for change, days in changes.items()]
    return lines
