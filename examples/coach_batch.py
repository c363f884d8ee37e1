"""A coach's batch: one PDF and one calendar per client, from a CSV file.

clients.csv (next to this script) has a header row: ``name`` and then request
field names, the same names as routines.PlanRequest and the config file use:

    name,start,days,minutes,equipment,level,goal,timezone,run_days,long_run
    Ada Moreno,2026-03-02,"mon,wed,sat",30,"band,dumbbell",beginner,...

List fields (days, equipment, run_days) are comma-separated inside quotes; an
empty cell keeps the default. One client (Dev Sharma) asks for 5 minutes, below
the 15-minute minimum, to show how a bad row is reported: the other rows are
still written, and the report names the row, the field and the fix.

Every example writes its files into the folder you run it from (here: plans/).

Run: python examples/coach_batch.py
"""

from __future__ import annotations

from pathlib import Path

import routines

CLIENTS = Path(__file__).resolve().parent / "clients.csv"


def main() -> None:
    out_dir = Path("plans")
    out_dir.mkdir(exist_ok=True)
    # A bad row never stops the batch: it is listed in report.failed instead.
    # Running the script again updates each client's files in place; a file
    # that is not that client's plan is left alone unless force=True.
    # defaults= fills empty cells; workers= and progress= are optional too:
    # see help(routines.batch).
    report = routines.batch(CLIENTS, out_dir, defaults={"paper": "a4"})
    print(report)  # a summary, with each failed row and why

    print(f"\nFiles for {len(report.written)} clients:")
    for result in report.written:
        print(f"  row {result.row} {result.name}: {result.pdf} and {result.ics}")
    if report.failed:
        rows = ", ".join(f"{failure.row} ({failure.field or 'row'})" for failure in report.failed)
        print(f"Rows to fix in {CLIENTS.name}: {rows}")


if __name__ == "__main__":
    main()
