"""What ``routines log`` records: the session's day (``--date``, ``--for``, or the
nearest planned session, asked at a terminal), and the entry from the flags or
from questions."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import Any

from routines._closest import closest, did_you_mean
from routines._plan import Plan, Session
from routines.cli._common import UsageError
from routines.errors import LogError
from routines.log.csv_file import cell_value
from routines.log.entry import UNITS, ItemResult, LogEntry, SessionStatus, red_flag_problem
from routines.log.questions import ask_entry
from routines.log.sessions import check_entry, nearest_session, session_on

__all__ = ["day_of", "entry_from_flags", "make_entry", "parse_item"]

#: The keys of --item as the help shows them.
_SHOWN_KEYS = ["sets", "reps", "hold", "load", "rpe", "pain", "settled", "form"]
_ITEM_KEYS = {
    "sets": "sets",
    "reps": "reps",
    "hold": "hold_s",
    "hold_s": "hold_s",
    "load": "load_kg",
    "load_kg": "load_kg",
    "rpe": "rpe",
    "pain": "pain",
    "settled": "settled",
    "form": "form_ok",
    "form_ok": "form_ok",
}


def day_of(text: str | None, option: str = "--date") -> dt.date:
    """A day from ``YYYY-MM-DD``, ``today`` or ``yesterday`` (default today)."""
    today = dt.date.today()
    words = {"today": today, "yesterday": today - dt.timedelta(days=1)}
    if text is None or text.strip().lower() in words:
        return words[(text or "today").strip().lower()]
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip()):
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            pass
    raise UsageError(
        f"argument {option}: {text!r} is not a date; use YYYY-MM-DD such as 2026-01-05"
    )


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("", "y", "yes")


def _session(
    plan: Plan, args: argparse.Namespace, logged: set[dt.date], interactive: bool
) -> tuple[Session | None, dt.date | None]:
    """The planned session this entry is for, and the day it was really done when that
    was another day; no session for a warning sign reported on a day without one."""
    done = day_of(args.date)
    if args.for_day:
        day = day_of(args.for_day, "--for")
        try:
            session = session_on(plan, day)
        except LogError as exc:
            raise LogError(f"{exc}; give --for the day of a planned session") from None
        return session, (done if done != day else None)
    try:
        return session_on(plan, done), None
    except LogError as exc:
        if args.red_flags and not args.item and not args.skipped:
            return None, None  # a warning sign is recorded on the day it happened
        nearest = nearest_session(plan, done, logged)
        if interactive and nearest is not None:
            question = (
                f"{done:%a %d %b} is not a session day. Log it as the session planned for "
                f"{nearest.date:%a %d %b} ({nearest.focus})? [yes] "
            )
            if _yes(input(question)):
                return nearest, done
            raise LogError("nothing was recorded; name the session with --for DATE") from None
        hint = f" such as --for {nearest.date}" if nearest is not None else ""
        raise LogError(
            f"{exc}. Done on another day? Log it against the session it replaced with "
            f"--for DATE{hint}"
        ) from None


def make_entry(
    plan: Plan, args: argparse.Namespace, from_flags: bool, *, unit: str, logged: set[dt.date]
) -> LogEntry:
    """The entry to record: asked at a terminal when no recording flag was given."""
    interactive = not from_flags and sys.stdin.isatty()
    session, done_on = _session(plan, args, logged, interactive)
    if session is None:
        return entry_from_flags(args, day_of(args.date), unit=unit, reported=True)
    if interactive:
        try:
            entry = ask_entry(plan, session, ask=input, say=print, unit=unit, done_on=done_on)
        except EOFError:
            raise LogError("no answer (end of input); nothing was recorded") from None
    else:
        entry = entry_from_flags(args, session.date, unit=unit, done_on=done_on)
    check_entry(plan, entry)
    return entry


def _option_value(option: str, column: str, text: str) -> Any:
    try:
        return cell_value(column, text)
    except LogError as exc:
        raise UsageError(f"argument {option}: {exc.reason}") from None


def parse_item(text: str, unit: str = "kg") -> ItemResult:
    """``--item band-row:sets=2,reps=12,load=5,rpe=7,pain=1,settled=yes,form=ok``;
    ``load`` is in ``unit`` and stored in kilograms."""
    exercise, _, rest = text.partition(":")
    values: dict[str, Any] = {}
    for part in filter(str.strip, rest.split(",")):
        key, equals, value = part.partition("=")
        field = _ITEM_KEYS.get(key.strip().lower())
        keys = ", ".join(_SHOWN_KEYS)
        if not equals:
            raise UsageError(
                f"argument --item: {text!r}: {part.strip()!r} is not KEY=VALUE with a key of: "
                f"{keys}"
            )
        if field is None:
            guess = did_you_mean(closest(key.strip().lower(), _SHOWN_KEYS)) or ";"
            raise UsageError(
                f"argument --item: {text!r}: {key.strip()!r} is not a key{guess} use one of: {keys}"
            )
        if field == "form_ok":
            value = {"ok": "yes", "poor": "no"}.get(value.strip().lower(), value)
        try:
            values[field] = cell_value(field, value)
        except LogError as exc:
            raise UsageError(f"argument --item: {text!r}: {exc}") from None
    if values.get("load_kg") is not None:
        values["load_kg"] = round(values["load_kg"] * UNITS[unit], 2)
    try:
        return ItemResult(exercise=exercise.strip(), **values)
    except LogError as exc:
        raise UsageError(f"argument --item: {text!r}: {exc}") from None


def entry_from_flags(
    args: argparse.Namespace,
    date: dt.date,
    *,
    unit: str = "kg",
    done_on: dt.date | None = None,
    reported: bool = False,
) -> LogEntry:
    """The entry the recording flags describe (``reported``: a warning sign on a day
    without a session)."""
    flags = []
    for key in args.red_flags:
        key = key.strip().lower().replace("-", "_")
        problem = red_flag_problem(key)
        if problem:
            raise UsageError(f"argument --red-flag: {problem}")
        flags.append(key)
    items = tuple(parse_item(text, unit) for text in args.item)
    if args.skipped and items:
        raise UsageError("argument --skipped: a skipped session has no --item; leave one out")
    return LogEntry(
        date=date,
        status=SessionStatus.REPORTED
        if reported
        else SessionStatus.SKIPPED
        if args.skipped
        else SessionStatus.DONE,
        items=items,
        pain=None if args.pain is None else _option_value("--pain", "pain", args.pain),
        settled=None
        if args.settled is None
        else _option_value("--settled", "settled", args.settled),
        red_flags=flags,
        notes=args.notes or "",
        done_on=done_on,
    )
