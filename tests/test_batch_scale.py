"""The batch at scale: any executor (a local Dask cluster gives the same files as
the process pool), folder layouts, a report of every row, an interrupted batch
that resumes with every row done once, and memory that stays flat as the list
grows."""

from __future__ import annotations

import csv
import json
import re
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from routines import batch
from routines.batching.manifest import MANIFEST

pytestmark = pytest.mark.slow  # worker processes, a Dask cluster


def rows(count: int, weeks: int = 1) -> list[dict[str, str]]:
    return [{"name": f"Client {n}", "weeks": str(weeks), "timezone": "UTC",
             "start": "2030-01-07"} for n in range(count)]  # fmt: skip


def events_of(path: Path) -> list[str]:
    """The calendar's events, without the lines that say when they were written."""
    lines = path.read_text(encoding="utf-8").replace("\r\n ", "").splitlines()
    return [line for line in lines if not line.startswith(("DTSTAMP", "LAST-MODIFIED"))]


def test_a_local_dask_cluster_makes_the_same_files(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    clients = rows(6, weeks=2)
    pool = batch(clients, tmp_path / "pool", workers=2)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")  # fmt: skip
    try:
        with distributed.Client(cluster) as client:
            dask = batch(clients, tmp_path / "dask", executor=client.get_executor(pure=False))
    finally:
        cluster.close()
    assert pool.ok and dask.ok and len(dask.written) == len(pool.written) == 6
    for a, b in zip(pool.written, dask.written, strict=True):
        assert a.json and b.json and a.ics and b.ics and a.pdf and b.pdf
        assert a.json.read_bytes() == b.json.read_bytes()
        assert events_of(a.ics) == events_of(b.ics)
        assert b.pdf.read_bytes().startswith(b"%PDF-") and b.pdf.stat().st_size > 50_000


def test_an_executor_gets_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a cluster's workers run in folders of their own: a relative path would land there
    monkeypatch.chdir(tmp_path)
    submitted: list[Any] = []

    class Watching(ThreadPoolExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            submitted.extend(args)
            return super().submit(fn, *args, **kwargs)

    with Watching(1) as pool:
        report = batch(rows(2, weeks=1), "plans", executor=pool, kinds=("json",))
    assert report.ok and report.out_dir == tmp_path / "plans"
    files = [path for job in submitted for path in job.files if path is not None]
    assert len(files) == 2 and all(path.is_absolute() and path.is_file() for path in files)


@pytest.mark.parametrize(
    ("folders", "expected"),
    [("flat", "client-0.pdf"), ("person", "client-0/plan.pdf")],
)
def test_folder_layouts(tmp_path: Path, folders: str, expected: str) -> None:
    report = batch(rows(2), tmp_path, workers=1, folders=folders)
    assert report.ok and (tmp_path / expected).is_file()


def test_sharded_folders_spread_people(tmp_path: Path) -> None:
    report = batch(rows(3), tmp_path, workers=1, folders="sharded", kinds=("json",))
    assert report.ok
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("plan.json"))
    assert len(made) == 3 and all(len(path.split("/")) == 3 for path in made)  # xx/name/plan.json
    assert all(len(path.split("/")[0]) == 2 for path in made)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_the_report_lists_every_row(tmp_path: Path, suffix: str) -> None:
    clients = [*rows(3), {"name": "Bad", "minutes": "5", "timezone": "UTC"}]
    report_file = tmp_path / f"report{suffix}"
    batch(clients, tmp_path / "out", workers=1, report=report_file, kinds=("json",))
    if suffix == ".csv":
        with report_file.open(newline="") as handle:
            lines = list(csv.DictReader(handle))
    else:
        lines = [json.loads(line) for line in report_file.read_text().splitlines()]
    assert sorted((int(line["row"]), line["status"]) for line in lines) == [
        (1, "done"), (2, "done"), (3, "done"), (4, "failed")
    ]  # fmt: skip
    assert "minutes" in next(line for line in lines if line["status"] == "failed")["field"]


def test_an_interrupted_batch_resumes_and_does_every_row_once(tmp_path: Path) -> None:
    clients = rows(12)
    out = tmp_path / "out"

    pressed: list[int] = []

    def stop_after_four(done: int, total: int | None) -> None:
        if done >= 4 and not pressed:  # Ctrl-C, once
            pressed.append(done)
            raise KeyboardInterrupt

    first = batch(clients, out, workers=2, progress=stop_after_four, kinds=("json", "ics"),
                  report=tmp_path / "first.jsonl")  # fmt: skip
    assert first.interrupted and first.remaining > 0 and not first.ok
    assert "run the same command again" in str(first)
    assert not list(out.rglob("*.tmp"))  # no half-written file
    second = batch(clients, out, workers=2, kinds=("json", "ics"), report=tmp_path / "second.jsonl")
    assert second.ok and not second.interrupted
    assert second.skipped == first.done  # what was done is not done again
    assert first.done + second.done == 12
    done = [json.loads(line) for name in ("first.jsonl", "second.jsonl")
            for line in (tmp_path / name).read_text().splitlines()]  # fmt: skip
    made = [line["row"] for line in done if line["status"] == "done"]
    assert sorted(made) == list(range(1, 13))  # every row made exactly once
    assert (out / MANIFEST).is_file()
    third = batch(clients, out, workers=2, kinds=("json", "ics"))
    assert third.skipped == 12 and third.done == 0


def test_memory_stays_flat_as_the_list_grows(tmp_path: Path) -> None:
    def peak(count: int) -> int:
        clients = iter(rows(count))  # the list itself is the caller's, not the batch's
        tracemalloc.start()
        report = batch(clients, tmp_path / str(count), workers=2, kinds=("json",),
                       keep_results=False)  # fmt: skip
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert report.ok and report.done == count
        return top

    small, large = peak(50), peak(800)
    assert large < small + 2_000_000, (small, large)  # sixteen times the rows, not the memory


def test_ctrl_c_at_a_terminal_stops_cleanly(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches the whole process group, workers included: the
    batch stops after the rows running, records every file it wrote, says how many
    rows remain, and the same command then does the rest, each row once."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    with (tmp_path / "clients.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, ["name", "weeks", "timezone", "start"])
        writer.writeheader()
        writer.writerows(rows(60))
    argv = [sys.executable, "-m", "routines", "batch", "clients.csv", "--out", "out",
            "--workers", "2"]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    child = subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True, env=env)  # fmt: skip
    deadline = time.monotonic() + 60
    while len(list((tmp_path / "out").glob("*.json"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGINT)  # as a terminal does
    out, err = child.communicate(timeout=120)
    assert "Traceback" not in err and "internal error" not in err, err
    assert child.returncode == 1, (out, err)
    said = re.search(r"(\d+) rows? (?:remain|not started)", out + err)
    assert said is not None, out + err
    remaining = int(said.group(1))
    made = sorted(p.stem for p in (tmp_path / "out").glob("*.json"))
    with sqlite3.connect(tmp_path / "out" / MANIFEST) as db:
        recorded = db.execute("SELECT COUNT(*) FROM people WHERE status = 'done'").fetchone()[0]
    assert recorded == len(made) and 0 < remaining == 60 - len(made)  # nothing unrecorded
    again = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, env=env,
                           timeout=300, check=False)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 60
    assert f"{60 - len(made)} plans written" in again.stdout, again.stdout
    assert f"{len(made)} done before and skipped" in again.stdout, again.stdout


def test_the_manifest_finds_its_files_from_another_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert batch(rows(3), "plans", workers=1, kinds=("json",)).done == 3
    monkeypatch.chdir(tmp_path)  # the same folder, named from its parent
    again = batch(rows(3), "sub/plans", workers=1, kinds=("json",))
    assert again.skipped == 3 and again.done == 0


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    from routines import PlanError
    from routines.batching.manifest import Manifest

    (tmp_path / "out").mkdir()
    running = Manifest(tmp_path / "out")  # another run holds the folder
    try:
        with (
            ThreadPoolExecutor(1) as pool,
            pytest.raises(PlanError, match="another routines batch is writing there"),
        ):
            batch(rows(1), tmp_path / "out", executor=pool, kinds=("json",))
    finally:
        running.close()
    with ThreadPoolExecutor(1) as pool:  # once it ends, the folder is free
        assert batch(rows(1), tmp_path / "out", executor=pool, kinds=("json",)).done == 1


@pytest.mark.parametrize(("option", "value"), [("in_flight", -1), ("in_flight", 0),
                                                ("workers", 0), ("workers", True)])  # fmt: skip
def test_numbers_of_workers_and_rows_in_flight_are_checked(
    tmp_path: Path, option: str, value: Any
) -> None:
    from routines import PlanError

    with pytest.raises(PlanError, match=f"is not a number of {option}; give 1 or more"):
        batch(rows(1), tmp_path, **{option: value})


def test_adding_or_moving_rows_leaves_the_others_alone(tmp_path: Path) -> None:
    """Client lists change between runs: a new client at the top, two rows swapped,
    and a second person of the same name. Each person keeps their files; only the
    new row is made."""
    clients = rows(4)
    out = tmp_path / "out"
    with ThreadPoolExecutor(2) as pool:
        assert batch(clients, out, executor=pool, kinds=("json",)).done == 4
        before = sorted(p.name for p in out.glob("*.json"))
        changed = [{**clients[0], "name": "New Person"}, clients[1], clients[0], *clients[2:]]
        again = batch(changed, out, executor=pool, kinds=("json",))
        assert (again.done, again.skipped) == (1, 4)
        same_name = [*changed, clients[3]]  # a second "Client 3"
        third = batch(same_name, out, executor=pool, kinds=("json",))
    assert (third.done, third.skipped) == (1, 5)
    after = sorted(p.name for p in out.glob("*.json"))
    assert after == sorted([*before, "new-person.json", "client-3-2.json"])


def test_a_changed_goal_or_an_edited_exercise_makes_the_row_again(tmp_path: Path) -> None:
    """A new goal is another plan, but the files are still this person's: the batch
    replaces them without --force. An edited exercise of the user's own catalogue
    folder makes every row again."""
    import shutil

    mine = tmp_path / "mine"
    shutil.copytree(Path(__file__).parent.parent / "docs" / "howto" / "my-exercises", mine)
    out = tmp_path / "out"
    clients = rows(2)
    with ThreadPoolExecutor(2) as pool:
        first = batch(clients, out, executor=pool, kinds=("json",), catalogue_dirs=[mine])
        assert first.done == 2
        changed = [{**clients[0], "goal": "posture"}, clients[1]]
        again = batch(changed, out, executor=pool, kinds=("json",), catalogue_dirs=[mine])
        assert (again.done, again.skipped, len(again.failed)) == (1, 1, 0), again.failed
        assert json.loads((out / "client-0.json").read_text())["request"]["goal"] == "posture"
        (exercise,) = mine.glob("*.toml")
        exercise.write_text(exercise.read_text() + "\n# edited\n")
        third = batch(changed, out, executor=pool, kinds=("json",), catalogue_dirs=[mine])
    assert (third.done, third.skipped) == (2, 0)


def test_a_broken_quote_names_its_line_and_the_rows_before_it_are_kept(tmp_path: Path) -> None:
    from routines import PlanError

    source = tmp_path / "c.csv"
    source.write_text('name,weeks,timezone\nAnn,1,UTC\nBob,1,UTC\n"Cid"x,1,UTC\nDan,1,UTC\n')
    with ThreadPoolExecutor(2) as pool:
        with pytest.raises(PlanError, match=r"c.csv: cannot be read as CSV at line 4 "):
            batch(source, tmp_path / "out", executor=pool, kinds=("json",))
        source.write_text(source.read_text().replace('"Cid"x', "Cid"))  # mended
        again = batch(source, tmp_path / "out", executor=pool, kinds=("json",))
    assert (again.skipped, again.done) == (2, 2)  # Ann and Bob were recorded
