"""iCalendar export: read back by icalendar AND by an independent parser (vobject)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import zoneinfo
from pathlib import Path

import icalendar
import pytest
import vobject
from hypothesis import given, settings

from routines import Catalogue, ExportError, Plan, PlanRequest, load_catalogue, plan
from routines.exporters.ics import plan_identity, to_ics, write_ics
from routines.exporters.sessions import short_name
from strategies import calendar_requests

CATALOGUE = load_catalogue()
NOW = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)


def read_with_vobject(data: bytes) -> vobject.base.Component:
    """Parse as a calendar app does: one file, fresh. vobject otherwise keeps every
    VTIMEZONE it has seen in a process-wide registry keyed by TZID, and would read
    this file's times with another file's rules."""
    registry = getattr(vobject.icalendar, "__tzidMap")
    for tzid in [key for key in registry if key != "UTC"]:
        del registry[tzid]
    return vobject.readOne(data.decode("utf-8"))


def lines_of(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "every line ends in CRLF"
    return data.split(b"\r\n")[:-1]


def unescape(text: str) -> str:
    """RFC 5545 TEXT unescaping (3.3.11)."""
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def unfolded(data: bytes) -> list[str]:
    """Content lines after unfolding (RFC 5545 3.1), read by hand."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


@settings(max_examples=30)
@given(calendar_requests())
def test_exports_read_back_identically_in_two_parsers(request: PlanRequest) -> None:
    p = plan(request, CATALOGUE)
    data = to_ics(p, now=NOW)
    sessions = list(p.sessions)

    # RFC 5545 framing, checked on the raw bytes
    for line in lines_of(data):
        assert len(line) <= 75, line
    raw = unfolded(data)
    assert not any(line.startswith("METHOD") for line in raw)
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in raw
    assert "X-PUBLISHED-TTL:PT12H" in raw
    in_timezone = False
    for content in raw:
        in_timezone = {"BEGIN:VTIMEZONE": True, "END:VTIMEZONE": False}.get(content, in_timezone)
        assert not (in_timezone and content.startswith("COMMENT")), "libical rejects this"

    # icalendar
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(sessions)
    assert len({str(e["UID"]) for e in events}) == len(events)
    # icalendar hands these two back raw (vUnknown), still escaped
    assert unescape(str(calendar["X-WR-CALNAME"])) == p.title == unescape(str(calendar["NAME"]))
    for event, session in zip(events, sessions, strict=True):
        assert str(event["SUMMARY"]).startswith(f"{short_name(p)}: ")
        assert "Not medical advice" in str(event["DESCRIPTION"])
        assert event.decoded("DTSTART").date() == session.date

    # vobject, an independent parser
    parsed = read_with_vobject(data)
    assert parsed.x_wr_calname.value == p.title, "the calendar name survives intact"
    zone = zoneinfo.ZoneInfo(request.timezone)
    read = sorted(parsed.vevent_list, key=lambda e: e.dtstart.value)
    assert len(read) == len(sessions)
    for event, session in zip(read, sessions, strict=True):
        start = event.dtstart.value
        local = start.astimezone(zone) if request.timezone != "UTC" else start
        expected = dt.datetime.combine(session.date, session.start, tzinfo=zone)
        assert start.astimezone(dt.UTC) == expected.astimezone(dt.UTC), "the same instant"
        assert (local.date(), local.time().replace(tzinfo=None)) == (
            session.date,
            session.start,
        ) or _in_a_gap(expected), "the same wall-clock time"
        assert event.summary.value.startswith(f"{short_name(p)}: ")
        assert "Not medical advice" in event.description.value
        assert event.valarm.trigger.value == dt.timedelta(minutes=-15)


def _in_a_gap(moment: dt.datetime) -> bool:
    """Wall-clock times that do not exist (a spring-forward gap) move by an hour."""
    round_trip = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
    return round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None)


@pytest.mark.parametrize(
    ("zone", "start"),
    [("Europe/Berlin", dt.date(2026, 3, 23)), ("America/New_York", dt.date(2026, 3, 2))],
)
def test_same_local_time_on_both_sides_of_a_dst_change(zone: str, start: dt.date) -> None:
    p = plan(PlanRequest(start=start, weeks=2, timezone=zone, time=dt.time(7, 0)), CATALOGUE)
    parsed = read_with_vobject(to_ics(p, now=NOW))
    tz = zoneinfo.ZoneInfo(zone)
    offsets = set()
    for event in parsed.vevent_list:
        local = event.dtstart.value.astimezone(tz)
        assert local.time() == dt.time(7, 0), (zone, local)
        offsets.add(local.utcoffset())
    assert len(offsets) == 2, "the plan really crosses the change"


@pytest.mark.parametrize(
    "zone", ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Europe/London"]
)
def test_the_vtimezone_changes_the_clocks_when_the_zone_does(zone: str) -> None:
    """Read by vobject (not icalendar, which wrote it), the VTIMEZONE gives the same
    offset as the zone itself on every hour around every change of the plan's
    year: each onset is in the offset before the change, as RFC 5545 says."""
    p = plan(PlanRequest(start=dt.date(2027, 1, 4), weeks=52, timezone=zone), CATALOGUE)
    tzinfo = read_with_vobject(to_ics(p, now=NOW)).vtimezone.gettzinfo()
    real = zoneinfo.ZoneInfo(zone)
    hour, moment = dt.timedelta(hours=1), dt.datetime(2027, 1, 4, tzinfo=dt.UTC)
    checked = 0
    while moment < dt.datetime(2028, 1, 1, tzinfo=dt.UTC):
        if moment.astimezone(real).utcoffset() != (moment + hour).astimezone(real).utcoffset():
            for near in (moment - hour, moment, moment + hour, moment + 2 * hour):
                assert near.astimezone(tzinfo).utcoffset() == near.astimezone(real).utcoffset(), (
                    zone, near
                )  # fmt: skip
            checked += 1
        moment += hour
    assert checked == 2  # the two changes of 2027


def changed_copy(p: Plan, catalogue: Catalogue) -> Plan:
    """The same plan (same identity) with a later start time in week 2 only."""
    request = p.request
    later = plan(
        PlanRequest(
            start=request.start,
            weeks=request.weeks,
            days=request.days,
            minutes=request.minutes,
            time=dt.time(18, 0),
            timezone=request.timezone,
            name=request.name,
        ),
        catalogue,
    )
    import attrs

    weeks = list(p.weeks)
    weeks[1] = later.weeks[1]
    return attrs.evolve(p, weeks=tuple(weeks))


def test_regenerating_keeps_uids_and_bumps_only_changed_sequences() -> None:
    p = plan(
        PlanRequest(start=dt.date(2026, 1, 5), weeks=3, name="Mine", timezone="UTC"), CATALOGUE
    )
    first = to_ics(p, now=NOW)
    changed = changed_copy(p, CATALOGUE)
    later_now = NOW + dt.timedelta(days=3)
    second = to_ics(changed, previous=first, now=later_now)

    def events(data: bytes) -> dict[str, icalendar.cal.Component]:
        return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}

    old, new = events(first), events(second)
    assert old.keys() == new.keys()
    week2 = {s.date for s in changed.weeks[1].sessions}
    for uid, event in new.items():
        day = event.decoded("DTSTART").date()
        if day in week2:
            assert int(str(event["SEQUENCE"])) == int(str(old[uid]["SEQUENCE"])) + 1
            assert event.decoded("DTSTAMP") == later_now
        else:
            assert int(str(event["SEQUENCE"])) == int(str(old[uid]["SEQUENCE"]))
            assert event.decoded("DTSTAMP") == event.decoded("DTSTAMP") == NOW
    # importing both into a UID-keyed store (as calendar apps do) duplicates nothing
    store: dict[str, icalendar.cal.Component] = {}
    for data in (first, second):
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            uid = str(event["UID"])
            if uid not in store or int(str(event["SEQUENCE"])) >= int(str(store[uid]["SEQUENCE"])):
                store[uid] = event
    assert len(store) == len(list(p.sessions))
    # an unchanged re-export changes nothing at all
    assert to_ics(changed, previous=second, now=later_now + dt.timedelta(days=1)) == second


def test_identity_survives_time_minutes_and_equipment_changes() -> None:
    base = PlanRequest(start=dt.date(2026, 1, 5), name="Mine", timezone="UTC")
    other = PlanRequest(
        start=dt.date(2026, 1, 5), name="Mine", timezone="UTC", minutes=45,
        time=dt.time(18, 0), equipment=("dumbbell",),
    )  # fmt: skip
    assert plan_identity(plan(base, CATALOGUE)) == plan_identity(plan(other, CATALOGUE))
    renamed = PlanRequest(start=dt.date(2026, 1, 5), name="Yours", timezone="UTC")
    assert plan_identity(plan(renamed, CATALOGUE)) != plan_identity(plan(base, CATALOGUE))
    pinned = PlanRequest(start=dt.date(2026, 1, 5), name="Yours", id="abc", timezone="UTC")
    assert plan_identity(plan(pinned, CATALOGUE)).startswith("abc-")


def test_alarm_is_configurable() -> None:
    p = plan(PlanRequest(weeks=1, timezone="UTC"), CATALOGUE)
    none = icalendar.Calendar.from_ical(to_ics(p, alarm_minutes=None, now=NOW))
    assert not list(none.walk("VALARM"))
    thirty = icalendar.Calendar.from_ical(to_ics(p, alarm_minutes=30, now=NOW))
    triggers = {a.decoded("TRIGGER") for a in thirty.walk("VALARM")}
    assert triggers == {dt.timedelta(minutes=-30)}
    with pytest.raises(ExportError, match="alarm"):
        to_ics(p, alarm_minutes=-5)


def test_write_ics_updates_its_own_file_and_guards_others(tmp_path: Path) -> None:
    p = plan(PlanRequest(weeks=1, name="Mine", timezone="UTC"), CATALOGUE)
    target = tmp_path / "plan.ics"
    write_ics(p, target, now=NOW)
    write_ics(p, target, now=NOW)  # the normal update path needs no force
    assert [f.name for f in tmp_path.iterdir()] == ["plan.ics"]

    other = tmp_path / "notes.ics"
    other.write_text("my precious notes")
    with pytest.raises(ExportError, match=r"not a file of this plan; .* pass force=True"):
        write_ics(p, other)
    assert other.read_text() == "my precious notes"
    someone_else = plan(PlanRequest(weeks=1, name="Theirs", timezone="UTC"), CATALOGUE)
    with pytest.raises(ExportError):
        write_ics(someone_else, target)
    write_ics(p, other, force=True)
    assert icalendar.Calendar.from_ical(other.read_bytes()).walk("VEVENT")


def test_a_failing_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = plan(PlanRequest(weeks=1, name="Mine", timezone="UTC"), CATALOGUE)
    target = tmp_path / "plan.ics"
    write_ics(p, target, now=NOW)
    before = target.read_bytes()

    def boom(*args: object, **kwargs: object) -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(ExportError, match=r"plan\.ics: cannot write it: the disk is full"):
        write_ics(p, target, now=NOW + dt.timedelta(days=1))
    assert target.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["plan.ics"]
