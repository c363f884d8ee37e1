"""`routines log`: record from flags or by answering, import a CSV, show the log;
bad input is one clear line and an exit status, never a traceback."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import routines
from clitools import run_cli
from routines import ItemResult, LogEntry, Plan, SessionStatus, TrainingLog
from routines._plan import BlockKind, Item, Session
from routines.log.csv_file import log_csv, parse_log_csv
from routines.log.questions import ask_entry

MONDAY = dt.date(2026, 1, 5)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return routines.plan(routines.PlanRequest(start=MONDAY, weeks=2, timezone="UTC"))


@pytest.fixture
def plan_file(plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "plan.json"
    plan.write_json(path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: never ask
    return path


def first_session(plan: Plan) -> Session:
    return next(iter(plan.sessions))


def strength(plan: Plan, *, hold: bool) -> Item:
    """A strength item of the first session, dosed in reps or as a hold."""
    block = first_session(plan).block(BlockKind.STRENGTH)
    return next(i for i in block.items if (i.hold_s is not None) is hold)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "log", *argv)


def logged(path: Path) -> tuple[LogEntry, ...]:
    with TrainingLog(path) as log:
        return log.entries()


# ---------------------------------------------------------------- recording


def test_record_from_flags(plan: Plan, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows, hold = strength(plan, hold=False).exercise, strength(plan, hold=True).exercise
    status, out, err = run(
        capsys, "--date", "2026-01-05",
        "--item", f"{rows}:sets=2,reps=10,load=5,rpe=7.5,pain=2,settled=yes,form=poor",
        "--item", f"{hold}:sets=3,hold=25",
        "--pain", "3", "--settled", "no", "--red-flag", "night-pain", "--notes", 'tight, "neck"',
    )  # fmt: skip
    assert (status, err) == (0, "")
    log_path = plan_file.with_name("plan.log.sqlite")
    assert out.splitlines()[0] == (
        "logged Mon 05 Jan 2026: done, 2 exercises, worst pain 3, not settled, "
        'RED FLAGS: night_pain, "tight, \\"neck\\"" in plan.log.sqlite'
    )
    assert "see a health professional" in out
    assert logged(log_path) == (
        LogEntry(
            date=MONDAY,
            items=(
                ItemResult(
                    exercise=rows, sets=2, reps=10, load_kg=5, rpe=7.5, pain=2, settled=True,
                    form_ok=False,
                ),
                ItemResult(exercise=hold, sets=3, hold_s=25),
            ),
            pain=3,
            settled=False,
            red_flags=("night_pain",),
            notes='tight, "neck"',
        ),
    )  # fmt: skip


def test_recording_a_day_again_replaces_it_and_keeps_the_first(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--date", "2026-01-07", "--pain", "1")[0] == 0
    status, out, _ = run(capsys, "--date", "2026-01-07", "--skipped", "--notes", "ill")
    assert status == 0
    assert "(replacing what was logged before for that day; the log keeps it too)" in out
    with TrainingLog(plan_file.with_name("plan.log.sqlite")) as log:
        assert [e.status for e in log.history()] == [SessionStatus.DONE, SessionStatus.SKIPPED]
        assert log.entries() == (LogEntry(date=dt.date(2026, 1, 7), status="skipped", notes="ill"),)


def test_plan_and_log_options(
    plan: Plan, tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "sub" / "mine.json"
    other.parent.mkdir()
    plan.write_json(other)
    assert run(capsys, "--plan", str(other), "--date", "2026-01-05")[0] == 0
    assert logged(tmp_path / "sub" / "mine.log.sqlite")[0].date == MONDAY
    assert run(capsys, "--log", "elsewhere.sqlite", "--date", "2026-01-09")[0] == 0
    assert logged(tmp_path / "elsewhere.sqlite")[0].date == dt.date(2026, 1, 9)
    assert not (tmp_path / "plan.log.sqlite").exists()


# ---------------------------------------------------------------- showing and importing


def test_show_lists_sessions_and_items(
    plan: Plan, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = strength(plan, hold=False).exercise
    run(capsys, "--date", "2026-01-05", "--item", f"{rows}:sets=3,reps=12,load=5,rpe=7,pain=2")
    run(capsys, "--date", "2026-01-07", "--skipped", "--notes", "travelling")
    status, out, err = run(capsys, "--show")
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [
        "Mon 05 Jan 2026: done, 1 exercise, worst pain 2",
        f"  {rows} 3x12 @5 kg RPE 7 pain 2",
        'Wed 07 Jan 2026: skipped, "travelling"',
    ]
    assert out.startswith("plan.log.sqlite: 2 sessions logged (plan ")

    status, out, _ = run(capsys, "--show", "--json")
    data = json.loads(out)
    assert [e["date"] for e in data["entries"]] == ["2026-01-05", "2026-01-07"]
    assert data["entries"][0]["items"][0]["load_kg"] == 5

    status, out, _ = run(capsys, "--show", "--csv")
    assert parse_log_csv(out) == logged(plan_file.with_name("plan.log.sqlite"))


def test_import_a_csv(plan: Plan, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = strength(plan, hold=False).exercise
    entries = [
        LogEntry(date=MONDAY, items=(ItemResult(exercise=rows, sets=2, reps=12, pain=1),)),
        LogEntry(date=dt.date(2026, 1, 7), status="skipped", notes='sick,\n"flu"'),
    ]
    source = plan_file.with_name("done.csv")
    source.write_text(log_csv(entries), encoding="utf-8", newline="")
    status, out, err = run(capsys, "--import", str(source))
    assert (status, err) == (0, "")
    assert out == f"imported 2 sessions from {source} into plan.log.sqlite\n"
    assert logged(plan_file.with_name("plan.log.sqlite")) == tuple(entries)


def test_import_refuses_a_csv_that_does_not_fit_the_plan(
    plan: Plan, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = plan_file.with_name("done.csv")
    source.write_text("date,exercise,pain\n2026-01-06,,1\n2026-01-05,moonwalk,2\n")
    status, _, err = run(capsys, "--import", str(source))
    assert status == 1
    planned = ", ".join(dict.fromkeys(i.exercise for i in first_session(plan).items))
    assert err.splitlines() == [
        f"routines: error: {source}: 2 sessions do not fit the plan:",
        "  - 2026-01-06 (Tue) is not a session day of the plan (it runs 2026-01-05 to "
        "2026-01-16); the nearest: Mon 2026-01-05 and Wed 2026-01-07",
        f"  - 2026-01-05: 'moonwalk' is not in that session; it has: {planned}",
    ]
    assert not plan_file.with_name("plan.log.sqlite").exists()


def test_import_names_the_rows_of_a_bad_csv(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = plan_file.with_name("done.csv")
    source.write_text("date,pain,mood\n2026-01-05,3,good\n")
    status, _, err = run(capsys, "--import", str(source))
    assert status == 1
    assert err == (
        f"routines: error: {source}: row 1: column 3 'mood' is not known; the columns are: "
        "date, status, exercise, sets, reps, hold_s, load_kg, rpe, pain, settled, form_ok, "
        "red_flags, notes\n"
    )


# ---------------------------------------------------------------- asking


def scripted(answers: dict[str, list[str]]) -> tuple[Callable[[str], str], list[str]]:
    """An ``ask`` that answers by a word in the question (queued answers, then Enter)."""
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        for word, queue in answers.items():
            if word in question and queue:
                return queue.pop(0)
        return ""

    return ask, asked


def test_enter_everywhere_accepts_the_plan(plan: Plan) -> None:
    session = first_session(plan)
    ask, asked = scripted({})
    said: list[str] = []
    entry = ask_entry(plan, session, ask=ask, say=said.append)
    assert entry.status is SessionStatus.DONE
    assert [r.exercise for r in entry.items] == [i.exercise for i in session.items]
    for result, item in zip(entry.items, session.items, strict=True):
        assert (result.sets, result.reps) == (item.sets, item.reps)
        assert result.hold_s == (item.hold_s or item.duration_s)
    # nobody said a pain score: it stays not recorded (never 0), form likewise
    assert entry.worst_pain is None and entry.settled is None
    assert all(r.pain is None and r.form_ok is None for r in entry.items)
    assert entry.red_flags == () and entry.notes == ""
    assert asked[0] == "Did you do this session? [yes] "
    assert asked[1].startswith("Warm-up (") and asked[1].endswith("done as planned? [yes] ")
    assert not any("settled" in q for q in asked)  # no pain, nothing to settle


def test_answers_are_checked_and_asked_again(plan: Plan) -> None:
    session = first_session(plan)
    rows = strength(plan, hold=False)
    ask, asked = scripted(
        {
            f"{rows.exercise} (": ["2 x", f"3 x {(rows.reps or 0) + 2}"],
            "Cool-down": ["no"],
            "pain during it": ["11", "2"],
            "RPE": ["8"],
            "settled": ["maybe", "no"],
            "numbers": ["dizzy", "3, chest_pain"],  # 3: dizziness
            "Notes": ['  felt "odd", then fine\t'],
        }
    )
    said: list[str] = []
    entry = ask_entry(plan, session, ask=ask, say=said.append)
    first = next(r for r in entry.items if r.exercise == rows.exercise)
    assert (first.sets, first.reps, first.rpe, first.pain) == (3, (rows.reps or 0) + 2, 8, 2)
    assert entry.pain == 2 and entry.settled is False and entry.unsettled
    assert entry.red_flags == ("chest_pain", "dizziness")
    assert entry.notes == 'felt "odd", then fine'
    assert any(line.startswith("  '2 x': give sets x amount such as 2 x 10") for line in said)
    assert "  pain: 11 is not 0-10; rate pain from 0 (none) to 10 (worst)" in said
    assert "  'dizzy' is not a red flag" in " ".join(said)
    cooldown = session.block(BlockKind.COOLDOWN).items
    assert sum(1 for q in asked if q.startswith(tuple(i.exercise for i in cooldown))) == len(
        cooldown
    )  # a cool-down not done as planned is asked item by item


def test_a_skipped_session_asks_only_flags_and_notes(plan: Plan) -> None:
    ask, asked = scripted({"Did you": ["n"], "Notes": ["away"]})
    entry = ask_entry(plan, first_session(plan), ask=ask, say=lambda _: None)
    assert entry == LogEntry(date=MONDAY, status="skipped", notes="away")
    assert len(asked) == 3


def test_the_command_asks_at_a_terminal(
    plan_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    ask, _ = scripted({"Worst pain": ["4"], "settled": ["yes"]})
    monkeypatch.setattr("routines.cli._log_entry.input", ask, raising=False)
    status, out, err = run(capsys, "--date", "2026-01-05")
    assert (status, err) == (0, "")
    assert out.startswith("Mon 05 Jan 2026: ") and "\nPress Enter to accept" in out
    assert out.endswith(", worst pain 4, settled in plan.log.sqlite\n")
    assert "\nlogged Mon 05 Jan 2026: done, " in out
    entry = logged(plan_file.with_name("plan.log.sqlite"))[0]
    assert (entry.pain, entry.settled) == (4, True)

    def no_answer(question: str) -> str:
        raise EOFError

    monkeypatch.setattr("routines.cli._log_entry.input", no_answer, raising=False)
    status, _, err = run(capsys, "--date", "2026-01-07")
    assert status == 1
    assert err == "routines: error: no answer (end of input); nothing was recorded\n"
    assert len(logged(plan_file.with_name("plan.log.sqlite"))) == 1


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--date", "2026-01-05", "--item", "moonwalk:sets=2"], 1,
         "2026-01-05: 'moonwalk' is not in that session; it has: "),
        (["--date", "2026-01-06"], 1,
         "2026-01-06 (Tue) is not a session day of the plan (it runs 2026-01-05 to 2026-01-16); "
         "the nearest: Mon 2026-01-05 and Wed 2026-01-07. Done on another day? Log it against "
         "the session it replaced with --for DATE such as --for 2026-01-05"),
        (["--date", "2026-01-05", "--pain", "11"], 2,
         "argument --pain: 11 is not 0-10; rate pain from 0 (none) to 10 (worst)"),
        (["--date", "2026-01-05", "--item", "plank:pain=11"], 2,
         "argument --item: 'plank:pain=11': pain: 11 is not 0-10"),
        (["--date", "2026-01-05", "--item", "plank:sore=1"], 2,
         "argument --item: 'plank:sore=1': 'sore' is not a key; use one of: sets,"),
        (["--date", "2026-01-05", "--item", "plank:rep=10"], 2,
         "argument --item: 'plank:rep=10': 'rep' is not a key; did you mean 'reps'? use one"),
        (["--date", "2026-01-05", "--item", "plank:reps"], 2,
         "argument --item: 'plank:reps': 'reps' is not KEY=VALUE with a key of: sets,"),
        (["--date", "2026-02-30"], 2,
         "argument --date: '2026-02-30' is not a date; use YYYY-MM-DD"),
        (["--date", "2026-01-05", "--settled", "maybe"], 2,
         "argument --settled: 'maybe' is not yes"),
        (["--date", "2026-01-05", "--red-flag", "chest"], 2,
         "argument --red-flag: 'chest' is not a red flag (did you mean 'chest_pain'?)"),
        (["--date", "2026-01-05", "--skipped", "--item", "plank"], 2,
         "argument --skipped: a skipped session has no --item"),
        (["--plan", "nope.json"], 1,
         "nope.json: no such plan; make one with `routines plan` (it writes plan.json), "
         "or give --plan FILE"),
        (["--show", "--pain", "3"], 2, "argument --pain: not allowed with --show"),
        (["--import", "x.csv", "--red-flag", "trauma"], 2, "argument --red-flag: not allowed with"),
        (["--json"], 2, "argument --json: only with --show"),
        (["--show"], 1, "plan.log.sqlite: no log yet; record a session with `routines log`"),
        (["--import", "missing.csv"], 1, "missing.csv: no such file; give the CSV file to import"),
    ],
)  # fmt: skip
def test_bad_input_is_one_clear_line(
    plan_file: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    message: str,
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == code
    assert out == ""
    assert "Traceback" not in err
    first = err.splitlines()[0]
    assert first.startswith(f"routines: error: {message}")
    assert [line.startswith("routines: error:") for line in err.splitlines()].count(True) == 1
    # one line; a usage error (2) adds where to read more, not the whole usage
    assert err.splitlines()[1:] == ([] if code == 1 else ["  see `routines log --help`"])
    assert not plan_file.with_name("plan.log.sqlite").exists()


def test_a_close_exercise_id_is_suggested(
    plan: Plan, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = strength(plan, hold=False).exercise
    status, _, err = run(capsys, "--date", "2026-01-05", "--item", f"{rows[:-1]}:sets=2")
    assert status == 1
    assert f"is not in that session; did you mean {rows!r}? it has: " in err


def test_another_plans_log_is_refused(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    TrainingLog(plan_file.with_name("plan.log.sqlite"), plan_id="someone-else").close()
    status, _, err = run(capsys, "--date", "2026-01-05")
    assert status == 1
    assert err.startswith("routines: error: plan.log.sqlite: is the log of plan 'someone-else'")
    assert err.endswith("give this plan its own log file (routines log --log FILE)\n")


def test_a_file_that_is_not_a_plan(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_file.write_text("{not json")
    status, _, err = run(capsys, "--date", "2026-01-05")
    assert status == 1
    assert err.startswith(f"routines: error: {plan_file.name}: not a plan: invalid JSON")


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "routines", "log", "--plan", str(tmp_path / "nope.json")],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no such plan" in done.stderr
