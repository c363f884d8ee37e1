"""The look of the printed plan: paper, margins, embedded fonts, grey shades that
survive black-and-white printing, and the paragraph styles.

Every font is an embedded TrueType font (Bitstream Vera, shipped with reportlab),
including the canvas's initial font, so no page refers to a non-embedded
Helvetica. All user text is escaped before it reaches a Paragraph.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import reportlab
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
    "BOTTOM",
    "DARK",
    "FONT",
    "FOOTER",
    "INK",
    "MARGIN",
    "PAPERS",
    "SHADE",
    "SMALLEST",
    "TABLE_FONT",
    "bullets",
    "escaped",
    "register_fonts",
    "styles",
]

PAPERS = {"a4": A4, "letter": LETTER}

#: The page margin: everything printed stays at least 12 mm from the paper's edge
#: (home printers cut at about 5 mm).
MARGIN = 15 * mm
#: The bottom margin, with room for the footer line (13 mm from the edge).
BOTTOM = 22 * mm
#: The footer's baseline, from the bottom edge.
FOOTER = 13 * mm

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
    # reportlab ships the Vera fonts; named by full path, reportlab opens them
    # directly instead of first trying the bare name as a URL (which imports the
    # whole of urllib.request and ssl: a fifth of a fresh plan's PDF time)
    fonts = str(Path(reportlab.__file__).parent / "fonts")
    pdfmetrics.registerFont(TTFont(FONT, f"{fonts}/Vera.ttf"))
    pdfmetrics.registerFont(TTFont(BOLD, f"{fonts}/VeraBd.ttf"))
    pdfmetrics.registerFont(TTFont(f"{FONT}-Italic", f"{fonts}/VeraIt.ttf"))
    pdfmetrics.registerFont(TTFont(f"{FONT}-BoldItalic", f"{fonts}/VeraBI.ttf"))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic"
    )


#: The smallest text printed: table text and small notes (body text is 11 pt).
SMALLEST = 10


def styles() -> dict[str, ParagraphStyle]:
    """Body text 11 pt, tables and notes 10 pt: readable when printed."""
    base = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=14, textColor=INK)
    small = {"fontSize": SMALLEST, "leading": 12.5}
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, **small),
        "cell": ParagraphStyle("cell", parent=base, **small),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, **small),
        "colhead": ParagraphStyle("colhead", parent=base, fontName=BOLD, **small),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=24, leading=29, spaceAfter=4
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=17, leading=21, spaceBefore=0, spaceAfter=5
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=13, leading=16, spaceBefore=7, spaceAfter=3
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=BOLD, fontSize=12, leading=15, spaceBefore=0, spaceAfter=2
        ),
        "warning": ParagraphStyle(
            "warning",
            parent=base,
            fontName=BOLD,
            borderColor=INK,
            borderWidth=1,
            borderPadding=6,
            spaceBefore=8,
            spaceAfter=8,
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER, **small),
    }


def escaped(value: object) -> str:
    """User or catalogue text made safe for a Paragraph (which parses markup)."""
    text = html.escape(str(value), quote=False).replace('"', "&quot;").replace("'", "&#39;")
    return text.replace("\n", "<br/>")


def bullets(lines: Iterable[str], style: ParagraphStyle, kind: str = "bullet") -> ListFlowable:
    items = [ListItem(Paragraph(escaped(line), style), leftIndent=12) for line in lines]
    return ListFlowable(
        items,
        bulletType=kind,
        start="1" if kind == "1" else None,
        bulletFontName=FONT,
        bulletFontSize=SMALLEST,
        leftIndent=14,
    )
