"""Pieces every command shares: errors, the catalogue option, list options."""

from __future__ import annotations

import argparse
import datetime as dt
import zoneinfo
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from routines.errors import RoutinesError

if TYPE_CHECKING:
    from routines._plan import Plan
    from routines.catalogue.catalogue import Catalogue

E = TypeVar("E", bound=StrEnum)


class UsageError(RoutinesError):
    """The command line itself is wrong (exit status 2)."""


def error_line(exc: BaseException) -> str:
    """The one line an error prints: control characters escaped, and the library's
    ``force=True`` said as the command line's ``--force``."""
    from routines._text import shown

    return f"routines: error: {shown(str(exc))}".replace("pass force=True", "add --force")


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalogue",
        metavar="DIR",
        action="append",
        default=[],
        help="add (or override) exercises from this folder of .toml files; repeatable",
    )


def with_settings(plan: Plan, *, alarm: str | None, paper: str | None) -> Plan:
    """``plan`` with the export settings given on the command line (``None``: keep
    the plan's own), so later exports reuse them."""
    import attrs

    from routines.planning.config import request_from

    if alarm is None and paper is None:
        return plan
    changed = {"alarm": alarm, "paper": paper}
    given = {key: value for key, value in changed.items() if value is not None}
    fields = {key: getattr(plan.request, key) for key in ("alarm", "paper")}
    try:
        checked = request_from({**fields, **given, "timezone": "UTC"}, source="options")
    except RoutinesError as exc:
        raise UsageError(f"argument --{exc.field}: {exc.reason}") from None
    request = attrs.evolve(plan.request, alarm=checked.alarm, paper=checked.paper)
    return attrs.evolve(plan, request=request)


def moment_of(day: dt.date, timezone: str) -> dt.datetime:
    """The first moment of ``day`` where the plan lives: what came before is the past."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=zoneinfo.ZoneInfo(timezone))


def catalogue_from(args: argparse.Namespace) -> Catalogue:
    from routines.catalogue.load import load_catalogue

    return load_catalogue(*args.catalogue)


def enum_value(enum: type[E], option: str) -> Callable[[str], E]:
    """An argparse type that accepts one value of ``enum`` with a clear error."""

    def parse(text: str) -> E:
        try:
            return enum(text.strip().lower())
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise argparse.ArgumentTypeError(
                f"{text!r} is not allowed; use one of: {allowed}"
            ) from None

    parse.__name__ = option
    return parse


def enum_list(enum: type[E], option: str) -> Callable[[str], tuple[E, ...]]:
    """An argparse type for a comma-separated list of ``enum`` values."""
    one = enum_value(enum, option)

    def parse(text: str) -> tuple[E, ...]:
        return tuple(one(part) for part in text.split(",") if part.strip())

    parse.__name__ = option
    return parse


def week_range(text: str) -> tuple[int, int]:
    """An argparse type: ``"3-4"`` (weeks 3 to 4) or ``"3"`` (week 3 alone)."""
    first, dash, last = text.strip().partition("-")
    if not first.isdigit() or (dash and not last.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not weeks; give one such as 3-4, or 3")
    low, high = int(first), int(last) if dash else int(first)
    if not 1 <= low <= high:
        raise argparse.ArgumentTypeError(f"{text!r} is not weeks; give the first one first")
    return low, high
