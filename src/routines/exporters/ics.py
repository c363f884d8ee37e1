"""iCalendar export: one event per session, stable UIDs, feeds that update in place.

Built with icalendar (imported only here, so ``import routines`` stays light).
Each export records the plan's identity (``X-ROUTINES-PLAN``), so a later export
of the same plan keeps the UIDs and raises SEQUENCE only on events that changed
(:mod:`routines.exporters.ics_events`). The past is fixed: an event of an earlier
export that has begun is kept exactly as it was. A session gone from the plan is
published as cancelled, not deleted. A stopped plan's calendar says so
(``X-ROUTINES-STOPPED``), and only a plan that went through its training log again
may replace it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import icalendar
from icalendar.prop import vText

from routines._plan import Plan, plan_identity
from routines._version import version
from routines.errors import ExportError
from routines.exporters.defaults import FROM_PLAN, Alarm
from routines.exporters.ics_events import (
    cancelled_copy,
    earlier_events,
    event_for,
    uid_of,
    zone_of,
)
from routines.exporters.sessions import handout_of

__all__ = ["FROM_PLAN", "plan_identity", "read_calendar", "to_ics", "write_ics"]

#: The calendar's colour (RFC 7986: a CSS3 colour name).
COLOR = "steelblue"
#: How often subscribed calendars should fetch the feed again.
REFRESH = dt.timedelta(hours=12)


def _onset(local: dt.datetime, before: dt.timedelta, after: dt.timedelta, zone: Any) -> dt.datetime:
    """The onset of an observance as RFC 5545 wants it: the wall-clock time in the
    offset in use *before* the change (``TZOFFSETFROM``). icalendar writes the
    spring change in the offset after it (03:00 for a change at 02:00), which
    independent readers take as an hour late; whichever it wrote, the true change
    is the one where ``zone`` itself goes from ``before`` to ``after``."""
    for offset in (before, after):
        instant = (local - offset).replace(tzinfo=dt.UTC)
        second = dt.timedelta(seconds=1)
        if (instant - second).astimezone(zone).utcoffset() == before and (
            instant.astimezone(zone).utcoffset() == after
        ):
            return (instant + before).replace(tzinfo=None)
    return local


def _timezone(name: str, first: dt.date, last: dt.date) -> icalendar.Timezone:
    """A VTIMEZONE covering the plan's dates (with no stray COMMENT, which libical
    rejects inside VTIMEZONE), each change given at its true onset."""
    from zoneinfo import ZoneInfo

    component = icalendar.Timezone.from_tzid(
        name, first_date=first - dt.timedelta(days=366), last_date=last + dt.timedelta(days=366)
    )
    zone = ZoneInfo(name)
    for part in component.walk():
        part.pop("COMMENT", None)
        if part.name not in ("STANDARD", "DAYLIGHT"):
            continue
        fields: Any = part  # icalendar types its values as a union of every kind
        before, after = fields["TZOFFSETFROM"].td, fields["TZOFFSETTO"].td
        if before == after:
            continue
        fields["DTSTART"].dt = _onset(fields["DTSTART"].dt, before, after, zone)
        dates = fields.get("RDATE")
        for rdate in dates if isinstance(dates, list) else [dates] if dates else []:
            for period in rdate.dts:
                period.dt = _onset(period.dt, before, after, zone)
    return component


def read_calendar(data: bytes) -> icalendar.Calendar | None:
    """The calendar in ``data``, or ``None`` when it is not iCalendar text."""
    try:
        return icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError):
        return None


def _alarm(plan: Plan, alarm_minutes: Alarm) -> int | None:
    minutes = plan.request.alarm if alarm_minutes is FROM_PLAN else alarm_minutes
    if minutes is not None and not 0 <= minutes <= 24 * 60:
        raise ExportError(f"{minutes} minutes must be 0-1440, or none", field="alarm")
    return minutes


def to_ics(
    plan: Plan,
    *,
    alarm_minutes: Alarm = FROM_PLAN,
    previous: bytes | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The plan as an iCalendar feed (RFC 5545).

    ``previous`` is an earlier export of the same plan: events keep their UID,
    SEQUENCE rises only where an event changed, an event that has begun by ``now``
    (default: the current time) stays exactly as it was, and an event whose session
    is gone is published as cancelled. ``alarm_minutes`` sets a reminder before each
    session (``None``: no reminder; default: the plan's ``alarm``).
    """
    request = plan.request
    alarm = _alarm(plan, alarm_minutes)
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    identity = plan_identity(plan)
    old = read_calendar(previous) if previous else None
    if old is not None and str(old.get("X-ROUTINES-PLAN", "")) != identity:
        old = None
    earlier = earlier_events(old)

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
    calendar.add("COLOR", vText(COLOR))
    if request.feed_url:  # RFC 7986: where the calendar lives
        calendar.add("URL", request.feed_url)
        calendar.add("SOURCE", request.feed_url, parameters={"VALUE": "URI"})
    calendar.add("X-ROUTINES-PLAN", vText(identity))
    if plan.adapted:
        calendar.add("X-ROUTINES-ADAPTED", vText(plan.adapted))
    if plan.stopped:
        calendar.add("X-ROUTINES-STOPPED", vText(plan.stopped))
    if request.timezone != "UTC":
        calendar.add_component(_timezone(request.timezone, request.start, request.end))

    today = moment.astimezone(zone_of(request.timezone)).date()
    labels = handout_of(plan).labels
    kept: set[str] = set()
    for week in plan.weeks:
        for session in week.sessions:
            uid = uid_of(identity, session)
            kept.add(uid)
            before = earlier.get(uid)
            if before is not None and session.date < today:
                calendar.add_component(before.event)  # the past is fixed
                continue
            calendar.add_component(
                event_for(
                    plan,
                    week,
                    session,
                    uid=uid,
                    alarm=alarm,
                    earlier=before,
                    stamp=moment,
                    label=labels.get(session.date),
                )
            )
    for uid, before in sorted(earlier.items()):
        if uid in kept:
            continue
        start = before.event.decoded("DTSTART")
        begun = start.date() if isinstance(start, dt.datetime) else start
        gone = before.event if begun < today else cancelled_copy(before, moment)
        calendar.add_component(gone)
    return bytes(calendar.to_ical())


def write_ics(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    alarm_minutes: Alarm = FROM_PLAN,
    force: bool = False,
    now: dt.datetime | None = None,
) -> Path:
    """Write (or update) ``path`` with the plan's calendar, atomically.

    An existing export of the same plan is the normal update path: UIDs are kept,
    SEQUENCE rises only on changed events and the past stays as it was published.
    Any other existing file is left untouched unless ``force`` is true (see
    :func:`routines.export`).
    """
    from routines.exporters.export import export

    return export(
        plan, pdf=None, json=None, ics=path, alarm_minutes=alarm_minutes, force=force, now=now
    )[0]
