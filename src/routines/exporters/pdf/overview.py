"""The overview: what each day of each week is (upper body, lower body, full body,
mobility, a desk break, and which session), the strength sets of each week, and
what the planner says about the plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import BlockKind, Plan, Week
from routines._request import Weekday
from routines.exporters.pdf.lines import Lines
from routines.exporters.pdf.styles import DARK, FONT, INK, SHADE, SMALLEST, TABLE_FONT, bullets
from routines.exporters.sessions import Handout, day_kind

__all__ = ["overview", "strength_sets", "volume_chart"]


def strength_sets(week: Week) -> int:
    return sum(i.sets for session in week.sessions for i in session.block(BlockKind.STRENGTH).items)


def volume_chart(plan: Plan, width: float) -> Drawing:
    """The strength sets of every week as bars, the lighter weeks light."""
    height = 55 * mm
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=SMALLEST)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 10 * mm
    chart.width, chart.height = width - 18 * mm, height - 20 * mm
    chart.data = [[strength_sets(week) for week in plan.weeks]]
    step = max(1, len(plan.weeks) // 13)
    chart.categoryAxis.categoryNames = [
        str(w.index) if (w.index - 1) % step == 0 else "" for w in plan.weeks
    ]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = SMALLEST
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = DARK
    chart.bars[0].strokeColor = INK
    for index, week in enumerate(plan.weeks):
        if week.deload:
            chart.bars[(0, index)].fillColor = SHADE
    drawing.add(chart)
    drawing.add(String(14 * mm, height - 6 * mm, "Strength sets per week (light bars: lighter "
                       "weeks)", fontName=FONT, fontSize=SMALLEST))  # fmt: skip
    return drawing


def overview(
    plan: Plan, handout: Handout, s: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    start = plan.request.start
    order = [Weekday.of(start + dt.timedelta(days=i)) for i in range(7)]
    rows: list[list[Any]] = [
        [Lines(["Week"], s["head"])]
        + [Lines([day.value.capitalize()], s["head"]) for day in order]
        + [Lines(["Sets"], s["head"])]
    ]
    style: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.5, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for week in plan.weeks:
        by_day = {Weekday.of(session.date): session for session in week.sessions}
        mark = "light" if week.deload else "test" if week.retest else ""
        row: list[Any] = [Lines([str(week.index), mark], s["cell"])]
        for day in order:
            session = by_day.get(day)
            if session is None:
                row.append("")
                continue
            text = "cancelled" if session.cancelled else day_kind(session)
            letter = handout.labels.get(session.date)
            if letter and not session.cancelled and day_kind(session) not in ("Mobility",):
                text += f" {letter}"
            row.append(Lines([text], s["center"]))
        row.append(Lines([str(strength_sets(week))], s["center"]))
        rows.append(row)
        if week.deload:
            style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SHADE))
    day_width = (width - 16 * mm - 13 * mm) / 7
    table = Table(rows, colWidths=[16 * mm] + [day_width] * 7 + [13 * mm], repeatRows=1)
    table.setStyle(TableStyle(style))
    story: list[Flowable] = [
        Paragraph("Your weeks", s["h1"]),
        Paragraph(
            "What each day is for, and which session (A, B...) to do; the session pages "
            "follow. Shaded weeks are lighter on purpose. Sets: the week's strength sets.",
            s["body"],
        ),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 5 * mm),
        volume_chart(plan, width),
    ]
    if plan.notes:
        story += [Paragraph("About this plan", s["h2"]), bullets(plan.notes, s["small"])]
    return story
