"""End-to-end speed of the main command, and of a coach's batch.

Run: python benchmarks/bench_cli.py [--runs N] [--clients N]

Target (issue 6): `routines plan` for the default plan, from process start to
plan.pdf, plan.ics and plan.json written, <= 1.5 s. Each run is a new process in
an empty folder (the catalogue's parse cache warm, as after a first run). The
baselines, in the same run: a bare interpreter, and one that only imports the
libraries the command needs (reportlab's platypus, icalendar, cattrs); the
ratio says how much of the time is ours.

The batch part times `routines.batch` for N clients on one worker and on every
core: the speed-up is the point of the process pool.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import median_ms

from routines import batch


def run(argv: list[str], folder: Path) -> None:
    subprocess.run(argv, cwd=folder, check=True, capture_output=True)


def main_command(runs: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)

        def plan_once() -> None:
            for name in ("plan.pdf", "plan.ics", "plan.json"):
                (folder / name).unlink(missing_ok=True)
            run([sys.executable, "-m", "routines", "plan"], folder)

        ours = median_ms(plan_once, runs)
        bare = median_ms(lambda: run([sys.executable, "-c", "pass"], folder), runs)
        imports = (
            "import reportlab.platypus, reportlab.graphics.charts.barcharts, icalendar, cattrs"
        )
        libraries = median_ms(lambda: run([sys.executable, "-c", imports], folder), runs)
        sizes = ", ".join(
            f"{p.name} {p.stat().st_size // 1024} KiB" for p in sorted(folder.iterdir())
        )
    print(f"routines plan (default 8 weeks x 3 days), end to end: {ours:7.1f} ms  (target 1500)")
    print(f"  baseline: bare interpreter                         {bare:7.1f} ms")
    print(f"  baseline: interpreter + reportlab/icalendar/cattrs {libraries:7.1f} ms")
    print(f"  ratio to the library-import baseline: {ours / libraries:.2f}x; wrote {sizes}")


def batch_speed(runs: int, clients: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        table = folder / "clients.csv"
        with table.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name", "start", "days", "minutes", "timezone", "seed"])
            for n in range(clients):
                writer.writerow([f"Client {n}", "2026-03-02", "mon,wed,fri", 30, "UTC", n])
        (folder / "one").mkdir()
        (folder / "all").mkdir()
        one = median_ms(lambda: batch(table, folder / "one", workers=1, force=True), runs)
        cores = os.cpu_count() or 1
        every = median_ms(lambda: batch(table, folder / "all", force=True), runs)
    print(f"batch of {clients} clients, 1 worker:          {one:8.1f} ms")
    print(f"batch of {clients} clients, {cores} workers (all cores): {every:8.1f} ms")
    print(f"  speed-up {one / every:.2f}x on {cores} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clients", type=int, default=12)
    args = parser.parse_args()
    main_command(args.runs)
    batch_speed(max(1, args.runs // 2), args.clients)


if __name__ == "__main__":
    main()
