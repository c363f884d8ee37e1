"""The floor, the mat and the held props as reportlab shapes (the props that
stay put are in ``render_fixtures.py``).

Shapes are in body units, like ``render_body.py``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Group, Line, PolyLine, Rect, Shape
from reportlab.lib.colors import Color, HexColor, white

from routines.catalogue.figure.kinematics import Flat
from routines.catalogue.figure.names import Anchor, PropKind
from routines.catalogue.figure.placement import Scene
from routines.catalogue.figure.props import TOUCH, anchor, bottom, points_of
from routines.catalogue.figure.values import Prop

__all__ = [
    "FIXED",
    "LIGHT",
    "LINE",
    "floor_shapes",
    "held_shapes",
    "mat_from_above",
    "mat_span",
    "rect",
]

FIXED = HexColor("#a9a9a9")  # props that stay put
LIGHT = HexColor("#e4e4e4")
LINE = HexColor("#555555")


def rect(x0: float, y0: float, x1: float, y1: float, fill: Color, stroke: Color = LINE) -> Rect:
    return Rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0), fillColor=fill,
                strokeColor=stroke, strokeWidth=0.006, rx=0.006, ry=0.006)  # fmt: skip


def floor_shapes(low: float, high: float, mat: tuple[float, float] | None) -> list[Shape]:
    """The floor line from ``low`` to ``high``, with a mat on it if there is one."""
    shapes: list[Shape] = []
    if mat is not None:
        shapes.append(rect(mat[0], -0.016, mat[1], 0.0, LIGHT, LINE))
    shapes.append(Line(low, -0.016, high, -0.016, strokeColor=LINE, strokeWidth=0.012,
                       strokeLineCap=1))  # fmt: skip
    return shapes


def mat_span(scene: Scene) -> tuple[float, float] | None:
    """Where a mat lies across the picture: under every part near the floor."""
    if not any(prop.kind is PropKind.MAT for prop in scene.figure.props):
        return None
    near = [
        pose.drawn[name][0]
        for pose in scene.poses
        for name, spot in pose.flat.items()
        if bottom(spot) < 0.1
    ]
    if not near:
        return None
    return min(near) - 0.08, max(near) + 0.08


def mat_from_above(scene: Scene) -> Rect:
    """A mat seen from above: under the whole body, a little wider than it."""
    spots = [s for pose in scene.poses for s in pose.drawn.values()]
    low = min(s[1] for s in spots) - 0.08
    high = max(s[1] for s in spots) + 0.08
    span = mat_span(scene) or (min(s[0] for s in spots), max(s[0] for s in spots))
    return rect(span[0], low, span[1], high, LIGHT, LINE)


def _point(flat: Flat, points: Sequence[str]) -> tuple[float, float]:
    return (
        sum(flat[p][0] for p in points) / len(points),
        sum(flat[p][1] for p in points) / len(points),
    )


def _groups(flat: Flat, points: Sequence[str]) -> list[tuple[float, float]]:
    """One place per held object: hands that are together hold one thing."""
    places: list[tuple[float, float]] = []
    for p in points:
        where = flat[p][:2]
        if not any(math.dist(where, other) < TOUCH * 2 for other in places):
            places.append(where)
    return places


def _weight(kind: PropKind, x: float, y: float, colour: Color, front: bool) -> list[Shape]:
    if kind is PropKind.KETTLEBELL:
        return [
            Circle(x, y - 0.02, 0.028, fillColor=None, strokeColor=colour, strokeWidth=0.014),
            Circle(x, y - 0.07, 0.045, fillColor=colour, strokeColor=colour, strokeWidth=0.004),
        ]
    if kind is PropKind.BARBELL:
        if front:
            return [
                Line(x - 0.42, y, x + 0.42, y, strokeColor=colour, strokeWidth=0.016),
                rect(x - 0.38, y - 0.13, x - 0.34, y + 0.13, colour, colour),
                rect(x + 0.34, y - 0.13, x + 0.38, y + 0.13, colour, colour),
            ]
        return [Circle(x, y, 0.13, fillColor=colour, strokeColor=colour, strokeWidth=0.004),
                Circle(x, y, 0.02, fillColor=white, strokeWidth=0)]  # fmt: skip
    if front:  # a dumbbell seen along its plates
        return [
            Line(x - 0.06, y, x + 0.06, y, strokeColor=colour, strokeWidth=0.014),
            rect(x - 0.085, y - 0.04, x - 0.05, y + 0.04, colour, colour),
            rect(x + 0.05, y - 0.04, x + 0.085, y + 0.04, colour, colour),
        ]
    return [Circle(x, y, 0.042, fillColor=colour, strokeColor=colour, strokeWidth=0.004),
            Circle(x, y, 0.014, fillColor=white, strokeWidth=0)]  # fmt: skip


def _line(points: Sequence[tuple[float, float]], colour: Color, width: float) -> PolyLine:
    flat = [c for point in points for c in point]
    return PolyLine(flat, strokeColor=colour, strokeWidth=width, strokeLineCap=1,
                    strokeLineJoin=1)  # fmt: skip


def _held(prop: Prop, scene: Scene, flat: Flat, colour: Color) -> list[Shape]:
    points = points_of(prop.at)
    if not points:
        return []
    front = scene.view.value == "front"
    kind = prop.kind
    if kind in (PropKind.DUMBBELL, PropKind.KETTLEBELL, PropKind.BARBELL):
        return [s for x, y in _groups(flat, points) for s in _weight(kind, x, y, colour, front)]
    if kind is PropKind.TOWEL:
        places = _groups(flat, points)
        if len(places) == 1:  # seen end on: a rolled towel in the hands
            x, y = places[0]
            return [Circle(x, y, 0.032, fillColor=white, strokeColor=colour, strokeWidth=0.014)]
        return [_line(places, colour, 0.03)]
    # a band or cable, from where it is fixed to each part holding it
    flats = [pose.flat for pose in scene.poses]
    fixed = anchor(prop.anchor or Anchor.HANDS, flats, points, scene.view.value)
    shapes: list[Shape] = []
    if fixed is None and prop.anchor is Anchor.FEET:
        fixed = _point(flat, [p for p in flat if p.endswith("_toes")])
    if fixed is None:
        shapes.append(_line([flat[p][:2] for p in points], colour, 0.012))
    else:
        for p in points:
            shapes.append(_line([fixed, flat[p][:2]], colour, 0.012))
        if kind is PropKind.CABLE:
            shapes.append(Circle(fixed[0], fixed[1], 0.025, fillColor=FIXED, strokeColor=LINE,
                                 strokeWidth=0.006))  # fmt: skip
        else:
            shapes.append(Circle(fixed[0], fixed[1], 0.012, fillColor=LINE, strokeWidth=0))
    return shapes


def held_shapes(scene: Scene, flat: Flat, colour: Color) -> Group:
    """The props held in one pose, in that pose's grey."""
    group = Group()
    for prop in scene.figure.props:
        if prop.kind.held:
            for shape in _held(prop, scene, flat, colour):
                group.add(shape)
    return group
