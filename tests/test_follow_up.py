"""The follow-up loop as people live it, through the command line: plan -> log ->
adapt -> re-plan -> adapt, with the calendar read back by an independent parser
(vobject). The scenarios of the issue, as written: a red-flag stop that re-planning
must not undo, a second adapt that must not rewrite the past, a skipped deload, pain
on one exercise, a session done on Tuesday, an alarm of none kept, cancelled
sessions that no longer nag, and a shorter re-plan that cancels instead of deleting.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import vobject

from clitools import run_cli
from routines import Plan
from routines._plan import BlockKind, Item, Session
from routines.log.store import TrainingLog

RED_FLAG_PLAN = ("plan", "--tz", "America/New_York", "--start", "2027-03-01", "--weeks", "4",
                 "--name", "Red flag test", "--pdf", "none")  # fmt: skip


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run_cli(capsys, *argv)
    assert status == 0, err
    return out


def events(path: Path = Path("plan.ics")) -> dict[dt.date, vobject.base.Component]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {e.dtstart.value.date(): e for e in calendar.vevent_list}


def text_of(event: vobject.base.Component) -> str:
    return str(event.serialize())


def status(event: vobject.base.Component) -> str:
    return str(event.status.value) if hasattr(event, "status") else "CONFIRMED"


def sequence(event: vobject.base.Component) -> int:
    return int(event.sequence.value)


def session(day: dt.date) -> Session:
    return next(s for s in Plan.read("plan.json").sessions if s.date == day)


def strength(s: Session) -> tuple[Item, ...]:
    return s.block(BlockKind.STRENGTH).items


def item_arg(item: Item, pain: int = 0, extra: int = 0) -> str:
    amount = ("reps", item.reps) if item.reps is not None else ("hold", item.amount)
    return f"{item.exercise}:sets={item.sets},{amount[0]}={(amount[1] or 0) + extra},pain={pain}"


def log_as_planned(capsys: pytest.CaptureFixture[str], day: dt.date, extra: int = 0) -> None:
    items = [arg for i in strength(session(day)) for arg in ("--item", item_arg(i, 0, extra))]
    ok(capsys, "log", "--date", str(day), *items, "--pain", "0")


def assert_not_nagging(event: vobject.base.Component) -> None:
    assert status(event) == "CANCELLED"
    assert event.transp.value == "TRANSPARENT"
    assert not hasattr(event, "valarm"), "a cancelled session must not remind anyone"
    assert "Move on" not in event.description.value
    assert "Cancelled" in event.description.value


def test_a_red_flag_stop_survives_re_planning_until_a_clearance(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, *RED_FLAG_PLAN)
    first = strength(session(dt.date(2027, 3, 3)))[0]
    out = ok(capsys, "log", "--date", "2027-03-03", "--item", item_arg(first, pain=3),
             "--pain", "3", "--red-flag", "dizziness")  # fmt: skip
    assert "STOP: " in out and "--cleared-by" in out
    ok(capsys, "adapt", "--today", "2027-03-04")
    stopped = events()
    cancelled = [d for d, e in stopped.items() if status(e) == "CANCELLED"]
    assert len(cancelled) == 10 and min(cancelled) == dt.date(2027, 3, 5)
    for day in cancelled:
        assert_not_nagging(stopped[day])

    # the same `routines plan` again: says so, and the calendar does not move
    out = ok(capsys, *RED_FLAG_PLAN)
    assert "STOP: On Wed 03 Mar 2027 you reported: dizziness" in out
    again = events()
    assert {d: text_of(e) for d, e in again.items()} == {d: text_of(e) for d, e in stopped.items()}
    # not even --force, nor a fresh feed of the plan file, undoes it
    out = ok(capsys, *RED_FLAG_PLAN, "--force")
    assert "--force cannot undo a stop" in out and "STOP: " in out
    assert {d: sequence(e) for d, e in events().items()} == {
        d: sequence(e) for d, e in stopped.items()
    }
    Path("public").mkdir()
    assert "STOP: " in ok(capsys, "feed", "public", "--plan", "plan.json")

    # cleared on the 15th: the sessions from then on come back, the rest stay cancelled
    out = ok(capsys, "log", "--cleared-by", "Dr Smith", "--date", "2027-03-15")
    assert "Dr Smith cleared you to train again from Mon 15 Mar 2027" in out
    out = ok(capsys, "adapt", "--today", "2027-03-15")
    assert "STOP" not in out
    cleared = events()
    for day, event in cleared.items():
        back = day >= dt.date(2027, 3, 15)
        assert (status(event) == "CANCELLED") == (
            dt.date(2027, 3, 5) <= day < dt.date(2027, 3, 15)
        ), day
        assert sequence(event) >= sequence(stopped[day])  # SEQUENCE only rises
        if back:
            assert sequence(event) == sequence(stopped[day]) + 1 and hasattr(event, "valarm")
    assert Plan.read("plan.json").stopped is None


def test_a_red_flag_on_a_rest_day_is_recorded_that_day_and_stops_the_next_session(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, *RED_FLAG_PLAN)  # Mon, Wed, Fri from Mon 1 March
    out = ok(capsys, "log", "--date", "2027-03-02", "--red-flag", "dizziness")  # a Tuesday
    assert "logged Tue 02 Mar 2027: reported, RED FLAGS: dizziness" in out
    assert "STOP: On Tue 02 Mar 2027 you reported: dizziness" in out
    ok(capsys, "adapt", "--today", "2027-03-02")
    cancelled = sorted(d for d, e in events().items() if status(e) == "CANCELLED")
    assert cancelled[0] == dt.date(2027, 3, 3) and len(cancelled) == 11  # from the next one
    shown = ok(capsys, "log", "--show")
    assert "Tue 02 Mar 2027: reported, RED FLAGS: dizziness" in shown
    # anything but a red flag on a rest day still has to name its session
    status_, _, err = run_cli(capsys, "log", "--date", "2027-03-02", "--pain", "2")
    assert status_ == 1 and "is not a session day" in err


def test_a_red_flag_logged_for_another_day_stops_from_the_day_it_was_felt(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, *RED_FLAG_PLAN)
    # Wednesday's session done early, on Tuesday, with a red flag: the stop dates from
    # Tuesday (the session itself is logged, so it is the past); the rest is cancelled
    out = ok(capsys, "log", "--date", "2027-03-02", "--for", "2027-03-03",
             "--red-flag", "chest_pain")  # fmt: skip
    assert "STOP: On Tue 02 Mar 2027 you reported" in out
    ok(capsys, "adapt", "--today", "2027-03-02")
    cancelled = sorted(d for d, e in events().items() if status(e) == "CANCELLED")
    assert cancelled[0] == dt.date(2027, 3, 5) and len(cancelled) == 10


def test_a_second_adapt_keeps_the_past_as_the_first_published_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "4", "--pdf", "none")
    for day in (dt.date(2027, 3, 1), dt.date(2027, 3, 3), dt.date(2027, 3, 5)):
        log_as_planned(capsys, day)
    hurt = strength(session(dt.date(2027, 3, 17)))[1]
    ok(capsys, "log", "--date", "2027-03-17", "--item", item_arg(hurt, pain=7), "--pain", "7")
    ok(capsys, "adapt", "--today", "2027-03-18")
    friday = dt.date(2027, 3, 19)
    changed = session(friday)
    assert changed.changes, "the pain changed the next session"
    first = events()
    log_as_planned(capsys, friday)
    out = ok(capsys, "adapt", "--today", "2027-03-22")
    assert session(friday) == changed  # the JSON's past: as first adapted
    second = events()
    for day, event in first.items():  # the calendar's past: byte for byte
        if day < dt.date(2027, 3, 22):
            assert text_of(second[day]) == text_of(event), day
        assert sequence(second[day]) >= sequence(event)
    assert "Week" in out


def test_a_skipped_deload_week_does_not_halve_the_next(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2026-11-02", "--weeks", "6", "--pdf", "none")
    plan = Plan.read("plan.json")
    assert plan.weeks[3].deload
    for week in plan.weeks[:3]:
        for s in week.sessions:
            log_as_planned(capsys, s.date)
    for s in plan.weeks[3].sessions:
        ok(capsys, "log", "--date", str(s.date), "--skipped")
    ok(capsys, "adapt", "--today", "2026-11-30")
    adapted = Plan.read("plan.json")
    week3 = {i.track: i for s in plan.weeks[2].sessions for i in strength(s)}
    for s in adapted.weeks[4].sessions:
        for item in strength(s):
            if item.track in week3:
                assert item.sets >= week3[item.track].sets, (item, week3[item.track])


def test_pain_on_one_exercise_stays_with_it_and_good_sessions_let_the_rest_go_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "4", "--pdf", "none")
    monday = dt.date(2027, 3, 1)
    items = strength(session(monday))
    hurt = items[0]
    ok(capsys, "log", "--date", str(monday), "--item", item_arg(hurt, pain=7),
       *(a for i in items[1:] for a in ("--item", item_arg(i))), "--pain", "7")  # fmt: skip
    for day in (dt.date(2027, 3, 3), dt.date(2027, 3, 5)):
        log_as_planned(capsys, day, extra=2)  # pain-free, target beaten
    ok(capsys, "adapt", "--today", "2027-03-08")
    for s in Plan.read("plan.json").weeks[1].sessions:
        for item in strength(s):
            if item.change and item.track != hurt.track:
                assert "pain" not in item.change, item.change
    hurt_now = [i for s in Plan.read("plan.json").weeks[1].sessions for i in strength(s)
                if i.track == hurt.track]  # fmt: skip
    for item in hurt_now:  # never back at the dose that hurt without two pain-free sessions
        assert item.change is not None or (item.sets, item.amount) != (hurt.sets, hurt.amount)


def test_after_pain_the_easier_variant_stays_until_two_pain_free_sessions_are_logged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "8", "--pdf", "none")
    monday = dt.date(2027, 3, 1)
    hurt = next(i for i in strength(session(monday)) if i.exercise == "band-row")
    planned = {s.date: s for s in Plan.read("plan.json").sessions}
    ok(capsys, "log", "--date", str(monday), "--item", item_arg(hurt, pain=7), "--pain", "7")
    out = ok(capsys, "adapt", "--today", "2027-03-02")
    assert "pain 7/10 with Band row on Mon 01 Mar" in out  # the exercise named
    assert "  Weeks 2-8:" in out and out.count("because pain 7/10") == 2  # said once a run
    rows = {s.date: i for s in Plan.read("plan.json").sessions for i in strength(s)
            if i.track == hurt.track and not s.cancelled}  # fmt: skip
    later = [day for day in rows if day > monday]
    assert len(later) >= 20  # every coming session of the line, not only this week's
    for day in later:
        assert rows[day].exercise != "band-row" and "pain 7/10" in (rows[day].change or "")

    # two pain-free sessions logged: back at the dose that hurt for a week, then a step
    for day in (dt.date(2027, 3, 3), dt.date(2027, 3, 5)):
        log_as_planned(capsys, day)
    ok(capsys, "adapt", "--today", "2027-03-06")
    rows = {s.date: i for s in Plan.read("plan.json").sessions for i in strength(s)
            if i.track == hurt.track}  # fmt: skip
    back, after = rows[dt.date(2027, 3, 8)], rows[dt.date(2027, 3, 15)]
    original = next(i for i in strength(planned[dt.date(2027, 3, 8)]) if i.track == hurt.track)
    assert original.amount > hurt.amount  # the plan itself would have stepped up
    assert (back.exercise, back.sets, back.amount) == ("band-row", hurt.sets, hurt.amount)
    assert back.change is not None and "back after two pain-free sessions" in back.change
    assert after.exercise == "band-row" and after.amount == original.amount  # one step


def test_a_feed_made_from_the_request_keeps_what_the_log_changed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, *RED_FLAG_PLAN)
    monday = dt.date(2027, 3, 1)
    hurt = strength(session(monday))[0]
    ok(capsys, "log", "--date", str(monday), "--item", item_arg(hurt, pain=7), "--pain", "7")
    ok(capsys, "adapt", "--today", "2027-03-02")
    out = ok(capsys, "feed", "public", *RED_FLAG_PLAN[1:9])  # the plan's request, no --plan
    assert "Kept what your training log changed" in out
    (feed,) = Path("public").glob("*.ics")
    published = events(feed)

    def said(calendar: dict[dt.date, vobject.base.Component]) -> dict[dt.date, tuple[str, str]]:
        return {d: (e.summary.value, e.description.value) for d, e in calendar.items()}

    assert said(published) == said(events())  # the feed says what plan.ics says
    assert any("(changed)" in str(e.summary.value) for e in published.values())


def test_a_session_done_on_tuesday_counts_for_monday(capsys: pytest.CaptureFixture[str]) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2026-11-09", "--weeks", "2", "--pdf", "none")
    first = strength(session(dt.date(2026, 11, 9)))[0]
    status, _, err = run_cli(capsys, "log", "--date", "2026-11-10", "--item", item_arg(first))
    assert status == 1 and "--for DATE such as --for 2026-11-09" in err
    out = ok(capsys, "log", "--date", "2026-11-10", "--for", "2026-11-09", "--item",
             item_arg(first))  # fmt: skip
    assert "Mon 09 Nov 2026 (done Tue 10 Nov)" in out
    with TrainingLog("plan.log.sqlite") as log:
        (entry,) = log.entries()
    assert (entry.date, entry.done_on) == (dt.date(2026, 11, 9), dt.date(2026, 11, 10))


def test_loads_in_pounds_are_stored_in_kilograms_and_shown_in_pounds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2026-11-09", "--weeks", "1", "--pdf", "none")
    first = strength(session(dt.date(2026, 11, 9)))[0]
    ok(capsys, "log", "--date", "2026-11-09", "--unit", "lb", "--item",
       f"{first.exercise}:sets=2,load=22")  # fmt: skip
    with TrainingLog("plan.log.sqlite") as log:
        assert log.entries()[0].items[0].load_kg == pytest.approx(9.98, abs=0.01)
    assert "@22 lb" in ok(capsys, "log", "--show")


def test_the_alarm_is_the_plans_and_adapt_keeps_it(capsys: pytest.CaptureFixture[str]) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "2", "--pdf", "none",
       "--alarm", "none")  # fmt: skip
    assert not any(hasattr(e, "valarm") for e in events().values())
    log_as_planned(capsys, dt.date(2027, 3, 1))
    before = events()
    ok(capsys, "adapt", "--today", "2027-03-02")
    after = events()
    assert not any(hasattr(e, "valarm") for e in after.values())
    assert text_of(after[dt.date(2027, 3, 1)]) == text_of(before[dt.date(2027, 3, 1)])
    # a feed of 30 minutes stays at 30 through adapt --feed
    Path("feed").mkdir()
    ok(capsys, "adapt", "--today", "2027-03-02", "--alarm", "30", "--feed", "feed")
    (feed,) = Path("feed").iterdir()
    triggers = {e.valarm.trigger.value for e in events(feed).values() if hasattr(e, "valarm")}
    assert triggers == {dt.timedelta(minutes=-30)}
    assert Plan.read("plan.json").request.alarm == 30


def test_alarm_and_paper_are_config_fields(capsys: pytest.CaptureFixture[str]) -> None:
    Path("plan.toml").write_text('alarm = "none"\npaper = "letter"\ntimezone = "UTC"\n')
    ok(capsys, "plan", "--config", "plan.toml", "--weeks", "1")
    request = Plan.read("plan.json").request
    assert (request.alarm, request.paper) == (None, "letter")


def test_a_shorter_re_plan_cancels_the_dropped_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    common = ("plan", "--tz", "UTC", "--start", "2030-01-07", "--pdf", "none")
    ok(capsys, *common, "--weeks", "8")
    ok(capsys, *common, "--weeks", "6")
    found = events()
    assert len(found) == 24  # nothing deleted
    for day, event in found.items():
        if day >= dt.date(2030, 2, 18):
            assert_not_nagging(event)
            assert sequence(event) == 1
        else:
            assert status(event) != "CANCELLED"


def test_adapt_groups_its_changes_by_week_and_says_each_reason_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "4", "--pdf", "none")
    for day in (dt.date(2027, 3, 1), dt.date(2027, 3, 3), dt.date(2027, 3, 5)):
        ok(capsys, "log", "--date", str(day), "--skipped")
    out = ok(capsys, "adapt", "--today", "2027-03-08")
    body = out.split("Changes to the coming sessions:")[1]
    reasons = [line.strip() for line in body.splitlines() if line.strip().startswith("because")]
    weeks = [line.strip() for line in body.splitlines() if line.strip().startswith("Week ")]
    assert weeks == sorted(set(weeks), key=weeks.index)  # each week once, in order
    per_week = body.split("  Week ")
    for part in per_week:
        said = [line for line in part.splitlines() if line.strip().startswith("because")]
        assert len(said) == len(set(said))
    assert reasons
    titles = [e.summary.value for e in events().values()]
    assert any(title.endswith("(changed)") for title in titles)


def test_the_progress_chart_as_svg_and_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    ok(capsys, "plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "3", "--pdf", "none")
    for day, pain in ((dt.date(2027, 3, 1), 4), (dt.date(2027, 3, 8), 2)):
        first = strength(session(day))[0]
        ok(capsys, "log", "--date", str(day), "--item", item_arg(first, pain), "--pain", str(pain))
    ok(capsys, "log", "--show", "--chart", "progress.svg")
    tree = ET.parse("progress.svg")  # noqa: S314 - our own file
    texts = "".join(el.text or "" for el in tree.iter() if el.tag.endswith("text"))
    assert "Worst pain each week" in texts and "Sessions done" in texts and "wk 2" in texts
    ok(capsys, "log", "--show", "--chart", "progress.pdf")
    reader = PdfReader("progress.pdf")
    assert len(reader.pages) == 1 and "Strength sets done" in reader.pages[0].extract_text()
    status, _, err = run_cli(capsys, "log", "--show", "--chart", "progress.png")
    assert status == 1 and "a chart is a .pdf or .svg file" in err


def test_the_adapted_pdf_shows_progress_and_the_referral(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pypdf import PdfReader

    ok(capsys, "plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "5", "--pdf", "none")
    plan = Plan.read("plan.json")
    for week, pain in zip(plan.weeks[:3], (2, 3, 4), strict=True):  # rising three weeks
        day = week.sessions[0].date
        first = strength(week.sessions[0])[0]
        ok(capsys, "log", "--date", str(day), "--item", item_arg(first, pain), "--pain", str(pain))
    assert "See a professional" in ok(capsys, "log", "--show")
    ok(capsys, "adapt", "--today", "2027-03-22", "--pdf", "rest.pdf")
    text = "".join(page.extract_text() for page in PdfReader("rest.pdf").pages)
    assert "Your progress so far" in text and "Worst pain each week" in text
    assert b"/BaseFont /Helvetica" not in Path("rest.pdf").read_bytes()  # embedded fonts only
    assert "See a professional" in text
    adapted = Plan.read("plan.json")
    assert adapted.referral and "rose week after week" in adapted.referral
    coming = events()[max(events())].description.value
    assert "See a professional" in coming
    assert "See a professional" not in events()[dt.date(2027, 3, 1)].description.value
    data = json.loads(Path("plan.json").read_text(encoding="utf-8"))
    assert [w["worst_pain"] for w in data["progress"]][:3] == [2, 3, 4]


def test_batch_does_not_undo_a_stop(capsys: pytest.CaptureFixture[str]) -> None:
    from routines import batch

    Path("out").mkdir()
    row = {"name": "Ann", "start": "2027-03-01", "weeks": "2", "timezone": "UTC"}
    report = batch([row], "out", workers=1)
    assert report.ok, report
    first = strength(next(Plan.read("out/ann.json").sessions))[0]
    ok(capsys, "log", "--plan", "out/ann.json", "--date", "2027-03-01", "--item",
       item_arg(first), "--red-flag", "chest_pain")  # fmt: skip
    ok(capsys, "adapt", "--plan", "out/ann.json", "--today", "2027-03-02")
    before = Path("out/ann.ics").read_bytes()
    again = batch([row], "out", workers=1)  # done before: left as it is
    assert again.skipped == 1 and again.failed == ()
    for force in (False, True):  # made again (--redo), even with --force: refused
        report = batch([row], "out", workers=1, force=force, resume=False)
        (failure,) = report.failed
        assert "this plan was stopped" in failure.reason and "--cleared-by" in failure.reason
    assert Path("out/ann.ics").read_bytes() == before
