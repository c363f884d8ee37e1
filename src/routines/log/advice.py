"""What the log says, in words: entries as text, and the safety advice they call for."""

from __future__ import annotations

import json

from routines._safety import PAIN_TOO_MUCH
from routines.log.entry import RED_FLAGS, UNITS, ItemResult, LogEntry

__all__ = ["advice", "entry_text", "result_text"]


def advice(entries: list[LogEntry] | tuple[LogEntry, ...]) -> list[str]:
    """What the safety rules say about these entries, one line each."""
    lines = []
    flags = list(dict.fromkeys(flag for entry in entries for flag in entry.red_flags))
    if flags:
        lines.append(
            f"Red flag ({'; '.join(RED_FLAGS[f] for f in flags)}): stop training and see a "
            "health professional before the next session (call emergency services if severe)."
        )
    if any((entry.worst_pain or 0) > PAIN_TOO_MUCH for entry in entries):
        lines.append(
            f"Pain over {PAIN_TOO_MUCH}/10 is too much: stop that exercise; use the easier "
            "variant or lower the load."
        )
    if any(entry.unsettled for entry in entries):
        lines.append(
            "Pain that had not settled by the next morning: repeat the easier week and lower "
            "the load; see a professional if it persists."
        )
    return lines


def result_text(item: ItemResult, unit: str = "kg") -> str:
    """``"band-row 3x12 @5 kg RPE 7 pain 2"`` (loads in ``unit``: kg or lb)."""
    parts = [item.exercise]
    amount = f"{item.reps}" if item.reps is not None else None
    if item.hold_s is not None:
        amount = f"{item.hold_s} s"
    if item.sets is not None and amount is not None:
        parts.append(f"{item.sets}x{amount}")
    elif item.sets is not None:
        parts.append(f"{item.sets} sets")
    elif amount is not None:
        parts.append(amount)
    if item.load_kg is not None:
        load = item.load_kg / UNITS[unit]
        parts.append(f"@{round(load, 1):g} {unit}")
    if item.rpe is not None:
        parts.append(f"RPE {item.rpe:g}")
    if item.pain is not None:
        parts.append(f"pain {item.pain}")
    if item.settled is not None:
        parts.append("settled" if item.settled else "not settled")
    if item.form_ok is False:
        parts.append("form poor")
    if item.notes:
        parts.append(json.dumps(item.notes, ensure_ascii=False))
    return " ".join(parts)


def entry_text(entry: LogEntry) -> str:
    """``"Mon 05 Jan 2026: done, 3 exercises, worst pain 2, settled"``."""
    parts = [entry.status.value]
    if entry.items:
        parts.append(f"{len(entry.items)} exercise{'s' if len(entry.items) > 1 else ''}")
    if entry.worst_pain is not None:
        parts.append(f"worst pain {entry.worst_pain}")
    if entry.unsettled:
        parts.append("not settled")
    elif entry.settled:
        parts.append("settled")
    if entry.red_flags:
        parts.append(f"RED FLAGS: {', '.join(entry.red_flags)}")
    if entry.notes:
        parts.append(json.dumps(entry.notes, ensure_ascii=False))
    when = f"{entry.date:%a %d %b %Y}"
    if entry.done_on is not None and entry.done_on != entry.date:
        when += f" (done {entry.done_on:%a %d %b})"
    return f"{when}: {', '.join(parts)}"
