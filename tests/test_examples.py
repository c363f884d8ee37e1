"""Every script in examples/ runs, writes what it says it writes, and says what it shows.

Each example runs in a fresh folder, as a reader would run it, with warnings
turned into errors like the rest of the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

import routines

pytestmark = pytest.mark.slow  # PDFs, batches or whole example scripts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


@dataclass(frozen=True)
class Expected:
    """What one example must leave in its folder and print."""

    #: Glob pattern (relative to the folder it runs in) -> how many files match.
    #: Every file the example leaves must match one of these.
    files: Mapping[str, int] = field(default_factory=dict)
    #: Text its output must contain, each at least once.
    says: tuple[str, ...] = ()


EXPECTED = {
    "basic_pdf": Expected(files={"plan.pdf": 1}, says=("wrote ", "week 1 has 3 sessions")),
    "catalogue_tour": Expected(says=("exercises in the catalogue", "Harder than Band row")),
    "coach_batch": Expected(
        files={
            "plans/**/*.pdf": 4,
            "plans/**/*.ics": 4,
            "plans/**/*.json": 4,
            "plans/batch-manifest.sqlite": 1,
        },
        says=("Files for 4 clients", "Rows to fix in clients.csv: ", "minutes"),
    ),
    "custom_catalogue": Expected(
        files={"my-exercises/wall-angel-with-pause.toml": 1},
        says=(
            "including Wall angel with pause from my-exercises",
            "The plan uses wall-angel-with-pause in",
        ),
    ),
    "published_feed": Expected(
        files={"public/back-plan-2026.ics": 1},
        says=(
            "same UIDs: yes (12 events)\n  SEQUENCE raised on 0 of 12",
            "same UIDs: yes (12 events)\n  SEQUENCE raised on 12 of 12",
            "routines serve public/",
        ),
    ),
    "runner": Expected(says=("Week 1:", "no hinge, squat or lunge the day before the long run")),
}


def test_every_example_is_listed() -> None:
    """A deleted example fails here, and so does a new one nobody checks."""
    assert [script.stem for script in SCRIPTS] == sorted(EXPECTED)
    assert (EXAMPLES / "clients.csv").is_file(), "coach_batch.py reads it"


def check_file(path: Path) -> None:
    """Fail unless ``path`` is a sane file of its kind."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
        assert len(PdfReader(path).pages) >= 2, path
    elif path.suffix == ".ics":
        calendar = icalendar.Calendar.from_ical(data)
        found = calendar.walk("VEVENT")
        assert found, f"{path}: no events"
        assert all("UID" in event and "DTSTART" in event for event in found), path
    elif path.suffix == ".json":
        assert routines.Plan.from_json(data).weeks, path
    elif path.suffix == ".toml":
        assert tomllib.loads(data.decode("utf-8"))["id"] == path.stem, path
    elif path.suffix == ".sqlite":  # a batch's manifest: a row per client
        import sqlite3

        with sqlite3.connect(path) as db:
            assert db.execute("SELECT count(*) FROM people").fetchone()[0] >= 1, path
    else:
        pytest.fail(f"{path}: no check for {path.suffix!r} files; add one to check_file")


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalogue parse cache for all examples, outside the home folder."""
    return tmp_path_factory.mktemp("example-cache")


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.stem for script in SCRIPTS])
def test_example_runs(script: Path, tmp_path: Path, cache_home: Path) -> None:
    expected = EXPECTED.get(script.stem)
    if expected is None:
        pytest.fail(f"{script.name}: add what it writes and prints to EXPECTED")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    run = subprocess.run(
        [sys.executable, "-W", "error", str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    shown = f"stdout:\n{run.stdout}\nstderr:\n{run.stderr}"
    assert run.returncode == 0, shown
    for text in expected.says:
        assert text in run.stdout, f"{text!r} not printed\n{shown}"

    left = {path for path in tmp_path.rglob("*") if path.is_file()}
    for pattern, count in expected.files.items():
        matched = set(tmp_path.glob(pattern))
        assert len(matched) == count, f"{pattern}: {sorted(matched)}\n{shown}"
        left -= matched
    assert not left, f"files no entry in EXPECTED names: {sorted(left)}"
    for path in tmp_path.rglob("*"):
        if path.is_file():
            check_file(path)
