"""What an adaptation changed, in words, for ``routines adapt`` to print."""

from __future__ import annotations

import datetime as dt

from routines._plan import Plan

__all__ = ["changes_text"]


def changes_text(after: Plan, today: dt.date) -> list[str]:
    """One line per changed coming item (and per cancelled session)."""
    lines = []
    for week in after.weeks:
        for session in week.sessions:
            if session.date < today or not session.changes:
                continue
            if session.cancelled:
                lines.append(f"  {session.date:%a %d %b}: cancelled ({session.cancelled})")
                continue
            for block in session.blocks:
                for item in block.items:
                    if item.change and item.was is not None:
                        name = after.exercise(item.exercise).name
                        was = item.was.dose_text
                        if item.was.exercise != item.exercise:
                            was = f"{after.exercise(item.was.exercise).name} {was}"
                        lines.append(
                            f"  {session.date:%a %d %b}: {name} {item.dose_text} (was {was})"
                        )
                        lines.append(f"      because {item.change}")
    return lines
