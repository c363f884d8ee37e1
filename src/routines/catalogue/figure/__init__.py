"""Figures: a drawing of every exercise, from the ``[figure]`` table of its file.

A figure is a body in a base posture (standing, quadruped, supine, ...) with the
joint angles its file changes, seen from the side or the front, with its props.
The pose model, placement and checks are plain arithmetic and load with the
catalogue; drawing uses reportlab's graphics, imported only when a figure is
drawn:

- :func:`draw` returns a ``reportlab.graphics.shapes.Drawing``;
- :func:`to_svg` and :func:`write_svg` give SVG through reportlab's ``renderSVG``;
- :class:`FigureFlowable` puts a figure in a PDF story, embedding each figure
  once per document however often it is shown.

Like the rest of the catalogue layer it knows nothing of plans: it never imports
``planning``, ``exporters``, ``log`` or ``adaptation``.

>>> from routines import load_catalogue
>>> from routines.catalogue.figure import draw
>>> drawing = draw(load_catalogue().get("band-row"), width_mm=35)
>>> type(drawing).__name__
'Drawing'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from routines.catalogue.figure.output import FigureFlowable, to_svg, write_svg
    from routines.catalogue.figure.render import draw, draw_figure
    from routines.catalogue.figure.values import Figure, Pose, Prop

__all__ = [
    "Figure",
    "FigureFlowable",
    "Pose",
    "Prop",
    "draw",
    "draw_figure",
    "to_svg",
    "write_svg",
]

_WHERE = {
    "Figure": "values",
    "Pose": "values",
    "Prop": "values",
    "draw": "render",
    "draw_figure": "render",
    "FigureFlowable": "output",
    "to_svg": "output",
    "write_svg": "output",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"routines.catalogue.figure.{module}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
