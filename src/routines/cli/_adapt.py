"""``routines adapt``: change the coming sessions from the training log, and update
the plan's JSON, its calendar (in place) and, on request, a PDF of what is left."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from routines.cli._common import (
    UsageError,
    add_catalogue_option,
    catalogue_from,
    moment_of,
    week_range,
    with_settings,
)
from routines.cli._plan import add_force_option
from routines.errors import LogError

_EXAMPLES = """\
examples:
  routines adapt                         plan.json + plan.log.sqlite: update plan.json, plan.ics
  routines adapt --feed public/          also update the feed that `routines feed` wrote
  routines adapt --pdf rest.pdf          a printable PDF of the weeks still to come
  routines adapt --dry-run               show what would change, write nothing

The log is replayed against the plan as first planned, so adapting again after
more sessions are logged starts from the original, not from the last adaptation.
Sessions keep their dates: subscribed calendars update the changed sessions in
place (a higher SEQUENCE), and keep the rest as they were.

The rules: pain over 5/10 or not settled by the next morning -> the easier
variant (or less of the same) with one set fewer; pain rising from week to week
-> one set fewer on every strength exercise; missed sessions, a missed target,
slipping form or pain 4-5/10 -> repeat the dose; the target beaten by 1-2 reps
twice in a row -> the next step; a red-flag answer -> the plan stops and every
coming session is cancelled: see a health professional.
"""


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "adapt",
        help="change the coming sessions from your training log",
        description=(
            "Adapt the plan's coming sessions to the training log (routines log), with a\n"
            "reason for every change, and update its JSON and calendar."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--plan", metavar="FILE", default="plan.json", help="the plan (plan.json)")
    parser.add_argument("--log", metavar="FILE", help="the log (default: beside the plan)")
    parser.add_argument(
        "--today", metavar="DATE", help="sessions before this day are the past (default today)"
    )
    parser.add_argument(
        "--ics",
        metavar="FILE",
        help="the calendar to update (default: plan.ics beside the plan, if it is there)",
    )
    parser.add_argument(
        "--feed", metavar="DIR", help="also update DIR/<plan>.ics, as `routines feed` wrote it"
    )
    parser.add_argument("--pdf", metavar="FILE", help="write a PDF of the weeks still to come")
    parser.add_argument(
        "--print-weeks", metavar="WEEKS", type=week_range, help="with --pdf: only these weeks"
    )
    parser.add_argument(
        "--layout",
        choices=["diary", "handout"],
        help="with --pdf: diary (the default here: a table per date, each day as adapted) or "
        "handout",
    )
    parser.add_argument(
        "--alarm", metavar="MINUTES", help="change the plan's calendar reminder: minutes, or none"
    )
    parser.add_argument("--paper", metavar="SIZE", help="change the plan's paper: a4 or letter")
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would change; write nothing"
    )
    add_force_option(parser)
    add_catalogue_option(parser)
    parser.set_defaults(run=run, subparser=parser)


def _today(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"argument --today: {text!r} is not a date; use YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    from routines._plan import Plan, plan_identity
    from routines.adaptation.replay import adapt
    from routines.adaptation.report import changes_text
    from routines.exporters.export import export
    from routines.exporters.feeds import feed_target
    from routines.log.store import TrainingLog, log_path_for

    plan_path = Path(args.plan)
    log_path = Path(args.log) if args.log else log_path_for(plan_path)
    today = _today(args.today)
    if args.feed and not Path(args.feed).is_dir():
        raise UsageError(f"argument --feed: {args.feed}: no such folder")
    current = Plan.read(plan_path)
    if not log_path.exists():
        raise LogError(
            f"{log_path}: no training log yet; record sessions with `routines log` first"
        )
    with TrainingLog(log_path, plan_id=plan_identity(current), read_only=True) as log:
        adapted = adapt(current, log, today=today, catalogue=catalogue_from(args))
    adapted = with_settings(adapted, alarm=args.alarm, paper=args.paper)
    now = moment_of(today, adapted.request.timezone) if args.today else None
    if args.ics is None:
        beside = plan_path.with_suffix(".ics")
        ics = beside if beside.exists() else None
    else:
        ics = None if args.ics.strip().lower() == "none" else Path(args.ics)
    wrote: list[Path] = []
    if not args.dry_run:
        wrote += export(
            adapted,
            pdf=None,
            ics=ics,
            json=plan_path,
            force=args.force,
            now=now,
        )
        if args.feed:
            wrote += export(
                adapted,
                pdf=None,
                json=None,
                ics=feed_target(args.feed, adapted).path,
                force=args.force,
                now=now,
            )
        if args.pdf:
            wrote += export(
                adapted.since(today),
                pdf=args.pdf,
                ics=None,
                json=None,
                force=args.force,
                print_weeks=args.print_weeks,
                layout=args.layout or "diary",  # adapted days can differ within a week
            )
    print(adapted.adapted)
    if adapted.stopped:
        print(f"\nSTOP: {adapted.stopped}")
    lines = changes_text(adapted, today)
    if lines:
        print("\nChanges to the coming sessions:")
        print("\n".join(lines))
    elif not adapted.stopped:
        print("Nothing to change: carry on as planned.")
    if wrote:
        print()
    for path in wrote:
        print(f"wrote {path}")
    return 0
