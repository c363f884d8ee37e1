"""The props that stay put (wall, doorway, bench, chair, bar, foam roller,
stability ball) as reportlab shapes, drawn once, in whichever view the figure is
drawn.

A fixture is placed in the base's own view (``props.py``); here it is drawn where
its parts are in the picture, and a wall where its plane shows: across the
picture, or behind the figure as a pale panel.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Group, Line, Shape
from reportlab.lib.colors import white

from routines.catalogue.figure.bases import BASES
from routines.catalogue.figure.names import PropKind
from routines.catalogue.figure.placement import Scene
from routines.catalogue.figure.props import Fixture
from routines.catalogue.figure.render_props import FIXED, LIGHT, LINE, rect

__all__ = ["fixed_shapes"]

#: Where each direction of space shows in each projection: the picture's ``u``
#: (across), ``v`` (up) or ``w`` (toward you), and which way round.
AXES = {
    "side": {"x": ("u", 1), "y": ("v", 1), "z": ("w", 1)},
    "front": {"x": ("w", 1), "y": ("v", 1), "z": ("u", -1)},
    "top": {"x": ("u", 1), "y": ("w", 1), "z": ("v", -1)},
    "top_front": {"x": ("v", -1), "y": ("w", 1), "z": ("u", -1)},
}


def _plane(fixture: Fixture, ground: str) -> tuple[str, float]:
    """A wall's plane in space: the axis it stands square to, and where on it."""
    sign = 1.0 if fixture.face.startswith("+") else -1.0
    across = fixture.face.endswith("u")
    if ground == "side":  # across is x, toward you is z
        return ("x", sign * fixture.level) if across else ("z", sign * fixture.level)
    return ("z", -sign * fixture.level) if across else ("x", sign * fixture.level)


def _round(fixture: Fixture, axis: str, u: float, v: float, above: bool) -> list[Shape]:
    r = fixture.radius
    y = v if above else r
    if fixture.kind is PropKind.STABILITY_BALL:
        return [Circle(u, y, r, fillColor=LIGHT, strokeColor=LINE, strokeWidth=0.008)]
    if axis == "w":  # a roller seen end on
        return [
            Circle(u, y, r, fillColor=FIXED, strokeColor=LINE, strokeWidth=0.008),
            Circle(u, y, r * 0.4, fillColor=white, strokeWidth=0),
        ]
    if axis == "u":
        return [rect(u - 0.26, y - r, u + 0.26, y + r, FIXED)]
    return [rect(u - r, y - 0.26, u + r, y + 0.26, FIXED)]


def _bar(fixture: Fixture, axis: str, us: list[float], v: float) -> list[Shape]:
    u = sum(us) / len(us)
    if axis == "w":  # seen end on, hung from above
        return [
            Line(u, v, u, v + 0.16, strokeColor=FIXED, strokeWidth=0.02),
            Circle(u, v, 0.028, fillColor=LINE, strokeColor=white, strokeWidth=0.008),
        ]
    if axis == "v":  # from above, the bar runs up the picture
        return [rect(u - 0.015, v - 0.35, u + 0.015, v + 0.35, LINE)]
    low, high = min(min(us) - 0.12, u - 0.25), max(max(us) + 0.12, u + 0.25)
    return [
        Line(low, v, high, v, strokeColor=LINE, strokeWidth=0.03, strokeLineCap=1),
        Line(low, v, low, v + 0.12, strokeColor=FIXED, strokeWidth=0.025),
        Line(high, v, high, v + 0.12, strokeColor=FIXED, strokeWidth=0.025),
    ]


def _seat(fixture: Fixture, scene: Scene, us: list[float]) -> list[Shape]:
    """A bench or chair seen from the side or the front, its top at its level."""
    first = scene.poses[0].drawn
    middle = (min(us) + max(us)) / 2
    half = max((max(us) - min(us)) / 2 + 0.1, 0.2 if fixture.kind is PropKind.BENCH else 0.12)
    low, high, level, thick = middle - half, middle + half, fixture.level, 0.04
    shapes: list[Shape] = [rect(low, level - thick, high, level, FIXED)]
    for x in (low + 0.035, high - 0.035):
        shapes.append(rect(x - 0.014, 0, x + 0.014, level - thick, FIXED))
    if fixture.kind is PropKind.CHAIR:
        across = first["nose"][0] - first["head"][0]
        if abs(across) < 0.02:  # facing you: the back of the chair is behind
            shapes.insert(0, rect(low + 0.02, level, high - 0.02, level + 0.3, LIGHT))
        else:
            back = low if across > 0 else high
            shapes.append(rect(back - 0.014, level, back + 0.014, level + 0.32, FIXED))
    return shapes


def _wall(
    fixture: Fixture, scene: Scene, us: list[float], vs: list[float], top: float
) -> list[Shape]:
    axis, where = _plane(fixture, BASES[scene.figure.base].view.value)
    shows, sign = AXES[scene.projection][axis]
    at = sign * where
    above = scene.projection.startswith("top")
    if shows == "u":
        out = 1.0 if at >= sum(us) / len(us) else -1.0
        if above:
            return [rect(at, min(vs) - 0.4, at + out * 0.04, max(vs) + 0.4, FIXED)]
        height = max(top + 0.1, 1.1)
        shapes: list[Shape] = [rect(at, 0, at + out * 0.05, height, FIXED)]
        if fixture.kind is PropKind.DOORWAY:  # the top of the frame, over the body
            shapes.append(rect(at, height, at - out * 0.6, height - 0.05, FIXED))
        return shapes
    if shows == "v":
        out = 1.0 if at >= sum(vs) / len(vs) else -1.0
        return [rect(min(us) - 0.4, at, max(us) + 0.4, at + out * 0.04, FIXED)]
    # the wall faces you: a pale panel behind the figure
    return [rect(min(us) - 0.35, 0, max(us) + 0.35, max(top + 0.1, 1.1), LIGHT, LIGHT)]


def _shapes(fixture: Fixture, scene: Scene, top: float) -> list[Shape]:
    drawn = scene.poses[0].drawn
    us = [drawn[p][0] for p in fixture.points]
    vs = [drawn[p][1] for p in fixture.points]
    u, v = sum(us) / len(us), sum(vs) / len(vs)
    above = scene.projection.startswith("top")
    # a bar or roller lies level along the body's width, or (lying on one side,
    # the width upright) along its depth
    width = BASES[scene.figure.base].orientation[2::3]  # where the body's z points
    shows = AXES[scene.projection]["x" if abs(width[1]) > 0.5 else "z"][0]
    if fixture.kind in (PropKind.FOAM_ROLLER, PropKind.STABILITY_BALL):
        return _round(fixture, shows, u, v, above)
    if fixture.kind is PropKind.BAR:
        return _bar(fixture, shows, us, v if above else fixture.level)
    if fixture.face == "top":
        if above:
            return [rect(min(us) - 0.12, min(vs) - 0.12, max(us) + 0.12, max(vs) + 0.12, FIXED)]
        return _seat(fixture, scene, us)
    return _wall(fixture, scene, us, vs, top)


def fixed_shapes(scene: Scene, top: float, *, in_front: bool) -> Group:
    """The props that stay put, drawn once: behind the body, or (a bar, which the
    hands wrap round) ``in_front`` of it. ``top`` is the highest point of the figure
    (a wall stands a little taller)."""
    group = Group()
    for fixture in scene.fixtures:
        if (fixture.kind is PropKind.BAR) == in_front:
            for shape in _shapes(fixture, scene, top):
                group.add(shape)
    return group
