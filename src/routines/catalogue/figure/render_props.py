"""The props as reportlab shapes: the floor and mat, the props that stay put
(drawn once, behind the body), and the held props (drawn with each pose).

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
from routines.catalogue.figure.props import TOUCH, Fixture, anchor, bottom, points_of
from routines.catalogue.figure.values import Prop

__all__ = ["FIXED", "LINE", "fixed_shapes", "floor_shapes", "held_shapes"]

FIXED = HexColor("#a9a9a9")  # props that stay put
LIGHT = HexColor("#e4e4e4")
LINE = HexColor("#555555")


def _rect(x0: float, y0: float, x1: float, y1: float, fill: Color, stroke: Color = LINE) -> Rect:
    return Rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0), fillColor=fill,
                strokeColor=stroke, strokeWidth=0.006, rx=0.006, ry=0.006)  # fmt: skip


def floor_shapes(low: float, high: float, mat: tuple[float, float] | None) -> list[Shape]:
    """The floor line from ``low`` to ``high``, with a mat on it if there is one."""
    shapes: list[Shape] = []
    if mat is not None:
        shapes.append(_rect(mat[0], -0.016, mat[1], 0.0, LIGHT, LINE))
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
    return _rect(span[0], low, span[1], high, LIGHT, LINE)


def _facing(flat: Flat) -> float:
    return 1.0 if flat["nose"][0] >= flat["head"][0] else -1.0


def _fixture(fixture: Fixture, scene: Scene, top: float) -> list[Shape]:
    low, high = fixture.span
    level = fixture.level
    kind = fixture.kind
    front = scene.view.value == "front"
    if kind in (PropKind.FOAM_ROLLER, PropKind.STABILITY_BALL):
        r = fixture.radius
        if kind is PropKind.FOAM_ROLLER and front:
            return [_rect(fixture.centre - 0.26, 0, fixture.centre + 0.26, 2 * r, FIXED)]
        inner = 0.4 if kind is PropKind.FOAM_ROLLER else 0.0
        shapes: list[Shape] = [Circle(fixture.centre, r, r, fillColor=FIXED if inner else LIGHT,
                                      strokeColor=LINE, strokeWidth=0.008)]  # fmt: skip
        if inner:
            shapes.append(Circle(fixture.centre, r, r * inner, fillColor=white, strokeWidth=0))
        return shapes
    if kind is PropKind.BAR:
        if not front:  # seen end on
            mid = (low + high) / 2
            return [Line(mid, level, mid, level + 0.16, strokeColor=FIXED, strokeWidth=0.02),
                    Circle(mid, level, 0.028, fillColor=LINE, strokeColor=white,
                           strokeWidth=0.008)]  # fmt: skip
        low, high = min(low, -0.25), max(high, 0.25)
        return [
            Line(low, level, high, level, strokeColor=LINE, strokeWidth=0.03, strokeLineCap=1),
            Line(low, level, low, level + 0.12, strokeColor=FIXED, strokeWidth=0.025),
            Line(high, level, high, level + 0.12, strokeColor=FIXED, strokeWidth=0.025),
        ]
    if kind in (PropKind.BENCH, PropKind.CHAIR):
        thick = 0.04
        shapes = [_rect(low, level - thick, high, level, FIXED)]
        for x in (low + 0.035, high - 0.035):
            shapes.append(_rect(x - 0.014, 0, x + 0.014, level - thick, FIXED))
        if kind is PropKind.CHAIR:
            facing = _facing(scene.poses[0].flat)
            back = low if facing > 0 else high
            if front:
                shapes.insert(0, _rect(low + 0.02, level, high - 0.02, level + 0.3, LIGHT))
            else:
                shapes.append(_rect(back - 0.014, level, back + 0.014, level + 0.32, FIXED))
        return shapes
    # a wall or a door frame
    height = max(top + 0.1, 1.1)
    if fixture.face in ("+w", "-w"):
        return [_rect(low - 0.35, 0, high + 0.35, height, LIGHT, LIGHT)]
    sign = 1.0 if fixture.face == "+u" else -1.0
    edge = sign * fixture.level
    shapes = [_rect(edge, 0, edge + sign * 0.05, height, FIXED)]
    if kind is PropKind.DOORWAY:
        shapes.append(_rect(edge, height, edge - sign * 0.6, height - 0.05, FIXED))
    return shapes


def _from_above(fixture: Fixture, scene: Scene) -> list[Shape]:
    """A prop that stays put, seen from above: under (or round) the drawn parts it
    touches; a wall as a thick line where it stands."""
    drawn = scene.poses[0].drawn
    spots = [drawn[p] for p in fixture.points]
    us, vs = [s[0] for s in spots], [s[1] for s in spots]
    u, v = sum(us) / len(us), sum(vs) / len(vs)
    if fixture.kind is PropKind.STABILITY_BALL:
        return [Circle(u, v, fixture.radius, fillColor=LIGHT, strokeColor=LINE,
                       strokeWidth=0.008)]  # fmt: skip
    if fixture.kind is PropKind.FOAM_ROLLER:
        return [_rect(u - fixture.radius, v - 0.26, u + fixture.radius, v + 0.26, FIXED)]
    if fixture.kind is PropKind.BAR:
        return [_rect(u - 0.015, v - 0.35, u + 0.015, v + 0.35, LINE)]
    if fixture.face == "top":
        return [_rect(min(us) - 0.12, min(vs) - 0.12, max(us) + 0.12, max(vs) + 0.12, FIXED)]
    # a wall, placed in the base's own view, whose across is the picture's across
    sign = 1.0 if fixture.face.startswith("+") else -1.0
    if fixture.face.endswith("u"):  # it stands across the picture
        x = sign * fixture.level
        return [_rect(x, min(vs) - 0.4, x + sign * 0.04, max(vs) + 0.4, FIXED)]
    y = -sign * fixture.level  # toward you in the base's view is down the picture
    return [_rect(min(us) - 0.4, y, max(us) + 0.4, y - sign * 0.04, FIXED)]


def fixed_shapes(scene: Scene, top: float, *, in_front: bool) -> Group:
    """The props that stay put, drawn once: behind the body, or (a bar, which the
    hands wrap round) ``in_front`` of it. ``top`` is the highest point of the figure
    (a wall stands a little taller)."""
    group = Group()
    above = scene.view.value == "top"
    for fixture in scene.fixtures:
        if (fixture.kind is PropKind.BAR) == in_front:
            shapes = _from_above(fixture, scene) if above else _fixture(fixture, scene, top)
            for shape in shapes:
                group.add(shape)
    return group


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
                _rect(x - 0.38, y - 0.13, x - 0.34, y + 0.13, colour, colour),
                _rect(x + 0.34, y - 0.13, x + 0.38, y + 0.13, colour, colour),
            ]
        return [Circle(x, y, 0.13, fillColor=colour, strokeColor=colour, strokeWidth=0.004),
                Circle(x, y, 0.02, fillColor=white, strokeWidth=0)]  # fmt: skip
    if front:  # a dumbbell seen along its plates
        return [
            Line(x - 0.06, y, x + 0.06, y, strokeColor=colour, strokeWidth=0.014),
            _rect(x - 0.085, y - 0.04, x - 0.05, y + 0.04, colour, colour),
            _rect(x + 0.05, y - 0.04, x + 0.085, y + 0.04, colour, colour),
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
