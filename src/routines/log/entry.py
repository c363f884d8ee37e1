"""The training log: what was done in each session, kept safely beside the plan.

A :class:`LogEntry` is one session: its date, done or skipped, an
:class:`ItemResult` per exercise (sets, reps or hold, load, RPE, pain), the
worst pain, whether the pain settled by the next morning, red flags and notes.
Every value is checked when the entry is made:

>>> import datetime as dt
>>> row = ItemResult(exercise="band-row", sets=2, reps=12, rpe=7, pain=2)
>>> entry = LogEntry(date=dt.date(2026, 1, 5), items=(row,), pain=1)
>>> entry.worst_pain
2
>>> ItemResult(exercise="band-row", pain=11)
Traceback (most recent call last):
  ...
routines.errors.LogError: pain: 11 is not 0-10; rate pain from 0 (none) to 10 (worst)
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

import attrs

from routines._closest import closest, did_you_mean
from routines.errors import LogError

__all__ = [
    "RED_FLAGS",
    "UNITS",
    "Clearance",
    "ItemResult",
    "LogEntry",
    "SessionStatus",
    "check_value",
    "red_flag_problem",
    "session_status",
]


class SessionStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    #: A warning sign reported on a day with no session (it still stops the plan).
    REPORTED = "reported"


#: The units loads may be logged in, and what one is in kilograms (loads are
#: stored in kilograms).
UNITS = {"kg": 1.0, "lb": 0.45359237}

#: Red flags, by key: any of them stops the plan; see a health professional.
RED_FLAGS: dict[str, str] = {
    "chest_pain": "chest, jaw, neck or arm pain or pressure",
    "sudden_back_pain": "upper back pain that is new, sudden or tearing, or comes with "
    "breathlessness, sweating, nausea or light-headedness",
    "dizziness": "dizziness, light-headedness or fainting",
    "breathlessness": "severe breathlessness",
    "irregular_heartbeat": "an irregular heartbeat or a cold sweat",
    "numbness": "numbness or tingling",
    "weakness": "sudden weakness, leg weakness or balance problems",
    "night_pain": "pain at night or at rest",
    "trauma": "pain that began with a fall, accident or other trauma",
    "fever_weight_loss": "fever or unexplained weight loss",
    "bladder_bowel": "bladder or bowel changes",
}

# ---------------------------------------------------------------- checks
# One check per field name; ItemResult and LogEntry share them (both have pain,
# settled, notes), and the CSV reader checks cell by cell with the same ones.

Check = Callable[[str, Any], None]


def _whole(low: int, high: int | None, fix: str) -> Check:
    def check(name: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise LogError(f"{value!r} is not a whole number; {fix}", field=name)
        if value < low or (high is not None and value > high):
            span = f"{low}-{high}" if high is not None else f"{low} or more"
            raise LogError(f"{value!r} is not {span}; {fix}", field=name)

    return check


def _number(low: float, high: float | None, fix: str) -> Check:
    def check(name: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise LogError(f"{value!r} is not a number; {fix}", field=name)
        if not math.isfinite(value) or value < low or (high is not None and value > high):
            span = f"{low:g}-{high:g}" if high is not None else f"{low:g} or more"
            raise LogError(f"{value!r} is not {span}; {fix}", field=name)

    return check


def _yes_no(optional: bool) -> Check:
    unknown = ", or empty if not known" if optional else ""

    def check(name: str, value: Any) -> None:
        if not isinstance(value, bool) and not (optional and value is None):
            raise LogError(f"{value!r} is not yes or no (True or False){unknown}", field=name)

    return check


def _text(name: str, value: Any) -> None:
    if not isinstance(value, str):
        raise LogError(f"{value!r} is not text", field=name)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise LogError(f"{value!r} has characters that cannot be stored", field=name) from None


def _exercise_id(name: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise LogError(
            f"{value!r} is not an exercise id; give the plan's id, such as 'band-row'", field=name
        )


def _date(name: str, value: Any) -> None:
    if value is None and name == "done_on":
        return
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise LogError(f"{value!r} is not a date; use YYYY-MM-DD such as 2026-01-05", field=name)


_CHECKS: dict[str, Check] = {
    "date": _date,
    "exercise": _exercise_id,
    "sets": _whole(0, None, "give the number of sets done"),
    "reps": _whole(0, None, "give the reps done per set (the fewest in a set)"),
    "hold_s": _whole(0, None, "give the seconds held (or done, for timed exercises)"),
    "load_kg": _number(0, None, "give the load in kilograms (leave it empty for none)"),
    "rpe": _number(1, 10, "rate effort from 1 (very easy) to 10 (maximal)"),
    "pain": _whole(0, 10, "rate pain from 0 (none) to 10 (worst)"),
    "settled": _yes_no(optional=True),
    "form_ok": _yes_no(optional=True),
    "done_on": _date,
    "by": _text,
    "notes": _text,
}


def check_value(name: str, value: Any) -> None:
    """Check one value of the field (or CSV column) ``name``; :class:`LogError` if wrong."""
    _CHECKS[name](name, value)


def _valid(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _CHECKS[attribute.name](attribute.name, value)


def session_status(value: SessionStatus | str) -> SessionStatus:
    if isinstance(value, str):
        try:
            return SessionStatus(value)
        except ValueError:
            pass
    allowed = [s.value for s in SessionStatus]
    guess = did_you_mean(closest(value, allowed), brackets=True)
    raise LogError(
        f"{value!r} is not allowed{guess}; use one of: {', '.join(allowed)}", field="status"
    )


def red_flag_problem(key: object) -> str | None:
    """Why ``key`` is not a red flag, or ``None`` when it is one."""
    if isinstance(key, str) and key in RED_FLAGS:
        return None
    guess = did_you_mean(closest(key, RED_FLAGS), brackets=True)
    return f"{key!r} is not a red flag{guess}; use one of: {', '.join(RED_FLAGS)}"


def _red_flags(value: Iterable[str]) -> tuple[str, ...]:
    """Checked keys, each once, in the order of :data:`RED_FLAGS`."""
    if isinstance(value, str):
        raise LogError(
            f"{value!r} is one text; give a tuple of keys such as ({value!r},)", field="red_flags"
        )
    keys = tuple(value)
    for key in keys:
        problem = red_flag_problem(key)
        if problem:
            raise LogError(problem, field="red_flags")
    return tuple(key for key in RED_FLAGS if key in keys)


def _items(value: Iterable[ItemResult]) -> tuple[ItemResult, ...]:
    items = (value,) if isinstance(value, ItemResult) else tuple(value)
    for item in items:
        if not isinstance(item, ItemResult):
            raise LogError(f"items: {item!r} is not an ItemResult")
    return items


# ---------------------------------------------------------------- values


@attrs.frozen(kw_only=True)
class ItemResult:
    """What was done for one exercise of a session; ``None`` means not recorded."""

    #: The exercise id, as in the plan (:attr:`routines.Item.exercise`).
    exercise: str = attrs.field(validator=_valid)
    sets: int | None = attrs.field(default=None, validator=_valid)
    #: Reps per set actually done (the fewest in a set).
    reps: int | None = attrs.field(default=None, validator=_valid)
    #: Seconds held (holds) or done (timed exercises).
    hold_s: int | None = attrs.field(default=None, validator=_valid)
    load_kg: float | None = attrs.field(default=None, validator=_valid)
    #: Rate of perceived exertion, 1-10.
    rpe: float | None = attrs.field(default=None, validator=_valid)
    #: Pain during this exercise, 0-10.
    pain: int | None = attrs.field(default=None, validator=_valid)
    #: Whether the pain had settled by the next morning.
    settled: bool | None = attrs.field(default=None, validator=_valid)
    #: Whether the form held (``None``: nobody said).
    form_ok: bool | None = attrs.field(default=None, validator=_valid)
    notes: str = attrs.field(default="", validator=_valid)


@attrs.frozen(kw_only=True)
class LogEntry:
    """One session as it went. A skipped session has no items.

    A done session without items was done with no details recorded. ``date`` is
    the planned session's date; ``done_on`` the day it was really done, when that
    was another day (a Tuesday instead of the Monday). A ``reported`` entry is a
    warning sign (``red_flags``) on a day without a session.
    """

    date: dt.date = attrs.field(validator=_valid)
    status: SessionStatus = attrs.field(default=SessionStatus.DONE, converter=session_status)
    items: tuple[ItemResult, ...] = attrs.field(default=(), converter=_items)
    #: The worst pain during the session, 0-10 (see :attr:`worst_pain`).
    pain: int | None = attrs.field(default=None, validator=_valid)
    #: Whether the pain had settled by the next morning.
    settled: bool | None = attrs.field(default=None, validator=_valid)
    #: Keys of :data:`RED_FLAGS`: any of them stops the plan.
    red_flags: tuple[str, ...] = attrs.field(default=(), converter=_red_flags)
    notes: str = attrs.field(default="", validator=_valid)
    done_on: dt.date | None = attrs.field(default=None, validator=_valid)

    def __attrs_post_init__(self) -> None:
        if self.status is SessionStatus.SKIPPED and self.items:
            raise LogError(
                "items: a skipped session has no exercise results; record it as done "
                "with the exercises you did"
            )
        if self.status is SessionStatus.REPORTED and (self.items or not self.red_flags):
            raise LogError(
                "'reported' is a warning sign on a day without a session: give its "
                "red flags and no exercise results",
                field="status",
            )

    @property
    def worst_pain(self) -> int | None:
        """The highest pain recorded for the session or any of its items."""
        found = [p for p in (self.pain, *(i.pain for i in self.items)) if p is not None]
        return max(found, default=None)

    @property
    def unsettled(self) -> bool:
        """True when the session's or any item's pain had not settled by next morning."""
        return self.settled is False or any(item.settled is False for item in self.items)


def _who(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    _text(attribute.name, value)
    if not 1 <= len(value.strip()) <= 120:
        raise LogError(
            f"{value!r} must name who cleared you (1-120 characters), or say 'yes'", field="by"
        )


@attrs.frozen(kw_only=True)
class Clearance:
    """A professional cleared the person to train again after a red flag (or a yes on
    the readiness questions): from ``date`` on, a stopped plan goes on.

    >>> Clearance(date=dt.date(2027, 3, 10), by="Dr Smith").by
    'Dr Smith'
    """

    date: dt.date = attrs.field(validator=_valid)
    #: Who cleared them: a name such as ``"Dr Smith"``, or ``"yes"``.
    by: str = attrs.field(validator=_who)
