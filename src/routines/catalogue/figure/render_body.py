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
from reportlab.graphics.shapes import FILL_NON_ZERO, Circle, Group, Path
from reportlab.lib.colors import Color, white

from routines.catalogue.figure.body import WIDTHS, Lengths
from routines.catalogue.figure.kinematics import Flat, Spot
from routines.catalogue.figure.names import SIDES

__all__ = ["EDGE", "Palette", "body_shapes", "hull"]

EDGE = 0.014  # the white edge round each part


@attrs.frozen
class Outline:
    """A filled outline before it becomes a reportlab shape: its points (x, y, x, y,
    ...), its colour and the width of its outline in the same colour (0: none).
    Plain values, because a reportlab shape checks every attribute as it is set,
    and a figure has hundreds of them."""

    points: tuple[float, ...]
    colour: Color
    width: float = 0.0


Piece: TypeAlias = Outline | Circle
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


_MOVE, _LINE, _CLOSE = 0, 1, 3  # reportlab's path operators
#: Steps round each round end of a limb: smooth at 60 mm, and small in a PDF.
_CAP = 4


def _ellipse(spot: Spot, steps: int = 14) -> list[tuple[float, float]]:
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
) -> Outline:
    """A limb: a thick line with round ends, as one filled outline (a line's own
    round caps are not kept by every renderer)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    angle = math.atan2(dy, dx) if dx or dy else 0.0
    r = width / 2
    points: list[float] = []
    for centre, start in ((b, angle - math.pi / 2), (a, angle + math.pi / 2)):
        for k in range(_CAP + 1):
            t = start + math.pi * k / _CAP
            points += [centre[0] + r * math.cos(t), centre[1] + r * math.sin(t)]
    return Outline(tuple(points), colour)


def _polygon(points: Sequence[tuple[float, float]], colour: Color, edge: float) -> Outline:
    return Outline(tuple(c for point in points for c in point), colour, edge)


def _edge(shape: Piece, grow: float) -> Piece:
    """A white copy of the shape, ``grow`` wider, to paint behind it."""
    if isinstance(shape, Circle):
        return Circle(shape.cx, shape.cy, shape.r + grow / 2, fillColor=white, strokeColor=None,
                      strokeWidth=0)  # fmt: skip
    return Outline(shape.points, white, shape.width + grow)


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
    shapes.append(_polygon(_ellipse(flat["head"], 18), colour, 0.004))
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


def _merged(shapes: Sequence[Outline]) -> Iterator[Path]:
    """The outlines of one colour as one path per outline width (the same picture,
    with far fewer shapes to write into a PDF). Every outline runs
    counter-clockwise, so overlaps fill under the non-zero rule. Points are rounded
    to 0.001 of a unit (a hundredth of a millimetre at 60 mm)."""
    widths: dict[float, list[Outline]] = {}
    for shape in shapes:
        widths.setdefault(shape.width, []).append(shape)
    for width, same in widths.items():
        points: list[float] = []
        operators: list[int] = []
        for shape in same:
            points += [round(value, 3) for value in shape.points]
            operators += [_MOVE, *([_LINE] * (len(shape.points) // 2 - 1)), _CLOSE]
        colour = same[0].colour
        path = Path(fillColor=colour, strokeColor=colour if width else None, strokeWidth=width,
                    strokeLineJoin=1, fillMode=FILL_NON_ZERO)  # fmt: skip
        # filled in place: setting the lists anew would check every number again
        path.points.extend(points)
        path.operators.extend(operators)
        yield path


def body_shapes(flat: Flat, palette: Palette, *, front: bool) -> Group:
    """The body of one placed pose; in the ``front`` view both sides look near."""
    group = Group()
    for _, shapes in sorted(_parts(flat, palette, front), key=lambda item: item[0]):
        edges = [_edge(shape, EDGE) for shape in shapes]
        for layer in (edges, shapes):
            for path in _merged([shape for shape in layer if isinstance(shape, Outline)]):
                group.add(path)
            for shape in layer:
                if isinstance(shape, Circle):
                    group.add(shape)
    return group
