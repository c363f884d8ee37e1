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
    from routines._adapt import adapt
    from routines._batch import BatchFailure, BatchReport, BatchResult, batch
    from routines._catalogue import Catalogue
    from routines._config import load_request, starter_config
    from routines._exercise import Dosage, Exercise
    from routines._export import export
    from routines._goals import GOALS, Goal, Slot
    from routines._ics import write_ics
    from routines._load import load_catalogue
    from routines._log import (
        RED_FLAGS,
        ItemResult,
        LogEntry,
        SessionStatus,
        TrainingLog,
        read_log_csv,
    )
    from routines._pdf import write_pdf
    from routines._plan import Block, BlockKind, Item, Plan, Session, Week
    from routines._planner import plan
    from routines._request import PlanRequest, Screening, Weekday
    from routines._safety import SafetyNotes
    from routines._vocab import (
        Caution,
        Dose,
        Equipment,
        Level,
        Modality,
        Muscle,
        Pattern,
    )

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
    "adapt": "_adapt",
    "BatchFailure": "_batch",
    "BatchReport": "_batch",
    "BatchResult": "_batch",
    "batch": "_batch",
    "Catalogue": "_catalogue",
    "load_request": "_config",
    "starter_config": "_config",
    "export": "_export",
    "Dosage": "_exercise",
    "Exercise": "_exercise",
    "load_catalogue": "_load",
    "RED_FLAGS": "_log",
    "ItemResult": "_log",
    "LogEntry": "_log",
    "SessionStatus": "_log",
    "TrainingLog": "_log",
    "read_log_csv": "_log",
    "GOALS": "_goals",
    "Goal": "_goals",
    "Slot": "_goals",
    "Block": "_plan",
    "BlockKind": "_plan",
    "Item": "_plan",
    "Plan": "_plan",
    "Session": "_plan",
    "Week": "_plan",
    "plan": "_planner",
    "write_ics": "_ics",
    "write_pdf": "_pdf",
    "PlanRequest": "_request",
    "Screening": "_request",
    "Weekday": "_request",
    "SafetyNotes": "_safety",
    "Caution": "_vocab",
    "Dose": "_vocab",
    "Equipment": "_vocab",
    "Level": "_vocab",
    "Modality": "_vocab",
    "Muscle": "_vocab",
    "Pattern": "_vocab",
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
