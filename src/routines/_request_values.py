"""Reading the values people pass for a request's fields, the same way for the
Python API, the command line, config files and spreadsheets.

Dates and times may be ISO strings, numbers may be numeric strings, weekdays may
be written in full and in any case ("Monday", "MON"), vocabulary values in any
case. Anything else is a :class:`~routines.errors.PlanError` naming the field, the
value and the nearest allowed value.

>>> start("2026-01-05")
datetime.date(2026, 1, 5)
>>> weekday("Thursday")
<Weekday.THU: 'thu'>
>>> vocabulary("level", Level)("Advanced")
<Level.ADVANCED: 'advanced'>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from routines._closest import closest, did_you_mean
from routines.catalogue.vocab import Level
from routines.errors import PlanError

if TYPE_CHECKING:
    from routines._request import Weekday

__all__ = [
    "EARLIEST",
    "LATEST",
    "level",
    "start",
    "time_of_day",
    "vocabulary",
    "weekday",
    "whole",
]

E = TypeVar("E", bound=StrEnum)
#: The dates a plan may start on: every calendar program reads these years.
EARLIEST, LATEST = dt.date(1970, 1, 1), dt.date(2999, 12, 31)
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _problem(field: str, value: object, fix: str) -> PlanError:
    return PlanError(f"{value!r} {fix}", field=field)


def start(value: Any) -> dt.date:
    """A start date from a date or an ISO string, within :data:`EARLIEST`-:data:`LATEST`."""
    if isinstance(value, dt.datetime):
        raise _problem("start", value, "is a date and time; give a date such as 2026-01-05")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise _problem(
                "start", value, "is not a date; use YYYY-MM-DD such as 2026-01-05"
            ) from None
    if not isinstance(value, dt.date):
        raise _problem("start", value, "is not a date; use YYYY-MM-DD such as 2026-01-05")
    if not EARLIEST <= value <= LATEST:
        raise _problem(
            "start", value.isoformat(), f"is outside {EARLIEST} to {LATEST}; pick a date in them"
        )
    return value


def time_of_day(value: Any) -> dt.time:
    """A start time from a time or ``"HH:MM"``; seconds are refused, not cut off."""
    if isinstance(value, str):
        hours, sep, minutes = value.strip().partition(":")
        well_formed = sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
        if well_formed and int(hours) < 24 and int(minutes) < 60:
            return dt.time(int(hours), int(minutes))
        if sep and ":" in minutes:
            raise _problem("time", value, "has seconds; give HH:MM such as 07:00")
        raise _problem("time", value, "is not a time of day; use HH:MM such as 07:00")
    if not isinstance(value, dt.time):
        raise _problem("time", value, "is not a time of day; use HH:MM such as 07:00")
    if value.second or value.microsecond:
        raise _problem("time", value.isoformat(), "has seconds; give HH:MM such as 07:00")
    if value.tzinfo is not None:
        raise _problem("time", value.isoformat(), "has a time zone; give it in timezone")
    return value


def whole(value: Any) -> Any:
    """A whole number from an int or a numeric string (the field's validator checks
    the range, and names the field)."""
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value.strip())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def vocabulary(field: str, enum: type[E]) -> Callable[[Any], E]:
    """A value of ``enum`` in any case, or a PlanError with the nearest one."""

    def convert(value: Any) -> E:
        if isinstance(value, enum):
            return value
        if isinstance(value, str):
            try:
                return enum(value.strip().lower())
            except ValueError:
                pass
        allowed = [member.value for member in enum]
        guess = did_you_mean(closest(str(value).strip().lower(), allowed), brackets=True)
        raise _problem(field, value, f"is not allowed{guess}; use one of: {', '.join(allowed)}")

    convert.__name__ = f"vocabulary_{field}"
    return convert


def weekday(value: Any, field: str = "days") -> Weekday:
    """A weekday from ``"mon"``, ``"Monday"``, ``"TUE"``, ``"thurs"``..."""
    from routines._request import Weekday

    if isinstance(value, Weekday):
        return value
    text = str(value).strip().lower()
    for short, name in zip(Weekday, _DAY_NAMES, strict=True):
        if text == short.value or (len(text) >= 3 and name.startswith(text)):
            return short
    allowed = [day.value for day in Weekday]
    guess = did_you_mean(closest(text, [*allowed, *_DAY_NAMES]), brackets=True)
    raise _problem(field, value, f"is not a weekday{guess}; use mon, tue, wed, thu, fri, sat, sun")


def level(value: Any) -> Level:
    """A level in any case: ``"Beginner"``, ``"ADVANCED"``."""
    return vocabulary("level", Level)(value)
