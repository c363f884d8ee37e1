"""Time zones: this computer's, the names of UTC, and which names are zones.

A plan's times are wall-clock times in an IANA zone (``zoneinfo``); any name of
UTC itself (``Etc/UTC``, ``GMT``, ``Zulu``...) is read as plain ``"UTC"``.
"""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path
from typing import Any

import attrs

from routines.errors import PlanError

__all__ = ["UTC_ALIASES", "system_timezone", "valid_zone", "zone_name", "zone_valid"]


def system_timezone() -> str:
    """The IANA name of this machine's time zone, or ``"UTC"`` if unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:  # pragma: no cover - no /etc/localtime (Windows)
        pass
    for name in candidates:
        if name and valid_zone(name):
            return name
    return "UTC"


def valid_zone(name: str) -> bool:
    if not isinstance(name, str) or not 0 < len(name) <= 64 or name != name.strip():
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # a folder, too long
        return False
    return True


#: Names of UTC itself: a plan in any of them is written as plain UTC.
UTC_ALIASES = frozenset(
    {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "GMT+0",
     "Etc/GMT+0", "GMT-0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich", "Universal",
     "Etc/Universal", "Zulu", "Etc/Zulu"}
)  # fmt: skip


def zone_name(value: Any) -> Any:
    """``"UTC"`` for any name of UTC (``Etc/UTC``, ``GMT``, ``Zulu``...)."""
    return "UTC" if isinstance(value, str) and value.strip() in UTC_ALIASES else value


def zone_valid(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not valid_zone(value):
        raise PlanError(
            f"{value!r} is not an IANA time zone; use a name such as Europe/Berlin or UTC",
            field="timezone",
        )
