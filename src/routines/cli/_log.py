"""``routines log``: record a session (from flags or by answering questions),
import many from a CSV file, or show the log."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from routines._plan import Plan
from routines.cli._common import UsageError
from routines.errors import LogError
from routines.log.advice import advice, entry_text, result_text
from routines.log.csv_file import CSV_COLUMNS, cell_value, log_csv, read_log_csv
from routines.log.entry import RED_FLAGS, ItemResult, LogEntry, SessionStatus, red_flag_problem
from routines.log.questions import ask_entry
from routines.log.sessions import check_entries, check_entry, session_on
from routines.log.store import TrainingLog, log_path_for

__all__ = ["add_parser", "run"]

T = TypeVar("T")
#: Reads one answer, like :func:`input`; and writes one line, like :func:`print`.
Ask = Callable[[str], str]
Say = Callable[[str], None]

_EXAMPLES = f"""\
examples:
  routines log                                 today's session, asking exercise by exercise
  routines log --date 2026-01-05 --item band-row:sets=2,reps=12,rpe=7,pain=1 --pain 1
  routines log --date yesterday --item plank:sets=3,hold=30 --settled yes
  routines log --date 2026-01-07 --skipped --notes "travelling"
  routines log --red-flag dizziness --notes "light-headed in the plank"
  routines log --import log.csv                many sessions from a CSV file
  routines log --show                          every session logged
  routines log --show --json                   the same, as JSON

The plan is plan.json here (as `routines plan` writes it) unless --plan says
otherwise; its log is beside it, named like it with .log.sqlite for .json.
Logging a date again replaces that day's entry (the log keeps the earlier one).

--item takes EXERCISE:key=value,... with the keys sets, reps (the fewest in a
set), hold (seconds), load (kg), rpe (1-10), pain (0-10 during it), settled
(yes/no) and form (ok/poor). Without --item and at a terminal, routines asks.

Red flags (--red-flag KEY): any of them means stop and see a professional:
{textwrap.fill(", ".join(RED_FLAGS), 78, initial_indent="  ", subsequent_indent="  ")}

A CSV file for --import starts with a header row naming its columns:
  {",".join(CSV_COLUMNS)}
One row per exercise; rows with the same date (YYYY-MM-DD) make one session.
A row without an exercise holds the session's status (done or skipped), worst
pain, settled, red flags (separated by ;) and notes. Booleans are yes or no;
an empty cell means not known. `routines log --show --csv` writes this format.
"""

_ITEM_KEYS = {
    "sets": "sets",
    "reps": "reps",
    "hold": "hold_s",
    "hold_s": "hold_s",
    "load": "load_kg",
    "load_kg": "load_kg",
    "rpe": "rpe",
    "pain": "pain",
    "settled": "settled",
    "form": "form_ok",
    "form_ok": "form_ok",
}
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
    record.add_argument("--date", help="the session's date, YYYY-MM-DD or yesterday (today)")
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
    other = parser.add_mutually_exclusive_group()
    other.add_argument("--import", dest="import_csv", metavar="FILE", help="record a CSV file")
    other.add_argument("--show", action="store_true", help="list the sessions logged")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="with --show: print JSON")
    output.add_argument("--csv", action="store_true", help="with --show: print CSV (as imported)")
    parser.set_defaults(run=run, subparser=parser)


def run(args: argparse.Namespace) -> int:
    recording = [name for name in _RECORDING if getattr(args, name)]
    if (args.show or args.import_csv) and (recording or args.date):
        option = "--" + (recording[0] if recording else "date").replace("_", "-")
        option = "--red-flag" if option == "--red-flags" else option
        other = "--show" if args.show else "--import"
        raise UsageError(f"argument {option}: not allowed with {other}")
    if (args.json or args.csv) and not args.show:
        raise UsageError(f"argument {'--json' if args.json else '--csv'}: only with --show")
    plan_path = Path(args.plan)
    log_path = Path(args.log) if args.log else log_path_for(plan_path)
    if args.show:
        return _show(log_path, args)
    plan = Plan.read(plan_path)
    from routines._plan import plan_identity

    plan_id = plan_identity(plan)
    if log_path.exists():  # refuse another plan's log before asking anything
        TrainingLog(log_path, plan_id=plan_id).close()
    if args.import_csv:
        entries = read_log_csv(args.import_csv)
        check_entries(plan, entries, source=args.import_csv)
    else:
        entries = (_entry(plan, args, bool(recording)),)
    with TrainingLog(log_path, plan_id=plan_id) as log:
        earlier = {e.date for e in log.entries()} & {e.date for e in entries}
        count = log.record_many(entries)
    if args.import_csv:
        noun = "session" if count == 1 else "sessions"
        print(f"imported {count} {noun} from {args.import_csv} into {log_path}")
    else:
        print(f"logged {entry_text(entries[0])} in {log_path}")
    if earlier:
        days = "that day" if len(earlier) == 1 else f"{len(earlier)} days"
        print(f"  (replacing what was logged before for {days}; the log keeps it too)")
    for line in advice(entries):
        print(line)
    return 0


def _entry(plan: Plan, args: argparse.Namespace, from_flags: bool) -> LogEntry:
    date = _date(args.date)
    try:
        session = session_on(plan, date)
    except LogError as exc:
        raise LogError(f"{exc}; pick the day with --date YYYY-MM-DD") from None
    if not from_flags and sys.stdin.isatty():
        try:
            entry = ask_entry(plan, session, ask=input, say=print)
        except EOFError:
            raise LogError("no answer (end of input); nothing was recorded") from None
    else:
        entry = entry_from_flags(args, date)
    check_entry(plan, entry)
    return entry


def _date(text: str | None) -> dt.date:
    today = dt.date.today()
    words = {"today": today, "yesterday": today - dt.timedelta(days=1)}
    if text is None or text.strip().lower() in words:
        return words[(text or "today").strip().lower()]
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip()):
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            pass
    raise UsageError(f"argument --date: {text!r} is not a date; use YYYY-MM-DD such as 2026-01-05")


def _option_value(option: str, column: str, text: str) -> Any:
    try:
        return cell_value(column, text)
    except LogError as exc:
        raise UsageError(f"argument {option}: {exc.reason}") from None


def parse_item(text: str) -> ItemResult:
    """``--item band-row:sets=2,reps=12,load=5,rpe=7,pain=1,settled=yes,form=ok``."""
    exercise, _, rest = text.partition(":")
    values: dict[str, Any] = {}
    for part in filter(str.strip, rest.split(",")):
        key, equals, value = part.partition("=")
        field = _ITEM_KEYS.get(key.strip().lower())
        if field is None or not equals:
            raise UsageError(
                f"argument --item: {text!r}: {part.strip()!r} is not KEY=VALUE with a key of: "
                "sets, reps, hold, load, rpe, pain, settled, form"
            )
        if field == "form_ok":
            value = {"ok": "yes", "poor": "no"}.get(value.strip().lower(), value)
        try:
            values[field] = cell_value(field, value)
        except LogError as exc:
            raise UsageError(f"argument --item: {text!r}: {exc}") from None
    try:
        return ItemResult(exercise=exercise.strip(), **values)
    except LogError as exc:
        raise UsageError(f"argument --item: {text!r}: {exc}") from None


def entry_from_flags(args: argparse.Namespace, date: dt.date) -> LogEntry:
    """The entry the recording flags describe."""
    flags = []
    for key in args.red_flags:
        key = key.strip().lower().replace("-", "_")
        problem = red_flag_problem(key)
        if problem:
            raise UsageError(f"argument --red-flag: {problem}")
        flags.append(key)
    items = tuple(parse_item(text) for text in args.item)
    if args.skipped and items:
        raise UsageError("argument --skipped: a skipped session has no --item; leave one out")
    return LogEntry(
        date=date,
        status=SessionStatus.SKIPPED if args.skipped else SessionStatus.DONE,
        items=items,
        pain=None if args.pain is None else _option_value("--pain", "pain", args.pain),
        settled=None
        if args.settled is None
        else _option_value("--settled", "settled", args.settled),
        red_flags=flags,
        notes=args.notes or "",
    )


def _show(log_path: Path, args: argparse.Namespace) -> int:
    if not log_path.exists():
        raise LogError(
            f"{log_path}: no log yet; record a session with `routines log`, or give --log FILE"
        )
    with TrainingLog(log_path) as log:
        entries = log.entries()
        plan_id = log.plan_id
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
            print(f"  {result_text(item)}")
    for line in advice(entries):
        print(line)
    return 0
