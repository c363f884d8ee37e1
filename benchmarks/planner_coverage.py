"""What the planner uses: over a fixed set of 100 varied requests, which catalogue
exercises are ever chosen, and how session time is shared between the blocks.

Run: python benchmarks/planner_coverage.py [--requests N] [--list-unused]

The requests are drawn with a fixed seed across every goal, level, equipment set,
1-7 days, 10-90 minutes and 1-52 weeks, so the figures are the same on every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import Counter, defaultdict

from routines import (
    GOALS,
    BlockKind,
    Equipment,
    Level,
    PlanError,
    PlanRequest,
    Weekday,
    load_catalogue,
    plan,
)

KITS = [
    (),
    ("band",),
    ("dumbbell",),
    ("band", "dumbbell"),
    ("kettlebell",),
    ("band", "pullup_bar"),
    ("dumbbell", "bench"),
    ("barbell", "bench", "cable", "machine", "dumbbell", "pullup_bar"),
    ("foam_roller", "stability_ball", "band"),
]


def requests(count: int) -> list[PlanRequest]:
    draw = random.Random(20261201)  # noqa: S311 - a fixed, reproducible sample
    found = []
    for number in range(count):
        days = draw.sample(list(Weekday), draw.randint(1, 7))
        found.append(
            PlanRequest(
                start=dt.date(2027, 1, 4),
                weeks=draw.choice([1, 4, 8, 8, 12, 16, 26, 52]),
                days=tuple(days),
                minutes=draw.choice([10, 12, 15, 20, 25, 30, 30, 40, 45, 60, 75, 90]),
                level=draw.choice(list(Level)),
                equipment=tuple(Equipment(e) for e in KITS[number % len(KITS)]),
                goal=draw.choice(sorted(GOALS)),
                timezone="UTC",
                seed=number,
            )
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--list-unused", action="store_true")
    args = parser.parse_args()
    catalogue = load_catalogue()
    used: Counter[str] = Counter()
    seconds: dict[str, int] = defaultdict(int)
    by_focus: dict[str, list[int]] = defaultdict(list)
    made = refused = 0
    for request in requests(args.requests):
        try:
            p = plan(request, catalogue)
        except PlanError:
            refused += 1
            continue
        made += 1
        for session in p.sessions:
            by_focus[session.focus].append(session.seconds)
            for block in session.blocks:
                seconds[block.kind.value] += block.seconds
                used.update({item.exercise for item in block.items})
    total = sum(seconds.values())
    print(f"{made} plans made, {refused} refused, out of {args.requests} requests")
    print(f"exercises ever chosen: {len(used)} of {len(catalogue)}")
    for modality in sorted({e.modality.value for e in catalogue}):
        all_of = [e.id for e in catalogue if e.modality.value == modality]
        chosen = [e for e in all_of if e in used]
        print(f"  {modality:15} {len(chosen):3} of {len(all_of):3}")
    print("share of session time by block:")
    for kind in BlockKind:
        print(f"  {kind.value:10} {100 * seconds[kind.value] / total:5.1f}%")
    print("session length by kind (minutes: median, shortest, longest):")
    for focus, values in sorted(by_focus.items()):
        values.sort()
        median = values[len(values) // 2] / 60
        print(f"  {focus:22} {median:5.1f} {values[0] / 60:5.1f} {values[-1] / 60:5.1f}")
    if args.list_unused:
        print("never chosen:")
        for exercise in catalogue:
            if exercise.id not in used:
                kit = ",".join(e.value for e in exercise.equipment)
                modality, level = exercise.modality.value, exercise.level.value
                print(f"  {exercise.id:36} {modality:15} {level:12} {kit}")


if __name__ == "__main__":
    main()
