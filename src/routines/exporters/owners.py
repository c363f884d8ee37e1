"""Whose file is it? The plan an existing JSON, calendar or PDF belongs to.

Each export records the plan's identity (:func:`routines._plan.plan_identity`):
the JSON holds the plan itself, the calendar an ``X-ROUTINES-PLAN`` property, the
PDF a ``routines-plan:<identity>`` keyword in its document information. A stopped
plan says so in each (the JSON's ``stopped``, ``X-ROUTINES-STOPPED``, a
``routines-stopped`` keyword), and an adapted one in its JSON and calendar
(``X-ROUTINES-ADAPTED``), so a fresh plan cannot quietly replace it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import attrs

from routines._files import check_target, read_limited
from routines._identity import identity_of
from routines.errors import ExportError

__all__ = ["LIMIT", "Found", "owner_of", "pdf_keywords"]

#: The largest existing file read to learn whose it is.
LIMIT = 64 * 1024 * 1024
Kind = Literal["missing", "this plan", "another plan", "foreign"]
_PDF_MARK = re.compile(rb"routines-plan:([a-z0-9-]{1,60})")
_PDF_STOPPED = b"routines-stopped"


@attrs.frozen
class Found:
    """What is at a target path: nothing, a file of this plan or of another one (its
    title, and its stop if it was stopped), or a file routines did not write."""

    kind: Kind
    title: str = ""
    stopped: str | None = None
    adapted: str | None = None
    data: bytes = attrs.field(default=b"", repr=False)


def pdf_keywords(identity: str, stopped: str | None) -> list[str]:
    """The keywords a plan's PDF carries, so a later export knows whose it is."""
    marks = ["exercise", "plan", "routines", f"routines-plan:{identity}"]
    return [*marks, "routines-stopped"] if stopped else marks


def owner_of(kind: str, path: Path, identity: str) -> Found:
    """Whose file ``path`` (a ``"json"``, ``"ics"`` or ``"pdf"`` target) is."""
    check_target(path)  # a device, FIFO or folder is no target, whoever it belongs to
    if not path.exists():
        return Found("missing")
    data = read_limited(path, limit=LIMIT, what=kind.upper(), error=ExportError)
    if kind == "json":
        return _json(data, identity)
    if kind == "ics":
        return _ics(data, identity)
    return _pdf(data, identity)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _json(data: bytes, identity: str) -> Found:
    """Read as JSON only, not as a whole plan (that costs a re-export as much as the
    JSON's writing): the fields that say whose it is, and whether it was stopped or
    adapted. Whoever needs the plan itself reads it then."""
    from routines._plan import SCHEMA_VERSION

    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Found("foreign", data=data)
    if not isinstance(raw, dict) or raw.get("schema_version") != SCHEMA_VERSION:
        return Found("foreign", data=data)
    request, title = raw.get("request"), raw.get("title")
    if not (isinstance(request, dict) and isinstance(title, str)):
        return Found("foreign", data=data)
    base = _text(request.get("id")) or _text(request.get("name")) or title
    kind: Kind = "this plan" if identity_of(base) == identity else "another plan"
    return Found(kind, title, _text(raw.get("stopped")), _text(raw.get("adapted")), data)


#: Where a calendar's own properties end: its first component.
_COMPONENT = re.compile(r"^BEGIN:(?!VCALENDAR)", re.MULTILINE)


def _ics(data: bytes, identity: str) -> Found:
    """Read the calendar's own properties only (they come before its events): the
    export parses the whole calendar once, when it updates it."""
    from routines.exporters.ics import read_calendar

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Found("foreign", data=data)
    cut = _COMPONENT.search(text)
    head = text if cut is None else text[: cut.start()] + "END:VCALENDAR\r\n"
    calendar = read_calendar(head.encode("utf-8"))
    mark = str(calendar.get("X-ROUTINES-PLAN", "")) if calendar is not None else ""
    if not mark:
        return Found("foreign", data=data)
    assert calendar is not None  # it has a mark
    stopped = str(calendar.get("X-ROUTINES-STOPPED", "")) or None
    adapted = str(calendar.get("X-ROUTINES-ADAPTED", "")) or None
    kind: Kind = "this plan" if mark == identity else "another plan"
    return Found(kind, str(calendar.get("X-WR-CALNAME", "")), stopped, adapted, data)


def _pdf(data: bytes, identity: str) -> Found:
    if not data.startswith(b"%PDF"):
        return Found("foreign", data=data)
    mark = _PDF_MARK.search(data)
    if mark is None:
        return Found("foreign", data=data)
    kind: Kind = "this plan" if mark[1].decode() == identity else "another plan"
    stopped = "stopped by a red flag" if _PDF_STOPPED in data else None
    return Found(kind, "", stopped, None, data)
