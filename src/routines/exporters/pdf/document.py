"""Printable PDF plans, built with reportlab's platypus and graphics.

Imported only when a PDF is made, so ``import routines`` never loads reportlab.
Every font is an embedded TrueType font (Bitstream Vera, shipped with reportlab),
including the canvas's initial font, so no page refers to a non-embedded
Helvetica. All user text is escaped before it reaches a Paragraph.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from routines._files import write_atomic_with
from routines._plan import BlockKind, Plan, Session, Week
from routines._request import Weekday
from routines._version import version
from routines.errors import ExportError

__all__ = ["PAPERS", "build_pdf", "write_pdf"]

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 15 * mm
FONT = "RoutinesSans"
BOLD = "RoutinesSans-Bold"
INK = colors.black
SHADE = colors.Color(0.88, 0.88, 0.88)  # light grey: readable in black and white
DARK = colors.Color(0.35, 0.35, 0.35)
LOG_COLUMNS = ("Done", "Reps / load", "RPE", "Pain 0-10")
#: Tables draw plain cells (even empty ones) in Helvetica unless told otherwise.
_TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT)


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
    pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))
    pdfmetrics.registerFont(TTFont(f"{FONT}-Italic", "VeraIt.ttf"))
    pdfmetrics.registerFont(TTFont(f"{FONT}-BoldItalic", "VeraBI.ttf"))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic"
    )


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5),
        "colhead": ParagraphStyle("colhead", parent=base, fontName=BOLD, fontSize=7.5, leading=9),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=22, leading=27, spaceAfter=6
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=15, leading=19, spaceBefore=4, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=14.5,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2
        ),
        "warning": ParagraphStyle(
            "warning",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            borderColor=INK,
            borderWidth=1,
            borderPadding=6,
            spaceBefore=10,
            spaceAfter=10,
        ),
        "center": ParagraphStyle(
            "center", parent=base, fontSize=8, leading=10, alignment=TA_CENTER
        ),
    }


def _text(value: object) -> str:
    """User or catalogue text made safe for a Paragraph (which parses markup)."""
    return escape(str(value), {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")


def _bullets(lines: Iterable[str], style: ParagraphStyle, kind: str = "bullet") -> ListFlowable:
    items = [ListItem(Paragraph(_text(line), style), leftIndent=12) for line in lines]
    return ListFlowable(
        items,
        bulletType=kind,
        start="1" if kind == "1" else None,
        bulletFontName=FONT,
        bulletFontSize=8,
        leftIndent=12,
    )


def _article(number: int) -> str:
    """``"An"`` before the numbers said with a vowel first (8, 11, 18, 80-89)."""
    return "An" if str(number).startswith("8") or number in (11, 18) else "A"


def _cover(plan: Plan, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    request = plan.request
    days = ", ".join(d.value.capitalize() for d in request.days)
    kit = ", ".join(e.value.replace("_", " ") for e in request.equipment) or "none"
    facts = [
        ("Goal", f"{request.goal}: {plan.goal_summary}"),
        ("Level", request.level.value),
        ("Equipment", f"{kit} (plus a mat, a wall, a doorway and a towel)"),
        ("When", f"{days} at {request.time:%H:%M} ({request.timezone})"),
        ("Sessions", f"about {request.minutes} minutes each"),
        ("Length", f"{request.weeks} weeks from {request.start:%A %d %B %Y}"),
    ]
    table = Table(
        [[Paragraph(_text(k), s["head"]), Paragraph(_text(v), s["cell"])] for k, v in facts],
        colWidths=[28 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                _TABLE_FONT,
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    how = [
        "Each session has three parts: a warm-up to get moving, strength work, and a "
        "cool-down of gentle stretches. Do them in that order.",
        "Sets x reps: for example 2 x 10 means two sets of ten; 3 x 30 s means three holds "
        "of thirty seconds. 'Each side' means the dose is for the left and the right.",
        "Effort: stop each set with 2-3 good reps still in you (RPE 7-8 out of 10).",
        "Log each session in the empty columns: tick Done, write reps or load, your effort "
        "(RPE) and pain (0-10).",
        "Move on to next week's step only after two good sessions in a row; otherwise "
        "repeat the week. Deload weeks are lighter on purpose.",
    ]
    safety = plan.safety
    story: list[Flowable] = [
        Paragraph(_text(plan.title), s["title"]),
        Paragraph(
            f"{_article(request.weeks)} {request.weeks}-week plan made with routines on "
            f"{dt.date.today():%d %B %Y}",
            s["small"],
        ),
        *([Paragraph(_text(plan.adapted), s["small"])] if plan.adapted else []),
        *([Paragraph(_text(plan.stopped), s["warning"])] if plan.stopped else []),
        Spacer(1, 6 * mm),
        table,
        Paragraph("How to use this plan", s["h2"]),
        _bullets(how, s["body"]),
        Paragraph("The pain rule", s["h2"]),
        _bullets(safety.pain_rule, s["body"]),
        Paragraph("Stop at once and get help", s["h2"]),
        _bullets(safety.stop_signs, s["body"]),
        Paragraph("See a professional", s["h2"]),
        _bullets(safety.see_a_professional, s["body"]),
        Paragraph(_text(safety.disclaimer), s["warning"]),
    ]
    if plan.notes:
        story += [Paragraph("About this plan", s["h2"]), _bullets(plan.notes, s["body"])]
    return story


def _strength_sets(week: Week) -> int:
    return sum(i.sets for session in week.sessions for i in session.block(BlockKind.STRENGTH).items)


def _chart(plan: Plan, width: float) -> Drawing:
    height = 60 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # a Drawing starts in Helvetica otherwise
    drawing.initialFontSize = 8
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = width - 16 * mm, height - 20 * mm
    values = [_strength_sets(week) for week in plan.weeks]
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


_SHORT = {
    "full body": "Full body",
    "upper body and core": "Upper + core",
    "lower body and core": "Lower + core",
    "core and mobility": "Core + mobility",
}


def _overview(plan: Plan, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    request = plan.request
    first = request.start
    order = [Weekday.of(first + dt.timedelta(days=i)) for i in range(7)]
    header = [Paragraph("Week", s["head"])] + [
        Paragraph(day.value.capitalize(), s["head"]) for day in order
    ]
    rows: list[list[Any]] = [header]
    style = [
        _TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.5, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for week in plan.weeks:
        by_day = {Weekday.of(session.date): session for session in week.sessions}
        label = f"{week.index}" + ("<br/><i>deload</i>" if week.deload else "")
        row: list[Any] = [Paragraph(label, s["cell"])]
        for day in order:
            session = by_day.get(day)
            if session is None:
                row.append("")
            else:
                text = f"{session.date:%d %b}<br/>{_SHORT.get(session.focus, session.focus)}"
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
        _chart(plan, width),
    ]


def _session_table(
    plan: Plan, session: Session, s: dict[str, ParagraphStyle], width: float
) -> Table:
    header = ["Part", "Exercise", "Dose", "Rest", "Effort", *LOG_COLUMNS]
    # the log columns are left empty, sized for a pen
    rows: list[list[Any]] = [[Paragraph(h, s["colhead"]) for h in header]]
    style: list[tuple[Any, ...]] = [
        _TABLE_FONT,
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
                    Paragraph(_text(exercise.name) + (" *" if item.change else ""), s["cell"]),
                    Paragraph(_text(item.dose_text), s["cell"]),
                    Paragraph(rest, s["cell"]),
                    Paragraph(_text(effort), s["cell"]),
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


def _weeks(plan: Plan, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = []
    for week in plan.weeks:
        story.append(PageBreak())
        title = f"Week {week.index} of {plan.request.weeks}"
        if week.deload:
            title += ": deload week (lighter on purpose)"
        story.append(Paragraph(title, s["h1"]))
        for session in week.sessions:
            heading = Paragraph(
                f"{session.date:%A %d %B}, {session.start:%H:%M}: {_text(session.focus)}, "
                f"about {session.minutes} min",
                s["h2"],
            )
            if session.cancelled:
                note = Paragraph(f"Cancelled: {_text(session.cancelled)}", s["warning"])
                story.append(KeepTogether([heading, note]))
                continue
            changes = [
                Paragraph(f"* Changed after your log: {_text(change)}", s["small"])
                for change in session.changes
            ]
            # a session is never split across pages
            story.append(KeepTogether([heading, _session_table(plan, session, s, width), *changes]))
    return story


def _name_of(plan: Plan, exercise_id: str) -> str:
    found = plan.exercises.get(exercise_id)
    return found.name if found else exercise_id.replace("-", " ").capitalize()


def _guide(plan: Plan, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Paragraph("Exercise guide", s["h1"])]
    for exercise in sorted(plan.exercises.values(), key=lambda e: e.name.lower()):
        kit = ", ".join(e.value.replace("_", " ") for e in exercise.equipment)
        meta = f"{exercise.modality.value.replace('_', ' ')}; equipment: {kit}"
        if exercise.per_side:
            meta += "; one side at a time"
        part: list[Flowable] = [
            Paragraph(_text(exercise.name), s["h3"]),
            Paragraph(_text(meta), s["small"]),
            _bullets(exercise.instructions, s["body"], kind="1"),
            Paragraph("<b>Cues:</b> " + _text(" ".join(exercise.cues)), s["body"]),
            Paragraph("<b>Common mistakes:</b> " + _text(" ".join(exercise.mistakes)), s["body"]),
        ]
        if exercise.cautions:
            cautions = ", ".join(c.value.replace("_", " ") for c in exercise.cautions)
            part.append(Paragraph("<b>Take care:</b> " + _text(cautions), s["body"]))
        easier = ", ".join(_name_of(plan, e) for e in exercise.regressions) or "none"
        harder = ", ".join(_name_of(plan, e) for e in exercise.progressions) or "none"
        part.append(
            Paragraph(f"<b>Easier:</b> {_text(easier)}. <b>Harder:</b> {_text(harder)}.", s["body"])
        )
        story += [CondPageBreak(40 * mm), KeepTogether(part)]
    return story


def build_pdf(plan: Plan, handle: BinaryIO, *, paper: str = "a4") -> None:
    """Render the plan as a PDF into an open binary file."""
    size = PAPERS.get(paper.lower())
    if size is None:
        raise ExportError(f"paper: {paper!r} is not a paper size; use a4 or letter")
    _register_fonts()
    s = _styles()
    width = size[0] - 2 * MARGIN
    footer = f"{plan.title} - general information, not medical advice"

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(DARK)
        y = MARGIN - 7 * mm  # inside the page margin
        canvas.drawString(MARGIN, y, footer[:110])
        canvas.drawRightString(size[0] - MARGIN, y, f"page {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(
        handle,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=plan.title,
        subject=plan.goal_summary,
        author="routines",
        creator=f"routines {version()}",
        keywords=["exercise", "plan", "routines"],
        initialFontName=FONT,
        initialFontSize=9.5,
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        width,
        size[1] - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    story = [*_cover(plan, s), PageBreak(), *_overview(plan, s, width)]
    story += _weeks(plan, s, width) + _guide(plan, s)
    doc.build(story)


def write_pdf(
    plan: Plan, path: str | os.PathLike[str], *, paper: str = "a4", force: bool = True
) -> Path:
    """Write the plan's PDF to ``path`` through a temporary file and a rename: a
    failure never leaves a half-written PDF or harms an existing file.

    With ``force=False`` an existing file is left alone and an
    :class:`~routines.errors.ExportError` says so.
    """
    target = Path(path)
    if not force and target.exists():
        raise ExportError(f"{target}: exists; choose another name or add --force to replace it")
    if paper.lower() not in PAPERS:
        raise ExportError(f"paper: {paper!r} is not a paper size; use a4 or letter")
    return write_atomic_with(target, lambda handle: build_pdf(plan, handle, paper=paper))
