"""Which session of a plan a log entry belongs to."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from routines._closest import closest, did_you_mean
from routines.errors import LogError
from routines.log.entry import LogEntry, SessionStatus

if TYPE_CHECKING:
    from routines._plan import Plan, Session

__all__ = ["check_entries", "check_entry", "nearest_session", "session_on"]


def session_on(plan: Plan, date: dt.date) -> Session:
    """The plan's session on ``date``; :class:`LogError` names the nearest ones."""
    sessions = list(plan.sessions)
    for session in sessions:
        if session.date == date:
            return session
    if not sessions:
        raise LogError(f"{date}: the plan has no sessions")
    before = [s.date for s in sessions if s.date < date][-1:]
    after = [s.date for s in sessions if s.date > date][:1]
    nearest = " and ".join(f"{d:%a} {d}" for d in before + after)
    raise LogError(
        f"{date} ({date:%a}) is not a session day of the plan "
        f"(it runs {sessions[0].date} to {sessions[-1].date}); the nearest: {nearest}"
    )


def nearest_session(plan: Plan, day: dt.date, logged: Collection[dt.date] = ()) -> Session | None:
    """The session ``day``'s training most likely replaced: the nearest one not yet
    logged (the earlier one on a tie: a session is more often done late than early),
    within a week either side; ``None`` if there is none."""
    candidates = [
        s for s in plan.sessions if s.date not in logged and not s.cancelled
        and abs((s.date - day).days) <= 7
    ]  # fmt: skip
    if not candidates:
        return None
    return min(candidates, key=lambda s: (abs((s.date - day).days), s.date > day))


def check_entry(plan: Plan, entry: LogEntry) -> None:
    """Check ``entry`` fits ``plan``: a session day, and only that session's exercises
    (a warning sign reported on another day fits any plan)."""
    if entry.status is SessionStatus.REPORTED:
        return
    session = session_on(plan, entry.date)
    planned = [item.exercise for item in session.items]
    for result in entry.items:
        if result.exercise not in planned:
            guess = did_you_mean(closest(result.exercise, planned)) or ";"
            raise LogError(
                f"{entry.date}: {result.exercise!r} is not in that session{guess} "
                f"it has: {', '.join(dict.fromkeys(planned))}"
            )


def check_entries(
    plan: Plan, entries: Sequence[LogEntry], *, source: str | os.PathLike[str]
) -> None:
    """Check every entry read from ``source`` fits ``plan``; one error lists them all."""
    problems = []
    for entry in entries:
        try:
            check_entry(plan, entry)
        except LogError as exc:
            problems.append(str(exc))
    if len(problems) == 1:
        raise LogError(f"{source}: {problems[0]}")
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise LogError(f"{source}: {len(problems)} sessions do not fit the plan:\n{listed}")
