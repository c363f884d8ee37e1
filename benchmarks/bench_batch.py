"""Batch throughput and memory: plans per second on 1 and 2 local workers and on a
2-worker local Dask cluster, CPU per plan, and the peak memory of the process that
runs the batch at 10, 1,000 and 10,000 rows.

Run: python benchmarks/bench_batch.py [--rows N] [--memory 10,1000,10000]

Targets (issue 18): the Dask cluster within 20% of the process pool on the same
machine; CPU per client in a warm worker at most half of this morning's (0.234 s
measured on this machine, before the work of the day); memory flat in the number
of rows. The memory runs make only each plan's JSON (a one-week plan), so ten
thousand rows take a minute, not an hour.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from routines import PlanRequest, batch
from routines.batching.jobs import Job, make


def clients(count: int, weeks: int = 8) -> list[dict[str, str]]:
    return [{"name": f"Client {n}", "weeks": str(weeks), "timezone": "UTC",
             "start": "2030-01-07"} for n in range(count)]  # fmt: skip


def warm_cpu_per_client(runs: int) -> float:
    """CPU seconds of one default client (plan, PDF, calendar, JSON) in a warm process."""
    folder = Path(tempfile.mkdtemp())
    request = PlanRequest(start=dt.date(2030, 1, 7), timezone="UTC", name="Ann")
    counter = iter(range(10**6))

    def one() -> None:
        n = next(counter)
        files = (folder / f"{n}.pdf", folder / f"{n}.ics", folder / f"{n}.json")
        make(Job(n, "Ann", request, files))

    one()
    started = time.process_time()
    for _ in range(runs):
        one()
    return (time.process_time() - started) / runs


def throughput(rows: int, workers: int) -> float:
    """Plans per second (the workers' CPU is not ours to count: they are children of a
    fork server; the warm-worker figure above is the CPU per plan)."""
    started = time.perf_counter()
    report = batch(clients(rows), tempfile.mkdtemp(), workers=workers, keep_results=False)
    seconds = time.perf_counter() - started
    if not report.ok or report.done != rows:
        raise SystemExit(f"the batch did not make every plan: {report}")
    return rows / seconds


def dask_throughput(rows: int, workers: int) -> float | None:
    try:
        import distributed as untyped
    except ImportError:
        return None
    distributed: Any = untyped
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")  # fmt: skip
    try:
        with distributed.Client(cluster) as client:
            executor = client.get_executor(pure=False)
            batch(clients(2), tempfile.mkdtemp(), executor=executor)  # warm the workers
            started = time.perf_counter()
            report = batch(clients(rows), tempfile.mkdtemp(), executor=executor,
                           keep_results=False)  # fmt: skip
            seconds = time.perf_counter() - started
    finally:
        cluster.close()
    if not report.ok or report.done != rows:
        raise SystemExit(f"the batch did not make every plan: {report}")
    return rows / seconds


_MEMORY = """
import resource, sys, tempfile
from routines import batch
rows = ({{"name": f"Client {{n}}", "weeks": "1", "timezone": "UTC", "start": "2030-01-07"}}
        for n in range({count}))
report = batch(rows, tempfile.mkdtemp(), workers=2, kinds=("json",), keep_results=False)
assert report.done == {count}, report
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory(count: int) -> float:
    """Peak resident memory (MB) of a fresh process that batches ``count`` rows."""
    done = subprocess.run([sys.executable, "-c", _MEMORY.format(count=count)],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=40, help="rows for throughput (40)")
    parser.add_argument("--memory", default="10,1000,10000", help="row counts for memory")
    args = parser.parse_args()
    warm = warm_cpu_per_client(10)
    print(
        f"CPU per client in a warm worker   {warm:6.3f} s   "
        f"({warm / 0.234:4.2f} x this morning's 0.234 s; target 0.5)"
    )
    one = throughput(args.rows, 1)
    two = throughput(args.rows, 2)
    print(f"process pool, 1 worker            {one:6.2f} plans/s")
    print(f"process pool, 2 workers           {two:6.2f} plans/s   ({two / one:4.2f} x 1 worker)")
    dask = dask_throughput(args.rows, 2)
    if dask is None:
        print("Dask cluster, 2 workers           (not installed: pip install 'routines[dask]')")
    else:
        print(
            f"Dask cluster, 2 workers           {dask:6.2f} plans/s   "
            f"({dask / two:4.2f} x the pool; target within 20%)"
        )
    for count in (int(c) for c in args.memory.split(",") if c):
        print(
            f"peak memory of the batch process, {count:6d} rows (JSON only)   "
            f"{peak_memory(count):6.1f} MB"
        )
    per_machine = two
    print(
        f"\n100,000 people, the full files: about {100_000 / per_machine / 3600:4.1f} h on this "
        f"2-core machine; about {100_000 / (per_machine * 10) / 60:4.0f} min on 10 like it"
    )


if __name__ == "__main__":
    main()
