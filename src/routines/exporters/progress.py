"""The progress chart: each week's worst pain, sessions done, strength sets and the
heaviest load, drawn with reportlab's graphics (a line going down is easier to
read than a table).

:func:`progress_chart` is a ``Drawing``: the adapted PDF places it on its own
page, and :func:`write_chart` saves it alone as a PDF or an SVG file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors

from routines._files import write_atomic
from routines._plan import WeekProgress
from routines._safety import PAIN_HOLD, PAIN_TOO_MUCH
from routines.errors import ExportError
from routines.exporters.pdf.styles import BOLD, DARK, FONT, SHADE, register_fonts

__all__ = ["CHART_FORMATS", "progress_chart", "write_chart"]

#: The file formats :func:`write_chart` writes, by suffix.
CHART_FORMATS = (".pdf", ".svg")
_PANEL = 118.0  # height of one panel, points
_GAP = 34.0
_LEFT = 46.0
_KG_TO_LB = 1 / 0.45359237
_OK = colors.Color(0.86, 0.94, 0.86)
_HOLD = colors.Color(0.99, 0.93, 0.80)
_HIGH = colors.Color(0.98, 0.85, 0.84)
_LINE = colors.Color(0.12, 0.29, 0.53)


def _panel(
    title: str,
    weeks: Sequence[int],
    width: float,
    top: float,
    high: float,
    ticks: Sequence[float],
    label: Callable[[float], str],
) -> tuple[Group, Callable[[int, float], tuple[float, float]]]:
    """A titled panel with a y axis from 0 to ``high``; returns it and the function
    that places (week position, value) in it."""
    group = Group()
    bottom = top - _PANEL
    plot = width - _LEFT - 8
    group.add(String(0, top + 8, title, fontName=BOLD, fontSize=10, fillColor=colors.black))
    for tick in ticks:
        y = bottom + _PANEL * tick / high
        group.add(Line(_LEFT, y, _LEFT + plot, y, strokeColor=SHADE, strokeWidth=0.5))
        group.add(String(_LEFT - 4, y - 3, label(tick), fontName=FONT, fontSize=7.5,
                         fillColor=DARK, textAnchor="end"))  # fmt: skip
    step = plot / max(len(weeks), 1)
    for position, week in enumerate(weeks):
        x = _LEFT + step * (position + 0.5)
        group.add(String(x, bottom - 11, f"wk {week}", fontName=FONT, fontSize=7.5,
                         fillColor=DARK, textAnchor="middle"))  # fmt: skip

    def place(position: int, value: float) -> tuple[float, float]:
        return _LEFT + step * (position + 0.5), bottom + _PANEL * min(value, high) / high

    return group, place


def _line(points: list[tuple[float, float]], group: Group) -> None:
    if len(points) > 1:
        flat = [coordinate for point in points for coordinate in point]
        group.add(PolyLine(flat, strokeColor=_LINE, strokeWidth=1.6))
    for x, y in points:
        group.add(Circle(x, y, 2.6, fillColor=_LINE, strokeColor=colors.white, strokeWidth=0.6))


def _pain(progress: Sequence[WeekProgress], width: float, top: float) -> Group:
    weeks = [p.week for p in progress]
    group, place = _panel(
        "Worst pain each week (0-10): lower is better", weeks, width, top, 10, (0, 5, 10), str
    )
    x0, _ = place(0, 0)
    right = width - 8
    for low, high, fill in ((0, PAIN_HOLD - 1, _OK), (PAIN_HOLD - 1, PAIN_TOO_MUCH, _HOLD)):
        y_low, y_high = place(0, low)[1], place(0, high)[1]
        group.insert(0, Rect(_LEFT, y_low, right - _LEFT, y_high - y_low, fillColor=fill,
                             strokeColor=None))  # fmt: skip
    y_top = place(0, PAIN_TOO_MUCH)[1]
    group.insert(0, Rect(_LEFT, y_top, right - _LEFT, top - y_top, fillColor=_HIGH,
                         strokeColor=None))  # fmt: skip
    points = [place(i, p.worst_pain) for i, p in enumerate(progress) if p.worst_pain is not None]
    _line(points, group)
    if not points:
        group.add(String(x0, top - _PANEL / 2, "no pain scores logged yet", fontName=FONT,
                         fontSize=9, fillColor=DARK))  # fmt: skip
    return group


def _sessions(progress: Sequence[WeekProgress], width: float, top: float) -> Group:
    weeks = [p.week for p in progress]
    most = max((p.planned for p in progress), default=1) or 1
    group, place = _panel(
        "Sessions done (grey: planned)", weeks, width, top, most, range(0, most + 1), str
    )
    bar = min(22.0, (width - _LEFT) / max(len(weeks), 1) * 0.5)
    for i, p in enumerate(progress):
        x, y_planned = place(i, p.planned)
        _, y_done = place(i, p.done)
        _, y0 = place(i, 0)
        group.add(Rect(x - bar / 2, y0, bar, y_planned - y0, fillColor=SHADE, strokeColor=None))
        if p.done:
            group.add(Rect(x - bar / 2, y0, bar, y_done - y0, fillColor=_LINE, strokeColor=None))
    return group


def _rounded_top(value: float) -> float:
    for top in (5, 10, 20, 25, 40, 50, 60, 80, 100, 150, 200, 250, 300, 400, 500):
        if value <= top:
            return float(top)
    return float(value)


def _amounts(
    title: str, values: Sequence[float | None], weeks: Sequence[int], width: float, top: float
) -> Group:
    high = _rounded_top(max((v for v in values if v is not None), default=1.0))
    group, place = _panel(title, weeks, width, top, high, (0, high / 2, high), lambda t: f"{t:g}")
    _line([place(i, v) for i, v in enumerate(values) if v is not None], group)
    return group


def progress_chart(
    progress: Sequence[WeekProgress], *, width: float = 480.0, unit: str = "kg"
) -> Drawing:
    """The chart of ``progress`` (a plan's :attr:`~routines.Plan.progress`), ``width``
    points wide; loads are shown in ``unit`` (``"kg"`` or ``"lb"``)."""
    register_fonts()
    loads = [p.load_kg for p in progress]
    panels = 4 if any(v is not None for v in loads) else 3
    height = panels * (_PANEL + _GAP) + 6
    drawing = Drawing(width, height, initialFontName=FONT)  # embedded, not Helvetica
    top = height - _GAP + 8
    drawing.add(_pain(progress, width, top))
    top -= _PANEL + _GAP
    drawing.add(_sessions(progress, width, top))
    top -= _PANEL + _GAP
    weeks = [p.week for p in progress]
    sets = [float(p.sets) for p in progress]
    drawing.add(_amounts("Strength sets done", sets, weeks, width, top))
    if panels == 4:
        top -= _PANEL + _GAP
        factor = _KG_TO_LB if unit == "lb" else 1.0
        shown = [None if v is None else round(v * factor, 1) for v in loads]
        lifts = sorted({p.load_exercise for p in progress if p.load_exercise})
        title = f"Heaviest load ({unit}): {', '.join(lifts)}"[:90]
        drawing.add(_amounts(title, shown, weeks, width, top))
    return drawing


def write_chart(
    progress: Sequence[WeekProgress], path: str | os.PathLike[str], *, unit: str = "kg"
) -> Path:
    """Save the chart as a PDF or an SVG file (by ``path``'s suffix), atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in CHART_FORMATS:
        raise ExportError(
            f"{target}: a chart is a .pdf or .svg file; name it progress.pdf or progress.svg"
        )
    if not progress:
        raise ExportError("no week logged yet: log a session first, then draw the chart")
    drawing = progress_chart(progress, unit=unit)
    if suffix == ".svg":
        from reportlab.graphics import renderSVG

        data = renderSVG.drawToString(drawing).encode("utf-8")
    else:
        from reportlab.graphics import renderPDF

        data = renderPDF.drawToString(drawing, title="Training progress")
    return write_atomic(target, data)
