"""Printable PDF plans, built with reportlab's platypus and graphics.

Imported only when a PDF is made, so ``import routines`` never loads reportlab.
The pages come from :mod:`~routines.exporters.pdf.cover`,
:mod:`~routines.exporters.pdf.pages` and :mod:`~routines.exporters.pdf.guide`, in
the style of :mod:`~routines.exporters.pdf.styles`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

from routines._plan import Plan, plan_identity
from routines._version import version
from routines.errors import ExportError
from routines.exporters.owners import pdf_keywords
from routines.exporters.pdf.cover import cover
from routines.exporters.pdf.guide import guide
from routines.exporters.pdf.pages import overview, progress_page, week_pages
from routines.exporters.pdf.styles import DARK, FONT, MARGIN, PAPERS, register_fonts, styles

__all__ = ["PAPERS", "build_pdf", "write_pdf"]


def build_pdf(plan: Plan, handle: BinaryIO, *, paper: str = "a4", figures: bool = True) -> None:
    """Render the plan as a PDF into an open binary file (``figures=False``: the
    exercise guide in words only)."""
    size = PAPERS.get(paper.lower())
    if size is None:
        raise ExportError(f"paper: {paper!r} is not a paper size; use a4 or letter")
    register_fonts()
    s = styles()
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
        keywords=pdf_keywords(plan_identity(plan), plan.stopped),
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
    story = [*cover(plan, s), PageBreak(), *overview(plan, s, width)]
    if plan.progress:
        story += [PageBreak(), *progress_page(plan, s, width)]
    story += week_pages(plan, s, width) + guide(plan, s, width, figures=figures)
    doc.build(story)


def write_pdf(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    paper: str | None = None,
    force: bool = False,
) -> Path:
    """Write the plan's PDF to ``path`` through a temporary file and a rename: a
    failure never leaves a half-written PDF or harms an existing file.

    The same rule as :func:`routines.export`: an existing PDF of this plan is
    updated, anything else at ``path`` is left alone (an
    :class:`~routines.errors.ExportError` says so) unless ``force=True``.
    ``paper`` defaults to the plan's own.
    """
    from routines.exporters.export import export

    return export(plan, pdf=path, ics=None, json=None, paper=paper, force=force)[0]
