"""routines: plan stretching and strength routines for a healthy upper back.

>>> import routines
>>> catalogue = routines.load_catalogue()
>>> catalogue.get("plank").name
'Plank'

Heavy parts (the catalogue loader, the planner, the exporters) load on first
use, so ``import routines`` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from routines.errors import (
    CatalogueError,
    ExportError,
    LogError,
    PlanError,
    Problem,
    RoutinesError,
    UnknownExerciseError,
)

if TYPE_CHECKING:
    from routines._plan import Block, BlockKind, Item, Plan, Session, Week
    from routines._request import PlanRequest, Screening, Weekday
    from routines._safety import SafetyNotes
    from routines.adaptation.replay import adapt
    from routines.batching.batch import BatchFailure, BatchReport, BatchResult, batch
    from routines.catalogue.catalogue import Catalogue
    from routines.catalogue.exercise import Dosage, Exercise
    from routines.catalogue.load import load_catalogue
    from routines.catalogue.vocab import (
        Caution,
        Dose,
        Equipment,
        Level,
        Modality,
        Muscle,
        Pattern,
    )
    from routines.exporters.export import export
    from routines.exporters.ics import write_ics
    from routines.exporters.pdf.document import write_pdf
    from routines.log.csv_file import read_log_csv
    from routines.log.entry import RED_FLAGS, Clearance, ItemResult, LogEntry, SessionStatus
    from routines.log.store import TrainingLog
    from routines.planning.config import load_request, starter_config
    from routines.planning.goals import GOALS, Goal, Slot
    from routines.planning.planner import plan

__all__ = [
    "GOALS",
    "RED_FLAGS",
    "BatchFailure",
    "BatchReport",
    "BatchResult",
    "Block",
    "BlockKind",
    "Catalogue",
    "CatalogueError",
    "Caution",
    "Clearance",
    "Dosage",
    "Dose",
    "Equipment",
    "Exercise",
    "ExportError",
    "Goal",
    "Item",
    "ItemResult",
    "Level",
    "LogEntry",
    "LogError",
    "Modality",
    "Muscle",
    "Pattern",
    "Plan",
    "PlanError",
    "PlanRequest",
    "Problem",
    "RoutinesError",
    "SafetyNotes",
    "Screening",
    "Session",
    "SessionStatus",
    "Slot",
    "TrainingLog",
    "UnknownExerciseError",
    "Week",
    "Weekday",
    "__version__",
    "adapt",
    "batch",
    "export",
    "load_catalogue",
    "load_request",
    "plan",
    "read_log_csv",
    "starter_config",
    "write_ics",
    "write_pdf",
]

# Public name -> the private module that defines it; imported on first access.
_LAZY = {
    "adapt": "adaptation.replay",
    "BatchFailure": "batching.batch",
    "BatchReport": "batching.batch",
    "BatchResult": "batching.batch",
    "batch": "batching.batch",
    "Catalogue": "catalogue.catalogue",
    "load_request": "planning.config",
    "starter_config": "planning.config",
    "export": "exporters.export",
    "Dosage": "catalogue.exercise",
    "Exercise": "catalogue.exercise",
    "load_catalogue": "catalogue.load",
    "RED_FLAGS": "log.entry",
    "Clearance": "log.entry",
    "ItemResult": "log.entry",
    "LogEntry": "log.entry",
    "SessionStatus": "log.entry",
    "TrainingLog": "log.store",
    "read_log_csv": "log.csv_file",
    "GOALS": "planning.goals",
    "Goal": "planning.goals",
    "Slot": "planning.goals",
    "Block": "_plan",
    "BlockKind": "_plan",
    "Item": "_plan",
    "Plan": "_plan",
    "Session": "_plan",
    "Week": "_plan",
    "plan": "planning.planner",
    "write_ics": "exporters.ics",
    "write_pdf": "exporters.pdf.document",
    "PlanRequest": "_request",
    "Screening": "_request",
    "Weekday": "_request",
    "SafetyNotes": "_safety",
    "Caution": "catalogue.vocab",
    "Dose": "catalogue.vocab",
    "Equipment": "catalogue.vocab",
    "Level": "catalogue.vocab",
    "Modality": "catalogue.vocab",
    "Muscle": "catalogue.vocab",
    "Pattern": "catalogue.vocab",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from routines._version import version

        return version()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'routines' has no attribute {name!r}")
    value = getattr(import_module(f"routines.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
