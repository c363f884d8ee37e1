"""``routines plan``: build a plan from flags (and a config file), print a summary."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from routines._config import load_request, request_from
from routines._plan import Plan, Session
from routines._planner import plan
from routines._request import SCREENING_QUESTIONS
from routines._text import item_text
from routines.cli._common import UsageError, add_catalogue_option, catalogue_from
from routines.errors import PlanError

_EXAMPLES = """\
examples:
  routines plan                                   the default program, summarised
  routines plan --days mon,thu,sat --minutes 25 --equipment band,dumbbell
  routines plan --goal posture --level intermediate --json plan.json
  routines plan --run-days tue,thu,sun --long-run sun
  routines plan --config plan.toml --weeks 12     a config file, with a flag on top
  routines plan --screening chest_pain_activity=no --screening dizziness=no

Every option has the name of a field of the config file (dashes for underscores).
List options take comma-separated values.
"""

# option -> (request field, help)
_OPTIONS: dict[str, tuple[str, str]] = {
    "--start": ("start", "first day, YYYY-MM-DD (default: next Monday)"),
    "--weeks": ("weeks", "how many weeks, 1-52 (default 8)"),
    "--days": ("days", "training days, e.g. mon,wed,fri (the default)"),
    "--minutes": ("minutes", "minutes per session, 15-90 (default 30)"),
    "--time": ("time", "start time, HH:MM (default 07:00)"),
    "--tz": ("timezone", "IANA time zone, e.g. Europe/Berlin (default: this computer's)"),
    "--level": ("level", "beginner, intermediate or advanced (default beginner)"),
    "--equipment": ("equipment", "what you have, e.g. band,dumbbell (default none,band)"),
    "--goal": ("goal", "upper-back-runner (default), posture, general or mobility"),
    "--run-days": ("run_days", "days you run, e.g. tue,thu,sun"),
    "--long-run": ("long_run", "the day of your long run, e.g. sun"),
    "--avoid": ("avoid", "exercise ids or caution tags to leave out, e.g. wrist_load"),
    "--seed": ("seed", "a number that varies the exercise choice (default 0)"),
    "--name": ("name", "the plan's title"),
    "--id": ("id", "a stable identity for calendar feeds (default: from name and start)"),
    "--deload-every": ("deload_every", "a lighter week every N weeks, 3-6, or none"),
}
_INTEGERS = {"weeks", "minutes", "seed"}


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "plan",
        help="build a progressive plan and print a summary",
        description="Build a progressive weekly plan: warm-up, strength and cool-down.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_request_options(parser)
    parser.add_argument("--json", metavar="FILE", help="write the plan as JSON ('-' for stdout)")
    parser.add_argument(
        "--ics",
        metavar="FILE",
        help="write the plan as an iCalendar file (updates an earlier export of this plan)",
    )
    parser.add_argument("--pdf", metavar="FILE", help="write a printable PDF of the plan")
    parser.add_argument(
        "--paper", choices=["a4", "letter"], default="a4", help="PDF paper size (default a4)"
    )
    add_calendar_options(parser)
    parser.add_argument(
        "--full", action="store_true", help="print every week in full, not only the first"
    )
    parser.set_defaults(run=run, subparser=parser)


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--alarm",
        metavar="MINUTES",
        default="15",
        help="reminder before each session in the calendar, in minutes, or none (default 15)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite a file that is not an export of this plan"
    )


def alarm_of(args: argparse.Namespace) -> int | None:
    text = str(args.alarm).strip().lower()
    if text in {"none", "off", "no"}:
        return None
    if not text.isdigit() or int(text) > 1440:
        raise UsageError(f"argument --alarm: {args.alarm!r}: give minutes 0-1440, or none")
    return int(text)


def add_request_options(parser: argparse.ArgumentParser) -> None:
    """The options that describe a request, shared by every command that plans."""
    for option, (field, text) in _OPTIONS.items():
        parser.add_argument(option, dest=field, metavar=field.upper(), help=text)
    parser.add_argument(
        "--screening",
        action="append",
        default=[],
        metavar="KEY=yes|no",
        help=f"a readiness answer; repeatable. Keys: {', '.join(SCREENING_QUESTIONS)}",
    )
    parser.add_argument("--config", metavar="FILE", help="a TOML config file (routines init)")
    add_catalogue_option(parser)


def _screening(answers: list[str]) -> dict[str, bool]:
    found = {}
    for answer in answers:
        key, _, value = answer.partition("=")
        key = key.strip().replace("-", "_")
        if key not in SCREENING_QUESTIONS:
            raise UsageError(
                f"argument --screening: {key!r} is not a question; use one of: "
                f"{', '.join(SCREENING_QUESTIONS)}"
            )
        if value.strip().lower() not in {"yes", "no"}:
            raise UsageError(f"argument --screening: {answer!r}: answer yes or no, as {key}=no")
        found[key] = value.strip().lower() == "yes"
    return found


def _option_of(field: str) -> str:
    for option, (name, _) in _OPTIONS.items():
        if name == field:
            return option
    return field


def request_of(args: argparse.Namespace) -> Any:
    """The request the flags (and config file) describe; usage errors name the option."""
    given: dict[str, Any] = {}
    for _, (field, _) in _OPTIONS.items():
        value = getattr(args, field)
        if value is None:
            continue
        if field in _INTEGERS or (field == "deload_every" and value.isdigit()):
            try:
                value = int(value)
            except ValueError:
                raise UsageError(
                    f"argument {_option_of(field)}: {value!r} is not a whole number"
                ) from None
        given[field] = value
    if args.screening:
        given["screening"] = _screening(args.screening)
    try:
        if args.config:
            return load_request(args.config, **given)
        return request_from(given, source="options")
    except PlanError as exc:
        message = str(exc)
        if message.startswith("options: "):
            field, _, rest = message.removeprefix("options: ").partition(":")
            raise UsageError(f"argument {_option_of(field.split('[')[0])}:{rest}") from None
        raise UsageError(message) from None


def session_text(p: Plan, session: Session) -> list[str]:
    lines = [
        f"  {session.date:%a %d %b} {session.start:%H:%M}  {session.focus}, ~{session.minutes} min"
    ]
    for block in session.blocks:
        lines.append(f"    {block.kind.value} ({round(block.seconds / 60)} min)")
        lines += [f"      - {item_text(p, item, block)}" for item in block.items]
    return lines


def summary(p: Plan, *, full: bool) -> str:
    request = p.request
    days = ",".join(d.value for d in request.days)
    kit = ",".join(e.value for e in request.equipment) or "none"
    lines = [
        p.title,
        f"{request.weeks} week{'s' if request.weeks > 1 else ''} from "
        f"{request.start:%a %d %b %Y}, {days} at "
        f"{request.time:%H:%M} ({request.timezone}), ~{request.minutes} min, "
        f"{request.level.value}, equipment: {kit}",
        "",
    ]
    for week in p.weeks:
        mark = "  (deload: lighter week)" if week.deload else ""
        sessions = ", ".join(f"{s.date:%a %d %b} {s.focus}" for s in week.sessions)
        lines.append(f"week {week.index:2}{mark}: {sessions}")
    shown = p.weeks if full else p.weeks[:1]
    for week in shown:
        lines += ["", f"Week {week.index}{' (deload)' if week.deload else ''}"]
        seen: dict[object, Session] = {}
        for session in week.sessions:
            twin = seen.get(session.blocks)
            if twin is not None:
                lines.append(
                    f"  {session.date:%a %d %b} {session.start:%H:%M}  same as {twin.date:%a}"
                )
                continue
            seen[session.blocks] = session
            lines += session_text(p, session)
    if not full and len(p.weeks) > 1:
        lines += ["", "Later weeks progress step by step; --full prints them all."]
    lines += ["", *p.notes, "", p.safety.one_line]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    request = request_of(args)
    catalogue = catalogue_from(args)
    result = plan(request, catalogue)
    if args.json == "-":
        sys.stdout.write(result.to_json())
        return 0
    alarm = alarm_of(args)
    wrote = []  # write first: a refused or failed write must not follow a summary
    if args.json:
        result.write_json(args.json)
        wrote.append(args.json)
    if args.ics:
        from routines._ics import write_ics

        write_ics(result, args.ics, alarm_minutes=alarm, force=args.force)
        wrote.append(args.ics)
    if args.pdf:
        from routines._pdf import write_pdf

        write_pdf(result, args.pdf, paper=args.paper, force=args.force)
        wrote.append(args.pdf)
    print(summary(result, full=args.full))
    if wrote:
        print()
    for path in wrote:
        print(f"wrote {path}")
    return 0
