"""The issue's scenario, end to end through the command line: plan, log three weeks
including a pain flare, adapt, and read the re-exported feed with an independent
parser (vobject): same events, SEQUENCE+1 exactly on the changed sessions, and
the easier variant in the session after the flare. Plus a crash of the adaptation
step, which must leave the plan and the calendar as they were."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
import vobject

from routines import Plan, load_catalogue
from routines.cli import main
from routines.planning.pool import Pool

START = dt.date(2026, 1, 5)


def events(path: Path) -> dict[str, vobject.base.Component]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {e.uid.value: e for e in calendar.vevent_list}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def test_three_weeks_with_a_pain_flare(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "plan", "--start", str(START), "--tz", "Europe/Berlin", "--weeks", "6")
    p = Plan.from_json((tmp_path / "plan.json").read_text(encoding="utf-8"))
    before = events(tmp_path / "plan.ics")
    assert {int(e.sequence.value) for e in before.values()} == {0}

    # the flare: in week 3, on an exercise the catalogue has an easier variant of
    allowed = Pool.build(load_catalogue(), p.request).allowed
    week3 = p.weeks[2].sessions
    flare_session, hurt = next(
        (s, i) for n, s in enumerate(week3) for i in s.block("strength").items
        if any(r in allowed for r in p.exercise(i.exercise).regressions)
        and any(i.track == j.track for t in p.weeks[3].sessions for j in t.items)
        and not any(i.track == j.track for t in week3[n + 1 :] for j in t.items)
    )  # the last time in week 3 that this exercise is done  # fmt: skip
    rows = []
    for week in p.weeks[:3]:
        for session in week.sessions:
            for item in session.block("strength").items:
                pain = 7 if (session, item) == (flare_session, hurt) else 1
                note = "felt fine" if pain < 5 else "sharp, between the shoulder blades"
                rows.append([session.date, "done", item.exercise, item.sets, item.reps or "",
                             item.hold_s or item.duration_s or "", "", 7, pain, "yes", "yes",
                             "", note])  # fmt: skip
    log_csv = tmp_path / "log.csv"
    with log_csv.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "status", "exercise", "sets", "reps", "hold_s", "load_kg",
                         "rpe", "pain", "settled", "form_ok", "red_flags", "notes"])  # fmt: skip
        writer.writerows(rows)
    out = run(capsys, "log", "--import", str(log_csv))
    assert "imported 9 sessions" in out

    out = run(capsys, "adapt", "--today", str(p.request.week_start(4)))
    assert "Changes to the coming sessions:" in out and "pain 7/10" in out
    adapted = Plan.from_json((tmp_path / "plan.json").read_text(encoding="utf-8"))
    after = events(tmp_path / "plan.ics")

    assert after.keys() == before.keys()  # no event added or lost
    changed = {s.date for s in adapted.sessions if s.changes}
    assert changed and all(d >= p.request.week_start(4) for d in changed)
    for uid, event in after.items():
        date = event.dtstart.value.date()
        assert int(event.sequence.value) == (1 if date in changed else 0), date
        if date not in changed:
            assert event.description.value == before[uid].description.value

    # the session after the flare uses the easier variant, and says why
    nxt = next(s for s in adapted.sessions if s.date > flare_session.date and any(
        i.track == hurt.track for i in s.items))  # fmt: skip
    item = next(i for i in nxt.items if i.track == hurt.track)
    assert item.exercise in p.exercise(hurt.exercise).regressions
    easier = adapted.exercise(item.exercise).name
    event = next(e for e in after.values() if e.dtstart.value.date() == nxt.date)
    assert easier in event.description.value
    assert "Changed after your log: pain 7/10" in event.description.value

    # adapting again with nothing new logged changes nothing in the calendar
    run(capsys, "adapt", "--today", str(p.request.week_start(4)))
    again = events(tmp_path / "plan.ics")
    assert {u: e.sequence.value for u, e in again.items()} == {
        u: e.sequence.value for u, e in after.items()
    }


def test_a_red_flag_cancels_the_coming_sessions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "plan", "--start", str(START), "--tz", "UTC", "--weeks", "2")
    first = Plan.from_json((tmp_path / "plan.json").read_text()).weeks[0].sessions[0]
    run(capsys, "log", "--date", str(first.date), "--pain", "3", "--red-flag", "numbness")
    out = run(
        capsys, "adapt", "--today", str(first.date + dt.timedelta(days=1)), "--pdf", "rest.pdf"
    )
    assert "STOP: " in out and "health professional" in out
    after = events(tmp_path / "plan.ics")
    cancelled = [e for e in after.values() if getattr(e, "status", None)]
    assert len(cancelled) == len(after) - 1
    assert all(e.status.value == "CANCELLED" and int(e.sequence.value) == 1 for e in cancelled)
    assert all(e.summary.value.startswith("Cancelled: ") for e in cancelled)
    from pypdf import PdfReader

    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "rest.pdf").pages
    )
    assert "The plan is stopped: see a health professional" in text
    assert text.count("Cancelled: plan stopped after a warning sign") == len(cancelled)
    assert f"{first.date:%A %d %B}, {first.start:%H:%M}" not in text  # only what is to come


def test_the_pdf_marks_what_changed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from pypdf import PdfReader

    run(capsys, "plan", "--start", str(START), "--tz", "UTC", "--weeks", "3")
    first = Plan.from_json((tmp_path / "plan.json").read_text()).weeks[0].sessions[0]
    hurt = first.block("strength").items[0]
    run(capsys, "log", "--date", str(first.date), "--item", f"{hurt.exercise}:pain=8")
    run(capsys, "adapt", "--today", str(first.date + dt.timedelta(days=1)), "--pdf", "rest.pdf")
    adapted = Plan.from_json((tmp_path / "plan.json").read_text())
    changed = [s for s in adapted.sessions if s.changes]
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "rest.pdf").pages
    )
    assert (
        text.count("* Changed after your log: pain 8/10")
        == sum(1 for s in changed for c in s.changes if c.startswith("pain 8/10"))
        > 0
    )
    assert adapted.adapted is not None and adapted.adapted in text


def test_a_crash_while_adapting_leaves_the_files_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "plan", "--start", str(START), "--tz", "UTC", "--weeks", "2")
    first = Plan.from_json((tmp_path / "plan.json").read_text()).weeks[0].sessions[0]
    run(capsys, "log", "--date", str(first.date), "--pain", "8")
    saved = {name: (tmp_path / name).read_bytes() for name in ("plan.json", "plan.ics")}

    def crash(*_: object, **__: object) -> bytes:
        raise RuntimeError("simulated crash while writing the calendar")

    monkeypatch.setattr("routines.exporters.ics.to_ics", crash)
    assert main(["adapt", "--today", str(first.date + dt.timedelta(days=1))]) == 70
    assert "internal error" in capsys.readouterr().err
    assert (tmp_path / "plan.ics").read_bytes() == saved["plan.ics"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["adapt", "--plan", "nope.json"], "nope.json: no such plan"),
        (["adapt"], "no training log yet"),
        (["adapt", "--today", "soon"], "--today: 'soon' is not a date"),
        (["adapt", "--feed", "nowhere"], "--feed: nowhere: no such folder"),
    ],
)
def test_adapt_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    run(capsys, "plan", "--start", str(START), "--tz", "UTC", "--weeks", "1")
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
