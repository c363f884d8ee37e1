"""iCalendar export: one event per session, stable UIDs, feeds that update in place.

Built with icalendar (imported only here, so ``import routines`` stays light).
Each export records the plan's identity (``X-ROUTINES-PLAN``) and a fingerprint of
each event (``X-ROUTINES-FINGERPRINT``), so a later export of the same plan keeps
the UIDs, raises SEQUENCE only on events that changed, and keeps the DTSTAMP of
the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zoneinfo
from pathlib import Path

import icalendar
from icalendar.prop import vText

from routines._files import write_atomic
from routines._plan import Plan, Session, Week, plan_identity
from routines._version import version
from routines.errors import ExportError
from routines.exporters.text import session_lines, session_title

__all__ = ["plan_identity", "to_ics", "write_ics"]

#: How often subscribed calendars should fetch the feed again.
REFRESH = dt.timedelta(hours=12)
UID_DOMAIN = "routines.invalid"


def _uid(identity: str, session: Session) -> str:
    return f"{identity}-{session.date:%Y%m%d}@{UID_DOMAIN}"


def _description(plan: Plan, week: Week, session: Session, week_count: int) -> str:
    lines = [
        f"{session_title(week, session)}. About {session.minutes} min "
        f"(a plan of {week_count} weeks: {plan.title}).",
        "",
        *session_lines(plan, session),
        "",
        *(
            f"Changed after your training log: {change}"
            for change in session.changes
            if change != session.cancelled
        ),
        *([plan.stopped, ""] if plan.stopped and session.cancelled else []),
        "Move on to next week's step only after two good sessions in a row.",
        f"Safety: {plan.safety.one_line}",
    ]
    return "\n".join(lines)


def _previous(data: bytes | None, identity: str) -> dict[str, tuple[int, str, dt.datetime]]:
    """UID -> (SEQUENCE, fingerprint, DTSTAMP) from an earlier export of this plan."""
    if not data:
        return {}
    calendar = icalendar.Calendar.from_ical(data)
    if str(calendar.get("X-ROUTINES-PLAN", "")) != identity:
        return {}
    found = {}
    for event in calendar.walk("VEVENT"):
        stamp = event.decoded("DTSTAMP") if "DTSTAMP" in event else None
        if not isinstance(stamp, dt.datetime):
            continue
        found[str(event["UID"])] = (
            int(event.get("SEQUENCE", 0)),
            str(event.get("X-ROUTINES-FINGERPRINT", "")),
            stamp.astimezone(dt.UTC),
        )
    return found


def _timezone(name: str, first: dt.date, last: dt.date) -> icalendar.Timezone:
    """A VTIMEZONE covering the plan's dates (with no stray COMMENT, which libical
    rejects inside VTIMEZONE)."""
    component = icalendar.Timezone.from_tzid(
        name, first_date=first - dt.timedelta(days=366), last_date=last + dt.timedelta(days=366)
    )
    for part in component.walk():
        part.pop("COMMENT", None)
    return component


def to_ics(
    plan: Plan,
    *,
    alarm_minutes: int | None = 15,
    previous: bytes | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The plan as an iCalendar feed (RFC 5545).

    ``previous`` is an earlier export of the same plan: events keep their UID,
    and SEQUENCE rises only where an event changed. ``alarm_minutes`` sets a
    reminder before each session (``None``: no reminder). ``now`` stamps new or
    changed events (default: the current time).
    """
    if alarm_minutes is not None and not 0 <= alarm_minutes <= 24 * 60:
        raise ExportError(f"alarm: {alarm_minutes} minutes must be 0-1440, or none")
    request = plan.request
    zone = zoneinfo.ZoneInfo(request.timezone)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    identity = plan_identity(plan)
    earlier = _previous(previous, identity)

    calendar = icalendar.Calendar()
    calendar.add("PRODID", f"-//routines//routines {version()}//EN")
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("NAME", vText(plan.title))
    calendar.add("X-WR-CALNAME", vText(plan.title))
    calendar.add("X-WR-CALDESC", vText(plan.goal_summary))
    calendar.add("X-WR-TIMEZONE", vText(request.timezone))
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vText("PT12H"))
    calendar.add("X-ROUTINES-PLAN", vText(identity))
    if request.timezone != "UTC":
        calendar.add_component(_timezone(request.timezone, request.start, request.end))

    week_count = len(plan.weeks)
    for week, session in ((w, s) for w in plan.weeks for s in w.sessions):
        start = dt.datetime.combine(session.date, session.start, tzinfo=zone)
        end = start + dt.timedelta(minutes=max(session.minutes, 1))
        summary = session_title(week, session)
        description = _description(plan, week, session, week_count)
        fingerprint = hashlib.sha256(
            "\x1f".join(
                [summary, description, start.isoformat(), end.isoformat(), str(alarm_minutes)]
            ).encode("utf-8")
        ).hexdigest()[:24]
        uid = _uid(identity, session)
        sequence, old_fingerprint, old_stamp = earlier.get(uid, (-1, "", stamp))
        if sequence < 0:
            sequence, event_stamp = 0, stamp
        elif old_fingerprint == fingerprint:
            event_stamp = old_stamp
        else:
            sequence, event_stamp = sequence + 1, stamp

        event = icalendar.Event()
        event.add("UID", uid)
        event.add("DTSTAMP", event_stamp)
        event.add("LAST-MODIFIED", event_stamp)
        event.add("SEQUENCE", sequence)
        event.add("DTSTART", start)
        event.add("DTEND", end)
        event.add("SUMMARY", vText(summary))
        event.add("DESCRIPTION", vText(description))
        event.add("CATEGORIES", ["Exercise", "routines"])
        event.add("TRANSP", "OPAQUE")
        if session.cancelled:
            event.add("STATUS", "CANCELLED")
        event.add("X-ROUTINES-FINGERPRINT", vText(fingerprint))
        if alarm_minutes is not None:
            alarm = icalendar.Alarm()
            alarm.add("ACTION", "DISPLAY")
            alarm.add("DESCRIPTION", vText(summary))
            alarm.add("TRIGGER", dt.timedelta(minutes=-alarm_minutes))
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _is_export_of(data: bytes, identity: str) -> bool | None:
    """True/False for an iCalendar file of this plan or not; None if not iCalendar."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError):
        return None
    return str(calendar.get("X-ROUTINES-PLAN", "")) == identity


def write_ics(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    alarm_minutes: int | None = 15,
    force: bool = False,
    now: dt.datetime | None = None,
) -> Path:
    """Write (or update) ``path`` with the plan's calendar, atomically.

    An existing export of the same plan is the normal update path: UIDs are kept
    and SEQUENCE rises only on changed events. Any other existing file is left
    untouched unless ``force`` is true.
    """
    target = Path(path)
    previous = None
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name such as {target / 'plan.ics'}")
    if target.exists():
        try:
            previous = target.read_bytes()
        except OSError as exc:
            raise ExportError(f"{target}: cannot be read ({exc})") from None
        if _is_export_of(previous, plan_identity(plan)) is not True:
            if not force:
                raise ExportError(
                    f"{target}: exists and is not a calendar of this plan; choose another "
                    "file name, or add --force to overwrite it"
                )
            previous = None
    data = to_ics(plan, alarm_minutes=alarm_minutes, previous=previous, now=now)
    return write_atomic(target, data)
