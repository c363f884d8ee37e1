"""The words of a calendar event, read at a glance on a phone: a title with the
plan's short name and the session ("Upper back: session A, week 2"), and a short
description (the exercises and their doses, one line of the pain rule, a link to
the instructions when the plan has one).
"""

from __future__ import annotations

from routines._plan import BlockKind, Item, Plan, Session, Week
from routines._safety import PAIN_HOLD, PAIN_TOO_MUCH
from routines.exporters.sessions import day_kind, short_name

__all__ = ["SAFETY_LINE", "event_description", "event_title"]

#: The pain rule and the stop signs, in one line for a calendar.
SAFETY_LINE = (
    f"Pain 0-{PAIN_HOLD - 1}: carry on; {PAIN_HOLD}-{PAIN_TOO_MUCH}: no step up; over "
    f"{PAIN_TOO_MUCH}: stop that exercise. Stop at once for chest, jaw, neck or arm pain "
    "or pressure, sudden or tearing back pain, or dizziness. Not medical advice."
)


def _what(session: Session, label: str | None) -> str:
    kind = day_kind(session)
    if kind in ("Mobility", "Desk break"):
        return kind.lower()
    return f"session {label}" if label else kind.lower()


def event_title(plan: Plan, week: Week, session: Session, label: str | None) -> str:
    """``"Upper back: session A, week 2"``, with what is special about it."""
    marks = []
    if week.deload:
        marks.append("light week")
    if week.retest and session.block(BlockKind.STRENGTH).items:
        marks.append("test")
    if session.changes and not session.cancelled:
        marks.append("changed")
    title = f"{short_name(plan)}: {_what(session, label)}, week {week.index}"
    if marks:
        title += f" ({', '.join(marks)})"
    return f"Cancelled: {title}" if session.cancelled else title


def _dose(item: Item, short: bool) -> str:
    dose = item.dose_text.replace(" each side", "/side")
    return dose.removeprefix("1 x ") if short else dose


def _names(plan: Plan, items: tuple[Item, ...], doses: bool) -> str:
    return ", ".join(
        plan.exercise(i.exercise).name + (f" {_dose(i, short=False)}" if doses else "")
        for i in items
    )


def event_description(plan: Plan, week: Week, session: Session, label: str | None) -> str:
    """The event's notes: at most about 800 characters for a usual session."""
    if session.cancelled:  # only why: no exercises, no advice to train
        lines = [f"Cancelled: {session.cancelled}."]
        return "\n".join([*lines, "", plan.stopped] if plan.stopped else lines)
    what = _what(session, label)
    lines = [
        f"{what[:1].upper()}{what[1:]}, week {week.index} of {len(plan.weeks)}: about "
        f"{session.minutes} min."
    ]
    if plan.referral:
        lines.append(plan.referral)
    for block in session.blocks:
        if not block.items:
            continue
        minutes = round(block.seconds / 60)
        if block.kind is BlockKind.STRENGTH:
            rests = sorted({i.rest_s for i in block.items if i.sets > 1 and i.rest_s})
            rated = next((i.effort for i in block.items if i.effort), "RPE 7-8")
            effort = "Effort " + rated.split(" (")[0].removeprefix("RPE ") + "/10"
            if rests:
                span = f"{rests[0]}" if len(rests) == 1 else f"{rests[0]}-{rests[-1]}"
                effort += f", rest {span} s"
            lines.append(f"Strength: {_names(plan, block.items, True)}. {effort}.")
        else:
            doses = block.kind is BlockKind.COOLDOWN
            lines.append(f"{block.kind.label} ({minutes} min): {_names(plan, block.items, doses)}.")
    changes = list(dict.fromkeys(session.changes))
    if changes:
        lines.append(
            f"Changed after your log: {changes[0]}" + (" (and more)" if changes[1:] else "")
        )
    lines.append(SAFETY_LINE)
    if plan.request.instructions_url:
        lines.append(f"Instructions: {plan.request.instructions_url}")
    return "\n".join(lines)
