"""Whose file is it, read cheaply (issue 18: a re-export used to parse the previous
plan and calendar several times): the JSON by its identity fields, the calendar by
its own properties before the first event. What is not a plan file of this version
stays foreign; a damaged file of this plan is replaced, except when the plan went
through its log and the file holds the past that must be kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import vobject

from clitools import run_cli
from routines import Plan
from routines._identity import plan_identity
from routines.exporters.owners import owner_of

PLAN = ("plan", "--tz", "UTC", "--start", "2027-03-01", "--weeks", "2", "--name", "Owner test",
        "--pdf", "none")  # fmt: skip


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run_cli(capsys, *argv)
    assert status == 0, err
    return out


def one_line_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, _, err = run_cli(capsys, *argv)
    assert status == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(
    "text",
    ["[1, 2]", '"plan"', '{"schema_version": 99, "request": {}, "title": "x"}',
     '{"schema_version": 1, "request": [], "title": "x"}', '{"schema_version": 1}', "{"],
)  # fmt: skip
def test_what_is_not_a_plan_file_of_this_version_is_foreign(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("plan.json").write_text(text, encoding="utf-8")
    err = one_line_error(capsys, *PLAN)
    assert "plan.json: exists and is not a file of this plan" in err
    assert Path("plan.json").read_text(encoding="utf-8") == text  # untouched


def test_identity_title_stop_and_adaptation_come_from_the_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, *PLAN)
    identity = plan_identity(Plan.read("plan.json"))
    mine = owner_of("json", Path("plan.json"), identity)
    assert (mine.kind, mine.title, mine.stopped, mine.adapted) == ("this plan", "Owner test",
                                                                   None, None)  # fmt: skip
    assert owner_of("json", Path("plan.json"), "someone-else").kind == "another plan"
    data = json.loads(Path("plan.json").read_text(encoding="utf-8"))
    data["stopped"], data["adapted"] = "a red flag", "Adapted to the log"
    Path("plan.json").write_text(json.dumps(data), encoding="utf-8")
    found = owner_of("json", Path("plan.json"), identity)
    assert (found.stopped, found.adapted) == ("a red flag", "Adapted to the log")
    data["request"]["id"] = "client-7"  # the request's id names the plan before its name
    Path("plan.json").write_text(json.dumps(data), encoding="utf-8")
    assert owner_of("json", Path("plan.json"), identity).kind == "another plan"


def test_a_calendar_is_known_by_its_head_and_a_damaged_body_is_rewritten(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, *PLAN)
    text = Path("plan.ics").read_text(encoding="utf-8")
    head, _, _ = text.partition("BEGIN:VEVENT")
    Path("plan.ics").write_text(head + "BEGIN:VEVENT\r\nthis is not iCalendar\r\n", "utf-8")
    ok(capsys, *PLAN)  # its own file (by its head): replaced without --force
    calendar = vobject.readOne(Path("plan.ics").read_text(encoding="utf-8"))
    assert len(calendar.vevent_list) == 6  # two weeks of three sessions, readable again
    other = re.sub(r"X-ROUTINES-PLAN:[^\r\n]+", "X-ROUTINES-PLAN:somebody-else-1", text)
    Path("other.ics").write_text(other.replace("Owner test", "Somebody else"), "utf-8")
    err = one_line_error(capsys, *PLAN, "--ics", "other.ics")
    assert "other.ics: belongs to another plan (Somebody else)" in err


def test_a_damaged_json_of_an_adapted_plan_is_named_not_replaced(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, *PLAN)
    ok(capsys, "log", "--date", "2027-03-01", "--pain", "2")
    ok(capsys, "adapt", "--today", "2027-03-02")
    data = json.loads(Path("plan.json").read_text(encoding="utf-8"))
    assert data.get("adapted")
    data["weeks"] = "broken"
    damaged = json.dumps(data)
    Path("plan.json").write_text(damaged, encoding="utf-8")
    err = one_line_error(capsys, *PLAN)
    assert err.startswith("routines: error: plan.json: ") and "restore it from a copy" in err
    assert Path("plan.json").read_text(encoding="utf-8") == damaged
