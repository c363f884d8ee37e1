"""Plain-text rendering of plans and sessions: the summary ``routines plan`` prints,
and the lines of calendar events."""

from __future__ import annotations

from routines._plan import Block, BlockKind, Item, Plan, Session, Week

__all__ = [
    "item_text",
    "ramp_up_text",
    "session_lines",
    "session_text",
    "session_title",
    "step_text",
    "summary",
    "week_mark",
]


def ramp_up_text(item: Item) -> str:
    """``"2 lighter ramp-up sets first"``, or ``""``."""
    if not item.ramp_up_sets:
        return ""
    sets = "1 lighter ramp-up set" if item.ramp_up_sets == 1 else "2 lighter ramp-up sets"
    return f"{sets} first"


def step_text(item: Item) -> str:
    """What changed this week for the item, from its reason (the part after ``;``):
    ``"+2 reps per set"``, ``"add 2-10% load ..."``, or ``""``."""
    return item.reason.split("; ", 1)[1] if "; " in item.reason else ""


def item_text(plan: Plan, item: Item, block: Block) -> str:
    """``"Band row: 2 x 10, rest 60 s, RPE 7-8 (2-3 reps in reserve)"``."""
    name = plan.exercise(item.exercise).name
    parts = [item.dose_text]
    if item.ramp_up_sets:
        parts.insert(0, ramp_up_text(item))
    if item.sets > 1 and item.rest_s:
        parts.append(f"rest {item.rest_s} s")
    if item.effort and block.kind is BlockKind.STRENGTH:
        parts.append(item.effort)
    changed = f" (changed: {item.change})" if item.change else ""
    return f"{name}: {', '.join(parts)}{changed}"


def week_mark(week: Week) -> str:
    """``"deload and re-test week"``, ``"deload week"``, ``"re-test week"`` or ``""``."""
    kinds = [name for name, on in (("deload", week.deload), ("re-test", week.retest)) if on]
    return f"{' and '.join(kinds)} week" if kinds else ""


def session_title(week: Week, session: Session) -> str:
    """``"Week 3: upper body and core"``, with ``(deload week)`` on lighter weeks
    and ``Cancelled:`` in front of a session an adapted plan called off."""
    mark = f" ({week_mark(week)})" if week_mark(week) else ""
    cancelled = "Cancelled: " if session.cancelled else ""
    changed = " (changed)" if session.changes and not session.cancelled else ""
    return f"{cancelled}Week {week.index}: {session.focus}{mark}{changed}"


def session_lines(plan: Plan, session: Session, *, indent: str = "") -> list[str]:
    """Every block and item of a session, one line each."""
    if session.cancelled:
        return [f"{indent}Cancelled: {session.cancelled}."]
    lines = []
    for block in session.blocks:
        minutes = round(block.seconds / 60)
        lines.append(f"{indent}{block.kind.label} ({minutes} min)")
        lines += [f"{indent}- {item_text(plan, item, block)}" for item in block.items]
    return lines


def session_text(p: Plan, session: Session, *, why: bool = False) -> list[str]:
    """A session for the summary: each strength item with this week's step (and with
    ``why``, the reason it is there)."""
    lines = [
        f"  {session.date:%a %d %b} {session.start:%H:%M}  {session.focus}, ~{session.minutes} min"
    ]
    if session.cancelled:
        return [*lines[:1], f"    cancelled: {session.cancelled}"]
    for block in session.blocks:
        lines.append(f"    {block.kind.value} ({round(block.seconds / 60)} min)")
        for item in block.items:
            lines.append(f"      - {item_text(p, item, block)}")
            if block.kind is not BlockKind.STRENGTH:
                continue
            if why:
                lines.append(f"          why: {item.reason.split('; ', 1)[0]}")
            if step_text(item):
                lines.append(f"          this week: {step_text(item)}")
    return lines


def summary(p: Plan, *, full: bool) -> str:
    request = p.request
    days = ",".join(d.value for d in request.days)
    kit = ",".join(e.value for e in request.equipment) or "none"
    lines = [
        p.title,
        f"{request.weeks} week{'s' if request.weeks > 1 else ''} from "
        f"{request.start:%a %d %b %Y}, {days} at "
        f"{request.time:%H:%M} ({request.timezone}), ~{request.minutes} min, "
        f"{request.level.value}, equipment: {kit}",
        "",
    ]
    if p.stopped:
        lines[2:2] = ["", f"STOP: {p.stopped}"]
    for week in p.weeks:
        mark = f"  ({week_mark(week)})" if week_mark(week) else ""
        sessions = ", ".join(
            f"{s.date:%a %d %b} {'cancelled' if s.cancelled else s.focus}" for s in week.sessions
        )
        lines.append(f"week {week.index:2}{mark}: {sessions}")
    shown = p.weeks if full else p.weeks[:1]
    for week in shown:
        lines += ["", f"Week {week.index}" + (f" ({week_mark(week)})" if week_mark(week) else "")]
        seen: dict[object, Session] = {}
        for session in week.sessions:
            twin = seen.get(session.blocks)
            if twin is not None:
                lines.append(
                    f"  {session.date:%a %d %b} {session.start:%H:%M}  same as {twin.date:%a}"
                )
                continue
            seen[session.blocks] = session
            lines += session_text(p, session, why=week is shown[0])
    if not full and len(p.weeks) > 1:
        lines += ["", "Later weeks progress step by step; --full prints them all."]
    lines += ["", *p.notes, "", p.safety.one_line]
    return "\n".join(lines)
