"""The work of one row, done wherever the executor runs it (a local process, a
Dask worker on another machine): plan the request and write the person's files
straight into the shared output folder. Only a small result comes back."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import attrs

from routines._request import PlanRequest
from routines._version import version
from routines.batching.results import BatchFailure, BatchResult
from routines.errors import RoutinesError

__all__ = ["Job", "fingerprint", "make"]


@attrs.frozen
class Job:
    """One row to make: its number, the person, the request and where its files go."""

    row: int
    name: str
    request: PlanRequest
    files: tuple[Path | None, Path | None, Path | None]  # pdf, ics, json (None: not made)
    force: bool = False
    catalogue_dirs: tuple[str, ...] = ()


def fingerprint(request: PlanRequest, settings: str) -> str:
    """What shapes a row's files: the request, the settings and this routines."""
    from routines._convert import converter

    data = json.dumps(converter.unstructure(request), sort_keys=True, default=str)
    return hashlib.sha256(f"{version()}|{settings}|{data}".encode()).hexdigest()[:24]


_CATALOGUES: dict[tuple[str, ...], Any] = {}


def _catalogue(dirs: tuple[str, ...]) -> Any:
    if dirs not in _CATALOGUES:
        from routines.catalogue.load import load_catalogue

        _CATALOGUES[dirs] = load_catalogue(*dirs)
    return _CATALOGUES[dirs]


def make(job: Job) -> BatchResult | BatchFailure:
    """Plan and write one row; a problem of the row comes back as its failure."""
    from routines.exporters.export import export
    from routines.planning.planner import plan

    try:
        result = plan(job.request, _catalogue(job.catalogue_dirs))
        pdf, ics, json_file = job.files
        export(result, pdf=pdf, ics=ics, json=json_file, force=job.force, compact_json=True)
    except RoutinesError as exc:
        return BatchFailure(job.row, job.name, exc.field, exc.reason)
    except Exception as exc:  # a bug must not cost the other rows their plans
        reason = (
            f"internal error: {type(exc).__name__}: {exc} (a bug in routines; please report it)"
        )
        return BatchFailure(job.row, job.name, None, reason)
    return BatchResult(job.row, job.name, *job.files)
