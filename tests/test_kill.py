"""Killed in the middle: bounded rounds of SIGKILL during `routines plan` over an
existing plan (alternating 20 and 30 minutes) must leave the folder holding one
consistent set, once the next run has cleaned up (as every run does first): the
JSON, the calendar and the PDF all of the same plan, and no temporary files."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
import vobject
from pypdf import PdfReader

from routines import Plan
from routines._files import clean_stale

pytestmark = pytest.mark.slow  # real processes, killed

ROUNDS = 10


def command(minutes: int) -> list[str]:
    return [sys.executable, "-m", "routines", "plan", "--tz", "UTC", "--weeks", "2",
            "--start", "2030-01-07", "--minutes", str(minutes)]  # fmt: skip


def consistent(folder: Path) -> int:
    """The minutes of the one plan the folder holds (asserting its files agree)."""
    plan = Plan.read(folder / "plan.json")
    minutes = plan.request.minutes
    sessions = {s.date: s for s in plan.sessions}
    calendar = vobject.readOne((folder / "plan.ics").read_text(encoding="utf-8"))
    for event in calendar.vevent_list:
        session = sessions[event.dtstart.value.date()]
        assert f"about {session.minutes} min" in event.description.value
    cover = PdfReader(folder / "plan.pdf").pages[0].extract_text()
    assert f"about {minutes} minutes each" in cover
    return minutes


def test_killed_re_plans_leave_one_consistent_set(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    folder = tmp_path / "plans"
    folder.mkdir()
    started = time.monotonic()
    subprocess.run(command(30), cwd=folder, env=env, check=True, capture_output=True)
    whole = time.monotonic() - started  # a whole run: kills land anywhere inside one
    draw = random.Random(20261201)  # noqa: S311 - reproducible delays
    killed = 0
    for round_ in range(ROUNDS):
        process = subprocess.Popen(
            command(20 if round_ % 2 == 0 else 30), cwd=folder, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(draw.uniform(0.3, 0.98) * whole)
        process.kill()
        killed += process.wait(timeout=30) == -9  # killed, not finished
        clean_stale(folder)  # what the next run does before it writes
        assert consistent(folder) in (20, 30)
        assert sorted(p.name for p in folder.iterdir()) == ["plan.ics", "plan.json", "plan.pdf"]
    assert killed >= ROUNDS // 3, killed  # the rounds really interrupted runs
