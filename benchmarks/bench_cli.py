"""End-to-end speed of the main command, and of a coach's batch.

Run: python benchmarks/bench_cli.py [--runs N] [--clients N] [--against SRC]

Target (issue 6): `routines plan` for the default plan, from process start to
plan.pdf, plan.ics and plan.json written, <= 1.5 s. Each run is a new process in
an empty folder (the catalogue's parse cache warm, as after a first run). The
baselines, in the same run: a bare interpreter, and one that only imports the
libraries the command needs (reportlab's platypus, icalendar, cattrs); the
ratio says how much of the time is ours.

Target (issue 18): the CPU time of `routines plan` at most 0.7x of the code of
the day the issue was filed, and a re-export (over the plan's own files) costing
about what a fresh one does. CPU is the process's user + system time; with
``--against SRC`` (another checkout's ``src``, for example a worktree of commit
1d0cd8c: ``git worktree add /tmp/base 1d0cd8c``) both are measured in turn, in
the same run, and the ratio printed.

The batch part times `routines.batch` for N clients on one worker and on every
core: the speed-up is the point of the process pool.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import median_ms

from routines import batch


def run(argv: list[str], folder: Path) -> None:
    subprocess.run(argv, cwd=folder, check=True, capture_output=True)


def cpu_ms(argv: list[str], folder: Path, source: str | None = None) -> float:
    """The CPU time (user + system) of one run of ``argv``, in milliseconds."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = source
    child = subprocess.Popen(argv, cwd=folder, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed in {folder}")
    return (usage.ru_utime + usage.ru_stime) * 1000


def main_command_cpu(runs: int, against: str | None) -> None:
    """Median CPU of `routines plan`: fresh, and over its own files; the two source
    trees' runs alternate, so a busy moment of the machine slows both alike."""
    argv = [sys.executable, "-m", "routines", "plan", "--tz", "UTC", "--start", "2027-01-04"]
    sources = {"this checkout": None} | ({"--against": against} if against else {})
    fresh: dict[str, list[float]] = {name: [] for name in sources}
    again: dict[str, list[float]] = {name: [] for name in sources}
    with tempfile.TemporaryDirectory() as scratch:
        for run_index in range(runs + 1):  # the first run of each warms caches, uncounted
            for name, source in sources.items():
                folder = Path(scratch) / name.strip("-").replace(" ", "-")
                folder.mkdir(exist_ok=True)
                for old in folder.iterdir():
                    old.unlink()
                first = cpu_ms(argv, folder, source)
                # over the plan's own files (--force: older versions refused a PDF)
                second = cpu_ms([*argv, "--force"], folder, source)
                if run_index:
                    fresh[name].append(first)
                    again[name].append(second)
    ours = statistics.median(fresh["this checkout"])
    ours_again = statistics.median(again["this checkout"])
    print(f"routines plan, CPU (user + system), median of {runs}:")
    print(f"  fresh folder            {ours:7.1f} ms")
    print(
        f"  over its own files      {ours_again:7.1f} ms   ratio to fresh {ours_again / ours:.2f}"
    )
    if against:
        theirs = statistics.median(fresh["--against"])
        theirs_again = statistics.median(again["--against"])
        print(f"  --against, fresh        {theirs:7.1f} ms   ours / theirs {ours / theirs:.2f}"
              "  (target <= 0.70)")  # fmt: skip
        print(f"  --against, own files    {theirs_again:7.1f} ms   ours / theirs "
              f"{ours_again / theirs_again:.2f}")  # fmt: skip


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
        one = median_ms(
            lambda: batch(table, folder / "one", workers=1, force=True, resume=False), runs
        )
        cores = os.cpu_count() or 1
        every = median_ms(lambda: batch(table, folder / "all", force=True, resume=False), runs)
    print(f"batch of {clients} clients, 1 worker:          {one:8.1f} ms")
    print(f"batch of {clients} clients, {cores} workers (all cores): {every:8.1f} ms")
    print(f"  speed-up {one / every:.2f}x on {cores} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--against", metavar="SRC", help="another checkout's src to compare")
    args = parser.parse_args()
    main_command_cpu(max(args.runs, 9), args.against)
    main_command(args.runs)
    batch_speed(max(1, args.runs // 2), args.clients)


if __name__ == "__main__":
    main()
