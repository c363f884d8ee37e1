"""Plain text wrapped into lines: the guide's steps and notes, the overview's cells.

A :class:`~reportlab.platypus.Paragraph` parses markup and lays out styled
fragments; the guide's texts are plain sentences in one font with at most a bold
lead-in ("Cues:"), so :class:`Lines` measures words with reportlab's font metrics
and draws them with the canvas, at about a fifth of the cost. Nothing in the text
is markup: it is drawn as written, so it needs no escaping.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from routines.exporters.pdf.styles import BOLD

__all__ = ["Laid", "Lines"]


class Lines(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Each of ``paragraphs`` (empty ones left out) starts a new line and wraps at
    spaces; ``lead`` is printed bold before the first. The style gives the font,
    size, leading, colour, spacing and alignment (left, or centred). The lines are
    worked out once per width: the guide's texts are the same in every plan, so a
    batch lays each out once."""

    def __init__(self, paragraphs: Sequence[str], style: ParagraphStyle, lead: str = "") -> None:
        super().__init__()
        self.paragraphs = tuple(text for text in paragraphs if text)
        self.style, self.lead = style, lead
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self._laid: tuple[float, list[tuple[float, str, float]]] | None = None

    def _width(self, text: str, font: str | None = None) -> float:
        return float(stringWidth(text, font or self.style.fontName, self.style.fontSize))

    def _pieces(self, paragraph: str, width: float) -> Iterator[str]:
        """The words of ``paragraph``, a word wider than a line cut into pieces that
        fit (as a Paragraph does), so no text runs off the page."""
        for word in paragraph.split():
            while len(word) > 1 and self._width(word) > width:
                # the longest start that fits (at least one character), by halving
                low, high = 1, len(word) - 1
                while low < high:
                    middle = (low + high + 1) // 2
                    if self._width(word[:middle]) <= width:
                        low = middle
                    else:
                        high = middle - 1
                yield word[:low]
                word = word[low:]
            yield word

    def _lines(self, width: float) -> list[tuple[float, str, float]]:
        """Each line's indent (the lead-in's width on the first), text and width."""
        space = self._width(" ")
        found: list[tuple[float, str, float]] = []
        start = self._width(self.lead, BOLD) + space if self.lead else 0.0
        for paragraph in self.paragraphs:
            line: list[str] = []
            used = start
            for word in self._pieces(paragraph, width):
                wide = self._width(word)
                gap = space if line else 0.0
                if (line or used) and used + gap + wide > width:  # the next line
                    found.append((start, " ".join(line), used))
                    line, used, start, gap = [], 0.0, 0.0, 0.0
                used += gap + wide
                line.append(word)
            found.append((start, " ".join(line), used))
            start = 0.0
        return found

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._laid is None or self._laid[0] != available_width:
            self._laid = (available_width, self._lines(available_width))
        self.width = available_width
        self.height = len(self._laid[1]) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        assert self._laid is not None, "reportlab wraps a flowable before drawing it"
        style, canvas = self.style, self.canv
        canvas.setFillColor(style.textColor)
        # the first baseline sits a font size below the top, as in a Paragraph
        y = self.height - style.fontSize
        if self.lead:
            canvas.setFont(BOLD, style.fontSize)
            canvas.drawString(0, y, self.lead)
        canvas.setFont(style.fontName, style.fontSize)
        centred = style.alignment == TA_CENTER and not self.lead
        for indent, text, used in self._laid[1]:
            canvas.drawString((self.width - used) / 2 if centred else indent, y, text)
            y -= style.leading


class Laid(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A paragraph that lays out its lines once per width. A table wraps its cells
    when it measures them and again when it draws them, and a plain Paragraph
    breaks its lines each time."""

    _laid: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._laid != available_width:
            self._laid_size = super().wrap(available_width, available_height)
            self._laid = available_width
        return self._laid_size  # type: ignore[no-any-return]

    def split(self, available_width: float, available_height: float) -> list[Any]:
        self._laid = None  # splitting changes the lines
        return super().split(available_width, available_height)  # type: ignore[no-any-return]
