"""The columns of a client list: ``name``, every request field, and the answers to
the readiness questions (``screening.<question>``)."""

from __future__ import annotations

import attrs

from routines._request import SCREENING_QUESTIONS, PlanRequest

__all__ = ["COLUMNS", "INTEGERS", "SCREENING"]

#: Columns read as whole numbers.
INTEGERS = frozenset({"weeks", "minutes", "seed", "deload_every"})
_FIELDS = frozenset(attrs.fields_dict(PlanRequest)) - {"screening", "name"}
#: The readiness answers' columns, by the question each answers.
SCREENING = {f"screening.{key}": key for key in SCREENING_QUESTIONS}
#: Every column a client list may have, ``name`` first.
COLUMNS = ("name", *sorted(_FIELDS), *SCREENING)
