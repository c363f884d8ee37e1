"""Building a :class:`PlanRequest` from plain data: a TOML config file or CLI flags.

The keys are the request's field names everywhere (config, flags, JSON). Errors
name the source and the field, the bad value and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from routines._convert import converter, describe
from routines._request import SCREENING_QUESTIONS, PlanRequest
from routines.errors import PlanError

__all__ = [
    "LIST_FIELDS",
    "every_problem",
    "load_request",
    "load_request_text",
    "request_from",
    "starter_config",
]

#: The largest config file read: a config is a page of text.
CONFIG_LIMIT = 1024 * 1024
#: Fields that hold lists; a string there is read as comma-separated values.
LIST_FIELDS = ("days", "equipment", "run_days", "avoid")


def _normalise(data: Mapping[str, Any]) -> dict[str, Any]:
    raw = dict(data)
    for field in LIST_FIELDS:
        value = raw.get(field)
        if isinstance(value, str):
            raw[field] = [part.strip() for part in value.split(",") if part.strip()]
    for field in ("long_run", "deload_every", "name", "id", "cleared_by", "alarm", "for_person",
                  "prepared_by", "contact", "feed_url", "instructions_url"):  # fmt: skip
        if isinstance(raw.get(field), str) and raw[field].strip().lower() in ("", "none", "off"):
            raw[field] = None
    alarm = raw.get("alarm")
    if isinstance(alarm, str) and alarm.strip().isdigit():
        raw["alarm"] = int(alarm)
    return raw


def request_from(data: Mapping[str, Any], *, source: str = "request") -> PlanRequest:
    """A request from a mapping of field names to values (TOML or JSON types).

    >>> request_from({"days": "mon,thu", "minutes": 20, "timezone": "UTC"}).days
    (<Weekday.MON: 'mon'>, <Weekday.THU: 'thu'>)
    """
    raw = _normalise(data)
    screening = raw.get("screening")
    if isinstance(screening, Mapping):
        unknown = sorted(set(screening) - set(SCREENING_QUESTIONS))
        if unknown:
            raise PlanError(
                f"not a screening question; use one of: {', '.join(SCREENING_QUESTIONS)}",
                field=f"screening.{unknown[0]}",
                source=source,
            )
    try:
        request: PlanRequest = converter.structure(raw, PlanRequest)
    except PlanError as exc:  # a validator's, naming its field
        raise exc.within(source) from None
    except Exception as exc:  # cattrs groups every field error in one exception
        found = describe(exc)
        field = found[0][0] if found else None
        rest = [f"{where}: {message}" if where else message for where, message in found[1:]]
        reason = "; ".join([found[0][1] if found else str(exc), *rest])
        raise PlanError(reason, field=field or None, source=source) from None
    return request


def every_problem(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every field of ``data`` that is wrong on its own, with why (a request stops
    at its first bad field; a spreadsheet row should hear of all of them)."""
    found = []
    for field, value in data.items():
        try:
            request_from(
                {field: value, "timezone": "UTC"} if field != "timezone" else {field: value}
            )
        except PlanError as exc:
            found.append((exc.field or field, exc.reason))
    return found


def load_request(path: str | os.PathLike[str], **overrides: Any) -> PlanRequest:
    """A request from a TOML config file (``routines init`` writes one), with
    ``overrides`` (for example from command-line flags) taking precedence."""
    from routines._files import read_limited

    file = Path(path)
    if not file.exists() and not file.is_symlink():
        raise PlanError(f"{file}: no such config file; `routines init` writes one")
    raw = read_limited(file, limit=CONFIG_LIMIT, what="config", error=PlanError)
    import tomllib  # only when a config is read

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PlanError(f"{file}: is not UTF-8 text ({exc.reason}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{file}: is not valid TOML: {exc}") from None
    except RecursionError:
        raise PlanError(f"{file}: is nested too deeply to be a config file") from None
    data.update(overrides)
    return request_from(data, source=str(file))


def _toml_value(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(part) for part in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date | dt.time):
        return value.isoformat() if not isinstance(value, int) else str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


# field -> what it means and what it takes; every field of PlanRequest is here
# (a test checks), in the order a person would fill them in.
_STARTER: dict[str, str] = {
    "name": "the plan's title (default: the goal's title)",
    "goal": "the goal preset: {goals}",
    "level": "beginner, intermediate or advanced",
    "start": "the first day, a date; the plan's weeks count from here",
    "weeks": "how many weeks, 1-52",
    "days": "training days: mon tue wed thu fri sat sun",
    "time": "start time of each session, HH:MM:SS",
    "timezone": "an IANA time zone name, e.g. Europe/Berlin or America/New_York",
    "minutes": "minutes per session, 10-90 (10-15: desk breaks for most days of the week)",
    "equipment": "what you have, any of: {equipment}",
    "run_days": "days you run (strength work for the legs keeps off the day before a long run)",
    "long_run": 'the day of your long run, e.g. "sun"',
    "avoid": 'exercise ids or caution tags to leave out, e.g. ["wrist_load"]',
    "deload_every": 'a lighter week every N weeks (3-6), or "none"',
    "seed": "a number that varies the exercise choice; the same seed gives the same plan",
    "id": "a stable identity for calendar feeds (default: from the name)",
    "alarm": 'a calendar reminder this many minutes before each session (0-1440), or "none"',
    "paper": 'the printed plan\'s paper size: "a4" or "letter"',
    "for_person": "who the plan is for, printed on the cover",
    "prepared_by": "who prepared it (a physiotherapist or coach), printed on the cover",
    "contact": "how to reach them (a phone number or e-mail), printed on the cover",
    "feed_url": "where the calendar feed is published (https://...): a QR code on the cover",
    "instructions_url": "a page with the plan's instructions: each calendar event links to it",
    "layout": '"handout" (a page per session, week by week) or "diary" (a table per date)',
    "cleared_by": "after a yes to a readiness question: who cleared you to exercise "
    '(a name such as "Dr Smith", or "yes")',
}


def starter_config(today: dt.date | None = None) -> str:
    """The text of a commented starter ``plan.toml`` holding every option with
    its default (the start date fixed to the next Monday after ``today``, so the
    file describes one plan however often it is used).

    >>> text = starter_config(dt.date(2026, 11, 21))
    >>> load_request_text(text).start
    datetime.date(2026, 11, 23)
    """
    from routines._request import next_monday
    from routines.catalogue.vocab import Equipment
    from routines.planning.goals import GOALS

    choices = {"goals": ", ".join(GOALS), "equipment": ", ".join(Equipment)}
    defaults = PlanRequest(start=next_monday(today))
    lines = [
        "# routines plan configuration: `routines plan --config plan.toml` reads it,",
        "# and any flag given on the command line wins over the value here.",
        "# Every option is shown with its default; delete a line to use the default.",
        "",
    ]
    for field, meaning in _STARTER.items():
        value = getattr(defaults, field)
        if field == "equipment":
            value = tuple(e.value for e in value)
        elif field in ("days", "run_days"):
            value = tuple(d.value for d in value)
        elif field == "level":
            value = value.value
        lines += textwrap.wrap(
            meaning.format(**choices), 88, initial_indent="# ", subsequent_indent="#   "
        )
        if value is None or value == ():
            example = {
                "name": '"My upper back plan"',
                "long_run": '"sun"',
                "id": '"my-plan"',
                "cleared_by": '"Dr Smith"',
                "for_person": '"Ann Smith"',
                "prepared_by": '"Sam Lee, physiotherapist"',
                "contact": '"sam@example.org"',
                "feed_url": '"https://example.org/feeds/back-plan.ics"',
                "instructions_url": '"https://example.org/plans/ann"',
            }
            shown = example.get(field, _toml_value(value) if value == () else '""')
            lines += [f"# {field} = {shown}", ""]
        else:
            lines += [f"{field} = {_toml_value(value)}", ""]
    lines += [
        "# The readiness questions. Answer each one yourself (true for yes, false for no)",
        "# and remove the # in front of [screening] and the answers. Any yes: routines",
        "# makes no plan and advises you to see a physician first.",
        "# [screening]",
    ]
    for key, question in SCREENING_QUESTIONS.items():
        lines += [f"# {question}", f"# {key} = false"]
    return "\n".join(lines) + "\n"


def load_request_text(text: str, *, source: str = "config") -> PlanRequest:
    """A request from the text of a TOML config."""
    import tomllib  # only when a config is read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{source}: is not valid TOML: {exc}") from None
    return request_from(data, source=source)
