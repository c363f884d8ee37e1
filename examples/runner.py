"""A runner's plan: strength around the runs, and fresh legs for the long run.

The runner runs on Tuesday, Thursday and Sunday (the long run) and trains on
Monday, Wednesday and Saturday. The planner keeps leg strength work (hinges,
squats, lunges) off the day before the long run; this script prints week 1 and
then checks every week for such work on a Saturday.

Run: python examples/runner.py   (it writes no files)
"""

from __future__ import annotations

import datetime as dt

import routines

#: The movement patterns that load the legs.
LEG_PATTERNS = {routines.Pattern.HINGE, routines.Pattern.SQUAT, routines.Pattern.LUNGE}


def main() -> None:
    long_run = routines.Weekday.SUN
    request = routines.PlanRequest(
        start=dt.date(2026, 3, 2),  # a Monday; fixed so the output is the same every run
        days=("mon", "wed", "sat"),
        run_days=("tue", "thu", "sun"),
        long_run=long_run,
        minutes=30,
        equipment=("band", "dumbbell"),
        timezone="UTC",
    )
    plan = routines.plan(request)

    print("Week 1:")
    for session in plan.weeks[0].sessions:
        strength = session.block(routines.BlockKind.STRENGTH).items
        names = ", ".join(plan.exercise(item.exercise).name for item in strength)
        print(f"  {session.date:%a %d %b}  {session.focus}, about {session.minutes} min")
        print(f"      strength: {names}")

    # The day before the long run, across all weeks: does any exercise load the legs?
    day_before = list(routines.Weekday)[long_run.number - 1]  # Monday's is Sunday
    leg_work = [
        (session.date, plan.exercise(item.exercise).name)
        for session in plan.sessions
        if routines.Weekday.of(session.date) is day_before
        for item in session.items
        if plan.exercise(item.exercise).pattern in LEG_PATTERNS
    ]
    checked = sum(1 for s in plan.sessions if routines.Weekday.of(s.date) is day_before)
    print(f"\nLong run on {long_run.value}; {checked} sessions on {day_before.value}:")
    if leg_work:
        for date, name in leg_work:
            print(f"  leg work the day before the long run: {date:%a %d %b} {name}")
    else:
        print("  no hinge, squat or lunge the day before the long run")
    print("\nPlanner notes:")
    for note in plan.notes:
        print(f"  - {note}")


if __name__ == "__main__":
    main()
