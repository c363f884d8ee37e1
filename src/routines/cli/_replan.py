"""Planning again over a plan that went through its training log.

Running ``routines plan`` again is how people change the time, the days or the
minutes. When the plan in the JSON file was adapted to a log (or stopped by a red
flag), the new plan is adapted to the same log, with the past as it was
published, so nothing the log changed is lost and a stop stays a stop. ``--force``
starts afresh instead (the log is kept), but it cannot undo a stop: only a
clearance recorded in the log does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from routines._plan import Plan, plan_identity
from routines.errors import PlanError
from routines.exporters.owners import owner_of

if TYPE_CHECKING:
    from routines.catalogue.catalogue import Catalogue

__all__ = ["over_earlier"]


def _earlier(path: Path, identity: str) -> Plan | None:
    """The plan saved at ``path`` if it is this plan and went through its log (else
    the export's checks speak)."""
    found = owner_of("json", path, identity)
    if found.kind != "this plan" or (found.adapted is None and found.stopped is None):
        return None
    try:
        return Plan.from_json(found.data)
    except PlanError as exc:
        raise PlanError(
            f"{path}: {exc}; this plan went through its training log, and its past needs "
            "this file: restore it from a copy, or move it away to plan afresh"
        ) from exc


def over_earlier(
    fresh: Plan,
    path: Path,
    catalogue: Catalogue,
    *,
    force: bool = False,
    today: dt.date | None = None,
) -> tuple[Plan, str | None]:
    """``fresh`` as it should be written over the plan at ``path``: adapted to the log
    again if that plan was, and a line that says what was kept or lost."""
    earlier = _earlier(path, plan_identity(fresh))
    if earlier is None or (earlier.adapted is None and earlier.stopped is None):
        return fresh, None
    if force and not earlier.stopped:
        return fresh, (
            "Started afresh (--force): the changes your training log made to this plan are "
            "gone; the log is kept, and `routines adapt` applies it again."
        )
    from routines.log.store import log_path_for

    log_path = log_path_for(path)
    if not log_path.exists():
        why = f"was stopped ({earlier.stopped})" if earlier.stopped else "was adapted to a log"
        fix = "" if earlier.stopped else ", or add --force to start afresh"
        raise PlanError(
            f"{path}: this plan {why}, and its training log is not at {log_path}; put the "
            f"log back there{fix}"
        )
    day = today or dt.date.today()
    if earlier.adapted_on is not None:  # its past stays the past
        day = max(day, earlier.adapted_on)
    from routines.adaptation.replay import adapt
    from routines.log.store import TrainingLog

    with TrainingLog(log_path, plan_id=plan_identity(fresh), read_only=True) as log:
        adapted = adapt(fresh, log, today=day, catalogue=catalogue, published=earlier)
    if force:
        return (
            adapted,
            "--force cannot undo a stop; record a clearance with `routines log --cleared-by NAME`.",
        )
    return adapted, f"Kept what your training log changed. {adapted.adapted}"
