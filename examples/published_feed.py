"""A calendar feed to subscribe to, and why regenerating it is safe.

The script writes public/back-plan-2026.ics, writes it again from the same
plan, then once more after moving every session from 07:00 to 18:00. It reads
each version back with icalendar and compares the events: the UIDs never change,
so subscribed calendars update their events instead of adding copies, and
SEQUENCE rises only on events that changed.

Every example writes its files into the folder you run it from.

Run: python examples/published_feed.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import icalendar

import routines

FEED = Path("public/back-plan-2026.ics")


def events(data: bytes) -> dict[str, int]:
    """UID -> SEQUENCE for every event of an iCalendar file."""
    calendar = icalendar.Calendar.from_ical(data)
    return {event.uid: event.sequence for event in calendar.events}


def compare(before: bytes, after: bytes) -> None:
    old, new = events(before), events(after)
    raised = sum(1 for uid in new if uid in old and new[uid] > old[uid])
    print(f"  same UIDs: {'yes' if old.keys() == new.keys() else 'no'} ({len(new)} events)")
    print(f"  SEQUENCE raised on {raised} of {len(new)} events")


def main() -> None:
    # The `id` is the plan's identity: keep it when you change the plan and the
    # calendar keeps its events. (Without an id, the name is used.) The plan starts
    # next Monday: a calendar's past is fixed, so only coming sessions can change.
    today = dt.date.today()
    request = routines.PlanRequest(
        id="back-plan-2026",
        name="Back plan",
        start=today + dt.timedelta(days=7 - today.weekday()),
        weeks=4,
        days=("mon", "wed", "fri"),
        time=dt.time(7, 0),
        timezone="Europe/Berlin",
    )
    FEED.parent.mkdir(exist_ok=True)
    routines.write_ics(routines.plan(request), FEED)
    first = FEED.read_bytes()
    print(f"wrote {FEED}")

    # Nothing changed: the file is rewritten with the same UIDs and SEQUENCEs.
    routines.write_ics(routines.plan(request), FEED)
    second = FEED.read_bytes()
    print("regenerated from the same plan:")
    compare(first, second)

    # Sessions move to the evening: same UIDs, SEQUENCE one higher on each.
    # (Requests are frozen; attrs.evolve makes a changed copy.)
    evening = routines.plan(attrs.evolve(request, time=dt.time(18, 0)))
    routines.write_ics(evening, FEED)
    print("regenerated with sessions at 18:00 instead of 07:00:")
    compare(second, FEED.read_bytes())

    print(f"\nTo subscribe from this computer, serve the folder:\n  routines serve {FEED.parent}/")
    print("then add the webcal:// address it prints to your calendar (see docs/calendar.md).")
    print("`routines feed public/` does the same as this script and names the file with a")
    print("random token, so the address cannot be guessed; treat it as private either way.")


if __name__ == "__main__":
    main()
