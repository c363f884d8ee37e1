"""Building a :class:`PlanRequest` from plain data: a TOML config file or CLI flags.

The keys are the request's field names everywhere (config, flags, JSON). Errors
name the source and the field, the bad value and what is allowed.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from routines._convert import converter, describe
from routines._request import SCREENING_QUESTIONS, PlanRequest
from routines.errors import PlanError

__all__ = ["LIST_FIELDS", "load_request", "request_from"]

#: Fields that hold lists; a string there is read as comma-separated values.
LIST_FIELDS = ("days", "equipment", "run_days", "avoid")


def _normalise(data: Mapping[str, Any]) -> dict[str, Any]:
    raw = dict(data)
    for field in LIST_FIELDS:
        value = raw.get(field)
        if isinstance(value, str):
            raw[field] = [part.strip() for part in value.split(",") if part.strip()]
    for field in ("long_run", "deload_every", "name", "id"):
        if raw.get(field) in ("", "none", "off"):
            raw[field] = None
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
                f"{source}: screening.{unknown[0]}: not a screening question; use one of: "
                f"{', '.join(SCREENING_QUESTIONS)}"
            )
    try:
        request: PlanRequest = converter.structure(raw, PlanRequest)
    except PlanError as exc:
        raise PlanError(f"{source}: {exc}") from None
    except Exception as exc:  # cattrs groups every field error in one exception
        # a validator's PlanError arrives with no field path; its text names the field
        found = [f"{field}: {message}" if field else message for field, message in describe(exc)]
        raise PlanError(f"{source}: " + "; ".join(found)) from None
    return request


def load_request(path: str | os.PathLike[str], **overrides: Any) -> PlanRequest:
    """A request from a TOML config file (``routines init`` writes one), with
    ``overrides`` (for example from command-line flags) taking precedence."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanError(f"{file}: no such config file; `routines init` writes one") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"{file}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{file}: is not valid TOML: {exc}") from None
    data.update(overrides)
    return request_from(data, source=str(file))
