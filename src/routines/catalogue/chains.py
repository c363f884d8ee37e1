"""Progression chains: how exercises relate through their easier and harder variants.

>>> from routines import load_catalogue
>>> chains = Chains(load_catalogue())
>>> chains.related("plank", "incline-plank"), chains.related("plank", "band-row")
(True, False)
>>> chains.depth("incline-plank") < chains.depth("knee-plank") < chains.depth("plank")
True
"""

from __future__ import annotations

from collections.abc import Iterable

from routines.catalogue.exercise import Exercise

__all__ = ["Chains"]


class Chains:
    """The easier-than / harder-than relation of a set of exercises, followed through
    every link (a plank's regressions' regressions are easier than the plank too)."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        by_id = {e.id: e for e in exercises}
        self._harder = {key: _closure(key, by_id, "progressions") for key in by_id}
        self._easier = {key: _closure(key, by_id, "regressions") for key in by_id}
        memo: dict[str, list[str]] = {}
        self._depth = {key: len(_longest_down(key, by_id, memo)) for key in by_id}

    def harder(self, exercise_id: str) -> frozenset[str]:
        """Every exercise harder than this one along its chains."""
        return self._harder.get(exercise_id, frozenset())

    def easier(self, exercise_id: str) -> frozenset[str]:
        """Every exercise easier than this one along its chains."""
        return self._easier.get(exercise_id, frozenset())

    def related(self, a: str, b: str) -> bool:
        """True when one is a progression or regression of the other (at any distance)."""
        return a == b or b in self.harder(a) or b in self.easier(a)

    def depth(self, exercise_id: str) -> int:
        """Steps from the easiest variant below it (0 for the start of a chain)."""
        return self._depth.get(exercise_id, 0)


def _closure(start: str, by_id: dict[str, Exercise], field: str) -> frozenset[str]:
    seen: set[str] = set()
    stack = list(getattr(by_id[start], field))
    while stack:
        key = stack.pop()
        if key in seen or key not in by_id:
            continue
        seen.add(key)
        stack.extend(getattr(by_id[key], field))
    return frozenset(seen)


def _longest_down(key: str, by_id: dict[str, Exercise], memo: dict[str, list[str]]) -> list[str]:
    """The longest run of regressions below ``key`` (the catalogue has no cycles)."""
    if key in memo:
        return memo[key]
    best: list[str] = []
    for easier in by_id[key].regressions:
        if easier in by_id:
            below = [easier, *_longest_down(easier, by_id, memo)]
            best = max(best, below, key=len)
    memo[key] = best
    return best
