"""The events of a plan's calendar, and what an earlier export of it said.

Each event carries a fingerprint of what it shows (``X-ROUTINES-FINGERPRINT``), so
a later export keeps the DTSTAMP and SEQUENCE of an unchanged event and raises
SEQUENCE only on a changed one. A cancelled session keeps its event, marked
CANCELLED, free (TRANSP:TRANSPARENT) and without a reminder: it no longer claims
the time nor nags.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo

import attrs
import icalendar
from icalendar.prop import vText

from routines._plan import Plan, Session, Week
from routines.exporters.event_text import event_description, event_title

__all__ = [
    "UID_DOMAIN",
    "Earlier",
    "Times",
    "cancelled_copy",
    "earlier_events",
    "event_for",
    "times_of",
    "uid_of",
    "zone_of",
]

UID_DOMAIN = "routines.invalid"
#: Says why a session in an earlier export is gone from the plan.
DROPPED = "this session is no longer in the plan (it was changed); nothing to do"


@attrs.frozen
class Earlier:
    """An event of an earlier export: its SEQUENCE, fingerprint and stamp, and the
    event itself (a past one is kept exactly as it was)."""

    sequence: int
    fingerprint: str
    stamp: dt.datetime
    event: icalendar.cal.Component = attrs.field(eq=False)


def zone_of(name: str) -> dt.tzinfo:
    """The time zone of a plan: plain UTC for UTC (so times are written with Z and
    no VTIMEZONE), else the IANA zone."""
    return dt.UTC if name == "UTC" else zoneinfo.ZoneInfo(name)


def uid_of(identity: str, session: Session) -> str:
    return f"{identity}-{session.date:%Y%m%d}@{UID_DOMAIN}"


def earlier_events(calendar: icalendar.Calendar | None) -> dict[str, Earlier]:
    """UID -> what an earlier export (already known to be of this plan) said."""
    if calendar is None:
        return {}
    found = {}
    for event in calendar.walk("VEVENT"):
        stamp = event.decoded("DTSTAMP") if "DTSTAMP" in event else None
        if not isinstance(stamp, dt.datetime):
            continue
        found[str(event["UID"])] = Earlier(
            int(event.get("SEQUENCE", 0)),
            str(event.get("X-ROUTINES-FINGERPRINT", "")),
            stamp.astimezone(dt.UTC),
            event,
        )
    return found


@attrs.frozen
class Times:
    """When an event runs. ``moved`` says why the start is not the plan's time (it
    fell in the hour the clocks skip); ``exact`` asks for a DURATION rather than a
    DTEND, when a wall-clock time near a clock change could be read two ways."""

    start: dt.datetime
    end: dt.datetime
    #: The length in absolute time (subtracting two times of one zone would not be).
    length: dt.timedelta
    moved: str | None = None
    exact: bool = False


def _exists(moment: dt.datetime) -> bool:
    """False for a wall-clock time the clocks skip (in a spring-forward gap)."""
    back = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def _ambiguous(moment: dt.datetime) -> bool:
    """True for a wall-clock time that happens twice (the hour the clocks repeat)."""
    return moment.utcoffset() != moment.replace(fold=1).utcoffset()


def times_of(session: Session, zone: dt.tzinfo) -> Times:
    """Start and end of ``session``: the end in absolute time (never before the start,
    across a clock change); a start the clocks skip moves to the first valid minute;
    a start the clocks repeat takes its first occurrence (as RFC 5545 reads it)."""
    start = dt.datetime.combine(session.date, session.start, tzinfo=zone)
    moved = None
    if not _exists(start):
        planned = start
        while not _exists(start):
            start += dt.timedelta(minutes=1)
        moved = (
            f"Starts at {start:%H:%M}: {planned:%H:%M} does not exist on this day (the "
            "clocks go forward)."
        )
    length = dt.timedelta(minutes=max(session.minutes, 1))
    end = (start.astimezone(dt.UTC) + length).astimezone(zone)
    exact = moved is not None or _ambiguous(start) or _ambiguous(end)
    return Times(start, end, length, moved, exact)


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def event_for(
    plan: Plan,
    week: Week,
    session: Session,
    *,
    uid: str,
    alarm: int | None,
    earlier: Earlier | None,
    stamp: dt.datetime,
    label: str | None = None,
) -> icalendar.Event:
    """The event of one session (``label``: its session's letter, "A"); its
    SEQUENCE and stamp follow ``earlier``."""
    when = times_of(session, zone_of(plan.request.timezone))
    summary = event_title(plan, week, session, label)
    description = event_description(plan, week, session, label)
    if when.moved and not session.cancelled:
        description = f"{when.moved}\n\n{description}"
    reminder = None if session.cancelled else alarm
    fingerprint = _fingerprint(
        summary, description, when.start.isoformat(), when.end.isoformat(), str(reminder)
    )
    if earlier is None:
        sequence, event_stamp = 0, stamp
    elif earlier.fingerprint == fingerprint:
        sequence, event_stamp = earlier.sequence, earlier.stamp
    else:
        sequence, event_stamp = earlier.sequence + 1, stamp
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("DTSTAMP", event_stamp)
    event.add("LAST-MODIFIED", event_stamp)
    event.add("SEQUENCE", sequence)
    event.add("DTSTART", when.start)
    if when.exact:  # near a clock change a wall-clock end could be read two ways
        event.add("DURATION", when.length)
    else:
        event.add("DTEND", when.end)
    event.add("SUMMARY", vText(summary))
    event.add("DESCRIPTION", vText(description))
    event.add("CATEGORIES", ["Exercise", "routines"])
    if plan.request.instructions_url and not session.cancelled:
        event.add("URL", plan.request.instructions_url)
    event.add("TRANSP", "TRANSPARENT" if session.cancelled else "OPAQUE")
    if session.cancelled:
        event.add("STATUS", "CANCELLED")
    event.add("X-ROUTINES-FINGERPRINT", vText(fingerprint))
    if reminder is not None:
        event.add_component(_alarm(summary, reminder))
    return event


def _alarm(summary: str, minutes: int) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", vText(summary))
    alarm.add("TRIGGER", dt.timedelta(minutes=-minutes))
    return alarm


def cancelled_copy(earlier: Earlier, stamp: dt.datetime) -> icalendar.cal.Component:
    """An event of an earlier export whose session is gone from the plan: published
    as cancelled (people who imported the file must see it go), not deleted."""
    old = earlier.event
    if str(old.get("STATUS", "")).upper() == "CANCELLED":
        return old  # already said
    event = icalendar.Event()
    for key in ("UID", "DTSTART", "DTEND", "CATEGORIES"):
        if key in old:
            event[key] = old[key]
    summary = f"Cancelled: {old.get('SUMMARY', 'session')}"
    description = f"Cancelled: {DROPPED}."
    event.add("DTSTAMP", stamp)
    event.add("LAST-MODIFIED", stamp)
    event.add("SEQUENCE", earlier.sequence + 1)
    event.add("SUMMARY", vText(summary))
    event.add("DESCRIPTION", vText(description))
    event.add("TRANSP", "TRANSPARENT")
    event.add("STATUS", "CANCELLED")
    event.add("X-ROUTINES-FINGERPRINT", vText(_fingerprint(summary, description)))
    return event
