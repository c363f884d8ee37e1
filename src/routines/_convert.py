"""The one cattrs converter routines uses at its edges (TOML and JSON).

It is strict: unknown keys are errors, a string is never silently turned into a
number (or the reverse), and every vocabulary error lists the allowed values.
It knows nothing of exercises or plans: its hooks are generic (every
:class:`~enum.StrEnum`, dates and times, fields marked :data:`OMIT_IF_DEFAULT`,
classes that read and write their own plain data with ``from_raw``/``to_raw``).
:func:`describe` turns cattrs' nested validation errors into ``(field, message)``
pairs that name the field path and the bad value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from routines._closest import closest, did_you_mean
from routines.errors import RoutinesError

__all__ = ["MISSING", "OMIT_IF_DEFAULT", "converter", "describe", "enum_error"]

#: What :func:`describe` says of a required field that is not there.
MISSING = "is missing; add it"

#: Field metadata key: leave the field out of unstructured data while it holds its
#: default, as in ``attrs.field(default=None, metadata={"omit_if_default": True})``.
OMIT_IF_DEFAULT = "omit_if_default"

E = TypeVar("E", bound=StrEnum)


def enum_error(enum: type[StrEnum], value: object) -> str:
    """A message for a value outside a vocabulary: the allowed values, and a guess."""
    allowed = [member.value for member in enum]
    guess = did_you_mean(closest(value, allowed), brackets=True)
    return f"{value!r} is not allowed{guess}; use one of: {', '.join(allowed)}"


def _structure_enum(value: Any, enum: type[E]) -> E:
    """A vocabulary value, in any case (``"Advanced"``, ``"MON"``); an enum may read
    more forms of its own (``Weekday`` reads ``"Monday"``)."""
    if isinstance(value, str):
        for text in (value, value.strip().lower()):
            try:
                return enum(text)
            except ValueError:
                pass
    raise ValueError(enum_error(enum, value))


def _strict(kind: type, noun: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        # bool is an int in Python, but `sets = true` is a mistake in a catalogue.
        if isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
            return value
        raise TypeError(f"{value!r} is not {noun}")

    return structure


def _structure_range(value: Any, _: Any) -> tuple[int, int]:
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return (value[0], value[1])
    raise TypeError(f"{value!r} is not a [low, high] pair of whole numbers")


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(f"{value!r} is a date and time; give a date such as 2026-01-05")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD such as 2026-01-05")


def _structure_time(value: Any, _: Any) -> dt.time:
    if isinstance(value, dt.time):
        if value.second or value.microsecond:
            raise ValueError(f"{value.isoformat()!r} has seconds; give HH:MM such as 07:00")
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        hours, sep, minutes = value.partition(":")
        well_formed = sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
        if well_formed and int(hours) < 24 and int(minutes) < 60:
            return dt.time(int(hours), int(minutes))
    raise ValueError(f"{value!r} is not a time of day; use HH:MM such as 07:00")


def _make() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict(str, "text"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    # every vocabulary is a StrEnum; singledispatch finds StrEnum before str in
    # their MRO, so the strict str hook above never hands back a plain str
    conv.register_structure_hook(StrEnum, _structure_enum)
    conv.register_structure_hook_func(lambda t: t == tuple[int, int], _structure_range)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(dt.time, _structure_time)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(dt.time, lambda t: t.strftime("%H:%M"))
    conv.register_unstructure_hook_factory(_omits_defaults, _omit_defaults_hook)
    conv.register_structure_hook_func(_reads_itself, lambda value, cls: cls.from_raw(value))
    conv.register_unstructure_hook_func(_reads_itself, lambda value: value.to_raw())
    return conv


def _reads_itself(cls: Any) -> bool:
    """A class with a ``from_raw(data)`` classmethod and a ``to_raw()`` method: a
    value whose keys are data (such as a table of joint angles), not field names.
    ``from_raw`` raises a :class:`~routines.errors.RoutinesError` naming the key, or
    an :class:`ExceptionGroup` of them, so :func:`describe` can name each field."""
    return isinstance(cls, type) and hasattr(cls, "from_raw") and hasattr(cls, "to_raw")


def _omits_defaults(cls: Any) -> bool:
    """An attrs class with a field marked ``metadata={OMIT_IF_DEFAULT: True}``."""
    return attrs.has(cls) and any(f.metadata.get(OMIT_IF_DEFAULT) for f in attrs.fields(cls))


def _omit_defaults_hook(cls: Any, conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """Unstructure ``cls`` leaving out the marked fields while they hold their default
    (a plan as first planned writes no adaptation fields, so its JSON never changes)."""
    from cattrs.gen import make_dict_unstructure_fn, override

    marked: dict[str, Any] = {
        f.name: override(omit_if_default=True)
        for f in attrs.fields(cls)
        if f.metadata.get(OMIT_IF_DEFAULT)
    }
    return make_dict_unstructure_fn(cls, conv, **marked)


#: The shared converter. Structure and unstructure only at the edges.
converter = _make()


def describe(exc: BaseException, path: str = "") -> list[tuple[str, str]]:
    """Flatten a cattrs validation error into ``(field path, message)`` pairs."""

    def join(name: str) -> str:
        return f"{path}.{name}" if path else name

    if isinstance(exc, ClassValidationError | IterableValidationError):
        found: list[tuple[str, str]] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            name = getattr(note, "name", None)
            index = getattr(note, "index", None)
            if name is not None:
                where = join(name)
            elif isinstance(index, str):  # a key of a table, such as a level
                where = join(index)
            else:
                where = f"{path}[{index!r}]"
            found += describe(sub, where)
        for sub in without:
            found += describe(sub, path)
        return found
    if isinstance(exc, ExceptionGroup):  # several errors from one from_raw
        return [pair for sub in exc.exceptions for pair in describe(sub, path)]
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in getattr(exc.cl, "__attrs_attrs__", ())]
        found = []
        for extra in sorted(exc.extra_fields):
            guess = did_you_mean(closest(extra, known)) or "; remove it"
            found.append((join(extra), f"unknown field{guess}"))
        return found
    if isinstance(exc, RoutinesError) and exc.field:  # a validator's, naming its field
        return [(join(exc.field), exc.reason)]
    if isinstance(exc, KeyError):
        return [(path, MISSING)]
    if isinstance(exc, TypeError | ValueError):
        return [(path, str(exc))]
    if isinstance(exc, AttributeError):
        return [(path, "should be a table (a mapping of keys to values)")]
    return [(path, f"{type(exc).__name__}: {exc}")]
