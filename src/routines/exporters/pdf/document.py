"""Printable PDF plans, built with reportlab's platypus and graphics.

Imported only when a PDF is made, so ``import routines`` never loads reportlab.
Two layouts: the ``handout`` (the default: a cover, an overview of the weeks, a
page per session with a week-by-week grid, and the exercise guide) and the
``diary`` (the same cover, overview and guide, and a heading per week with a table
per date). The pages come from :mod:`~routines.exporters.pdf.cover`,
:mod:`~routines.exporters.pdf.overview`, :mod:`~routines.exporters.pdf.handout`,
:mod:`~routines.exporters.pdf.pages` and :mod:`~routines.exporters.pdf.guide`, in
the style of :mod:`~routines.exporters.pdf.styles`. Every page says "page x of y";
the outline (bookmarks) lists the cover, the overview, each session or week and
each exercise; every exercise name links to its entry in the guide.
"""

from __future__ import annotations

from typing import Any, BinaryIO

import attrs
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

from routines._plan import Plan, plan_identity
from routines._request import LAYOUTS
from routines._version import version
from routines.errors import ExportError
from routines.exporters.owners import pdf_keywords
from routines.exporters.pdf.cover import cover
from routines.exporters.pdf.guide import guide
from routines.exporters.pdf.handout import session_pages
from routines.exporters.pdf.overview import overview
from routines.exporters.pdf.pages import progress_page, week_pages
from routines.exporters.pdf.styles import (
    BOTTOM,
    DARK,
    FONT,
    FOOTER,
    MARGIN,
    PAPERS,
    SMALLEST,
    register_fonts,
    styles,
)
from routines.exporters.sessions import handout_of

__all__ = ["LAYOUTS", "PAPERS", "build_pdf", "weeks_of", "write_pdf"]


def weeks_of(plan: Plan, weeks: tuple[int, int] | None) -> Plan:
    """The plan with only weeks ``first``-``last`` (both included), to print them."""
    if weeks is None:
        return plan
    first, last = weeks
    chosen = tuple(week for week in plan.weeks if first <= week.index <= last)
    if not chosen or first > last:
        known = f"{plan.weeks[0].index}-{plan.weeks[-1].index}" if plan.weeks else "none"
        raise ExportError(
            f"{first}-{last} is not among the plan's weeks ({known}); give weeks such as 3-4",
            field="print_weeks",
        )
    return attrs.evolve(plan, weeks=chosen)


_TOTAL = "page-total"


class _Pages(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """A canvas that writes "page x of y": each page shows the total as a form that
    is only drawn, once, when the last page is done."""

    def save(self) -> None:
        total = self.getPageNumber() - 1  # the last page has been shown
        self.beginForm(_TOTAL, 0, 0, 30 * mm, 5 * mm)
        self.setFont(FONT, SMALLEST)
        self.setFillColor(DARK)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


def _footer(text: str) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, SMALLEST)
        canvas.setFillColor(DARK)
        canvas.drawString(MARGIN, FOOTER, text[:95])
        right = doc.pagesize[0] - MARGIN - 5.6 * mm  # room for a total of three digits
        canvas.drawRightString(right, FOOTER, f"page {doc.page} of ")
        canvas.translate(right, FOOTER)
        canvas.doForm(_TOTAL)
        canvas.restoreState()

    return draw


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """Bookmarks every flowable marked with ``_bookmark = (title, level)``."""

    def afterFlowable(self, flowable: Any) -> None:
        mark = getattr(flowable, "_bookmark", None)
        if mark is None:
            return
        title, level = mark
        key = f"outline-{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


def build_pdf(
    plan: Plan,
    handle: BinaryIO,
    *,
    paper: str | None = None,
    layout: str | None = None,
    print_weeks: tuple[int, int] | None = None,
    figures: bool = True,
) -> None:
    """Render the plan as a PDF into an open binary file: on ``paper`` in ``layout``
    (default: the plan's own), only weeks ``print_weeks`` if given (``figures=False``:
    no pictures, for comparison)."""
    size = PAPERS.get((paper or plan.request.paper).lower())
    if size is None:
        raise ExportError(f"{paper!r} is not a paper size; use a4 or letter", field="paper")
    shape = (layout or plan.request.layout).lower()
    if shape not in LAYOUTS:
        raise ExportError(f"{layout!r} is not a layout; use handout or diary", field="layout")
    printed = weeks_of(plan, print_weeks)
    register_fonts()
    s = styles()
    width = size[0] - 2 * MARGIN
    height = size[1] - MARGIN - BOTTOM
    doc = _Document(
        handle,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
        title=plan.title,
        subject=plan.goal_summary,
        author=plan.request.prepared_by or "routines",
        creator=f"routines {version()}",
        keywords=pdf_keywords(plan_identity(plan), plan.stopped),
        initialFontName=FONT,
        initialFontSize=11,
    )
    frame = Frame(MARGIN, BOTTOM, width, height, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)  # fmt: skip
    footer = f"{plan.title}: general information, not medical advice"
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_footer(footer))])
    handout = handout_of(printed)
    front = cover(plan, s, width, shape)
    front[0]._bookmark = ("Cover", 0)
    story = [*front, PageBreak(), *overview(printed, handout, s, width)]
    story[len(front) + 1]._bookmark = ("Your weeks", 0)
    if plan.progress:
        story += [PageBreak(), *progress_page(plan, s, width)]
    if shape == "handout":
        for page in session_pages(printed, handout, s, width, height):
            story += [PageBreak(), page]
    else:
        story += week_pages(printed, s, width)
    story += [PageBreak(), *guide(printed, s, width, height, figures=figures)]
    doc.build(story, canvasmaker=_Pages)


def write_pdf(
    plan: Plan,
    path: Any,
    *,
    paper: str | None = None,
    force: bool = False,
) -> Any:
    """Write the plan's PDF to ``path`` through a temporary file and a rename: a
    failure never leaves a half-written PDF or harms an existing file.

    The same rule as :func:`routines.export`: an existing PDF of this plan is
    updated, anything else at ``path`` is left alone (an
    :class:`~routines.errors.ExportError` says so) unless ``force=True``.
    ``paper`` defaults to the plan's own.
    """
    from routines.exporters.export import export

    return export(plan, pdf=path, ics=None, json=None, paper=paper, force=force)[0]
