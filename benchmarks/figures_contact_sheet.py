"""Every exercise figure on one sheet, with its name, to look at.

Run: python benchmarks/figures_contact_sheet.py [--catalogue DIR] [--all] [--size MM]
                                                [-o figures.pdf]

Draws the figure of every exercise that has a ``[figure]`` table (``--all``: the
placeholders too) into one grid, as PDF or SVG (by the file's suffix). Files are
read one by one and drawn even when their figure breaks a rule, so a figure in
the making can be looked at: its problems are printed, and written in red under
it on the sheet.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

from reportlab.graphics import renderPDF, renderSVG
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib.colors import HexColor, red
from reportlab.lib.units import mm

from routines import Exercise
from routines._convert import converter, describe
from routines.catalogue.checks import exercise_problems
from routines.catalogue.figure import draw
from routines.catalogue.load import builtin_exercises

CELL = 42.0  # mm, the figure's box unless --size says otherwise
LABEL = 9.0  # mm of text under it


def exercises(folders: list[Path]) -> Iterator[tuple[Exercise, list[str]]]:
    """Each exercise read from ``folders`` (later ids replace earlier ones), with the
    problems of its figure; files that cannot be read at all are reported and skipped."""
    found: dict[str, tuple[Exercise, list[str]]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.toml")):
            try:
                exercise = converter.structure(tomllib.loads(path.read_text("utf-8")), Exercise)
            except Exception as exc:  # any unreadable file: say so and go on
                why = describe(exc) if not isinstance(exc, tomllib.TOMLDecodeError) else []
                print(f"{path}: cannot be read: {why or exc}", file=sys.stderr)
                continue
            problems = [
                f"{f}: {m}" for f, m in exercise_problems(exercise) if f.startswith("figure")
            ]
            found[exercise.id] = (exercise, problems)
    yield from (found[key] for key in sorted(found))


def sheet(chosen: list[tuple[Exercise, list[str]]], columns: int, size: float = CELL) -> Drawing:
    """A grid of the figures, each ``size`` mm wide with its name under it."""
    rows = max(1, -(-len(chosen) // columns))
    width, height = columns * size * mm, rows * (size + LABEL) * mm
    page = Drawing(width, height)
    page.add(Rect(0, 0, width, height, fillColor=HexColor("#ffffff"), strokeWidth=0))
    for index, (exercise, problems) in enumerate(chosen):
        x = (index % columns) * size * mm
        y = height - (index // columns + 1) * (size + LABEL) * mm
        try:
            cell = Group(*draw(exercise, size, size).contents)
        except Exception as exc:  # a figure too broken to draw: say why in its cell
            cell = Group()
            problems = [f"cannot be drawn: {exc!r}", *problems]
        cell.translate(x, y + LABEL * mm)
        page.add(cell)
        page.add(String(x + 2 * mm, y + 6 * mm, exercise.name[:34], fontSize=7.5))
        note = "; ".join(problems)
        for line_no, line in enumerate(textwrap.wrap(note, 60)[:2]):
            page.add(String(x + 2 * mm, y + (3.2 - 2.4 * line_no) * mm, line, fontSize=4,
                            fillColor=red))  # fmt: skip
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", action="append", default=[], metavar="DIR")
    parser.add_argument("--all", action="store_true", help="draw the placeholders too")
    parser.add_argument("--columns", type=int, default=6)
    parser.add_argument("--size", type=float, default=CELL, help="mm per figure (35: as printed)")
    parser.add_argument("-o", "--output", default="figures.pdf", help="a .pdf or .svg file")
    args = parser.parse_args()
    folders = [Path(str(builtin_exercises())), *map(Path, args.catalogue)]
    chosen = [(e, p) for e, p in exercises(folders) if args.all or e.figure is not None]
    for exercise, problems in chosen:
        for problem in problems:
            print(f"{exercise.id}: {problem}")
    drawing = sheet(chosen, args.columns, args.size)
    if args.output.endswith(".svg"):
        renderSVG.drawToFile(drawing, args.output)
    else:
        renderPDF.drawToFile(drawing, args.output, "routines figures")
    drawn = sum(1 for e, _ in chosen if e.figure is not None)
    print(f"{len(chosen)} exercises ({drawn} with a figure) drawn to {args.output}")


if __name__ == "__main__":
    main()
