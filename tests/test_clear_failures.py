"""Every failure a clear message (the issue's reproductions, as written): no internal
error for a condition of the world, one validation for the API and the CLI, and
every hostile input found by an attacker answered by the project's own errors."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import routines
from clitools import run_cli
from routines import (
    CatalogueError,
    ExportError,
    LogError,
    Plan,
    PlanError,
    PlanRequest,
    TrainingLog,
    export,
    load_catalogue,
    plan,
)
from routines.planning.config import load_request


def error_lines(capsys: pytest.CaptureFixture[str], *argv: str, code: int) -> list[str]:
    status, _, err = run_cli(capsys, *argv)
    assert status == code, err
    assert "Traceback" not in err and "internal error" not in err
    return err.splitlines()


# -- conditions of the world ----------------------------------------------------------


def test_a_file_size_limit_while_writing_the_pdf_is_one_line(tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100 * 1024, 100 * 1024))  # the calendar fits

    # coverage's own data file cannot be written under the limit: the child runs unmeasured
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    argv = ["plan", "--tz", "UTC", "--pdf", "p.pdf", "--json", "none"]
    done = subprocess.run(
        [sys.executable, "-m", "routines", *argv],
        cwd=tmp_path, capture_output=True, text=True, preexec_fn=limit, timeout=120,
        env={**env, "XDG_CACHE_HOME": str(tmp_path / "cache")}, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "cannot write it: it is larger than a file may be here" in done.stderr
    assert "p.pdf" in done.stderr  # the catalogue's cache is only skipped, never the error
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == []


@pytest.mark.parametrize("port", ["99999", "70000", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], port: str
) -> None:
    first, hint = error_lines(capsys, "serve", ".", "--port", port, code=2)
    assert first == f"routines: error: argument --port: {port!r} is not a port; give 0-65535 "\
        "(0: any free one)"  # fmt: skip
    assert hint == "  see `routines serve --help`"


def test_debug_works_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(PlanError):  # --debug lets the error through, with its traceback
        run_cli(capsys, "plan", "--tz", "UTC", "--config", "missing.toml", "--debug")
    lines = error_lines(capsys, "plan", "--tz", "UTC", "--config", "missing.toml", code=1)
    assert lines == ["routines: error: missing.toml: no such config file; `routines init` "
                     "writes one"]  # fmt: skip


def test_a_misspelt_option_gets_a_suggestion_and_aliases_work(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert error_lines(capsys, "plan", "--minuts", "20", code=2) == [
        "routines: error: unrecognized arguments: --minuts 20 (did you mean '--minutes'?)",
        "  see `routines plan --help`",
    ]
    status, out, _ = run_cli(capsys, "plan", "--timezone", "UTC", "--dry-run", "--weeks", "1")
    assert status == 0 and "(UTC)" in out
    lines = error_lines(capsys, "plan", "--tz", "UTC", "--level", "expert", code=2)
    assert len(lines) == 2  # the reason and where to read more, not 11 lines of usage


@pytest.mark.parametrize("zone", ["America", "A" * 300, "../../etc/passwd", "Europe/Nowhere"])
def test_time_zone_errors_name_the_option(capsys: pytest.CaptureFixture[str], zone: str) -> None:
    first, _ = error_lines(capsys, "plan", "--tz", zone, "--dry-run", code=2)
    assert first.startswith(f"routines: error: argument --tz: {zone!r} is not an IANA time zone")


@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01"])
def test_dates_the_calendar_cannot_hold_are_refused(
    capsys: pytest.CaptureFixture[str], start: str
) -> None:
    first, _ = error_lines(capsys, "plan", "--tz", "UTC", "--start", start, code=2)
    assert first == (
        f"routines: error: argument --start: {start!r} is outside 1970-01-01 to 2999-12-31; "
        "pick a date in them"
    )


def test_the_request_that_crashed_the_planner_plans(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(
        capsys, "plan", "--start", "2026-01-05", "--tz", "UTC", "--weeks", "2", "--days", "wed",
        "--minutes", "17", "--level", "advanced", "--equipment", "none", "--avoid",
        "neck-half-circles,marching-in-place,torso-twists,wall-angel-hold,"
        "shoulder-blade-squeeze,arm-circles,inchworm", "--dry-run",
    )  # fmt: skip
    assert status == 0, err
    assert "Week 1" in out


# -- one validation for the API and the CLI -----------------------------------------


def test_the_api_takes_what_people_pass() -> None:
    request = PlanRequest(
        start="2026-01-05", time="07:00", minutes="30", days="Mon,Thursday", level="Advanced",
        timezone="UTC",
    )  # fmt: skip
    assert request.start == dt.date(2026, 1, 5) and request.time == dt.time(7, 0)
    assert request.minutes == 30 and [str(d) for d in request.days] == ["mon", "thu"]
    assert len(list(plan(request).sessions)) == 16
    with pytest.raises(PlanError, match=r"equipment: 'dumbell' is not allowed \(did you mean "
                       r"'dumbbell'\?\)"):  # fmt: skip
        PlanRequest(equipment=("dumbell",))
    with pytest.raises(PlanError, match="start: '2026-02-30' is not a date"):
        PlanRequest(start="2026-02-30")


def test_the_cli_takes_full_weekday_names_too(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "plan", "--tz", "UTC", "--days", "Monday,THU",
                             "--dry-run", "--weeks", "1")  # fmt: skip
    assert status == 0 and "mon,thu at" in out


def test_a_config_with_a_byte_order_mark_reads_and_seconds_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "plan.toml"
    config.write_bytes("\ufefftimezone = 'UTC'\nminutes = 25\n".encode())
    assert load_request(config).minutes == 25
    config.write_text("timezone = 'UTC'\ntime = 07:00:30\n")
    with pytest.raises(PlanError, match="time: '07:00:30' has seconds; give HH:MM"):
        load_request(config)


def test_library_errors_speak_of_arguments(tmp_path: Path) -> None:
    p = plan(PlanRequest(weeks=1, timezone="UTC"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 mine")
    with pytest.raises(ExportError, match="pass force=True") as caught:
        export(p, pdf=tmp_path / "notes.pdf", ics=None, json=None)
    assert "--force" not in str(caught.value)
    with pytest.raises(ExportError, match="null character"):
        export(p, pdf="a\x00b", ics=None, json=None)


# -- what an attacker found ---------------------------------------------------------


def test_catalogue_folders_with_loops_links_fifos_and_depth(tmp_path: Path) -> None:
    (tmp_path / "loop1").symlink_to(".")
    (tmp_path / "loop2").symlink_to(".")
    (tmp_path / "up").symlink_to("..")
    (tmp_path / "self").symlink_to("self")
    (tmp_path / "dangling.toml").symlink_to("nowhere.toml")
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "deep.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path)
    shown = [str(p) for p in caught.value.problems]
    assert any("dangling.toml: is a link that leads nowhere" in p for p in shown)
    assert any("self: is a link that leads nowhere" in p for p in shown)
    assert any("fifo.toml: is a FIFO (named pipe), not an exercise file" in p for p in shown)
    assert any("deep.toml: is nested too deeply" in p for p in shown)
    assert any("up: is a link out of the folder" in p for p in shown)
    assert len(shown) == 5, shown


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "not a plan: not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "nested far too deeply"),
        (b"\xff", "not a plan: not UTF-8 text"),
    ],
)
def test_a_plan_file_that_is_not_a_plan(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        Plan.from_json(data)
    (tmp_path / "plan.json").write_bytes(data)
    with pytest.raises(PlanError, match=message):
        Plan.read(tmp_path / "plan.json")


def test_a_plan_whose_sessions_use_undescribed_exercises_is_refused() -> None:
    data = json.loads(plan(PlanRequest(weeks=1, timezone="UTC")).to_json())
    del data["exercises"][sorted(data["exercises"])[0]]
    with pytest.raises(PlanError, match="which its exercises do not describe"):
        Plan.from_dict(data)


def test_a_read_only_log_can_be_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.chdir(tmp_path)
    assert run_cli(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--pdf", "none")[0] == 0
    first = next(iter(Plan.read("plan.json").sessions))
    assert run_cli(capsys, "log", "--date", str(first.date), "--pain", "2")[0] == 0
    with TrainingLog("plan.log.sqlite", read_only=True) as log:
        assert [e.pain for e in log.entries()] == [2]
    # an obstacle where SQLite keeps its shared-memory file (the nearest thing to a
    # read-only folder that also stops root): the log still reads
    for side in ("plan.log.sqlite-shm", "plan.log.sqlite-wal"):
        Path(side).unlink(missing_ok=True)
    Path("plan.log.sqlite-shm").mkdir()
    with TrainingLog("plan.log.sqlite", read_only=True) as log:
        assert [e.pain for e in log.entries()] == [2]
    status, out, err = run_cli(capsys, "log", "--show")
    assert status == 0 and "1 session logged" in out, err
    Path("plan.log.sqlite-shm").rmdir()
    if os.geteuid() == 0:
        return  # root reads and writes anywhere: the folder cannot be made read-only here
    tmp_path.chmod(0o555)
    try:
        status, out, err = run_cli(capsys, "log", "--show")
    finally:
        tmp_path.chmod(0o755)
    assert status == 0, err
    assert "1 session logged" in out


def test_a_broken_cache_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "routines"
    load_catalogue()
    files = list(cache.glob("catalogue-*.json"))
    assert files
    for junk in (b"{not json", b'{"format": 1, "files": 7}',
                 b'{"format": 1, "files": {"x": [1, 2, 3]}}'):  # fmt: skip
        for file in files:
            file.write_bytes(junk)
        assert len(load_catalogue()) >= 200
    # an entry that parses but is wrong: the file itself decides
    data = json.loads(files[0].read_text())
    key = next(iter(data["files"]))
    data["files"][key][2] = {"id": 5}
    files[0].write_text(json.dumps(data))
    assert len(load_catalogue()) >= 200


def test_training_log_on_a_file_that_is_not_a_log(tmp_path: Path) -> None:
    junk = tmp_path / "x.sqlite"
    junk.write_bytes(b"\x00" * 1000)
    for read_only in (False, True):
        with pytest.raises(LogError, match=r"x\.sqlite: "):
            TrainingLog(junk, read_only=read_only)


def test_every_error_is_a_routines_error() -> None:
    assert issubclass(PlanError, routines.RoutinesError)
    assert issubclass(CatalogueError, routines.RoutinesError)
    assert issubclass(ExportError, routines.RoutinesError)
    assert issubclass(LogError, routines.RoutinesError)
