"""Hostile input, bounded: every command of the CLI driven with hostile arguments,
and the library's entry points given hostile values. Whatever comes in, out comes
an answer or the project's own error: never a traceback, never "internal error",
never a changed folder after a refusal."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routines import (
    LogError,
    Plan,
    PlanError,
    PlanRequest,
    RoutinesError,
    TrainingLog,
    load_catalogue,
    plan,
)
from routines.cli import main
from strategies import hostile_text

pytestmark = pytest.mark.slow

COMMANDS = {
    "plan": ["--start", "--weeks", "--days", "--minutes", "--time", "--tz", "--level",
             "--equipment", "--goal", "--avoid", "--seed", "--name", "--alarm", "--paper",
             "--pdf", "--ics", "--json", "--config", "--catalogue", "--out", "--screening"],
    "log": ["--date", "--for", "--item", "--pain", "--settled", "--red-flag", "--notes",
            "--unit", "--cleared-by", "--plan", "--log", "--import"],
    "adapt": ["--today", "--plan", "--log", "--ics", "--feed", "--pdf", "--alarm", "--paper"],
    "batch": ["--out", "--workers", "--paper", "--alarm", "--catalogue"],
    "feed": ["--plan", "--days", "--tz", "--weeks"],
    "serve": ["--port"],
    "exercises": ["--catalogue"],
    "init": ["--output"],
}  # fmt: skip

hostile_values = st.one_of(
    hostile_text,
    st.sampled_from(["", "-1", "0", "99999", "none", "..", "/", "nowhere/x.json", "pipe",
                     "plan.json", "2026-02-30", "9999-12-31", "25:99", "\x1b[31m", "a\x00b",
                     "mon,,mon", "band-row:sets=x", "1e309", "NaN", "--force"]),
    st.text(max_size=20),
)  # fmt: skip


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(COMMANDS)))
    options = draw(st.lists(st.sampled_from(COMMANDS[command]), min_size=1, max_size=4))
    line = [command]
    if command in ("batch", "feed", "serve"):
        line.append(draw(st.sampled_from(["clients.csv", "public", "pipe", "nowhere"])))
    for option in options:
        line += [option, draw(hostile_values)]
    if command == "serve":  # never a server that runs: only ports it must refuse
        line += ["--port", draw(st.sampled_from(["70000", "-5", "http"]))]
    if command == "plan":
        line.append("--dry-run") if draw(st.booleans()) else None
    return line


@contextlib.contextmanager
def a_folder() -> Iterator[Path]:
    """A fresh folder with a plan, a client list and a FIFO, as the current folder."""
    old = Path.cwd()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.chdir(folder)
        try:
            (folder / "clients.csv").write_text("name,timezone\nAnn,UTC\n")
            os.mkfifo(folder / "pipe")
            yield folder
        finally:
            os.chdir(old)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != "pipe"
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command_lines())
def test_the_cli_never_breaks(argv: list[str]) -> None:
    with a_folder() as folder:
        before = snapshot(folder)
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                status = main(argv)
            except SystemExit as exc:
                status = int(exc.code or 0)
        text = err.getvalue()
        assert "Traceback" not in text and "internal error" not in text, (argv, text)
        assert status in (0, 1, 2), (argv, status, text)
        if status:
            assert snapshot(folder) == before, (argv, text)
            said = text.startswith("routines: error: ") or "usage:" in text
            assert said or (argv[0] == "batch" and "failed" in out.getvalue()), (argv, text)


requests = st.fixed_dictionaries(
    {},
    optional={
        field: st.one_of(hostile_values, st.integers(-10**20, 10**20), st.none(),
                         st.floats(allow_nan=True), st.lists(hostile_values, max_size=3),
                         st.booleans())
        for field in ("start", "weeks", "days", "minutes", "time", "timezone", "level",
                      "equipment", "goal", "run_days", "long_run", "avoid", "seed", "name",
                      "id", "deload_every", "alarm", "paper", "cleared_by")
    },
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(requests)
def test_plan_request_raises_only_our_errors(fields: dict[str, object]) -> None:
    try:
        request = PlanRequest(**fields)  # type: ignore[arg-type]
    except PlanError:
        return
    with contextlib.suppress(RoutinesError):
        plan(request)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=200), hostile_values.map(str.encode)))
def test_plan_from_json_raises_only_plan_errors(data: bytes) -> None:
    with contextlib.suppress(PlanError):
        Plan.from_json(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_a_catalogue_file_of_any_text_is_a_catalogue_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        (Path(name) / "x.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
        with contextlib.suppress(RoutinesError):
            load_catalogue(name)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4096))
def test_a_training_log_of_any_bytes_is_a_log_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "x.sqlite"
        path.write_bytes(data)
        for read_only in (True, False):
            with contextlib.suppress(LogError), TrainingLog(path, read_only=read_only) as log:
                log.entries()


_BASE = plan(PlanRequest(weeks=2, timezone="UTC", start="2030-01-07")).to_dict()


def _paths(data: object, where: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every place in a JSON value (the key or index path to it)."""
    yield where
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*where, index))


_PLACES = [p for p in _paths(_BASE) if p and p[0] not in ("schema_version",)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(_PLACES),
                  st.one_of(st.none(), st.integers(-5, 500), hostile_values, st.just([]))),
        min_size=1, max_size=3,
    )
)  # fmt: skip
def test_a_plan_that_reads_never_crashes_adapt(
    changes: list[tuple[tuple[object, ...], object]],
) -> None:
    import copy
    import datetime as dt

    from routines import LogEntry, adapt

    data = copy.deepcopy(_BASE)
    for place, value in changes:
        target: object = data
        try:
            for step in place[:-1]:
                target = target[step]  # type: ignore[index]
            target[place[-1]] = value  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            continue
    try:
        mutated = Plan.from_dict(data)
    except PlanError:
        return
    first = next(iter(mutated.sessions), None)
    log = [LogEntry(date=first.date, pain=7)] if first is not None else []
    with contextlib.suppress(RoutinesError):
        adapt(mutated, log, today=dt.date(2030, 1, 9))
