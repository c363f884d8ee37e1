"""Pulling at least as much as pushing (ACSM; docs/training-rules.md): the one rule
the planner and the adaptation both use when a change cuts sets.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["trim_pushing"]


def trim_pushing(pushing: Sequence[int], excess: int) -> list[int]:
    """The sets of each pushing item after taking ``excess`` sets off, as many as
    possible from the first item (never below one set), then from the next.

    >>> trim_pushing([3, 2], 3)
    [1, 1]
    >>> trim_pushing([3, 2], 1)
    [2, 2]
    >>> trim_pushing([1], 2)  # one set is the floor: pushing may stay ahead
    [1]
    """
    left = max(0, excess)
    trimmed = []
    for sets in pushing:
        cut = min(sets - 1, left) if sets > 1 else 0
        trimmed.append(sets - cut)
        left -= cut
    return trimmed
