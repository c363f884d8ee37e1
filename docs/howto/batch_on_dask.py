"""Plans for a client list on a Dask cluster, from Python.

A local cluster stands in for a real one here (two worker processes on this
machine, loopback only); for a real cluster, connect with
``distributed.Client("tcp://HOST:8786")`` instead and give an output folder every
worker reaches at the same path.
"""

from pathlib import Path

import distributed

import routines

CLIENTS = [
    {"name": "Ada Moreno", "days": "mon,wed,sat", "equipment": "band,dumbbell", "weeks": "4"},
    {"name": "Ben Okafor", "days": "tue,thu", "minutes": "25", "goal": "posture"},
    {"name": "Chiara Lind", "days": "mon,wed,fri", "level": "intermediate", "goal": "general"},
]


def main() -> None:
    out = Path("plans")  # with a real cluster: a shared folder, such as /shared/plans
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        host="127.0.0.1",
    )  # fmt: skip
    with cluster, distributed.Client(cluster) as client:
        report = routines.batch(
            CLIENTS,
            out,
            executor=client.get_executor(pure=False),  # each row runs on a worker
            defaults={"timezone": "Europe/London", "start": "2027-01-04"},
            folders="person",  # plans/ada-moreno/plan.pdf, ...
            report=out / "report.csv",
        )
    print(report)
    # the same call again skips the rows already done (their manifest beside the plans)
    print(sorted(path.name for path in out.iterdir()))


if __name__ == "__main__":
    main()
