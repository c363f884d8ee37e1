"""PDF speed: a 12-week x 3-day plan, against bare reportlab in the same run.

Run: python benchmarks/bench_pdf.py [--runs N]

Targets (issue 5): the whole PDF <= 1.5 s; within 1.5x of the floor, which is
bare reportlab building the same session tables (same cells, fonts and styles,
no cover, chart or guide) in the same run. Issue 14: the default plan's PDF with
exercise figures within 1.3x of the build time and 1.5x of the size of the PDF
before (the diary layout, words only). Issue 15: the default handout builds in
at most the time of that 26-page diary. Medians of repeated runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io

from _timing import median_ms
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from routines import Plan, PlanRequest, load_catalogue, plan
from routines.exporters.pdf.document import build_pdf
from routines.exporters.pdf.styles import FONT, register_fonts


def bare(p: Plan) -> bytes:
    """The floor: one table per session with the same cells, straight into platypus."""
    register_fonts()
    style = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5)
    story = []
    for session in p.sessions:
        rows = [
            [
                Paragraph(h, style)
                for h in (
                    "Part",
                    "Exercise",
                    "Dose",
                    "Rest",
                    "Effort",
                    "Done",
                    "Reps / load",
                    "RPE",
                    "Pain 0-10",
                )
            ]
        ]
        for block in session.blocks:
            for item in block.items:
                rows.append(
                    [
                        Paragraph(block.kind.value, style),
                        Paragraph(p.exercise(item.exercise).name, style),
                        Paragraph(item.dose_text, style),
                        Paragraph(f"{item.rest_s} s", style),
                        Paragraph(item.effort or "", style),
                        "",
                        "",
                        "",
                        "",
                    ]
                )
        table = Table(rows, repeatRows=1, rowHeights=[None] + [7.5 * mm] * (len(rows) - 1))
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ]
            )
        )
        story.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=FONT).build(story)
    return buffer.getvalue()


def ours(p: Plan, *, figures: bool = True, layout: str | None = None) -> bytes:
    buffer = io.BytesIO()
    build_pdf(p, buffer, figures=figures, layout=layout)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    request = PlanRequest(start=dt.date(2026, 1, 5), weeks=12, days="mon,wed,fri", timezone="UTC")
    p = plan(request, load_catalogue())
    floor = median_ms(lambda: bare(p), runs) / 1000
    full = median_ms(lambda: ours(p), runs) / 1000
    print(f"12 weeks x 3 days: {sum(len(w.sessions) for w in p.weeks)} sessions")
    print(f"bare reportlab, the same session tables  {floor:6.3f} s")
    print(f"routines PDF (cover, overview, chart,     {full:6.3f} s   target <= 1.5 s")
    print(f"  sessions, exercise guide)               ratio {full / floor:4.2f} x (target 1.5)")

    default = plan(PlanRequest(start=dt.date(2026, 1, 5), timezone="UTC"), load_catalogue())
    from routines.catalogue.figure import output

    def afresh() -> bytes:  # as the first PDF of a process
        output._DRAWN.clear()
        return ours(default)

    diary = median_ms(lambda: ours(default, layout="diary", figures=False), runs) / 1000
    handout = median_ms(lambda: ours(default), runs) / 1000
    first = median_ms(afresh, runs) / 1000
    words = median_ms(lambda: ours(default, figures=False), runs) / 1000
    sizes = {
        "diary": len(ours(default, layout="diary", figures=False)),
        "handout": len(ours(default)),
        "words": len(ours(default, figures=False)),
    }
    pages = {
        "diary": _pages(ours(default, layout="diary", figures=False)),
        "handout": _pages(ours(default)),
    }
    print(f"\nthe default plan ({len(default.exercises)} exercises):")
    print(
        f"  the diary, words only (the 26-page PDF of before)  {diary:6.3f} s  "
        f"{sizes['diary'] / 1024:5.0f} KB  {pages['diary']} pages"
    )
    print(
        f"  the handout, with figures                          {handout:6.3f} s  "
        f"{sizes['handout'] / 1024:5.0f} KB  {pages['handout']} pages"
    )
    print(
        f"  the handout, figures drawn afresh                  {first:6.3f} s  "
        "(the first PDF of a process)"
    )
    print(
        f"  the handout without figures                        {words:6.3f} s  "
        f"{sizes['words'] / 1024:5.0f} KB"
    )
    print(
        f"  handout / diary: time {handout / diary:4.2f} x (target 1.0), afresh "
        f"{first / diary:4.2f} x"
    )
    print(
        f"  the default PDF against the one before (issue 14): time {handout / diary:4.2f} x "
        f"(target 1.3), size {sizes['handout'] / sizes['diary']:4.2f} x (target 1.5)"
    )
    print(
        f"  the figures' own share: time {handout / words:4.2f} x, size "
        f"{sizes['handout'] / sizes['words']:4.2f} x"
    )


def _pages(data: bytes) -> int:
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")


if __name__ == "__main__":
    main()
