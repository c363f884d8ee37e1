"""Levelling a body: the turn in the picture that brings what it rests on level,
and the lift that sets it on the floor.

A body seen from the side (or the front) is turned about the hip-joint centre
until its targets (the parts that rest on the floor or a prop, each with the
height it rests at) are as level as they can be, preferring no turn at all, then
lifted until the lowest is at its height.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from routines.catalogue.figure.kinematics import Flat
from routines.catalogue.figure.props import bottom

__all__ = ["Move", "Target", "moved", "rotate", "set_down"]

#: A body point, the height it rests at, and whether that is its centre (a hand
#: round a bar) rather than its bottom.
Target = tuple[str, float, bool]
#: The turn in the picture (degrees), then the slide across and the lift up.
Move = tuple[float, float, float]


def rotate(flat: Flat, degrees: float) -> Flat:
    if not degrees:
        return flat
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    turned: Flat = {}
    for name, (u, v, depth, m11, m12, m22, reach) in flat.items():
        turned[name] = (
            u * c - v * s,
            u * s + v * c,
            depth,
            c * c * m11 - 2 * c * s * m12 + s * s * m22,
            c * s * m11 + (c * c - s * s) * m12 - c * s * m22,
            s * s * m11 + 2 * c * s * m12 + c * c * m22,
            reach,
        )
    return turned


def _shift(flat: Flat, du: float, dv: float) -> Flat:
    return {n: (s[0] + du, s[1] + dv, *s[2:]) for n, s in flat.items()}


def _heights(flat: Flat, targets: Sequence[Target], degrees: float) -> list[float]:
    """How far each target is above its height after turning the body by ``degrees``."""
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    heights = []
    for point, height, centre in targets:
        u, v, _, m11, m12, m22, _ = flat[point]
        lowest = 0.0 if centre else math.sqrt(max(s * s * m11 + 2 * c * s * m12 + c * c * m22, 0))
        heights.append(u * s + v * c - lowest - height)
    return heights


def _spread(flat: Flat, targets: Sequence[Target], degrees: float) -> float:
    heights = _heights(flat, targets, degrees)
    return max(heights) - min(heights)


def _cost(flat: Flat, targets: Sequence[Target], degrees: float) -> float:
    return _spread(flat, targets, degrees) + abs(degrees) * 1e-3  # no turn without need


def _levelling(flat: Flat, targets: Sequence[Target]) -> float:
    """A few steps that each turn the highest and lowest targets level: enough for
    most poses (two feet, a foot and a hand), and cheap."""
    degrees = 0.0
    for _ in range(6):
        heights = _heights(flat, targets, degrees)
        high, low = heights.index(max(heights)), heights.index(min(heights))
        if heights[high] - heights[low] < 1e-4:
            break
        rotated = rotate({"a": flat[targets[high][0]], "b": flat[targets[low][0]]}, degrees)
        run = rotated["a"][0] - rotated["b"][0]
        if abs(run) < 0.05:  # the two are one above the other: turning will not help
            break
        step = math.degrees(math.atan((heights[high] - heights[low]) / run))
        degrees = max(-90.0, min(90.0, degrees - step))
    return degrees


def _tilt(flat: Flat, targets: Sequence[Target]) -> float:
    """The turn in the picture, within a quarter turn, that levels the targets best:
    none when they are level already, else a few levelling steps, else a search."""
    if _spread(flat, targets, 0.0) < 0.003:
        return 0.0
    quick = _levelling(flat, targets)
    if _spread(flat, targets, quick) < 0.01:
        return quick
    best = min([quick, *map(float, range(-90, 91, 5))], key=lambda d: _cost(flat, targets, d))
    low, high = max(best - 5.0, -90.0), min(best + 5.0, 90.0)
    for _ in range(24):  # golden-section search round the best step
        a, b = high - (high - low) * 0.618, low + (high - low) * 0.618
        if _cost(flat, targets, a) < _cost(flat, targets, b):
            high = b
        else:
            low = a
    middle = (low + high) / 2
    return quick if _cost(flat, targets, quick) < _cost(flat, targets, middle) else middle


def set_down(flat: Flat, targets: Sequence[Target], clearance: float) -> Move:
    """How to tip the body to level its targets and lift it onto them; with no
    targets, how to lift its lowest part ``clearance`` above the floor."""
    if not targets:
        return 0.0, 0.0, clearance - min(bottom(spot) for spot in flat.values())
    tilt = _tilt(flat, targets)
    flat = rotate(flat, tilt)
    return tilt, 0.0, max(h - (flat[p][1] if c else bottom(flat[p])) for p, h, c in targets)


def moved(flat: Flat, move: Move) -> Flat:
    return _shift(rotate(flat, move[0]), move[1], move[2])
