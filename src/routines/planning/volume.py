"""Weekly volume: hard sets per muscle, by level (Schoenfeld 2017; ACSM 2026).

Beginners do about 4-8 hard sets per muscle group a week, intermediate lifters
8-14, advanced 10-20. A set counts as a direct set for its exercise's main muscle
(the first primary muscle: a row for the mid back, a face pull for the rear
shoulders), as coaches count them. The week's ceiling is shared out among the
strength days that may load the muscle, so no week goes past it; the upper-back
muscles (rhomboids, middle and lower trapezius, rear deltoids) get at least as
many sets as the chest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Level, Muscle
from routines.planning.schedule import Group

__all__ = [
    "CHEST",
    "UPPER_BACK",
    "WEEKLY_SETS",
    "group_of",
    "main_muscle",
    "session_caps",
    "sets_by_muscle",
]

#: Hard sets per muscle per week: (the least worth doing, the most) by level.
WEEKLY_SETS = {Level.BEGINNER: (4, 8), Level.INTERMEDIATE: (8, 14), Level.ADVANCED: (10, 20)}
UPPER_BACK = frozenset(
    {Muscle.RHOMBOIDS, Muscle.MIDDLE_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS, Muscle.REAR_DELTS}
)
CHEST = frozenset({Muscle.CHEST, Muscle.PEC_MINOR})


def group_of(muscle: Muscle) -> Group | None:
    """The group a muscle belongs to for the 48-hour rule (``None``: the trunk)."""
    if muscle.is_core:
        return None
    if muscle.is_lower_body or muscle is Muscle.LOWER_BACK:
        return Group.LOWER
    return Group.UPPER


def session_caps(
    level: Level, groups: frozenset[Group], days_per_week: Mapping[Group | None, int]
) -> dict[Muscle, int]:
    """The most sets each muscle may get in one session that loads ``groups``:
    the level's weekly ceiling shared among the week's days that may load it."""
    top = WEEKLY_SETS[level][1]
    caps = {}
    for muscle in Muscle:
        group = group_of(muscle)
        if group is not None and group not in groups:
            caps[muscle] = 0
            continue
        caps[muscle] = max(1, top // max(1, days_per_week.get(group, 1)))
    return caps


def main_muscle(exercise: Exercise) -> Muscle:
    """The muscle an exercise's sets count for: its first primary muscle."""
    return exercise.primary_muscles[0]


def sets_by_muscle(items: Iterable[tuple[Exercise, int]]) -> dict[Muscle, int]:
    """Direct hard sets per main muscle for ``(exercise, sets)`` pairs."""
    found: dict[Muscle, int] = {}
    for exercise, sets in items:
        muscle = main_muscle(exercise)
        found[muscle] = found.get(muscle, 0) + sets
    return found
