"""The export settings' default: the plan's own (``PlanRequest.alarm``, ``paper``).

A sentinel rather than ``None``, because ``None`` is a setting of its own: no
reminder.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

__all__ = ["FROM_PLAN", "Alarm"]


class _Default(Enum):
    FROM_PLAN = "the plan's own setting"

    def __repr__(self) -> str:
        return "FROM_PLAN"


#: Use the plan's own setting (its request's ``alarm`` or ``paper``).
FROM_PLAN = _Default.FROM_PLAN
#: Minutes of a reminder before each session, ``None`` for none, or the plan's own.
Alarm = int | None | Literal[_Default.FROM_PLAN]
