"""Plain-text rendering of sessions, shared by the CLI summary and calendar events."""

from __future__ import annotations

from routines._plan import Block, BlockKind, Item, Plan, Session, Week

__all__ = ["item_text", "session_lines", "session_title"]


def item_text(plan: Plan, item: Item, block: Block) -> str:
    """``"Band row: 2 x 10, rest 60 s, RPE 7-8 (2-3 reps in reserve)"``."""
    name = plan.exercise(item.exercise).name
    parts = [item.dose_text]
    if item.sets > 1 and item.rest_s:
        parts.append(f"rest {item.rest_s} s")
    if item.effort and block.kind is BlockKind.STRENGTH:
        parts.append(item.effort)
    changed = f" (changed: {item.change})" if item.change else ""
    return f"{name}: {', '.join(parts)}{changed}"


def session_title(week: Week, session: Session) -> str:
    """``"Week 3: upper body and core"``, with ``(deload week)`` on lighter weeks
    and ``Cancelled:`` in front of a session an adapted plan called off."""
    deload = " (deload week)" if week.deload else ""
    cancelled = "Cancelled: " if session.cancelled else ""
    return f"{cancelled}Week {week.index}: {session.focus}{deload}"


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
