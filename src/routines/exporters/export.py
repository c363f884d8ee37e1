"""Writing a plan's files together: the PDF, the calendar and the JSON.

Every target is checked before any file is written, so a refusal (an existing
PDF, a file that belongs to another plan) leaves the folder exactly as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from routines._files import check_target
from routines._plan import Plan
from routines.errors import ExportError, PlanError

__all__ = ["export"]

StrPath = str | os.PathLike[str]


def _json_of_this_plan(target: Path, identity: str) -> bool:
    from routines._plan import plan_identity

    try:
        return plan_identity(Plan.from_json(target.read_text(encoding="utf-8"))) == identity
    except (OSError, UnicodeDecodeError, ValueError, PlanError):
        return False


def _ics_of_this_plan(target: Path, identity: str) -> bool:
    from routines.exporters.ics import _is_export_of

    try:
        return _is_export_of(target.read_bytes(), identity) is True
    except OSError:
        return False


def _check(
    plan: Plan, pdf: Path | None, ics: Path | None, json: Path | None, *, force: bool
) -> None:
    from routines._plan import plan_identity

    targets = [path for path in (pdf, ics, json) if path is not None]
    if len(set(targets)) != len(targets):
        raise ExportError(f"{', '.join(map(str, targets))}: give each file its own name")
    for path in targets:
        check_target(path)
    if force:
        return
    identity = plan_identity(plan)
    if pdf is not None and pdf.exists():
        raise ExportError(f"{pdf}: exists; choose another name or add --force to replace it")
    if ics is not None and ics.exists() and not _ics_of_this_plan(ics, identity):
        raise ExportError(
            f"{ics}: exists and is not a calendar of this plan; choose another name, "
            "or add --force to replace it"
        )
    if json is not None and json.exists() and not _json_of_this_plan(json, identity):
        raise ExportError(
            f"{json}: exists and is not this plan's JSON; choose another name, "
            "or add --force to replace it"
        )


def export(
    plan: Plan,
    *,
    pdf: StrPath | None = "plan.pdf",
    ics: StrPath | None = "plan.ics",
    json: StrPath | None = "plan.json",
    paper: str = "a4",
    alarm_minutes: int | None = 15,
    force: bool = False,
) -> tuple[Path, ...]:
    """Write the plan's PDF, calendar and JSON (``None`` skips one); return the paths.

    Without ``force`` nothing is written unless every target is free: an existing
    PDF is never replaced, and an existing calendar or JSON file only when it
    belongs to this same plan (regenerating a plan updates its calendar in
    place: UIDs kept, SEQUENCE raised on changed events). Each file is written
    through a temporary file and a rename.
    """
    pdf_path, ics_path, json_path = (None if p is None else Path(p) for p in (pdf, ics, json))
    if pdf_path is not None and paper.lower() not in ("a4", "letter"):
        raise ExportError(f"paper: {paper!r} is not a paper size; use a4 or letter")
    _check(plan, pdf_path, ics_path, json_path, force=force)
    wrote: list[Path] = []
    if json_path is not None:
        plan.write_json(json_path)
        wrote.append(json_path)
    if ics_path is not None:
        from routines.exporters.ics import write_ics

        wrote.append(write_ics(plan, ics_path, alarm_minutes=alarm_minutes, force=force))
    if pdf_path is not None:
        from routines.exporters.pdf.document import write_pdf

        wrote.append(write_pdf(plan, pdf_path, paper=paper, force=True))
    return tuple(wrote)
