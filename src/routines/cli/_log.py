"""``routines log``: record a session (from flags or by answering questions),
import many from a CSV file, or show the log."""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from routines.cli._common import UsageError
from routines.log.csv_file import CSV_COLUMNS
from routines.log.entry import RED_FLAGS, UNITS

if TYPE_CHECKING:
    from routines._plan import Plan

__all__ = ["add_parser", "run"]

_EXAMPLES = f"""\
examples:
  routines log                                 today's session, asking exercise by exercise
  routines log --date 2026-01-05 --item band-row:sets=2,reps=12,rpe=7,pain=1 --pain 1
  routines log --date yesterday --item plank:sets=3,hold=30 --settled yes
  routines log --date 2026-01-07 --skipped --notes "travelling"
  routines log --date 2026-11-10 --for 2026-11-09 --item band-row:sets=2,reps=12
                                               Monday's session, done on Tuesday
  routines log --unit lb --item goblet-squat:sets=2,reps=10,load=25
  routines log --red-flag dizziness --notes "light-headed in the plank"
  routines log --cleared-by "Dr Smith" --date 2026-11-20
                                               cleared to train again after a red flag
  routines log --import log.csv                many sessions from a CSV file
  routines log --show                          every session logged
  routines log --show --json                   the same, as JSON
  routines log --show --chart progress.pdf     pain, sessions and volume week by week

The plan is plan.json here (as `routines plan` writes it) unless --plan says
otherwise; its log is beside it, named like it with .log.sqlite for .json.
Logging a date again replaces that day's entry (the log keeps the earlier one).

--item takes EXERCISE:key=value,... with the keys sets, reps (the fewest in a
set), hold (seconds), load (kg, or lb with --unit lb), rpe (1-10), pain (0-10
during it), settled (yes/no) and form (ok/poor). Without --item and at a
terminal, routines asks; an answer left empty is recorded as not known.

Red flags (--red-flag KEY): any of them means stop and see a professional:
{textwrap.fill(", ".join(RED_FLAGS), 78, initial_indent="  ", subsequent_indent="  ")}

A CSV file for --import starts with a header row naming its columns:
  {",".join(CSV_COLUMNS)}
One row per exercise; rows with the same date (YYYY-MM-DD) make one session.
A row without an exercise holds the session's status (done or skipped), worst
pain, settled, red flags (separated by ;) and notes. Booleans are yes or no;
an empty cell means not known. `routines log --show --csv` writes this format.
"""

_RECORDING = ("item", "skipped", "pain", "settled", "red_flags", "notes")


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "log",
        help="record a session you did (or skipped), import a CSV, show the log",
        description="Record how a session went: what you did, effort, pain and notes.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--plan", metavar="FILE", default="plan.json", help="the plan (plan.json)")
    parser.add_argument("--log", metavar="FILE", help="the log file (beside the plan)")
    record = parser.add_argument_group("recording a session")
    record.add_argument("--date", help="the day you trained, YYYY-MM-DD or yesterday (today)")
    record.add_argument(
        "--for",
        dest="for_day",
        metavar="DATE",
        help="the planned session this was, when you trained on another day",
    )
    record.add_argument(
        "--unit", choices=sorted(UNITS), help="loads in kg or lb (remembered; stored in kg)"
    )
    record.add_argument("--skipped", action="store_true", help="you skipped this session")
    record.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="EXERCISE:KEY=VALUE,...",
        help="what you did of one exercise, e.g. band-row:sets=2,reps=12,pain=1; repeatable",
    )
    record.add_argument("--pain", help="the worst pain during the session, 0-10")
    record.add_argument("--settled", metavar="yes|no", help="had the pain settled next morning?")
    record.add_argument(
        "--red-flag",
        dest="red_flags",
        action="append",
        default=[],
        metavar="KEY",
        help="a warning sign you noticed (see below); repeatable",
    )
    record.add_argument("--notes", help="anything else worth remembering")
    record.add_argument(
        "--cleared-by",
        metavar="NAME",
        help="a professional cleared you to train again after a red flag (from --date)",
    )
    other = parser.add_mutually_exclusive_group()
    other.add_argument("--import", dest="import_csv", metavar="FILE", help="record a CSV file")
    other.add_argument("--show", action="store_true", help="list the sessions logged")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="with --show: print JSON")
    output.add_argument("--csv", action="store_true", help="with --show: print CSV (as imported)")
    output.add_argument(
        "--chart", metavar="FILE", help="with --show: draw the progress chart (.pdf or .svg)"
    )
    parser.set_defaults(run=run, subparser=parser)


def _check_options(args: argparse.Namespace, recording: list[str]) -> None:
    given = [
        *recording,
        *(n for n in ("date", "for_day", "cleared_by", "unit") if getattr(args, n)),
    ]
    if (args.show or args.import_csv) and given and given != ["unit"]:
        option = _OPTION.get(given[0], "--" + given[0].replace("_", "-"))
        other = "--show" if args.show else "--import"
        raise UsageError(f"argument {option}: not allowed with {other}")
    if (args.json or args.csv or args.chart) and not args.show:
        option = "--json" if args.json else "--csv" if args.csv else "--chart"
        raise UsageError(f"argument {option}: only with --show")
    if args.cleared_by and (recording or args.for_day):
        option = _OPTION.get((recording or ["for_day"])[0], "--" + recording[0])
        raise UsageError(f"argument {option}: record a clearance on its own (--cleared-by NAME)")


_OPTION = {"red_flags": "--red-flag", "for_day": "--for", "cleared_by": "--cleared-by"}


def run(args: argparse.Namespace) -> int:
    from routines._plan import Plan, plan_identity
    from routines.cli._log_entry import make_entry
    from routines.cli._log_show import show, standing
    from routines.log.advice import advice, entry_text
    from routines.log.csv_file import read_log_csv
    from routines.log.sessions import check_entries
    from routines.log.store import TrainingLog, log_path_for

    recording = [name for name in _RECORDING if getattr(args, name)]
    _check_options(args, recording)
    plan_path = Path(args.plan)
    log_path = Path(args.log) if args.log else log_path_for(plan_path)
    if args.show:
        return show(log_path, plan_path, args)
    plan = Plan.read(plan_path)
    plan_id = plan_identity(plan)
    unit, logged = args.unit or "kg", set()
    if log_path.exists():  # refuse another plan's log before asking anything
        with TrainingLog(log_path, plan_id=plan_id, read_only=True) as log:
            unit = args.unit or log.unit
            logged = {e.date for e in log.entries()}
    if args.cleared_by:
        return _clearance(plan, log_path, args)
    if args.import_csv:
        entries = read_log_csv(args.import_csv)
        check_entries(plan, entries, source=args.import_csv)
    else:
        entries = (make_entry(plan, args, bool(recording), unit=unit, logged=logged),)
    with TrainingLog(log_path, plan_id=plan_id) as log:
        earlier = {e.date for e in log.entries()} & {e.date for e in entries}
        count = log.record_many(entries)
        if args.unit:
            log.set_unit(args.unit)
        everything, clearances = log.entries(), log.clearances()
    if args.import_csv:
        noun = "session" if count == 1 else "sessions"
        print(f"imported {count} {noun} from {args.import_csv} into {log_path}")
    else:
        print(f"logged {entry_text(entries[0])} in {log_path}")
        done = entries[0].done_on or entries[0].date
        if done > dt.date.today():
            print(f"  note: {done:%a %d %b %Y} is still to come; check the date (--date)")
    if earlier:
        days = "that day" if len(earlier) == 1 else f"{len(earlier)} days"
        print(f"  (replacing what was logged before for {days}; the log keeps it too)")
    for line in advice(entries):
        print(line)
    for line in standing(plan, everything, clearances):
        print(line)
    return 0


def _clearance(plan: Plan, log_path: Path, args: argparse.Namespace) -> int:
    from routines._plan import plan_identity
    from routines.cli._log_entry import day_of
    from routines.log.entry import Clearance
    from routines.log.store import TrainingLog

    day = day_of(args.date)
    clearance = Clearance(date=day, by=args.cleared_by.strip())
    with TrainingLog(log_path, plan_id=plan_identity(plan)) as log:
        log.record_clearance(clearance)
    print(
        f"recorded in {log_path}: {clearance.by} cleared you to train again from {day:%a %d %b %Y}"
    )
    print("Run `routines adapt` so the plan goes on from that day.")
    return 0
