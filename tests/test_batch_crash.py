"""A worker process killed in the middle of a batch fails its own row at most, never
the batch: every row is in the report, written or failed with a reason, and the
others' plans are written."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from routines import BatchReport, batch
from routines.batching.batch import CRASHED

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)"),
]


def descendants(pid: int) -> set[int]:
    """Every process under ``pid`` (the pool's workers sit under a fork server)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def test_a_killed_worker_fails_at_most_its_row(tmp_path: Path) -> None:
    rows = [{"name": f"Client {n}", "weeks": "2", "timezone": "UTC"} for n in range(24)]
    before = descendants(os.getpid())
    result: list[BatchReport] = []
    runner = threading.Thread(target=lambda: result.append(batch(rows, tmp_path, workers=2)))
    runner.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and runner.is_alive():
        workers = sorted(descendants(os.getpid()) - before)
        # the pool's workers are the newest (a fork server may be older than this test)
        if len(workers) >= 2 and len(list(tmp_path.glob("*.pdf"))) >= 2:
            killed = workers[-1]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.05)
    runner.join(timeout=300)
    assert killed is not None, "no worker was killed: the test did not test anything"
    (report,) = result
    assert len(report.written) + len(report.failed) == 24  # every row accounted for
    assert all(f.reason == CRASHED for f in report.failed)
    assert len(report.failed) <= 1
    assert len(list(tmp_path.glob("*.pdf"))) == len(report.written)
