"""The training log: checked entries, a store that loses nothing, CSV import."""

from __future__ import annotations

import datetime as dt
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import routines
from clitools import modules_loaded_after
from routines import RED_FLAGS, ItemResult, LogEntry, LogError, SessionStatus, TrainingLog
from routines.log.csv_file import log_csv, parse_log_csv, read_log_csv
from strategies import hostile_text

DAY = dt.date(2026, 1, 5)

# ---------------------------------------------------------------- strategies

notes = st.text() | hostile_text
exercise_ids = st.from_regex(r"[a-z][a-z0-9-]{0,30}", fullmatch=True) | hostile_text.map(
    str.strip
).filter(bool)
maybe_whole = st.none() | st.integers(0, 100)
item_results = st.builds(
    ItemResult,
    exercise=exercise_ids,
    sets=maybe_whole,
    reps=maybe_whole,
    hold_s=maybe_whole,
    load_kg=st.none() | st.floats(0, 500) | st.integers(0, 500),
    rpe=st.none() | st.floats(1, 10),
    pain=st.none() | st.integers(0, 10),
    settled=st.none() | st.booleans(),
    form_ok=st.none() | st.booleans(),
    notes=notes,
)


@st.composite
def log_entries(draw: st.DrawFn, dates: st.SearchStrategy[dt.date] | None = None) -> LogEntry:
    status = draw(st.sampled_from(list(SessionStatus)))
    bare = status is not SessionStatus.DONE  # skipped or reported: no exercise results
    reported = status is SessionStatus.REPORTED  # a warning sign: at least one red flag
    return LogEntry(
        date=draw(dates or st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31))),
        status=status,
        items=() if bare else tuple(draw(st.lists(item_results, max_size=4))),
        pain=draw(st.none() | st.integers(0, 10)),
        settled=draw(st.none() | st.booleans()),
        red_flags=tuple(
            draw(st.lists(st.sampled_from(list(RED_FLAGS)), min_size=reported, max_size=3))
        ),
        notes=draw(notes),
    )


@pytest.fixture
def log(tmp_path: Path) -> Iterator[TrainingLog]:
    with TrainingLog(tmp_path / "plan.log.sqlite", plan_id="plan-1") as opened:
        yield opened


def _sql(path: Path, *statements: str) -> list[Any]:
    """Run statements on ``path`` directly; the rows of the last one."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        rows: list[Any] = []
        for statement in statements:
            rows = db.execute(statement).fetchall()
        return rows
    finally:
        db.close()


# ---------------------------------------------------------------- entries


def test_worst_pain_and_unsettled() -> None:
    items = (
        ItemResult(exercise="band-row", pain=4, settled=True),
        ItemResult(exercise="plank", pain=None, settled=False),
    )
    entry = LogEntry(date=DAY, items=items, pain=2)
    assert entry.worst_pain == 4
    assert entry.unsettled
    assert LogEntry(date=DAY).worst_pain is None
    assert not LogEntry(date=DAY, settled=True).unsettled
    assert LogEntry(date=DAY, settled=False).unsettled


def test_red_flags_are_kept_once_in_a_stable_order() -> None:
    entry = LogEntry(date=DAY, red_flags=["numbness", "chest_pain", "numbness"])
    assert entry.red_flags == ("chest_pain", "numbness")


def test_a_skipped_session_may_have_no_items_but_not_results() -> None:
    assert LogEntry(date=DAY, status="skipped").status is SessionStatus.SKIPPED
    with pytest.raises(LogError, match="items: a skipped session has no exercise results"):
        LogEntry(date=DAY, status="skipped", items=(ItemResult(exercise="plank"),))


def test_a_report_is_a_red_flag_without_results() -> None:
    entry = LogEntry(date=DAY, status="reported", red_flags=["dizziness"])
    assert entry.status is SessionStatus.REPORTED
    with pytest.raises(LogError, match="status: 'reported' is a warning sign on a day"):
        LogEntry(date=DAY, status="reported")
    with pytest.raises(LogError, match="give its red flags and no exercise results"):
        LogEntry(date=DAY, status="reported", red_flags=["dizziness"],
                 items=(ItemResult(exercise="plank"),))  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("exercise", "", "exercise: '' is not an exercise id"),
        ("exercise", " band-row", "exercise: ' band-row' is not an exercise id"),
        ("sets", -1, "sets: -1 is not 0 or more; give the number of sets done"),
        ("sets", 2.5, "sets: 2.5 is not a whole number"),
        ("sets", True, "sets: True is not a whole number"),
        ("reps", "12", "reps: '12' is not a whole number"),
        ("hold_s", -5, "hold_s: -5 is not 0 or more; give the seconds held"),
        ("load_kg", -2.5, "load_kg: -2.5 is not 0 or more; give the load in kilograms"),
        ("load_kg", float("nan"), "load_kg: nan is not 0 or more"),
        ("rpe", 0, "rpe: 0 is not 1-10; rate effort from 1 (very easy) to 10 (maximal)"),
        ("rpe", 10.5, "rpe: 10.5 is not 1-10"),
        ("pain", 11, "pain: 11 is not 0-10; rate pain from 0 (none) to 10 (worst)"),
        ("pain", -1, "pain: -1 is not 0-10"),
        ("settled", "yes", "settled: 'yes' is not yes or no (True or False), or empty"),
        ("form_ok", "ok", "form_ok: 'ok' is not yes or no (True or False), or empty if not known"),
        ("notes", None, "notes: None is not text"),
        ("notes", "\ud800", "notes: '\\ud800' has characters that cannot be stored"),
    ],
)
def test_item_fields_are_checked(field: str, value: object, message: str) -> None:
    values: dict[str, Any] = {"exercise": "band-row", field: value}
    with pytest.raises(LogError) as caught:
        ItemResult(**values)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"date": "2026-01-05"}, "date: '2026-01-05' is not a date; use YYYY-MM-DD"),
        ({"date": dt.datetime(2026, 1, 5, 7)}, "is not a date"),
        ({"status": "dun"}, "status: 'dun' is not allowed; use one of: done, skipped, reported"),
        ({"status": "skiped"}, "(did you mean 'skipped'?)"),
        ({"pain": 12}, "pain: 12 is not 0-10"),
        ({"settled": 1}, "settled: 1 is not yes or no"),
        ({"red_flags": ("chest",)}, "red_flags: 'chest' is not a red flag (did you mean"),
        ({"red_flags": "dizziness"}, "red_flags: 'dizziness' is one text; give a tuple"),
        ({"items": ("band-row",)}, "items: 'band-row' is not an ItemResult"),
        ({"notes": 3}, "notes: 3 is not text"),
    ],
)
def test_entry_fields_are_checked(values: dict[str, Any], message: str) -> None:
    with pytest.raises(LogError) as caught:
        LogEntry(**({"date": DAY} | values))
    assert message in str(caught.value)


def test_an_unknown_red_flag_lists_the_allowed_keys() -> None:
    with pytest.raises(LogError) as caught:
        LogEntry(date=DAY, red_flags=("sore",))
    assert ", ".join(RED_FLAGS) in str(caught.value)


def test_log_errors_are_value_errors_of_routines() -> None:
    assert issubclass(LogError, routines.RoutinesError)
    assert issubclass(LogError, ValueError)


# ---------------------------------------------------------------- storage


@given(st.lists(log_entries(), max_size=6))
def test_recorded_entries_read_back_equal(entries: list[LogEntry]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with TrainingLog(Path(folder) / "log.sqlite", plan_id="p") as log:
            for entry in entries:
                log.record(entry)
        with TrainingLog(Path(folder) / "log.sqlite") as reopened:
            latest = {entry.date: entry for entry in entries}
            assert reopened.history() == tuple(entries)
            assert reopened.entries() == tuple(latest[day] for day in sorted(latest))
            assert list(reopened) == list(reopened.entries())
            assert len(reopened) == len(latest)


def test_a_later_entry_supersedes_and_history_keeps_both(log: TrainingLog) -> None:
    first = LogEntry(date=DAY, items=(ItemResult(exercise="plank", pain=6),))
    later_day = LogEntry(date=DAY + dt.timedelta(days=2), status="skipped")
    correction = LogEntry(date=DAY, items=(ItemResult(exercise="plank", pain=3),))
    log.record(later_day)
    log.record(first)
    log.record(correction)
    assert log.entries() == (correction, later_day)
    assert log.history() == (later_day, first, correction)
    assert len(log) == 2


def test_record_many_is_all_or_nothing(log: TrainingLog) -> None:
    def entries() -> Iterator[LogEntry]:
        yield LogEntry(date=DAY)
        yield LogEntry(date=DAY + dt.timedelta(days=1))
        raise LogError("the source failed half way")

    with pytest.raises(LogError, match="half way"):
        log.record_many(entries())
    with pytest.raises(LogError, match="is not a LogEntry"):
        log.record_many([LogEntry(date=DAY), "2026-01-06"])  # type: ignore[list-item]
    assert log.history() == ()
    assert log.record_many(LogEntry(date=DAY + dt.timedelta(days=n)) for n in range(3)) == 3
    assert len(log) == 3


def test_the_file_is_durable_sqlite(log: TrainingLog) -> None:
    log.record(LogEntry(date=DAY, notes="x"))
    assert _sql(log.path, "PRAGMA journal_mode") == [("wal",)]
    assert _sql(log.path, "PRAGMA user_version") == [(1,)]
    rows = _sql(log.path, "SELECT date, recorded_at, entry FROM entries")
    assert rows[0][0] == "2026-01-05" and '"notes":"x"' in rows[0][2]
    assert dt.datetime.fromisoformat(rows[0][1]).tzinfo is not None


def test_another_plans_log_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite"
    TrainingLog(path, plan_id="plan-a").close()
    with pytest.raises(LogError) as caught:
        TrainingLog(path, plan_id="plan-b")
    message = str(caught.value)
    assert str(path) in message and "'plan-a'" in message and "'plan-b'" in message
    assert "own log file" in message
    with TrainingLog(path) as log:  # reading needs no plan
        assert log.plan_id == "plan-a"


def test_for_plan_uses_the_plan_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from routines.exporters.ics import plan_identity

    monkeypatch.chdir(tmp_path)

    p = routines.plan(routines.PlanRequest(start=DAY, weeks=1, timezone="UTC"))
    with TrainingLog.for_plan(p, tmp_path / "mine.sqlite") as log:
        assert log.plan_id == plan_identity(p)
        assert log.path == tmp_path / "mine.sqlite"
    with TrainingLog.for_plan(p) as log:
        assert log.path == Path("plan.log.sqlite")  # beside plan.json, as the CLI has it
        assert log.path.exists()


def test_text_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("date,pain\n2026-01-05,3\n" * 50)
    before = path.read_bytes()
    with pytest.raises(LogError, match="is not a routines training log"):
        TrainingLog(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    _sql(path, "CREATE TABLE songs (title TEXT)")
    before = path.read_bytes()
    with pytest.raises(LogError, match=r"other\.sqlite: is not a routines training log"):
        TrainingLog(path)
    assert path.read_bytes() == before
    assert _sql(path, "PRAGMA journal_mode") == [("delete",)]


def test_a_log_from_a_newer_routines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite"
    TrainingLog(path).close()
    _sql(path, "PRAGMA user_version = 99")
    with pytest.raises(LogError, match=r"newer routines \(log format 99\); upgrade routines"):
        TrainingLog(path)


def test_a_damaged_entry_is_named(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite"
    with TrainingLog(path) as log:
        log.record(LogEntry(date=DAY))
        log.record(LogEntry(date=DAY + dt.timedelta(days=1)))
    _sql(path, 'UPDATE entries SET entry = \'{"date": "2026-01-06", "pain": 40}\' WHERE id = 2')
    with TrainingLog(path) as log, pytest.raises(LogError) as caught:
        log.entries()
    assert str(caught.value) == (
        f"{path}: entry 2 is damaged: pain: 40 is not 0-10; rate pain from 0 (none) to 10 (worst)"
    )
    _sql(path, "UPDATE entries SET entry = 'not json' WHERE id = 2")
    with TrainingLog(path) as log, pytest.raises(LogError, match="entry 2 is damaged"):
        log.history()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("folder", "is a folder; give a file name"),
        ("missing/log.sqlite", "the folder .* does not exist; create it first"),
    ],
)
def test_unusable_paths_are_named(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(LogError, match=message):
        TrainingLog(tmp_path / name)


def test_a_closed_log_says_so(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.sqlite")
    log.close()
    log.close()
    with pytest.raises(LogError, match="the log is closed"):
        log.record(LogEntry(date=DAY))
    assert repr(log) == f"TrainingLog({str(tmp_path / 'log.sqlite')!r}, plan_id=None)"


# ---------------------------------------------------------------- many writers, crashes

WRITER = """
import datetime as dt, sys, time
from pathlib import Path
from routines import LogEntry, TrainingLog
path, first, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
with TrainingLog(path, plan_id="shared") as log:
    for n in range(first, first + count):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=n)
        log.record(LogEntry(date=day, notes=f"entry {n}"))
"""


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path, go = tmp_path / "shared.sqlite", tmp_path / "go"
    writers, count = 4, 25
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(k * 1000), str(count), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(writers)
    ]
    try:
        for child in children:  # every writer imported and waiting: start together
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
        go.touch()
        results = [child.communicate(timeout=60) for child in children]
    finally:
        for child in children:
            child.kill()
            child.communicate()
    for child, (_, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
    with TrainingLog(path, plan_id="shared") as log:
        found = {entry.date: entry.notes for entry in log.history()}
    expected = {
        dt.date(2000, 1, 1) + dt.timedelta(days=k * 1000 + n): f"entry {k * 1000 + n}"
        for k in range(writers)
        for n in range(count)
    }
    assert found == expected


CRASHER = """
import datetime as dt, sys
from routines import ItemResult, LogEntry, TrainingLog
path, first = sys.argv[1], int(sys.argv[2])
with TrainingLog(path, plan_id="crash") as log:
    for n in range(first, first + 100_000):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=n)
        item = ItemResult(exercise="band-row", sets=2, reps=n % 30, notes='é,"\\n' * 100)
        log.record(LogEntry(date=day, items=(item,), notes=f"entry {n}"))
        print(day.isoformat(), flush=True)
"""


def test_killing_a_writer_never_loses_a_committed_entry(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    seed = random.randrange(2**32)  # noqa: S311 - timing, not secrets
    rng = random.Random(seed)  # noqa: S311
    reported: set[dt.date] = set()
    for round_ in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", CRASHER, str(path), str(round_ * 10_000)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines = []
        try:
            assert child.stdout is not None
            if round_ == 0:  # perhaps while it makes the file
                time.sleep(rng.uniform(0.02, 0.2))
            for _ in range(0 if round_ == 0 else rng.randint(1, 25)):
                lines.append(child.stdout.readline())
                if not lines[-1]:
                    break  # it stopped by itself: the returncode check reports why
            time.sleep(rng.uniform(0, 0.004))  # land the kill anywhere in a record
        finally:
            child.send_signal(signal.SIGKILL)
            out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        reported |= {dt.date.fromisoformat(line) for line in "".join([*lines, out]).split()}
    with TrainingLog(path, plan_id="crash") as log:
        found = {entry.date: entry for entry in log.history()}
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    missing = sorted(reported - found.keys())
    assert not missing, f"lost {missing} (random seed {seed})"
    assert len(reported) >= 7  # each round but perhaps the first recorded something
    for day in reported:
        n = (day - dt.date(2000, 1, 1)).days
        assert found[day].notes == f"entry {n}"
        assert found[day].items[0].reps == n % 30


# ---------------------------------------------------------------- CSV


@given(
    st.lists(log_entries(), max_size=5, unique_by=lambda e: e.date).map(
        lambda entries: sorted(entries, key=lambda e: e.date)
    )
)
def test_csv_round_trip(entries: list[LogEntry]) -> None:
    assert parse_log_csv(log_csv(entries)) == tuple(entries)


def test_a_csv_file_reads_back_with_hostile_notes(tmp_path: Path) -> None:
    notes = 'tight, "very"\nsore\r\nback 背中 💪; done\x00'
    entry = LogEntry(
        date=DAY,
        items=(ItemResult(exercise="band-row", sets=2, reps=12, load_kg=4.5, notes=notes),),
        red_flags=("numbness", "dizziness"),
        notes=notes,
    )
    path = tmp_path / "log.csv"
    path.write_bytes(b"\xef\xbb\xbf" + log_csv([entry]).encode("utf-8"))  # a spreadsheet's BOM
    assert read_log_csv(path) == (entry,)
    assert routines.read_log_csv is read_log_csv


def test_csv_rows_of_one_date_make_one_session() -> None:
    text = (
        "Date,exercise,sets,reps,hold_s,pain,settled,red_flags,notes,status\n"
        '2026-01-05,,,,,3,no,dizziness,"slept badly, neck ""tight""",\n'
        "2026-01-05,band-row,2,12,,2,,,,\n"
        "2026-01-07,,,,,,,,travelling,SKIPPED\n"
        ",,,,,,,,,\n"
        "2026-01-05,plank, 3 ,,30,,,numbness,,done\n"
    )
    assert parse_log_csv(text) == (
        LogEntry(
            date=DAY,
            items=(
                ItemResult(exercise="band-row", sets=2, reps=12, pain=2),
                ItemResult(exercise="plank", sets=3, hold_s=30),
            ),
            pain=3,
            settled=False,
            red_flags=("dizziness", "numbness"),
            notes='slept badly, neck "tight"',
        ),
        LogEntry(date=DAY + dt.timedelta(days=2), status="skipped", notes="travelling"),
    )


def test_csv_problems_are_all_listed_with_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "date,status,exercise,sets,rpe,pain,settled,red_flags,notes\n"
        '2026-01-05,,band-row,2,7,,,,"two\nlines"\n'  # row 2 spans two lines
        "2026-01-05,,plank,x,,11,,,\n"  # row 3
        "2026-13-01,,,,,,,,\n"  # row 4
        "2026-01-06,,,2,,,maybe,chest,\n"  # row 5
        ",,plank,,,,,,\n"  # row 6
        "2026-01-07,done,,,,,,,\n"  # row 7
        "2026-01-07,,,,,,,,again\n"  # row 8
        "2026-01-08,skipped,plank,,,,,,\n"  # row 9
        "2026-01-09,skipped,,,,,,,\n2026-01-09,done,plank,,,,,,\n"  # rows 10, 11
        "2026-01-10,,a,1,2,3,yes,,x,extra\n",  # row 12
        encoding="utf-8",
    )
    with pytest.raises(LogError) as caught:
        read_log_csv(path)
    lines = str(caught.value).splitlines()
    assert lines == [
        f"{path}: 10 problems:",
        "  - row 3: sets: 'x' is not a whole number; give the number of sets done",
        "  - row 3: pain: 11 is not 0-10; rate pain from 0 (none) to 10 (worst)",
        "  - row 4: date: '2026-13-01' is not a date; use YYYY-MM-DD such as 2026-01-05",
        "  - row 5: settled: 'maybe' is not yes or no (True or False), or empty if not known",
        "  - row 5: red_flags: 'chest' is not a red flag (did you mean 'chest_pain'?); "
        f"use one of: {', '.join(RED_FLAGS)}",
        "  - row 6: date: is empty; give the session's date as YYYY-MM-DD",
        "  - row 8: a second session row for 2026-01-07 (the first is row 7); "
        "give each date one row without an exercise",
        "  - row 9: items: a skipped session has no exercise results; record it as done "
        "with the exercises you did",
        "  - row 10: status: 'skipped' here but 'done' in row 11 for 2026-01-09; "
        "give one status per date",
        "  - row 12: 10 values for 9 columns; quote text that has commas",
    ]


def test_the_documented_csv_example_reads() -> None:
    import textwrap

    import routines.log.csv_file

    doc = routines.log.csv_file.__doc__ or ""
    example = textwrap.dedent(doc[doc.index("    date,status") : doc.index("- The header")])
    monday, wednesday = parse_log_csv(example.strip() + "\n")
    assert (monday.pain, monday.settled, monday.notes) == (3, True, 'slept badly, "tight" neck')
    assert [(i.exercise, i.sets, i.reps, i.hold_s) for i in monday.items] == [
        ("band-row", 2, 12, None),
        ("plank", 3, None, 30),
    ]
    assert (wednesday.status, wednesday.notes) == (SessionStatus.SKIPPED, "travelling")


def test_one_csv_problem_is_one_line() -> None:
    with pytest.raises(LogError) as caught:
        parse_log_csv("date,pain\n2026-01-05,11\n", "log.csv")
    assert str(caught.value) == (
        "log.csv: row 2: pain: 11 is not 0-10; rate pain from 0 (none) to 10 (worst)"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "log.csv: is empty; the first row names the columns: date, status,"),
        ("date,Pain,sorenes,rpe,rpe\n", "row 1: column 3 'sorenes' is not known"),
        ("date,pain,rpe,rpe\n", "row 1: column 'rpe' appears twice; keep one"),
        ("exercise,pain\nplank,1\n", "row 1: there is no date column"),
        (
            "date,sets\n2026-01-05,2\n",
            "row 2: sets: only exercise rows have sets; put the exercise",
        ),
        ('date,notes\n2026-01-05,"open\n', "log.csv: line 2: not valid CSV (unexpected end"),
        ('date,notes\n2026-01-05,"a"b\n', "line 2: not valid CSV"),
    ],
)
def test_csv_format_problems(text: str, message: str) -> None:
    with pytest.raises(LogError) as caught:
        parse_log_csv(text, "log.csv")
    assert message in str(caught.value)


def test_unreadable_csv_files(tmp_path: Path) -> None:
    with pytest.raises(LogError, match=r"missing\.csv: no such file"):
        read_log_csv(tmp_path / "missing.csv")
    (tmp_path / "latin.csv").write_bytes("date,notes\n2026-01-05,caf\xe9\n".encode("latin-1"))
    with pytest.raises(LogError, match=r"latin\.csv: is not UTF-8 text; save the CSV as UTF-8"):
        read_log_csv(tmp_path / "latin.csv")
    with pytest.raises(LogError, match="is a folder"):
        read_log_csv(tmp_path)


def test_import_routines_does_not_load_sqlite() -> None:
    loaded = modules_loaded_after("import routines")
    assert "sqlite3" not in loaded and "routines.log.store" not in loaded
    assert routines.TrainingLog is TrainingLog
