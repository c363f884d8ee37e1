"""Writing a plan's files together: the PDF, the calendar and the JSON.

Every target is checked before any file is written, and the files are written as
one set (:func:`routines._files.write_together`), so a refusal or a failure leaves
the folder exactly as it was.

Whose file is it? (:mod:`routines.exporters.owners`) A file that belongs to the
same plan (its JSON, its calendar, its PDF, recognised by the plan's identity) is
the normal update path. Any other existing file is replaced only with ``force``.
A plan adapted to its training log is replaced by a fresh one only with
``force``; a plan stopped by a red flag only by a plan that went through its log
again (still stopped, or cleared), never by a fresh one, not even with ``force``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import BinaryIO

from routines._files import Writer, check_target, write_together
from routines._plan import Plan, plan_identity
from routines.errors import ExportError
from routines.exporters.defaults import FROM_PLAN, Alarm
from routines.exporters.owners import Found, owner_of

__all__ = ["export"]

StrPath = str | os.PathLike[str]


def _refusal(path: Path, found: Found, plan: Plan, *, force: bool) -> str | None:
    """Why ``path`` may not be replaced by ``plan``, if so."""
    fresh = not plan.stopped and not plan.adapted
    if found.stopped and fresh:  # not even with force: only a clearance undoes a stop
        return (
            f"{path}: this plan was stopped ({found.stopped}); a fresh plan would undo the "
            "stop. Record a clearance with `routines log --cleared-by NAME`, then run "
            "`routines adapt`"
        )
    if force:
        return None
    if found.kind == "another plan":
        return (
            f"{path}: belongs to another plan ({found.title}); choose another name, or "
            "pass force=True to replace it"
        )
    if found.kind == "foreign":
        return (
            f"{path}: exists and is not a file of this plan; choose another name, or "
            "pass force=True to replace it"
        )
    if found.adapted and fresh:
        return (
            f"{path}: this plan was adapted to its training log, and a fresh plan would "
            "undo that; adapt it again (`routines adapt`), or pass force=True to start afresh"
        )
    return None


def _forced(force: bool | Collection[StrPath], targets: Iterable[Path]) -> set[Path]:
    """The targets ``force`` may replace: all of them, or those it names."""
    if isinstance(force, bool):
        return set(targets) if force else set()
    return {Path(path) for path in force}


def export(
    plan: Plan,
    *,
    pdf: StrPath | None = "plan.pdf",
    ics: StrPath | None = "plan.ics",
    json: StrPath | None = "plan.json",
    paper: str | None = None,
    alarm_minutes: Alarm = FROM_PLAN,
    force: bool | Collection[StrPath] = False,
    now: dt.datetime | None = None,
    layout: str | None = None,
    print_weeks: tuple[int, int] | None = None,
    compact_json: bool = False,
) -> tuple[Path, ...]:
    """Write the plan's PDF, calendar and JSON (``None`` skips one); return the paths.

    ``paper`` and ``alarm_minutes`` default to the plan's own ``paper`` and
    ``alarm`` (``alarm_minutes=None``: no reminder). ``force`` is true for every
    target, or the paths it may replace (the others stay protected). Without it nothing is
    written unless every target is free or already this plan's (regenerating a
    plan updates its calendar in place: UIDs kept, SEQUENCE raised only on changed
    events, the past as it was published). ``now`` is the moment that separates
    the calendar's past from its future (default: the current time). ``layout``
    (``"handout"`` or ``"diary"``, default the plan's own) and ``print_weeks``
    (``(first, last)``: only those weeks) shape the PDF; ``compact_json`` writes
    the JSON on one line (for programs: smaller and faster to write).
    """
    from routines.exporters.ics import to_ics

    paths = {"pdf": pdf, "ics": ics, "json": json}
    targets = {kind: Path(path) for kind, path in paths.items() if path is not None}
    if len(set(targets.values())) != len(targets):
        named = ", ".join(map(str, targets.values()))
        raise ExportError(f"{named}: give each file its own name")
    for target in targets.values():
        check_target(target)
    size = (paper or plan.request.paper).strip().lower()
    if "pdf" in targets and print_weeks is not None:
        from routines.exporters.pdf.document import weeks_of

        weeks_of(plan, print_weeks)  # a range outside the plan: refused before writing
    if "pdf" in targets and size not in ("a4", "letter"):
        raise ExportError(f"{size!r} is not a paper size; use a4 or letter", field="paper")
    identity = plan_identity(plan)
    found = {kind: owner_of(kind, target, identity) for kind, target in targets.items()}
    forced = _forced(force, targets.values())
    for kind, target in targets.items():
        why = _refusal(target, found[kind], plan, force=target in forced)
        if why is not None:
            raise ExportError(why)

    writes: list[tuple[Path, Writer]] = []
    if "json" in targets:
        text = plan.to_json(indent=None if compact_json else 2)
        writes.append((targets["json"], _bytes(text.encode("utf-8"))))
    if "ics" in targets:
        previous = found["ics"].data if found["ics"].kind == "this plan" else None
        data = to_ics(plan, alarm_minutes=alarm_minutes, previous=previous, now=now)
        writes.append((targets["ics"], _bytes(data)))
    if "pdf" in targets:
        from routines.exporters.pdf.document import build_pdf

        def write_pdf(handle: BinaryIO) -> None:
            build_pdf(plan, handle, paper=size, layout=layout, print_weeks=print_weeks)

        writes.append((targets["pdf"], write_pdf))
    return write_together(writes)


def _bytes(data: bytes) -> Writer:
    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write
