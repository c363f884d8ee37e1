"""The errors routines raises.

Every error is a :class:`RoutinesError`, so one ``except RoutinesError`` catches
them all. Messages name the place (file, field, option), the bad value and a fix.

An error about one field carries it, so a program never parses the message to
find it:

>>> error = PlanError("5 is outside 10-90; pick a whole number in that range", field="minutes")
>>> str(error)
'minutes: 5 is outside 10-90; pick a whole number in that range'
>>> error.field, error.reason
('minutes', '5 is outside 10-90; pick a whole number in that range')
>>> print(error.within("plan.toml"))
plan.toml: minutes: 5 is outside 10-90; pick a whole number in that range
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
    """Base class of every error routines raises on purpose.

    ``field`` is the field (or option, or column) the error is about, when there is
    one, as a dotted path such as ``screening.dizziness``; ``source`` is where the
    value came from (a file, ``row 3``); ``reason`` is the message without them.
    """

    def __init__(
        self, reason: str = "", *, field: str | None = None, source: str | None = None
    ) -> None:
        self.reason = reason
        self.field = field
        self.source = source
        text = f"{field}: {reason}" if field else reason
        super().__init__(f"{source}: {text}" if source else text)

    def within(self, source: str) -> RoutinesError:
        """The same error, said to come from ``source`` (a file name, ``row 3``)."""
        found = type(self).__new__(type(self))
        RoutinesError.__init__(found, self.reason, field=self.field, source=source)
        return found


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
        first = self.problems[0] if self.problems else None
        super().__init__(
            "\n".join(lines),
            field=first.field or None if count == 1 and first else None,
        )


class UnknownExerciseError(RoutinesError, KeyError):
    """An exercise id that is not in the catalogue."""

    def __init__(self, exercise_id: str, close: Sequence[str] = ()) -> None:
        from routines._closest import did_you_mean

        self.exercise_id = exercise_id
        self.close_matches = tuple(close)
        hint = did_you_mean(self.close_matches) or "; `routines exercises` lists every id"
        super().__init__(f"unknown exercise {exercise_id!r}{hint}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class PlanError(RoutinesError, ValueError):
    """A plan request that cannot be met; the message says what to change."""


class ExportError(RoutinesError):
    """A plan could not be written to a file."""


class LogError(RoutinesError, ValueError):
    """A training log entry, log file or log CSV is wrong; the message names where."""
