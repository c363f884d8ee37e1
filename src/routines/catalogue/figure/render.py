"""Drawing a figure: the scene of ``placement.py`` as a reportlab Drawing.

The start pose is light grey and the end pose dark, with an arrow along the path
of the part that moves most; a hold is drawn once with a small pause mark. An
exercise without a ``[figure]`` table gets a plain standing figure in light grey.
Everything is grey on white, so it prints the same in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Polygon, PolyLine, Rect
from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm

from routines.catalogue.exercise import Exercise
from routines.catalogue.figure.kinematics import Flat
from routines.catalogue.figure.names import Base, View
from routines.catalogue.figure.placement import Scene, place
from routines.catalogue.figure.render_body import Palette, body_shapes
from routines.catalogue.figure.render_fixtures import fixed_shapes
from routines.catalogue.figure.render_props import (
    floor_shapes,
    held_shapes,
    mat_from_above,
    mat_span,
)
from routines.catalogue.figure.values import Figure

__all__ = ["PLACEHOLDER", "draw", "draw_figure"]

END = Palette(HexColor("#111111"), HexColor("#4a4a4a"), HexColor("#8f8f8f"))
START = Palette(HexColor("#b3b3b3"), HexColor("#c4c4c4"), HexColor("#d6d6d6"))
ARROW = HexColor("#000000")
#: What an exercise without a ``[figure]`` table is drawn as.
PLACEHOLDER = Figure(base=Base.STANDING)
_MARGIN = 0.05


def draw(exercise: Exercise, width_mm: float = 35.0, height_mm: float | None = None) -> Drawing:
    """The exercise's figure, ``width_mm`` wide (and as tall, unless ``height_mm``).

    >>> from routines import load_catalogue
    >>> drawing = draw(load_catalogue().get("plank"), width_mm=35)
    >>> round(drawing.width / mm), round(drawing.height / mm)
    (35, 35)
    """
    if exercise.figure is None:
        return draw_figure(PLACEHOLDER, width_mm, height_mm, placeholder=True)
    return draw_figure(exercise.figure, width_mm, height_mm)


def _bounds(group: Group) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = group.getBounds()
    return x0, y0, x1, y1


def _offset(path: Sequence[tuple[float, float]], side: float) -> list[tuple[float, float]]:
    """``path`` moved sideways by a fixed distance, to its left (``side`` 1) or right."""
    shifted = []
    for k, (x, y) in enumerate(path):
        ax, ay = path[max(k - 1, 0)]
        bx, by = path[min(k + 1, len(path) - 1)]
        size = math.hypot(bx - ax, by - ay) or 1.0
        shifted.append((x - side * 0.065 * (by - ay) / size, y + side * 0.065 * (bx - ax) / size))
    return shifted


def _arrow(path: Sequence[tuple[float, float]], bodies: Sequence[Flat]) -> Group:
    """A line along ``path``, set off to whichever side keeps clear of the body,
    ending in an arrowhead."""
    group = Group()
    points = [spot[:2] for flat in bodies for spot in flat.values()]

    def clearance(line: list[tuple[float, float]]) -> float:
        return sum(min(math.dist(p, q) for q in points) for p in line)

    shifted = max((_offset(path, 1.0), _offset(path, -1.0)), key=clearance)
    tip = shifted[-1]
    back = shifted[-2]
    dx, dy = tip[0] - back[0], tip[1] - back[1]
    size = math.hypot(dx, dy) or 1.0
    dx, dy = dx / size, dy / size
    head = 0.05
    line = [*shifted[:-1], (tip[0] - dx * head * 0.8, tip[1] - dy * head * 0.8)]
    group.add(PolyLine([c for p in line for c in p], strokeColor=white, strokeWidth=0.03,
                       strokeLineCap=1, strokeLineJoin=1))  # fmt: skip
    group.add(PolyLine([c for p in line for c in p], strokeColor=ARROW, strokeWidth=0.014,
                       strokeLineCap=1, strokeLineJoin=1))  # fmt: skip
    wing = (-dy * head * 0.55, dx * head * 0.55)
    base = (tip[0] - dx * head, tip[1] - dy * head)
    triangle = [tip[0], tip[1], base[0] + wing[0], base[1] + wing[1],
                base[0] - wing[0], base[1] - wing[1]]  # fmt: skip
    group.add(Polygon(triangle, fillColor=ARROW, strokeColor=white, strokeWidth=0.008))
    return group


def _hold_mark(x: float, y: float, r: float) -> Group:
    """A small pause sign: the pose is held still."""
    group = Group()
    group.add(Circle(x, y, r, fillColor=white, strokeColor=ARROW, strokeWidth=r * 0.16))
    for side in (-1, 1):
        group.add(Rect(x + side * r * 0.3 - r * 0.12, y - r * 0.45, r * 0.24, r * 0.9,
                       fillColor=ARROW, strokeWidth=0))  # fmt: skip
    return group


def _scene_group(scene: Scene, placeholder: bool) -> Group:
    group = Group()
    both_near = scene.view is not View.SIDE  # from the front or above, no side is behind
    tops = [s[1] + math.sqrt(s[5]) for pose in scene.poses for s in pose.flat.values()]
    group.add(fixed_shapes(scene, max(tops), in_front=False))
    count = len(scene.poses)
    for index, pose in enumerate(scene.poses):
        palette = START if placeholder or (count == 2 and index == 0) else END
        group.add(body_shapes(pose.drawn, palette, front=both_near))
        group.add(held_shapes(scene, pose.drawn, palette.near))
    group.add(fixed_shapes(scene, max(tops), in_front=True))
    if scene.path:
        group.add(_arrow(scene.path, [pose.drawn for pose in scene.poses]))
    return group


def _rounded(group: Group, places: int = 3) -> Group:
    """``group`` with every point rounded to ``places`` decimals of the figure's own
    unit (a body is about 1.8 units tall: 0.001 is a hundredth of a millimetre at
    60 mm), which roughly halves the bytes a figure takes in a PDF."""
    for shape in group.contents:
        if isinstance(shape, Group):
            _rounded(shape, places)
        elif isinstance(shape, Polygon | PolyLine):  # in place: no checks again (paths
            # of the body come rounded)
            shape.points[:] = [round(value, places) for value in shape.points]
        elif isinstance(shape, Circle):
            shape.cx, shape.cy, shape.r = (round(v, places) for v in (shape.cx, shape.cy, shape.r))
    return group


def draw_figure(
    figure: Figure, width_mm: float = 35.0, height_mm: float | None = None, *,
    placeholder: bool = False,
) -> Drawing:  # fmt: skip
    """A :class:`~routines.catalogue.figure.values.Figure`, drawn to fit the box."""
    scene = place(figure)
    content = _scene_group(scene, placeholder)
    x0, y0, x1, y1 = _bounds(content)
    mat = mat_span(scene)
    if mat is not None:
        x0, x1 = min(x0, mat[0]), max(x1, mat[1])
    world = Group()
    if scene.view is View.TOP:  # the floor is the page; only a mat shows
        if mat is not None:
            world.add(mat_from_above(scene))
        x0, x1, y0, y1 = x0 - 0.04, x1 + 0.04, y0 - 0.04, y1 + 0.04
    else:
        x0, x1 = x0 - 0.06, x1 + 0.06
        y0 = min(y0, -0.03)
        for shape in floor_shapes(x0, x1, mat):
            world.add(shape)
    world.add(_rounded(content))
    hold = not placeholder and len(scene.poses) == 1
    width = width_mm * mm
    height = (height_mm if height_mm is not None else width_mm) * mm
    span_x, span_y = x1 - x0, y1 - y0
    if hold:
        span_y += 0.12  # room for the pause mark above the figure
    scale = (1 - 2 * _MARGIN) * min(width / span_x, height / span_y)
    dx = (width - scale * span_x) / 2 - scale * x0
    dy = (height - scale * span_y) / 2 - scale * y0
    world.transform = (scale, 0, 0, scale, dx, dy)
    drawing = Drawing(width, height)
    drawing.add(world)
    if hold:
        r = min(width, height) * 0.07
        drawing.add(_hold_mark(width - r * 1.4, height - r * 1.4, r))
    return drawing
