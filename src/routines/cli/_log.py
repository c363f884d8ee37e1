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

from routines._plan import Block, BlockKind, Item, Plan, Session
from routines.catalogue.vocab import Equipment
from routines.cli._common import UsageError
from routines.errors import LogError, PlanError
from routines.exporters.text import BLOCK_TITLES
from routines.log.csv_file import CSV_COLUMNS, cell_value, log_csv, read_log_csv
from routines.log.entry import RED_FLAGS, ItemResult, LogEntry, SessionStatus, red_flag_problem
from routines.log.sessions import check_entry, session_on
from routines.log.store import TrainingLog, log_path_for

__all__ = ["add_parser", "ask_entry", "entry_text", "run"]

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
_WEIGHTS = {Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL, Equipment.CABLE}
_WEIGHTS |= {Equipment.MACHINE}
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
    plan = read_plan(plan_path)
    from routines._plan import plan_identity

    plan_id = plan_identity(plan)
    if log_path.exists():  # refuse another plan's log before asking anything
        TrainingLog(log_path, plan_id=plan_id).close()
    if args.import_csv:
        entries = _import(plan, Path(args.import_csv))
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


def read_plan(path: Path) -> Plan:
    """The plan in ``path``, with errors that name the file and the fix."""
    try:
        text = path.read_bytes()
    except FileNotFoundError:
        raise LogError(
            f"{path}: no such plan; make one with `routines plan` (it writes plan.json), "
            "or give --plan FILE"
        ) from None
    except OSError as exc:
        raise LogError(f"{path}: cannot read the plan ({exc.strerror})") from None
    try:
        return Plan.from_json(text)
    except PlanError as exc:
        raise LogError(f"{path}: {exc}") from None


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
        raise UsageError(f"argument {option}: {str(exc).removeprefix(f'{column}: ')}") from None


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


# ---------------------------------------------------------------- asking


def _answer(ask: Ask, say: Say, question: str, parse: Callable[[str], T]) -> T:
    """Ask until the answer parses; a wrong answer is explained, then asked again."""
    while True:
        text = ask(question)
        try:
            return parse(text.strip())
        except (LogError, ValueError) as exc:
            say(f"  {exc}")


def _optional(column: str, default: Any = None) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        return default if not text else cell_value(column, text)

    return parse


def _yes_no(default: bool) -> Callable[[str], bool]:
    def parse(text: str) -> bool:
        answer = {"": default, "y": True, "yes": True, "n": False, "no": False}.get(text.lower())
        if answer is None:
            raise ValueError(f"{text!r}: answer yes or no")
        return answer

    return parse


def _done(item: Item) -> Callable[[str], tuple[int, int | None]]:
    planned = item.reps if item.reps is not None else item.hold_s or item.duration_s

    def parse(text: str) -> tuple[int, int | None]:
        if not text:
            return item.sets, planned
        if text.lower() in {"0", "no", "n", "skip", "-"}:
            return 0, None
        found = re.fullmatch(r"(?:([0-9]+)\s*[x\u00d7*]\s*)?([0-9]+)\s*s?", text.lower())
        if found is None:
            raise ValueError(
                f"{text!r}: give sets x amount such as 2 x 10, one number for the amount, "
                "or 0 if you did not do it"
            )
        sets = int(found[1]) if found[1] is not None else item.sets
        return sets, int(found[2])

    return parse


def _ask_item(plan: Plan, block: Block, item: Item, ask: Ask, say: Say) -> ItemResult:
    exercise = plan.exercises.get(item.exercise)
    name = f"{item.exercise} ({exercise.name})" if exercise else item.exercise
    unit = "" if item.reps is not None else " s"
    amount = item.reps if item.reps is not None else item.hold_s or item.duration_s
    sets, done = _answer(
        ask, say, f"{name}, planned {item.dose_text}: done? [{item.sets} x {amount}{unit}] ",
        _done(item),
    )  # fmt: skip
    reps, hold_s = (done, None) if item.reps is not None else (None, done)
    if sets == 0 or block.kind is not BlockKind.STRENGTH:
        return ItemResult(exercise=item.exercise, sets=sets, reps=reps, hold_s=hold_s)
    load = None
    if exercise is not None and _WEIGHTS & set(exercise.equipment):
        load = _answer(ask, say, "  load in kg? [none] ", _optional("load_kg"))
    rpe = _answer(ask, say, "  effort, RPE 1-10? [not rated] ", _optional("rpe"))
    pain = _answer(ask, say, "  pain during it, 0-10? [0] ", _optional("pain", 0))
    return ItemResult(
        exercise=item.exercise,
        sets=sets,
        reps=reps,
        hold_s=hold_s,
        load_kg=load,
        rpe=rpe,
        pain=pain,
    )


def _as_planned(item: Item) -> ItemResult:
    if item.reps is not None:
        return ItemResult(exercise=item.exercise, sets=item.sets, reps=item.reps)
    return ItemResult(exercise=item.exercise, sets=item.sets, hold_s=item.hold_s or item.duration_s)


def _ask_block(plan: Plan, block: Block, ask: Ask, say: Say) -> list[ItemResult]:
    """Strength item by item; a warm-up or cool-down first as a whole."""
    if block.kind is not BlockKind.STRENGTH and block.items:
        count = len(block.items)
        question = f"{BLOCK_TITLES[block.kind]} ({count} exercises): done as planned? [yes] "
        if _answer(ask, say, question, _yes_no(True)):
            return [_as_planned(item) for item in block.items]
    return [_ask_item(plan, block, item, ask, say) for item in block.items]


def _red_flag_keys(text: str) -> tuple[str, ...]:
    keys = list(RED_FLAGS)
    found = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\s]+", text))):
        if part.isdigit() and 1 <= int(part) <= len(keys):
            found.append(keys[int(part) - 1])
            continue
        problem = red_flag_problem(part.lower().replace("-", "_"))
        if problem:
            raise ValueError(f"{problem}, or their numbers")
        found.append(part.lower().replace("-", "_"))
    return tuple(found)


def ask_entry(
    plan: Plan, session: Session, *, ask: Ask, say: Say, skipped: bool = False
) -> LogEntry:
    """Ask how ``session`` went, item by item; Enter accepts the answer in brackets.

    ``ask`` reads one answer (like :func:`input`) and ``say`` writes a line (like
    :func:`print`), so tests and other front ends can drive it.
    """
    say(f"{session.date:%a %d %b %Y}: {session.focus}, about {session.minutes} min")
    say("Press Enter to accept the answer in [brackets].")
    if not skipped:
        skipped = not _answer(ask, say, "Did you do this session? [yes] ", _yes_no(True))
    items = []
    if not skipped:
        for block in session.blocks:
            items += _ask_block(plan, block, ask, say)
    pain = settled = None
    if not skipped:
        worst = max((i.pain for i in items if i.pain is not None), default=0)
        pain = _answer(
            ask, say, f"Worst pain during the session, 0-10? [{worst}] ", _optional("pain", worst)
        )
        if pain:
            settled = _answer(
                ask, say, "Had the pain settled by the next morning? (yes/no) [not known yet] ",
                _optional("settled"),
            )  # fmt: skip
    say("Red flags: did you notice any of these?")
    for number, text in enumerate(RED_FLAGS.values(), start=1):
        say(f"  {number:2}. {text}")
    flags = _answer(ask, say, "Their numbers, separated by commas [none] ", _red_flag_keys)
    notes = ask("Notes [none] ").strip()
    return LogEntry(
        date=session.date,
        status=SessionStatus.SKIPPED if skipped else SessionStatus.DONE,
        items=tuple(items),
        pain=pain,
        settled=settled,
        red_flags=flags,
        notes=notes,
    )


# ---------------------------------------------------------------- showing


def advice(entries: list[LogEntry] | tuple[LogEntry, ...]) -> list[str]:
    """What the safety rules say about these entries, one line each."""
    lines = []
    flags = list(dict.fromkeys(flag for entry in entries for flag in entry.red_flags))
    if flags:
        lines.append(
            f"Red flag ({'; '.join(RED_FLAGS[f] for f in flags)}): stop training and see a "
            "health professional before the next session (call emergency services if severe)."
        )
    if any((entry.worst_pain or 0) > 5 for entry in entries):
        lines.append(
            "Pain over 5/10 is too much: stop that exercise; use the easier variant or "
            "lower the load."
        )
    if any(entry.unsettled for entry in entries):
        lines.append(
            "Pain that had not settled by the next morning: repeat the easier week and lower "
            "the load; see a professional if it persists."
        )
    return lines


def result_text(item: ItemResult) -> str:
    """``"band-row 3x12 @5 kg RPE 7 pain 2"``."""
    parts = [item.exercise]
    amount = f"{item.reps}" if item.reps is not None else None
    if item.hold_s is not None:
        amount = f"{item.hold_s} s"
    if item.sets is not None and amount is not None:
        parts.append(f"{item.sets}x{amount}")
    elif item.sets is not None:
        parts.append(f"{item.sets} sets")
    elif amount is not None:
        parts.append(amount)
    if item.load_kg is not None:
        parts.append(f"@{item.load_kg:g} kg")
    if item.rpe is not None:
        parts.append(f"RPE {item.rpe:g}")
    if item.pain is not None:
        parts.append(f"pain {item.pain}")
    if item.settled is not None:
        parts.append("settled" if item.settled else "not settled")
    if not item.form_ok:
        parts.append("form poor")
    if item.notes:
        parts.append(json.dumps(item.notes, ensure_ascii=False))
    return " ".join(parts)


def entry_text(entry: LogEntry) -> str:
    """``"Mon 05 Jan 2026: done, 3 exercises, worst pain 2, settled"``."""
    parts = [entry.status.value]
    if entry.items:
        parts.append(f"{len(entry.items)} exercise{'s' if len(entry.items) > 1 else ''}")
    if entry.worst_pain is not None:
        parts.append(f"worst pain {entry.worst_pain}")
    if entry.unsettled:
        parts.append("not settled")
    elif entry.settled:
        parts.append("settled")
    if entry.red_flags:
        parts.append(f"RED FLAGS: {', '.join(entry.red_flags)}")
    if entry.notes:
        parts.append(json.dumps(entry.notes, ensure_ascii=False))
    return f"{entry.date:%a %d %b %Y}: {', '.join(parts)}"


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


def _import(plan: Plan, source: Path) -> tuple[LogEntry, ...]:
    entries = read_log_csv(source)
    problems = []
    for entry in entries:
        try:
            check_entry(plan, entry)
        except LogError as exc:
            problems.append(str(exc))
    if len(problems) == 1:
        raise LogError(f"{source}: {problems[0]}")
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise LogError(f"{source}: {len(problems)} sessions do not fit the plan:\n{listed}")
    return entries
