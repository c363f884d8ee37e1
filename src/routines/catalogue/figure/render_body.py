"""The body as reportlab shapes: thick rounded limbs, a trunk made of rounded
blocks, a head with a nose that shows which way it faces.

Shapes are in body units (standing height 1); ``render.py`` scales them. Parts
are painted from the back to the front, each with a thin white edge so that a
limb in front of the trunk stays readable in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TypeAlias

import attrs
from reportlab.graphics.shapes import Circle, Group, Polygon
from reportlab.lib.colors import Color, white

from routines.catalogue.figure.body import WIDTHS, Lengths
from routines.catalogue.figure.kinematics import Flat, Spot
from routines.catalogue.figure.names import SIDES

__all__ = ["EDGE", "Palette", "body_shapes", "hull"]

EDGE = 0.014  # the white edge round each part
Piece: TypeAlias = Polygon | Circle
_L = Lengths()
_LIMBS = (
    ("upper_arm", "shoulder", "elbow"),
    ("forearm", "elbow", "wrist"),
    ("hand", "wrist", "fingers"),
    ("thigh", "hip", "knee"),
    ("shank", "knee", "ankle"),
)


@attrs.frozen
class Palette:
    """The greys of one pose: the near limbs, the trunk and head, the far limbs."""

    near: Color
    trunk: Color
    far: Color
    far_width: float = 0.85  # far limbs are drawn thinner


def _ellipse(spot: Spot, steps: int = 20) -> list[tuple[float, float]]:
    """Points round the outline of the body's cross-section at ``spot``."""
    u, v, _, m11, m12, m22, _ = spot
    found = []
    for k in range(steps):
        t = 2 * math.pi * k / steps
        nx, ny = math.cos(t), math.sin(t)
        mx, my = m11 * nx + m12 * ny, m12 * nx + m22 * ny
        size = math.sqrt(max(nx * mx + ny * my, 1e-12))
        found.append((u + mx / size, v + my / size))
    return found


def hull(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull, counter-clockwise (Andrew's monotone chain).

    >>> hull([(0, 0), (1, 0), (1, 1), (0, 1), (0.5, 0.5)])
    [(0, 0), (1, 0), (1, 1), (0, 1)]
    """
    ordered = sorted(set(points))
    if len(ordered) < 3:
        return ordered

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for chain, sequence in ((lower, ordered), (upper, reversed(ordered))):
        for point in sequence:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], point) <= 0:
                chain.pop()
            chain.append(point)
    return lower[:-1] + upper[:-1]


def _capsule(
    a: tuple[float, float], b: tuple[float, float], width: float, colour: Color
) -> Polygon:
    """A limb: a thick line with round ends, as one filled outline (a line's own
    round caps are not kept by every renderer)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    angle = math.atan2(dy, dx) if dx or dy else 0.0
    r = width / 2
    points: list[float] = []
    for centre, start in ((b, angle - math.pi / 2), (a, angle + math.pi / 2)):
        for k in range(9):
            t = start + math.pi * k / 8
            points += [centre[0] + r * math.cos(t), centre[1] + r * math.sin(t)]
    return Polygon(points, fillColor=colour, strokeColor=None, strokeWidth=0)


def _polygon(points: Sequence[tuple[float, float]], colour: Color, edge: float) -> Polygon:
    flat = [c for point in points for c in point]
    return Polygon(flat, fillColor=colour, strokeColor=colour, strokeWidth=edge,
                   strokeLineJoin=1)  # fmt: skip


def _edge(shape: Piece, grow: float) -> Piece:
    """A white copy of the shape, ``grow`` wider, to paint behind it."""
    if isinstance(shape, Circle):
        return Circle(shape.cx, shape.cy, shape.r + grow / 2, fillColor=white, strokeColor=None,
                      strokeWidth=0)  # fmt: skip
    return Polygon(list(shape.points), fillColor=white, strokeColor=white,
                   strokeWidth=shape.strokeWidth + grow, strokeLineJoin=1)  # fmt: skip


def _head(flat: Flat, colour: Color) -> list[Piece]:
    """The head, with a nose when the face is turned across the picture."""
    hx, hy = flat["head"][:2]
    nx, ny = flat["nose"][0] - hx, flat["nose"][1] - hy
    shapes: list[Piece] = []
    size = math.hypot(nx, ny)
    if size > 0.5 * _L.face:
        sx, sy = flat["skull"][0] - hx, flat["skull"][1] - hy
        lean = 0.35 / (math.hypot(sx, sy) or 1.0)  # a little toward the chin
        dx, dy = nx / size + sx * lean, ny / size + sy * lean
        size = math.hypot(dx, dy)
        dx, dy = dx / size, dy / size
        shapes.append(Circle(hx + dx * _L.face * 0.95, hy + dy * _L.face * 0.95, 0.017,
                             fillColor=colour, strokeColor=None, strokeWidth=0))  # fmt: skip
    shapes.append(_polygon(_ellipse(flat["head"], 28), colour, 0.004))
    return shapes


def _parts(flat: Flat, palette: Palette, front: bool) -> Iterator[tuple[float, list[Piece]]]:
    """Every part of the body (trunk, head, each arm, each leg) with its depth, for
    painting back to front. A part's pieces share one white edge."""
    blocks = ("pelvis", "abdomen", "ribcage", "upper_back")
    trunk: list[Piece] = [
        _polygon(hull(_ellipse(flat[low]) + _ellipse(flat[high])), palette.trunk, 0.01)
        for low, high in pairwise(blocks)
    ]
    trunk.append(_capsule(flat["neck_base"][:2], flat["skull"][:2], WIDTHS["neck"], palette.trunk))
    yield flat["waist"][2], trunk
    yield flat["head"][2], _head(flat, palette.trunk)
    for side in SIDES:
        near = front or side == "near"
        colour = palette.near if near else palette.far
        scale = 1.0 if near else palette.far_width
        for limb in (_LIMBS[:3], _LIMBS[3:]):
            shapes: list[Piece] = []
            depths = []
            for segment, a, b in limb:
                one, two = flat[f"{side}_{a}"], flat[f"{side}_{b}"]
                shapes.append(_capsule(one[:2], two[:2], WIDTHS[segment] * scale, colour))
                depths += [one[2], two[2]]
            if limb[0][0] == "thigh":
                ankle = flat[f"{side}_ankle"][:2]
                for end in ("instep", "heel_back"):
                    tip = flat[f"{side}_{end}"][:2]
                    shapes.append(_capsule(ankle, tip, WIDTHS["foot"] * scale, colour))
            yield sum(depths) / len(depths), shapes


def body_shapes(flat: Flat, palette: Palette, *, front: bool) -> Group:
    """The body of one placed pose; in the ``front`` view both sides look near."""
    group = Group()
    for _, shapes in sorted(_parts(flat, palette, front), key=lambda item: item[0]):
        for shape in shapes:
            group.add(_edge(shape, EDGE))
        for shape in shapes:
            group.add(shape)
    return group
