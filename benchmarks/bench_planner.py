"""Planner speed: medians of repeated runs.

Run: python benchmarks/bench_planner.py [--runs N]

Targets (issue 3): a 12-week x 4-day plan <= 10 ms; a 52-week x 6-day plan
<= 100 ms. The catalogue is loaded once beforehand (as a library user would).
The baseline, measured in the same run, is serialising the finished plan to JSON:
the least any tool must do to hand a plan over.
"""

from __future__ import annotations

import argparse
import datetime as dt
from functools import partial

from _timing import median_ms

from routines import PlanRequest, load_catalogue, plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    catalogue = load_catalogue()
    cases = {
        "12 weeks x 4 days": (
            PlanRequest(
                start=dt.date(2026, 1, 5), weeks=12, days="mon,tue,thu,sat", timezone="UTC"
            ),
            10.0,
        ),
        "52 weeks x 6 days": (
            PlanRequest(
                start=dt.date(2026, 1, 5), weeks=52, days="mon,tue,wed,thu,fri,sat", timezone="UTC"
            ),
            100.0,
        ),
        "8 weeks x 3 days (default)": (
            PlanRequest(start=dt.date(2026, 1, 5), timezone="UTC"),
            None,
        ),
    }
    for label, (request, target) in cases.items():
        built = plan(request, catalogue)
        planning = median_ms(partial(plan, request, catalogue), runs)
        to_json = median_ms(built.to_json, runs)
        sessions = sum(len(w.sessions) for w in built.weeks)
        goal = f"(target <= {target:.0f} ms)" if target else ""
        print(f"{label:28} {sessions:4} sessions  plan {planning:7.2f} ms {goal}")
        ratio = planning / to_json
        print(f"{'':28} {'':13}  baseline to_json {to_json:6.2f} ms  ratio {ratio:5.2f} x")


if __name__ == "__main__":
    main()
