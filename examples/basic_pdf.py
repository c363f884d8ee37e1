"""A basic plan, printed: build an 8-week plan and write it as plan.pdf.

Every example writes its files into the folder you run it from.

Run: python examples/basic_pdf.py
"""

from __future__ import annotations

import datetime as dt

import routines


def next_monday(today: dt.date) -> dt.date:
    """The Monday after ``today``: plans start on a Monday by default."""
    return today + dt.timedelta(days=7 - today.weekday())


def main() -> None:
    # Only the fields that differ from the defaults need saying. Leaving out
    # `start` also means next Monday; it is spelled out here to show the field.
    request = routines.PlanRequest(
        start=next_monday(dt.date.today()),
        days=("mon", "wed", "fri"),
        minutes=30,
        equipment=("band",),
        goal="posture",
        timezone="Europe/Berlin",
    )
    plan = routines.plan(request)

    first_week = plan.weeks[0]
    print(f"{plan.title}: {len(plan.weeks)} weeks from {request.start:%A %d %B %Y}")
    print(f"week 1 has {len(first_week.sessions)} sessions:")
    for session in first_week.sessions:
        print(f"  {session.date:%a %d %b}  {session.focus}, about {session.minutes} min")

    # A4 by default; paper="letter" for US paper. The PDF has a cover with the
    # safety notes, an overview, one page per week with columns to log each
    # set, and a guide to every exercise the plan uses.
    path = routines.write_pdf(plan, "plan.pdf", paper="a4")
    print(f"wrote {path.resolve()}")


if __name__ == "__main__":
    main()
