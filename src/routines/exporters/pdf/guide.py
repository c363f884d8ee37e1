"""The exercise guide at the back: every exercise of the plan, how to do it, with its
figure (start pose light, end pose dark) beside the words."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import Plan
from routines.exporters.pdf.styles import FONT, TABLE_FONT, bullets, escaped

__all__ = ["guide"]


def name_of(plan: Plan, exercise_id: str) -> str:
    found = plan.exercises.get(exercise_id)
    return found.name if found else exercise_id.replace("-", " ").capitalize()


#: The figure beside each exercise of the guide, in millimetres.
FIGURE_WIDTH, FIGURE_HEIGHT = 60.0, 46.0


def _with_figure(figure: Flowable, words: list[Flowable], width: float) -> Table:
    table = Table(
        [[figure, words]],
        colWidths=[FIGURE_WIDTH * mm + 4 * mm, width - FIGURE_WIDTH * mm - 4 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def guide(
    plan: Plan, s: dict[str, ParagraphStyle], width: float | None = None, *, figures: bool = True
) -> list[Flowable]:
    """The guide's story; ``width`` is the frame's, for the figure beside the words."""
    story: list[Flowable] = [PageBreak(), Paragraph("Exercise guide", s["h1"])]
    for exercise in sorted(plan.exercises.values(), key=lambda e: e.name.lower()):
        kit = ", ".join(e.value.replace("_", " ") for e in exercise.equipment)
        meta = f"{exercise.modality.value.replace('_', ' ')}; equipment: {kit}"
        if exercise.per_side:
            meta += "; one side at a time"
        part: list[Flowable] = [
            Paragraph(escaped(exercise.name), s["h3"]),
            Paragraph(escaped(meta), s["small"]),
            bullets(exercise.instructions, s["body"], kind="1"),
            Paragraph("<b>Cues:</b> " + escaped(" ".join(exercise.cues)), s["body"]),
            Paragraph("<b>Common mistakes:</b> " + escaped(" ".join(exercise.mistakes)), s["body"]),
        ]
        if exercise.cautions:
            cautions = ", ".join(c.value.replace("_", " ") for c in exercise.cautions)
            part.append(Paragraph("<b>Take care:</b> " + escaped(cautions), s["body"]))
        easier = ", ".join(name_of(plan, e) for e in exercise.regressions) or "none"
        harder = ", ".join(name_of(plan, e) for e in exercise.progressions) or "none"
        part.append(
            Paragraph(
                f"<b>Easier:</b> {escaped(easier)}. <b>Harder:</b> {escaped(harder)}.", s["body"]
            )
        )
        if figures and width is not None:
            from routines.catalogue.figure import FigureFlowable

            figure = FigureFlowable(exercise, FIGURE_WIDTH, FIGURE_HEIGHT, font=FONT)
            part = [part[0], _with_figure(figure, part[1:], width)]
        story += [CondPageBreak(50 * mm), KeepTogether(part)]
    return story
