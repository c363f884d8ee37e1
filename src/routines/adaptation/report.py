"""What an adaptation changed, in words, for ``routines adapt`` to print: week by
week, each reason said once, with the sessions and exercises it changed."""

from __future__ import annotations

import datetime as dt

from routines._plan import Item, Plan, Session

__all__ = ["changes_text"]


def _change(plan: Plan, item: Item) -> tuple[str, str]:
    """The new dose, and `` (was ...)``: what the plan had."""
    assert item.was is not None
    was = item.was.dose_text
    if item.was.exercise != item.exercise:
        was = f"{plan.exercise(item.was.exercise).name} {was}"
    elif item.load_steps != item.was.load_steps:  # the same numbers may hide the load
        lighter = item.load_steps < item.was.load_steps
        was += " with a heavier load" if lighter else " with a lighter load"
    return f"{plan.exercise(item.exercise).name} {item.dose_text}", f" (was {was})"


def _days(days: list[dt.date]) -> str:
    """``Mon 08, Wed 10, Fri 12 Mar``: the month said once where it is the same."""
    if len({d.month for d in days}) == 1:
        return ", ".join(f"{d:%a %d}" for d in days) + f" {days[-1]:%b}"
    return ", ".join(f"{d:%a %d %b}" for d in days)


def _week_changes(
    plan: Plan, week_sessions: list[Session], today: dt.date
) -> dict[str, dict[tuple[str, str], list[dt.date]]]:
    """A week's changes: reason -> (the new dose, what it was) -> the days."""
    reasons: dict[str, dict[tuple[str, str], list[dt.date]]] = {}
    for session in week_sessions:
        if session.date < today or not session.changes:
            continue
        if session.cancelled:
            why = f"cancelled: {session.cancelled}"
            reasons.setdefault(why, {}).setdefault(("", ""), []).append(session.date)
            continue
        for item in session.items:
            if item.change and item.was is not None:
                changes = reasons.setdefault(item.change, {})
                changes.setdefault(_change(plan, item), []).append(session.date)
    return reasons


def _shape(reasons: dict[str, dict[tuple[str, str], list[dt.date]]]) -> object:
    """What a week's changes are, whatever the plan had: equal shapes in weeks in a
    row are said once ("Weeks 2-8")."""
    return [
        (reason, [(new, tuple(f"{d:%a}" for d in days)) for (new, _), days in changes.items()])
        for reason, changes in reasons.items()
    ]


def _weekdays(days: list[dt.date]) -> str:
    return ", ".join(f"{d:%a}" for d in days)


def changes_text(after: Plan, today: dt.date) -> list[str]:
    """The coming changes grouped by week, then by reason (each said once), the same
    change on several days said once with its days; weeks in a row with the same
    changes (whatever the plan had in each) are said once, as a run of weeks."""
    found = [(w, _week_changes(after, list(w.sessions), today)) for w in after.weeks]
    weeks = [(w, reasons) for w, reasons in found if reasons]
    lines: list[str] = []
    index = 0
    while index < len(weeks):
        week, reasons = weeks[index]
        end = index
        while (
            end + 1 < len(weeks)
            and weeks[end + 1][0].index == weeks[end][0].index + 1
            and _shape(weeks[end + 1][1]) == _shape(reasons)
        ):
            end += 1
        run = end > index
        if run:
            lines.append(f"  Weeks {week.index}-{weeks[end][0].index}:")
        else:
            lines.append(f"  Week {week.index}{' (deload week)' if week.deload else ''}:")
        for reason, changes in reasons.items():
            if reason.startswith("cancelled: "):
                days = changes[("", "")]
                lines.append(f"    {'every ' + _weekdays(days) if run else _days(days)}: {reason}")
                continue
            lines.append(f"    because {reason}:")
            for (new, was), days in changes.items():
                if run:  # what the plan had differs week by week: the new dose is the news
                    lines.append(f"      every {_weekdays(days)}: {new}")
                else:
                    lines.append(f"      {_days(days)}: {new}{was}")
        index = end + 1
    return lines
