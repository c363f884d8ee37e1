"""The diary layout's pages: a heading per week and a table per session, its log
columns left empty for a pen; and the progress page of an adapted plan."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import BlockKind, Item, Plan, Session
from routines.exporters.pdf.lines import Laid
from routines.exporters.pdf.styles import INK, SHADE, TABLE_FONT, escaped
from routines.exporters.text import week_mark

__all__ = ["LOG_COLUMNS", "progress_page", "week_pages"]


def _dose(item: Item) -> str:
    """``"3 x 10"``, after the ramp-up sets of a heavy lift: ``"2 ramp-up + 4 x 6"``."""
    ramp = f"{item.ramp_up_sets} ramp-up + " if item.ramp_up_sets else ""
    return ramp + item.dose_text


LOG_COLUMNS = ("Done", "Reps / load", "RPE", "Pain 0-10")


def session_table(
    plan: Plan, session: Session, s: dict[str, ParagraphStyle], width: float
) -> Table:
    header = ["Part", "Exercise", "Dose", "Rest", "Effort", *LOG_COLUMNS]
    # the log columns are left empty, sized for a pen
    rows: list[list[Any]] = [[Laid(h, s["colhead"]) for h in header]]
    style: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.4, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
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
                    Laid(block.kind.label if index == 0 else "", s["colhead"]),
                    Laid(escaped(exercise.name) + (" *" if item.change else ""), s["cell"]),
                    Laid(escaped(_dose(item)), s["cell"]),
                    Laid(rest, s["cell"]),
                    Laid(escaped(effort), s["cell"]),
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
    fixed = [24 * mm, None, 30 * mm, 13 * mm, 18 * mm, 13 * mm, 19 * mm, 12 * mm, 14 * mm]
    known = sum(w for w in fixed if w is not None)
    widths = [w if w is not None else width - known for w in fixed]
    table = Table(rows, colWidths=widths, repeatRows=1)
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
        heading = Paragraph(title, s["h1"])
        heading._bookmark = (f"Week {week.index}", 0)  # for the outline
        story.append(heading)
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
