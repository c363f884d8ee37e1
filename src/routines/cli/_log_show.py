"""``routines log --show``: the log as text, JSON or CSV, and ``--chart FILE``, the
progress chart week by week."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from routines._plan import Plan
from routines.errors import LogError
from routines.log.advice import advice, entry_text, result_text
from routines.log.csv_file import log_csv
from routines.log.entry import Clearance, LogEntry
from routines.log.store import TrainingLog

__all__ = ["show", "standing"]


def standing(plan: Plan, entries: Sequence[LogEntry], clearances: Sequence[Clearance]) -> list[str]:
    """Where the plan stands after this log: stopped by a red flag not yet cleared,
    and a pain trend that calls for a professional."""
    from routines.adaptation.replay import original
    from routines.adaptation.stops import stops
    from routines.log.weeks import referral

    lines = []
    halts = [h for h in stops({e.date: e for e in entries}, clearances) if h.cleared is None]
    if halts:
        lines.append(f"STOP: {halts[-1].text}")
    see = referral(original(plan), entries)
    if see:
        lines.append(see)
    return lines


def show(log_path: Path, plan_path: Path, args: argparse.Namespace) -> int:
    if not log_path.exists():
        raise LogError(
            f"{log_path}: no log yet; record a session with `routines log`, or give --log FILE"
        )
    with TrainingLog(log_path, read_only=True) as log:
        entries = log.entries()
        plan_id = log.plan_id
        unit = log.unit
    if args.chart:
        from routines.adaptation.replay import original
        from routines.exporters.progress import write_chart
        from routines.log.weeks import weekly_progress

        plan = original(Plan.read(plan_path))
        wrote = write_chart(weekly_progress(plan, entries), args.chart, unit=unit)
        print(f"wrote {wrote}: worst pain, sessions done and strength volume, week by week")
        return 0
    if args.json:
        from routines._convert import converter

        data = {"plan_id": plan_id, "entries": [converter.unstructure(e) for e in entries]}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if args.csv:
        sys.stdout.write(log_csv(entries))
        return 0
    if not entries:
        print(f"{log_path}: no sessions logged yet")
        return 0
    noun = "session" if len(entries) == 1 else "sessions"
    print(f"{log_path}: {len(entries)} {noun} logged" + (f" (plan {plan_id})" if plan_id else ""))
    for entry in entries:
        print(entry_text(entry))
        for item in entry.items:
            print(f"  {result_text(item, unit)}")
    for line in advice(entries):
        print(line)
    if plan_path.exists():
        with TrainingLog(log_path, read_only=True) as log:
            clearances = log.clearances()
        for line in standing(Plan.read(plan_path), entries, clearances):
            print(line)
    return 0
