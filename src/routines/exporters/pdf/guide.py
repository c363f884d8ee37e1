"""The exercise guide at the back: every exercise of the plan, how to do it."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph
from reportlab.platypus.flowables import Flowable

from routines._plan import Plan
from routines.exporters.pdf.styles import bullets, escaped

__all__ = ["guide"]


def name_of(plan: Plan, exercise_id: str) -> str:
    found = plan.exercises.get(exercise_id)
    return found.name if found else exercise_id.replace("-", " ").capitalize()


def guide(plan: Plan, s: dict[str, ParagraphStyle]) -> list[Flowable]:
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
        story += [CondPageBreak(40 * mm), KeepTogether(part)]
    return story
