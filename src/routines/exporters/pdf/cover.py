"""The cover page, in plain words: who the plan is for and who prepared it, what it
is for, when, how to use it, the pain rule and the stop signs in one box, and the
disclaimer. A QR code of the calendar feed's address when the plan has one."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import Plan
from routines.exporters.pdf.lines import Laid
from routines.exporters.pdf.styles import INK, TABLE_FONT, bullets, escaped
from routines.exporters.sessions import day_kind

__all__ = ["article", "cover", "days_text", "qr_code"]


def article(number: int) -> str:
    """``"An"`` before the numbers said with a vowel first (8, 11, 18, 80-89)."""
    return "An" if str(number).startswith("8") or number in (11, 18) else "A"


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def days_text(plan: Plan) -> str:
    """``"3 strength days (full body) and 2 mobility days"``: the week in words."""
    # a whole week: what is left of a plan (adapt --pdf) may start mid-week
    full = max((w.sessions for w in plan.weeks), key=len, default=())
    kinds = Counter(day_kind(session) for session in full)
    parts = []
    for kind, count in kinds.items():
        noun = "day" if count == 1 else "days"
        if kind == "Mobility":
            parts.append(f"{count} mobility {noun}")
        elif kind == "Desk break":
            parts.append(f"{count} desk {'break' if count == 1 else 'breaks'}")
        else:
            parts.append(f"{count} strength {noun} ({kind.lower()})")
    return _joined(parts) if parts else "no sessions"


def qr_code(address: str, size: float) -> Drawing:
    """The address as a QR code, ``size`` points square."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(address, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _who(plan: Plan) -> str:
    request = plan.request
    parts = []
    if request.for_person:
        parts.append(f"For <b>{escaped(request.for_person)}</b>")
    if request.prepared_by:
        contact = f" ({escaped(request.contact)})" if request.contact else ""
        parts.append(f"prepared by {escaped(request.prepared_by)}{contact}")
    elif request.contact:
        parts.append(f"contact: {escaped(request.contact)}")
    return ", ".join(parts)


def band_is_fixed(plan: Plan) -> bool:
    """True when an exercise of the plan has its band fixed at a height in front,
    behind or overhead (a door anchor, or a post), not under the feet or in the hands."""
    from routines.catalogue.figure.names import Anchor, PropKind

    loose = {None, Anchor.FEET, Anchor.HANDS}
    return any(
        prop.kind is PropKind.BAND and prop.anchor not in loose
        for exercise in plan.exercises.values()
        if exercise.figure is not None
        for prop in exercise.figure.props
    )


def _facts(plan: Plan, s: dict[str, ParagraphStyle], width: float) -> Table:
    request = plan.request
    days = _joined([d.value.capitalize() for d in request.days])
    kit = ", ".join(e.value.replace("_", " ") for e in request.equipment if e.value != "none")
    lighter = [str(w.index) for w in plan.weeks if w.deload]
    weeks = f"{request.weeks} weeks from {request.start:%A %d %B %Y}"
    if len(lighter) == 1:
        weeks += f"; week {lighter[0]} is lighter"
    elif lighter:
        weeks += f"; weeks {_joined(lighter)} are lighter"
    when = (
        f"{days} at {request.time:%H:%M} ({request.timezone}), about {request.minutes} "
        f"minutes each: {days_text(plan)}"
    )
    if band_is_fixed(plan):
        kit += " with a door anchor (or a post to tie it to)"
    need = f"{kit or 'nothing but yourself'} (and a mat, a wall, a doorway, a towel and a chair)"
    facts = [
        ("What it is for", plan.goal_summary),
        ("When", when),
        ("How long", weeks),
        ("You need", need),
    ]
    rows: list[list[Any]] = [
        [Laid(escaped(k), s["head"]), Laid(escaped(v), s["cell"])] for k, v in facts
    ]
    side = 0.0
    if request.feed_url:
        side = 34 * mm
        scan = Paragraph("Scan to add to your calendar", s["center"])
        code = [qr_code(request.feed_url, 28 * mm), scan]
        rows[0].append(code)
        for row in rows[1:]:
            row.append("")
    widths = [32 * mm, width - 32 * mm - side] + ([side] if side else [])
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if side:
        style += [("SPAN", (2, 0), (2, -1)), ("ALIGN", (2, 0), (2, -1), "CENTER")]
    table.setStyle(TableStyle(style))
    return table


def _safety_box(plan: Plan, s: dict[str, ParagraphStyle], width: float) -> Table:
    safety = plan.safety
    parts = [
        ("The pain rule", " ".join(safety.pain_rule)),
        ("Stop at once and get help", " ".join(safety.stop_signs)),
        ("See a professional", " ".join(safety.see_a_professional)),
    ]
    rows = [[Laid(f"<b>{escaped(title)}.</b> {escaped(text)}", s["small"])]
            for title, text in parts]  # fmt: skip
    box = Table(rows, colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("BOX", (0, 0), (-1, -1), 1.2, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return box


HOW_TO = (
    "Each session: first the warm-up, then the strength work, then the stretches.",
    "The session pages show every week's dose: 2 x 10 means two sets of ten; 3 x 30 s, "
    "three holds of thirty seconds. Tick a box each time you do the session and note the "
    "load and your worst pain (0-10).",
    "Stop each set with two or three good repetitions still in you (effort 7-8 out of 10).",
    "Move up only after two good sessions in a row; the lighter weeks are lighter on purpose.",
    "The guide at the back shows how to do every exercise, with a picture.",
)


#: The second line of :data:`HOW_TO` for the diary, a table per date.
DIARY_DOSES = (
    "Each date has its table: 2 x 10 means two sets of ten; 3 x 30 s, three holds of thirty "
    "seconds. Tick each exercise you do, and write the load and your worst pain (0-10)."
)


def cover(
    plan: Plan, s: dict[str, ParagraphStyle], width: float, layout: str = "handout"
) -> list[Flowable]:
    request = plan.request
    how_to = HOW_TO if layout == "handout" else (HOW_TO[0], DIARY_DOSES, *HOW_TO[2:])
    made = (
        f"{article(request.weeks)} {request.weeks}-week plan, made with routines on "
        f"{dt.date.today():%d %B %Y}"
    )
    if request.cleared_by:
        made += f", after clearance by {escaped(request.cleared_by)}"
    story: list[Flowable] = [Paragraph(escaped(plan.title), s["title"])]
    who = _who(plan)
    if who:
        story.append(Paragraph(who, s["body"]))
    story += [Paragraph(made, s["small"])]
    if plan.adapted:
        story.append(Paragraph(escaped(plan.adapted), s["small"]))
    for warning in (plan.stopped, plan.referral):
        if warning:
            story.append(Paragraph(escaped(warning), s["warning"]))
    story += [
        Spacer(1, 4 * mm),
        _facts(plan, s, width),
        Paragraph("How to use this plan", s["h2"]),
        bullets(how_to, s["body"]),
        Spacer(1, 4 * mm),
        _safety_box(plan, s, width),
        Spacer(1, 3 * mm),
        Paragraph(escaped(plan.safety.disclaimer), s["small"]),
    ]
    return story
