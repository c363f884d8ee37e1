"""The cover page: what the plan is, how to use it, and the safety notes."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import Plan
from routines.exporters.pdf.styles import TABLE_FONT, bullets, escaped

__all__ = ["cover"]


def article(number: int) -> str:
    """``"An"`` before the numbers said with a vowel first (8, 11, 18, 80-89)."""
    return "An" if str(number).startswith("8") or number in (11, 18) else "A"


def cover(plan: Plan, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    request = plan.request
    days = ", ".join(d.value.capitalize() for d in request.days)
    kit = ", ".join(e.value.replace("_", " ") for e in request.equipment) or "none"
    facts = [
        ("Goal", f"{request.goal}: {plan.goal_summary}"),
        ("Level", request.level.value),
        ("Equipment", f"{kit} (plus a mat, a wall, a doorway, a towel and a chair)"),
        ("When", f"{days} at {request.time:%H:%M} ({request.timezone})"),
        ("Sessions", f"about {request.minutes} minutes each"),
        ("Length", f"{request.weeks} weeks from {request.start:%A %d %B %Y}"),
    ]
    table = Table(
        [[Paragraph(escaped(k), s["head"]), Paragraph(escaped(v), s["cell"])] for k, v in facts],
        colWidths=[28 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                TABLE_FONT,
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
        Paragraph(escaped(plan.title), s["title"]),
        Paragraph(
            f"{article(request.weeks)} {request.weeks}-week plan made with routines on "
            f"{dt.date.today():%d %B %Y}",
            s["small"],
        ),
        *([Paragraph(escaped(plan.adapted), s["small"])] if plan.adapted else []),
        *([Paragraph(escaped(plan.stopped), s["warning"])] if plan.stopped else []),
        *([Paragraph(escaped(plan.referral), s["warning"])] if plan.referral else []),
        Spacer(1, 6 * mm),
        table,
        Paragraph("How to use this plan", s["h2"]),
        bullets(how, s["body"]),
        Paragraph("The pain rule", s["h2"]),
        bullets(safety.pain_rule, s["body"]),
        Paragraph("Stop at once and get help", s["h2"]),
        bullets(safety.stop_signs, s["body"]),
        Paragraph("See a professional", s["h2"]),
        bullets(safety.see_a_professional, s["body"]),
        Paragraph(escaped(safety.disclaimer), s["warning"]),
    ]
    if plan.notes:
        story += [Paragraph("About this plan", s["h2"]), bullets(plan.notes, s["body"])]
    return story
