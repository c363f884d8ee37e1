"""The guide's plain-text lines (:class:`routines.exporters.pdf.lines.Lines`), read
back with pypdf: every word printed in order, no line wider than its column (a word
wider than the column is cut, as a Paragraph cuts it), the bold lead-in in bold."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from routines.exporters.pdf.lines import Lines
from routines.exporters.pdf.styles import FONT, register_fonts, styles

pytestmark = pytest.mark.slow  # PDFs

COLUMN = 60 * mm
LEFT = 20 * mm


def printed(flowables: list[Lines]) -> list[tuple[str, str, float]]:
    """(text, font name, x) of every piece of text on the pages, in drawing order."""
    register_fonts()
    buffer = io.BytesIO()
    column = Frame(LEFT, 20 * mm, COLUMN, 250 * mm, leftPadding=0, rightPadding=0)
    doc = BaseDocTemplate(buffer, pageTemplates=[PageTemplate(frames=[column])])
    doc.build(list(flowables))
    found: list[tuple[str, str, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            name = str(font.get("/BaseFont", "")) if font else ""
            found.append((text, name, tm[4] * cm[0] + cm[4]))

    for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        page.extract_text(visitor_text=visit)
    return found


words = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=90)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=30), min_size=1, max_size=4))
def test_every_word_is_printed_in_order_within_the_column(paragraphs: list[list[str]]) -> None:
    style = styles()["cell"]
    texts = [" ".join(p) for p in paragraphs]
    pieces = printed([Lines(texts, style)])
    for text, _, x in pieces:  # measured by reportlab's own metrics, not by Lines
        assert x >= LEFT - 0.01
        assert x + stringWidth(text.strip(), FONT, style.fontSize) <= LEFT + COLUMN + 0.01
    # nothing lost, nothing added: the printed characters are the text's, in order
    assert "".join(t for t, _, _ in pieces).replace(" ", "").replace("\n", "") == "".join(
        "".join(p) for p in paragraphs
    )


def test_each_paragraph_starts_a_line_and_the_lead_is_bold() -> None:
    style = styles()["cell"]
    pieces = printed([Lines(["1. Stand tall.", "2. Squeeze."], style, lead="Cues:")])
    assert [t.strip() for t, _, _ in pieces] == ["Cues:", "1. Stand tall.", "2. Squeeze."]
    assert pieces[0][1].endswith("Sans-Bold") and not pieces[1][1].endswith("Sans-Bold")
    assert pieces[1][2] > pieces[0][2]  # after the lead-in, on its line
    assert pieces[2][2] == pytest.approx(LEFT)  # the next paragraph: a new line


def test_a_lead_in_with_no_room_left_puts_the_text_on_the_next_line() -> None:
    pieces = printed([Lines(["x" * 20], styles()["cell"], lead="Common mistakes:")])
    assert [t.strip() for t, _, _ in pieces] == ["Common mistakes:", "x" * 20]
    assert pieces[1][2] == pytest.approx(LEFT)  # not after the lead-in: below it
