"""The errors routines raises.

Every error is a :class:`RoutinesError`, so one ``except RoutinesError`` catches
them all. Messages name the place (file, field, option), the bad value and a fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "CatalogueError",
    "ExportError",
    "LogError",
    "PlanError",
    "Problem",
    "RoutinesError",
    "UnknownExerciseError",
]


class RoutinesError(Exception):
    """Base class of every error routines raises on purpose."""


@attrs.frozen
class Problem:
    """One thing wrong with one catalogue file.

    ``where`` is the file (or folder), ``field`` a dotted path inside it such as
    ``dosage.beginner.sets`` (empty when the whole file is wrong).
    """

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        place = f"{self.where}: {self.field}" if self.field else self.where
        return f"{place}: {self.message}"


class CatalogueError(RoutinesError):
    """The exercise catalogue could not be loaded.

    ``problems`` lists every problem found, not only the first, so one run shows
    everything to fix.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"the exercise catalogue has {count} {noun}:"]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


class UnknownExerciseError(RoutinesError, KeyError):
    """An exercise id that is not in the catalogue."""

    def __init__(self, exercise_id: str, close: Sequence[str] = ()) -> None:
        self.exercise_id = exercise_id
        self.close_matches = tuple(close)
        quoted = [repr(c) for c in self.close_matches]
        if len(quoted) > 1:
            quoted[-2:] = [f"{quoted[-2]} or {quoted[-1]}"]
        hint = (
            f"; did you mean {', '.join(quoted)}?"
            if quoted
            else "; `routines exercises` lists every id"
        )
        super().__init__(f"unknown exercise {exercise_id!r}{hint}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class PlanError(RoutinesError, ValueError):
    """A plan request that cannot be met; the message says what to change."""


class ExportError(RoutinesError):
    """A plan could not be written to a file."""


class LogError(RoutinesError, ValueError):
    """A training log entry, log file or log CSV is wrong; the message names where."""
