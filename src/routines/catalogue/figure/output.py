"""Figures out of the program: SVG text and files, and a platypus flowable for PDFs.

:class:`FigureFlowable` draws each figure into the PDF once, as a form XObject
named after the figure and its size, and shows that form wherever the figure
appears again: a plan that shows 40 figures three times each embeds 40.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from routines.catalogue.exercise import Exercise
from routines.catalogue.figure.forms import operators

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

__all__ = ["FORM_WIDTH", "FigureFlowable", "form_name", "to_svg", "write_svg"]

#: The width (mm) every figure is drawn at in a PDF, then scaled to each use.
FORM_WIDTH = 60.0


def to_svg(exercise: Exercise, width_mm: float = 35.0, height_mm: float | None = None) -> str:
    """The exercise's figure as SVG text (reportlab's own SVG renderer).

    >>> from routines import load_catalogue
    >>> to_svg(load_catalogue().get("plank")).startswith("<?xml")
    True
    """
    from reportlab.graphics import renderSVG

    from routines.catalogue.figure.render import draw

    text: str = renderSVG.drawToString(draw(exercise, width_mm, height_mm))
    return text


def write_svg(exercise: Exercise, path: str | os.PathLike[str], width_mm: float = 60.0) -> Path:
    """Write the exercise's figure to an SVG file (atomically); returns the path."""
    from routines._files import write_atomic

    return write_atomic(path, to_svg(exercise, width_mm).encode("utf-8"))


def form_name(exercise: Exercise, width_mm: float, height_mm: float) -> str:
    """The name of the PDF form of this figure at this size: the same figure at
    the same size always gets the same name, a changed figure a new one, and every
    exercise without a figure shares the placeholder's."""
    size = f"{width_mm:g}x{height_mm:g}"
    if exercise.figure is None:
        return f"figure-placeholder-{size}"
    digest = hashlib.sha256(repr(exercise.figure).encode()).hexdigest()[:12]
    return f"figure-{exercise.id}-{size}-{digest}"


class FigureFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """An exercise's figure in a platypus story, drawn once per document and reused.
    ``font`` is the document's font, so the figure's graphics state names no other
    (default: the canvas's current font).

    >>> from routines import load_catalogue
    >>> figure = FigureFlowable(load_catalogue().get("plank"), width_mm=30)
    >>> [round(size / mm) for size in figure.wrap(500, 500)]
    [30, 30]
    """

    def __init__(
        self,
        exercise: Exercise,
        width_mm: float = 35.0,
        height_mm: float | None = None,
        *,
        font: str | None = None,
    ) -> None:
        super().__init__()
        self.exercise = exercise
        self.font = font
        self.width_mm = width_mm
        self.height_mm = width_mm if height_mm is None else height_mm
        self.width = width_mm * mm
        self.height = self.height_mm * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        # one form per figure at one shape (FORM_WIDTH x FORM_HEIGHT), scaled to
        # every size it is shown at: a figure is embedded once however it is used
        ratio = self.height_mm / self.width_mm
        base_w, base_h = FORM_WIDTH, FORM_WIDTH * ratio
        name = form_name(self.exercise, base_w, round(base_h, 2))
        if not canvas.hasForm(name):
            canvas.beginForm(name, 0, 0, base_w * mm, base_h * mm)
            ops = operators(name, self.exercise, base_w, base_h)
            if ops is not None:  # made once, kept between documents and runs
                canvas.addLiteral(ops)
            else:
                from routines.catalogue.figure.paint import paint

                paint(canvas, _drawing(name, self.exercise, base_w, base_h))
            canvas.endForm()
        canvas.saveState()
        canvas.scale(self.width_mm / base_w, self.height_mm / base_h)
        canvas.doForm(name)
        canvas.restoreState()


#: Figures drawn in this process, by form name (which changes with the figure): a
#: batch of plans, or a plan printed again, draws each figure once.
_DRAWN: dict[str, Drawing] = {}
_KEPT = 512


def _drawing(name: str, exercise: Exercise, width_mm: float, height_mm: float) -> Drawing:
    found = _DRAWN.get(name)
    if found is None:
        if len(_DRAWN) >= _KEPT:
            _DRAWN.pop(next(iter(_DRAWN)))
        from routines.catalogue.figure.render import draw

        found = _DRAWN[name] = draw(exercise, width_mm, height_mm)
    return found
