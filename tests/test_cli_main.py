"""The newcomer's path: `routines plan` with no options writes plan.pdf, plan.ics and
plan.json here, and never replaces a PDF or another plan's file without --force;
`routines init` writes a starter config that holds every option."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
import vobject

from clitools import run_cli
from routines import Plan, PlanError, PlanRequest, plan
from routines._request import next_monday
from routines.planning.config import load_request, load_request_text, starter_config

FILES = ("plan.pdf", "plan.ics", "plan.json")


run = run_cli


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def events(path: Path) -> list[vobject.base.Component]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return list(calendar.vevent_list)


def test_the_main_command_writes_three_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "plan", "--tz", "Europe/Berlin")
    assert status == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)
    for name in FILES:
        assert f"wrote {name}: " in out
    assert out.index("not medical advice") < out.index("wrote plan.pdf")
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    p = Plan.from_json((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert p.request.start == next_monday(dt.date.today())
    assert p.request.start > dt.date.today() and p.request.start.weekday() == 0
    assert p.request.goal == "upper-back-runner"
    # an independent parser sees one event per session
    assert len(events(tmp_path / "plan.ics")) == len(list(p.sessions)) == 24


def test_files_are_readable_like_any_other_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        assert run(capsys, "plan", "--tz", "UTC", "--weeks", "1")[0] == 0
    finally:
        os.umask(old)
    for name in FILES:  # a feed is served to others: not the 0600 of a temporary file
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_a_second_run_updates_its_own_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "plan", "--tz", "UTC", "--weeks", "2")[0] == 0
    uids = [e.uid.value for e in events(tmp_path / "plan.ics")]
    status, _, err = run(capsys, "plan", "--tz", "UTC", "--weeks", "2", "--minutes", "40")
    assert status == 0, err  # the PDF carries the plan's identity: it is this plan's
    assert [e.uid.value for e in events(tmp_path / "plan.ics")] == uids
    assert Plan.read(tmp_path / "plan.json").request.minutes == 40


def test_a_pdf_that_is_not_this_plans_is_refused_and_nothing_touched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4 somebody's scan\n%%EOF\n")
    before = snapshot(tmp_path)
    status, out, err = run(capsys, "plan", "--tz", "UTC", "--weeks", "2")
    assert status == 1
    assert out == ""
    assert err.strip() == (
        "routines: error: plan.pdf: exists and is not a file of this plan; choose another "
        "name, or add --force to replace it"
    )
    assert snapshot(tmp_path) == before


def test_force_replaces_and_the_calendar_keeps_its_events(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "plan", "--tz", "UTC", "--weeks", "2")[0] == 0
    uids = [e.uid.value for e in events(tmp_path / "plan.ics")]
    status, _, err = run(
        capsys, "plan", "--tz", "UTC", "--weeks", "2", "--minutes", "40", "--force"
    )
    assert status == 0, err
    after = events(tmp_path / "plan.ics")
    assert [e.uid.value for e in after] == uids
    assert {int(e.sequence.value) for e in after} == {1}  # every session got longer
    assert Plan.from_json((tmp_path / "plan.json").read_text()).request.minutes == 40


def test_without_the_pdf_the_same_plan_updates_in_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Regenerating the same plan is the feed's normal update: no --force needed."""
    assert run(capsys, "plan", "--tz", "UTC", "--weeks", "2")[0] == 0
    (tmp_path / "plan.pdf").unlink()
    status, _, err = run(capsys, "plan", "--tz", "UTC", "--weeks", "2", "--time", "18:00")
    assert status == 0, err
    assert {e.dtstart.value.hour for e in events(tmp_path / "plan.ics")} == {18}


@pytest.mark.parametrize("name", ["plan.ics", "plan.json"])
def test_another_file_in_the_way_stops_everything(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_text("my own notes\n")
    status, _, err = run(capsys, "plan", "--tz", "UTC")
    assert status == 1
    assert f"{name}: exists and is not" in err and "--force" in err
    assert [p.name for p in tmp_path.iterdir()] == [name]  # nothing else was written
    assert (tmp_path / name).read_text() == "my own notes\n"


def test_another_plans_files_are_not_this_plans(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--pdf", "none")[0] == 0
    status, _, err = run(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--name", "Other")
    assert status == 1
    assert err.strip() == (
        "routines: error: plan.ics: belongs to another plan (Upper back and core for "
        "runners); choose another name, or add --force to replace it"
    )


def test_dry_run_and_skipped_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "plan", "--tz", "UTC", "--dry-run")
    assert status == 0 and "Upper back and core for runners" in out and "wrote" not in out
    assert list(tmp_path.iterdir()) == []
    status, out, _ = run(capsys, "plan", "--tz", "UTC", "--pdf", "none", "--ics", "NONE")
    assert status == 0
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_out_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--out", "a/b")[0] == 0
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == sorted(FILES)
    (tmp_path / "file").write_text("x")
    status, _, err = run(capsys, "plan", "--tz", "UTC", "--out", "file/sub")
    assert status == 1
    assert err.strip() == (
        "routines: error: file/sub/plan.json: file is a file, not a folder; give another path"
    )


def test_same_name_twice_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "plan", "--tz", "UTC", "--ics", "x", "--json", "x")
    assert status == 1 and "give each file its own name" in err
    assert list(tmp_path.iterdir()) == []


def test_letter_paper(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert run(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--paper", "letter")[0] == 0
    box = PdfReader(tmp_path / "plan.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


# -- routines init ---------------------------------------------------------------


def test_init_writes_every_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "init")
    assert status == 0 and "routines plan --config plan.toml" in out
    text = (tmp_path / "plan.toml").read_text(encoding="utf-8")
    for field in attrs.fields_dict(PlanRequest):
        if field == "screening":
            assert "# [screening]" in text
        else:
            assert f"\n{field} = " in text or f"\n# {field} = " in text, field
    # the file is the default request, with the start fixed to next Monday
    request = load_request(tmp_path / "plan.toml")
    assert request == PlanRequest(start=next_monday(), timezone=request.timezone)
    assert request.screening is None  # nobody answered the readiness questions for you


def test_init_screening_uncommented_is_a_working_readiness_screen() -> None:
    text = starter_config(dt.date(2026, 11, 21))
    head, _, screening = text.partition("# [screening]\n")
    answers = [line[2:] for line in screening.splitlines() if " = " in line]
    assert len(answers) == 7 and all(a.endswith(" = false") for a in answers)
    answered = head + "[screening]\n" + "\n".join(answers) + "\n"
    request = load_request_text(answered.replace("timezone = ", "# timezone = "))
    assert request.start == dt.date(2026, 11, 23)
    assert request.screening is not None and request.screening.yes_answers() == []
    with pytest.raises(PlanError, match="dizziness"):
        plan(load_request_text(answered.replace("dizziness = false", "dizziness = true")))


def test_init_refuses_to_replace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text("weeks = 3\n")
    status, _, err = run(capsys, "init")
    assert status == 1 and "plan.toml: exists" in err and "--force" in err
    assert (tmp_path / "plan.toml").read_text() == "weeks = 3\n"
    assert run(capsys, "init", "--force")[0] == 0
    assert "[screening]" in (tmp_path / "plan.toml").read_text()


def test_config_then_flags(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "init")[0] == 0
    text = (tmp_path / "plan.toml").read_text().replace("weeks = 8", "weeks = 3")
    (tmp_path / "plan.toml").write_text(text)
    status, _, err = run(capsys, "plan", "--config", "plan.toml", "--minutes", "20")
    assert status == 0, err
    p = Plan.from_json((tmp_path / "plan.json").read_text())
    assert (p.request.weeks, p.request.minutes) == (3, 20)


# -- every command's help, and the process as a newcomer runs it -----------------


def test_the_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from routines.cli import build_parser

    actions = build_parser()._subparsers._group_actions  # type: ignore[union-attr]
    assert set(actions[0].choices or ()) == set(COMMANDS)  # a new command must join the test below
    status, out, _ = run(capsys, "--help")
    assert status == 0 and all(f"routines {c}" in out for c in COMMANDS if c != "serve")


COMMANDS = ["plan", "init", "batch", "log", "adapt", "feed", "serve", "exercises"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    status, out, _ = run(capsys, command, "--help")
    assert status == 0
    assert f"usage: routines {command}" in out
    assert "\nexamples:\n" in out and f"  routines {command}" in out.split("examples:")[1]
    assert max(len(line) for line in out.splitlines()) <= 100  # readable in a terminal


def test_a_real_process_end_to_end(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "routines", "plan", "--weeks", "1"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert all((tmp_path / name).stat().st_size > 1000 for name in FILES)
    again = subprocess.run(
        [sys.executable, "-m", "routines", "plan", "--weeks", "1", "--name", "Another"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert again.returncode == 1  # another plan's files are not replaced
    assert again.stderr.count("\n") == 1 and "Traceback" not in again.stderr
