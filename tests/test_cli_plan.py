"""`routines plan`: flags and config files with the request's names; clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clitools import run_cli
from routines import Plan
from routines.errors import PlanError
from routines.planning.config import load_request, request_from

run = run_cli


def test_default_plan_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plan", "--start", "2026-01-05", "--tz", "Europe/Berlin")
    assert status == 0
    assert out.startswith("Upper back and core for runners\n8 weeks from Mon 05 Jan 2026")
    assert "week  4  (deload week)" in out
    for heading in ("warmup", "strength", "cooldown"):
        assert f"    {heading} (" in out
    assert "not medical advice" in out


def test_flags_reach_the_request_and_json_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "p.json"
    status, out, _ = run(
        capsys, "plan", "--start", "2026-03-02", "--weeks", "3", "--days", "tue,thu",
        "--minutes", "25", "--time", "18:30", "--tz", "America/New_York",
        "--level", "intermediate", "--equipment", "band,dumbbell", "--goal", "posture",
        "--avoid", "wrist_load", "--seed", "7", "--name", "Desk & back", "--json", str(target),
    )  # fmt: skip
    assert status == 0
    assert f"wrote {target}" in out
    p = Plan.from_json(target.read_text())
    r = p.request
    assert (r.weeks, r.minutes, r.goal, r.seed, r.name) == (3, 25, "posture", 7, "Desk & back")
    assert [d.value for d in r.days] == ["tue", "thu"]
    assert r.time.isoformat() == "18:30:00" and r.timezone == "America/New_York"
    assert [e.value for e in r.equipment] == ["band", "dumbbell"]


def test_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plan", "--weeks", "1", "--tz", "UTC", "--json", "-")
    assert status == 0
    assert json.loads(out)["schema_version"] == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--days", "mon,funday"], "argument --days: 'funday' is not allowed"),
        (["--level", "expert"], "argument --level: 'expert' is not allowed"),
        (["--weeks", "x"], "argument --weeks: 'x' is not a whole number"),
        (["--weeks", "60"], "argument --weeks: 60 is outside 1-52"),
        (["--minutes", "5"], "argument --minutes: 5 is outside 10-90"),
        (["--ics", "."], ".: is a folder; give a file name"),
        (["--tz", "Nowhere/City"], "'Nowhere/City' is not an IANA time zone"),
        (["--time", "7pm"], "argument --time: '7pm' is not a time of day; use HH:MM"),
        (["--screening", "dizzy=no"], "argument --screening: 'dizzy' is not a question"),
        (["--screening", "dizziness=maybe"], "answer yes or no"),
        (["--goal", "strong"], "goal: 'strong' is not a goal preset"),
    ],
)
def test_bad_values_exit_2_with_one_clear_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, _, err = run(capsys, "plan", "--tz", "UTC", *argv)
    assert status in {1, 2}
    assert message in err
    assert "Traceback" not in err
    if "goal" not in message and "folder" not in message:
        assert status == 2


def test_a_yes_in_the_screening_stops_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "plan", "--tz", "UTC", "--screening", "chest_pain_rest=yes")
    assert status == 1
    assert out == ""
    assert "see a physician" in err


def test_config_file_with_flags_on_top(tmp_path: Path) -> None:
    config = tmp_path / "plan.toml"
    config.write_text(
        'start = 2026-01-05\nweeks = 6\ndays = ["mon", "fri"]\ntime = 06:15:00\n'
        'timezone = "Europe/Berlin"\nlevel = "advanced"\n\n[screening]\ndizziness = false\n'
    )
    request = load_request(config, weeks=4)
    assert request.weeks == 4 and request.level == "advanced"
    assert request.time.isoformat() == "06:15:00"
    assert request.screening is not None and not request.screening.dizziness


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("weeks = 'six'", "weeks: 'six' is not a whole number"),
        ("dayz = ['mon']", "dayz: unknown field; did you mean 'days'?"),
        ("[screening]\nheart = true", "screening.heart: not a screening question"),
        ("weeks = ", "is not valid TOML"),
    ],
)
def test_config_errors_name_the_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "plan.toml"
    config.write_text(text + "\ntimezone = 'UTC'\n" if "=" in text.split("\n")[-1] else text)
    with pytest.raises(PlanError) as caught:
        load_request(config)
    assert str(caught.value).startswith(str(config))
    assert message in str(caught.value)


def test_request_from_reads_comma_lists() -> None:
    request = request_from({"days": "sat, mon", "avoid": "plank,neck", "timezone": "UTC"})
    assert [d.value for d in request.days] == ["mon", "sat"]
    assert request.avoid == ("plank", "neck")


def test_cli_never_shows_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "routines", "plan", "--config", str(tmp_path / "missing.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1  # a file's problem, not the command line's
    assert "no such config file; `routines init` writes one" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_start_in_the_past_and_a_log_date_to_come_are_pointed_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import datetime as dt

    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday() + 14)  # 2 weeks ago
    status, out, _ = run_cli(capsys, "plan", "--tz", "UTC", "--start", str(monday),
                             "--days", "mon,wed,fri", "--pdf", "none")  # fmt: skip
    assert status == 0
    assert f"which has passed: {6 + sum(1 for d in (0, 2, 4) if d < dt.date.today().weekday())}" \
        " of its sessions are already behind you" in out  # fmt: skip
    status, out, _ = run_cli(capsys, "plan", "--tz", "UTC", "--pdf", "none", "--force")
    assert status == 0 and "which has passed" not in out  # the default starts next Monday
    later = next(iter(Plan.read("plan.json").sessions)).date
    status, out, _ = run_cli(capsys, "log", "--date", str(later), "--pain", "1")
    assert status == 0 and f"note: {later:%a %d %b %Y} is still to come" in out
