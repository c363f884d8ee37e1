"""The look of the printed plan: paper, margins, embedded fonts, grey shades that
survive black-and-white printing, and the paragraph styles.

Every font is an embedded TrueType font (Bitstream Vera, shipped with reportlab),
including the canvas's initial font, so no page refers to a non-embedded
Helvetica. All user text is escaped before it reaches a Paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph

__all__ = [
    "BOLD",
    "DARK",
    "FONT",
    "INK",
    "MARGIN",
    "PAPERS",
    "SHADE",
    "TABLE_FONT",
    "bullets",
    "escaped",
    "register_fonts",
    "styles",
]

PAPERS = {"a4": A4, "letter": LETTER}

MARGIN = 15 * mm

FONT = "RoutinesSans"

BOLD = "RoutinesSans-Bold"

INK = colors.black

SHADE = colors.Color(0.88, 0.88, 0.88)  # light grey: readable in black and white

DARK = colors.Color(0.35, 0.35, 0.35)

#: Tables draw plain cells (even empty ones) in Helvetica unless told otherwise.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT)


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
    pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))
    pdfmetrics.registerFont(TTFont(f"{FONT}-Italic", "VeraIt.ttf"))
    pdfmetrics.registerFont(TTFont(f"{FONT}-BoldItalic", "VeraBI.ttf"))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic"
    )


def styles() -> dict[str, ParagraphStyle]:
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


def escaped(value: object) -> str:
    """User or catalogue text made safe for a Paragraph (which parses markup)."""
    return escape(str(value), {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")


def bullets(lines: Iterable[str], style: ParagraphStyle, kind: str = "bullet") -> ListFlowable:
    items = [ListItem(Paragraph(escaped(line), style), leftIndent=12) for line in lines]
    return ListFlowable(
        items,
        bulletType=kind,
        start="1" if kind == "1" else None,
        bulletFontName=FONT,
        bulletFontSize=8,
        leftIndent=12,
    )
