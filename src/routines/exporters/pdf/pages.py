"""The overview page (every session, and the weekly volume) and a page per week
with a table per session, its log columns left empty for a pen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import BlockKind, Item, Plan, Session, Week
from routines._request import Weekday
from routines.exporters.pdf.styles import DARK, FONT, INK, SHADE, TABLE_FONT, escaped
from routines.exporters.text import week_mark

__all__ = ["LOG_COLUMNS", "overview", "week_pages"]


def _dose(item: Item) -> str:
    """``"3 x 10"``, after the ramp-up sets of a heavy lift: ``"2 ramp-up + 4 x 6"``."""
    ramp = f"{item.ramp_up_sets} ramp-up + " if item.ramp_up_sets else ""
    return ramp + item.dose_text


LOG_COLUMNS = ("Done", "Reps / load", "RPE", "Pain 0-10")


def strength_sets(week: Week) -> int:
    return sum(i.sets for session in week.sessions for i in session.block(BlockKind.STRENGTH).items)


def volume_chart(plan: Plan, width: float) -> Drawing:
    height = 60 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # a Drawing starts in Helvetica otherwise
    drawing.initialFontSize = 8
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = width - 16 * mm, height - 20 * mm
    values = [strength_sets(week) for week in plan.weeks]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [str(week.index) for week in plan.weeks]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = DARK
    chart.bars[0].strokeColor = INK
    for index, week in enumerate(plan.weeks):
        if week.deload:  # lighter weeks stand out in black and white too
            chart.bars[(0, index)].fillColor = SHADE
    drawing.add(chart)
    drawing.add(
        String(
            12 * mm,
            height - 6 * mm,
            "Strength sets per week (light bars: deload)",
            fontName=FONT,
            fontSize=8,
        )
    )
    drawing.add(String(width / 2, 1.5 * mm, "week", fontName=FONT, fontSize=7, textAnchor="middle"))
    return drawing


SHORT_FOCUS = {
    "full body": "Full body",
    "upper body and core": "Upper + core",
    "lower body and core": "Lower + core",
    "core and mobility": "Core + mobility",
}


def overview(plan: Plan, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    request = plan.request
    first = request.start
    order = [Weekday.of(first + dt.timedelta(days=i)) for i in range(7)]
    header = [Paragraph("Week", s["head"])] + [
        Paragraph(day.value.capitalize(), s["head"]) for day in order
    ]
    rows: list[list[Any]] = [header]
    style = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.5, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for week in plan.weeks:
        by_day = {Weekday.of(session.date): session for session in week.sessions}
        label = f"{week.index}" + (f"<br/><i>{week_mark(week)}</i>" if week_mark(week) else "")
        row: list[Any] = [Paragraph(label, s["cell"])]
        for day in order:
            session = by_day.get(day)
            if session is None:
                row.append("")
            else:
                text = f"{session.date:%d %b}<br/>{SHORT_FOCUS.get(session.focus, session.focus)}"
                row.append(Paragraph(text, s["center"]))
        rows.append(row)
        if week.deload:
            style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SHADE))
    table = Table(rows, colWidths=[16 * mm] + [(width - 16 * mm) / 7] * 7, repeatRows=1)
    table.setStyle(TableStyle(style))
    return [
        Paragraph("Overview", s["h1"]),
        Paragraph(
            "Every session of the plan. Shaded rows are deload weeks: the same "
            "exercises with about half the sets.",
            s["body"],
        ),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 6 * mm),
        volume_chart(plan, width),
    ]


def session_table(
    plan: Plan, session: Session, s: dict[str, ParagraphStyle], width: float
) -> Table:
    header = ["Part", "Exercise", "Dose", "Rest", "Effort", *LOG_COLUMNS]
    # the log columns are left empty, sized for a pen
    rows: list[list[Any]] = [[Paragraph(h, s["colhead"]) for h in header]]
    style: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.4, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for block in session.blocks:
        start = len(rows)
        for index, item in enumerate(block.items):
            exercise = plan.exercise(item.exercise)
            rest = f"{item.rest_s} s" if item.sets > 1 and item.rest_s else "-"
            effort = ""
            if block.kind is BlockKind.STRENGTH and item.effort:
                effort = item.effort.split(" (")[0]  # "RPE 7-8"; the cover explains RPE
            rows.append(
                [
                    Paragraph(block.kind.label if index == 0 else "", s["colhead"]),
                    Paragraph(escaped(exercise.name) + (" *" if item.change else ""), s["cell"]),
                    Paragraph(escaped(_dose(item)), s["cell"]),
                    Paragraph(rest, s["cell"]),
                    Paragraph(escaped(effort), s["cell"]),
                    "",
                    "",
                    "",
                    "",
                ]
            )
        if len(rows) > start:
            style.append(("LINEABOVE", (0, start), (-1, start), 1.2, INK))
            style.append(("SPAN", (0, start), (0, len(rows) - 1)))
            style.append(("VALIGN", (0, start), (0, len(rows) - 1), "TOP"))
    fixed = [20 * mm, None, 28 * mm, 12 * mm, 16 * mm, 12 * mm, 19 * mm, 11 * mm, 14 * mm]
    known = sum(w for w in fixed if w is not None)
    widths = [w if w is not None else width - known for w in fixed]
    table = Table(
        rows, colWidths=widths, repeatRows=1, rowHeights=[None] + [7.5 * mm] * (len(rows) - 1)
    )
    table.setStyle(TableStyle(style))
    return table


def week_pages(plan: Plan, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = []
    for week in plan.weeks:
        story.append(PageBreak())
        title = f"Week {week.index} of {plan.request.weeks}"
        if week.deload:
            title += f": {week_mark(week)} (lighter on purpose)"
        elif week.retest:
            title += f": {week_mark(week)}"
        story.append(Paragraph(title, s["h1"]))
        for session in week.sessions:
            heading = Paragraph(
                f"{session.date:%A %d %B}, {session.start:%H:%M}: {escaped(session.focus)}, "
                f"about {session.minutes} min",
                s["h2"],
            )
            if session.cancelled:
                note = Paragraph(f"Cancelled: {escaped(session.cancelled)}", s["warning"])
                story.append(KeepTogether([heading, note]))
                continue
            changes = [
                Paragraph(f"* Changed after your log: {escaped(change)}", s["small"])
                for change in session.changes
            ]
            # a session is never split across pages
            story.append(KeepTogether([heading, session_table(plan, session, s, width), *changes]))
    return story


def progress_page(plan: Plan, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """The log so far, week by week, as a chart (an adapted plan only)."""
    from routines.exporters.progress import progress_chart

    intro = (
        "From your training log: the worst pain of each week (the green band is the "
        "comfortable range, red is too much), the sessions you did, and the strength sets. "
        "A pain line that keeps rising is a reason to see a professional."
    )
    return [
        Paragraph("Your progress so far", s["h2"]),
        Paragraph(intro, s["body"]),
        Spacer(1, 4 * mm),
        progress_chart(plan.progress, width=width),
    ]
