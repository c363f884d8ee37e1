"""Calendar export speed: routines' to_ics against bare icalendar.

Run: python benchmarks/bench_ics.py [--runs N]

Target (issue 4): a 52-week x 6-day plan within 1.5x of the floor, which is bare
icalendar serialising the same events (same summaries, descriptions, times with
TZID, UIDs, VTIMEZONE and alarms) in the same run. Medians of repeated runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import zoneinfo

import icalendar
from _timing import median_ms

from routines import Plan, PlanRequest, load_catalogue, plan
from routines.exporters.ics import to_ics
from routines.exporters.text import session_lines, session_title

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def bare(p: Plan, texts: list[tuple[str, str]]) -> bytes:
    """The floor: the same calendar content built directly with icalendar."""
    zone = zoneinfo.ZoneInfo(p.request.timezone)
    calendar = icalendar.Calendar()
    calendar.add("PRODID", "-//bench//EN")
    calendar.add("VERSION", "2.0")
    calendar.add_component(
        icalendar.Timezone.from_tzid(
            p.request.timezone, first_date=p.request.start, last_date=p.request.end
        )
    )
    for index, (session, (summary, description)) in enumerate(zip(p.sessions, texts, strict=True)):
        start = dt.datetime.combine(session.date, session.start, tzinfo=zone)
        event = icalendar.Event()
        event.add("UID", f"{index}@bench")
        event.add("DTSTAMP", NOW)
        event.add("SEQUENCE", 0)
        event.add("DTSTART", start)
        event.add("DTEND", start + dt.timedelta(minutes=session.minutes))
        event.add("SUMMARY", summary)
        event.add("DESCRIPTION", description)
        event.add("CATEGORIES", ["Exercise", "routines"])
        alarm = icalendar.Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", summary)
        alarm.add("TRIGGER", dt.timedelta(minutes=-15))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    request = PlanRequest(
        start=dt.date(2026, 1, 5), weeks=52, days="mon,tue,wed,thu,fri,sat",
        timezone="Europe/Berlin",
    )  # fmt: skip
    p = plan(request, load_catalogue())
    texts = [
        (session_title(w, s), "\n".join(session_lines(p, s))) for w in p.weeks for s in w.sessions
    ]  # precomputed: the floor does no text work of its own
    ours = median_ms(lambda: to_ics(p, now=NOW), runs)
    previous = to_ics(p, now=NOW)
    update = median_ms(lambda: to_ics(p, previous=previous, now=NOW), runs)
    floor = median_ms(lambda: bare(p, texts), runs)
    sessions = len(texts)
    print(f"52 weeks x 6 days: {sessions} events, {len(previous) / 1e6:.1f} MB")
    print(f"bare icalendar, same events (floor)  {floor:8.1f} ms")
    ratio = ours / floor
    print(
        f"routines to_ics                      {ours:8.1f} ms   ratio {ratio:4.2f} x (target 1.5)"
    )
    print(f"routines to_ics updating a previous  {update:8.1f} ms   ratio {update / floor:4.2f} x")


if __name__ == "__main__":
    main()
