"""``routines plan``: build a plan from flags (and a config file), write its PDF,
calendar and JSON, and print a summary."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from routines._request import SCREENING_QUESTIONS
from routines.cli._common import UsageError, add_catalogue_option, catalogue_from, week_range
from routines.errors import PlanError

_EXAMPLES = """\
examples:
  routines plan                     the default program: plan.pdf, plan.ics, plan.json here
  routines plan --days mon,thu,sat --minutes 25 --equipment band,dumbbell
  routines plan --goal posture --level intermediate --out my-plan/
  routines plan --run-days tue,thu,sun --long-run sun --paper letter
  routines init && routines plan --config plan.toml --weeks 12
                                    a config file, with a flag on top
  routines plan --dry-run --full    print every week, write nothing
  routines plan --print-weeks 3-4 --layout diary     a PDF of weeks 3 and 4, a page a week
  routines plan --json - --ics none --pdf none     the plan as JSON on stdout
  routines plan --screening chest_pain_activity=no --screening dizziness=no

Every option has the name of a field of the config file (dashes for underscores).
List options take comma-separated values. Running the same plan again updates its
PDF, calendar and JSON in place (subscribed calendars keep their events, and the
past stays as it was); a file of another plan, or one routines did not write, is
never replaced without --force. A plan adapted to its log keeps the adaptations.
"""

# option -> (request field, help)
_OPTIONS: dict[str, tuple[str, str]] = {
    "--start": ("start", "first day, YYYY-MM-DD (default: next Monday)"),
    "--weeks": ("weeks", "how many weeks, 1-52 (default 8)"),
    "--days": ("days", "training days, e.g. mon,wed,fri (the default)"),
    "--minutes": ("minutes", "minutes per session, 10-90 (default 30; 10-15: desk breaks)"),
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
    "--id": ("id", "a stable identity for calendar feeds (default: from the name)"),
    "--deload-every": ("deload_every", "a lighter week every N weeks, 3-6, or none"),
    "--cleared-by": ("cleared_by", "who cleared you after a yes to a readiness question"),
    "--alarm": ("alarm", "calendar reminder, minutes before each session, or none (default 15)"),
    "--paper": ("paper", "the PDF's paper size: a4 (default) or letter"),
    "--layout": ("layout", "handout (default: a page per session) or diary (a table per date)"),
    "--for-person": ("for_person", "who the plan is for, on the cover"),
    "--prepared-by": ("prepared_by", "who prepared it, on the cover"),
    "--contact": ("contact", "how to reach them, on the cover"),
    "--feed-url": ("feed_url", "where the calendar feed is published: a QR code on the cover"),
    "--instructions-url": ("instructions_url", "a page each calendar event links to"),
}
_INTEGERS = {"weeks", "minutes", "seed"}


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "plan",
        help="build a plan: write plan.pdf, plan.ics and plan.json, print a summary",
        description=(
            "Build a progressive weekly plan (warm-up, strength and cool-down), write it as\n"
            "a printable PDF, a calendar and JSON, and print a summary."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_request_options(parser)
    parser.add_argument(
        "--out", metavar="DIR", default=".", help="folder for plan.pdf, plan.ics, plan.json"
    )
    parser.add_argument(
        "--pdf", metavar="FILE", help="the printable PDF (default plan.pdf; none to skip)"
    )
    parser.add_argument(
        "--ics",
        metavar="FILE",
        help="the calendar (default plan.ics; none to skip); updates an earlier export",
    )
    parser.add_argument(
        "--json",
        metavar="FILE",
        help="the plan as JSON, read by `routines log` (default plan.json; - for stdout)",
    )
    parser.add_argument(
        "--print-weeks",
        metavar="WEEKS",
        type=week_range,
        help="print only these weeks in the PDF, such as 3-4 (the JSON and calendar keep all)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the summary only; write no files"
    )
    add_force_option(parser)
    parser.add_argument(
        "--full", action="store_true", help="print every week in full, not only the first"
    )
    parser.set_defaults(run=run, subparser=parser)


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace the files named (all, if none is named) though they are not this "
        "plan's, or start this plan afresh",
    )


def add_request_options(parser: argparse.ArgumentParser) -> None:
    """The options that describe a request, shared by every command that plans."""
    for option, (field, text) in _OPTIONS.items():
        alias = "--" + field.replace("_", "-")  # the config field's name works too
        names = [option] if alias == option else [option, alias]
        parser.add_argument(*names, dest=field, metavar=field.upper(), help=text)
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
    from routines.planning.config import load_request, request_from

    try:
        if args.config:
            return load_request(args.config, **given)
        return request_from(given, source="options")
    except PlanError as exc:
        if exc.source == "options" and exc.field:
            option = _option_of(exc.field.split("[")[0].split(".")[0])
            raise UsageError(f"argument {option}: {exc.reason}") from None
        if exc.source == "options":
            raise UsageError(str(exc)) from None
        raise  # a config file's problem: the command line itself is fine


def forced(args: argparse.Namespace, targets: dict[str, Path | None]) -> set[Path]:
    """What --force may replace: the files the command line names, or all of them
    when it names none (never a default file beside one that was named)."""
    if not args.force:
        return set()
    named = {kind for kind in targets if getattr(args, kind) not in (None, "-")}
    chosen = named or set(targets)
    return {path for kind, path in targets.items() if kind in chosen and path is not None}


def _target(args: argparse.Namespace, option: str, default: str) -> Path | None:
    value = getattr(args, option)
    if value is None:
        return Path(args.out) / default
    if value.strip().lower() == "none":
        return None
    return Path(value)


def run(args: argparse.Namespace) -> int:
    from routines.cli._replan import over_earlier
    from routines.exporters.export import export
    from routines.exporters.text import summary
    from routines.planning.planner import plan

    request = request_of(args)
    catalogue = catalogue_from(args)
    result = plan(request, catalogue)
    if args.json == "-":
        sys.stdout.write(result.to_json())
        return 0
    targets = {kind: _target(args, kind, f"plan.{kind}") for kind in ("pdf", "ics", "json")}
    kept = None
    if targets["json"] is not None:
        result, kept = over_earlier(result, targets["json"], catalogue, force=args.force)
    if not args.dry_run:  # write first: a refused or failed write must not follow a summary
        export(
            result,
            pdf=targets["pdf"],
            ics=targets["ics"],
            json=targets["json"],
            force=forced(args, targets),
            print_weeks=args.print_weeks,
        )
    print(summary(result, full=args.full))
    today = dt.date.today()
    gone = sum(1 for s in result.sessions if s.date < today)
    if gone:
        print(f"\nNote: the plan starts on {result.request.start:%a %d %b %Y}, which has passed: "
              f"{gone} of its sessions are already behind you. Give a later --start to begin "
              "at week 1.")  # fmt: skip
    if kept:
        print(f"\n{kept}")
    wrote = [(path, _WHAT[kind]) for kind, path in targets.items() if path is not None]
    if wrote and not args.dry_run:
        print()
        for path, what in wrote:
            print(f"wrote {path}: {what}")
    return 0


_WHAT = {
    "pdf": "print it, and tick each session on its page",
    "ics": "import it in your calendar, or publish it with `routines feed`",
    "json": "the plan itself, read by `routines log` and `routines adapt`",
}
