"""Drawing figures: every catalogue figure renders to SVG and PDF that read back,
the placeholder, the form each figure becomes in a PDF, the CLI, and the shape of
the drawings (start light, end dark, an arrow, a hold mark)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import attrs
import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from clitools import run_cli
from routines import Catalogue, Exercise, load_catalogue
from routines.catalogue.figure import FigureFlowable, draw, to_svg
from routines.catalogue.figure.bases import BASES
from routines.catalogue.figure.names import Base, View
from routines.catalogue.figure.output import form_name

CATALOGUE = load_catalogue()
DRAWN = sorted(exercise.id for exercise in CATALOGUE if exercise.figure is not None)
#: Exercises without a figure (a person's own may have none): made from built-ins.
BARE = [attrs.evolve(CATALOGUE.get(i), figure=None) for i in ("plank", "band-row")]
#: The exemplars: pose data written for phase 1 of the figures issue.
EXEMPLARS = [
    "band-row", "plank", "doorway-chest-stretch", "glute-bridge", "bird-dog", "prone-t-raise",
    "towel-lat-pulldown", "goblet-squat", "reverse-lunge", "dead-bug", "side-plank", "cat-cow",
    "upper-trapezius-stretch", "one-arm-dumbbell-row", "pull-up", "wall-push-up",
    "chair-sit-to-stand", "kneeling-hip-flexor-stretch", "childs-pose", "push-up",
    "open-book-stretch", "kettlebell-deadlift", "cable-face-pull",
    "foam-roller-thoracic-extension-stretch",
]  # fmt: skip
SVG = "{http://www.w3.org/2000/svg}"


def parse_svg(text: str) -> ET.Element:
    return ET.fromstring(text)  # noqa: S314 - our own SVG, not untrusted input


def test_the_exemplars_have_figures_covering_every_base_and_view() -> None:
    assert set(EXEMPLARS) <= set(DRAWN)
    figures = [CATALOGUE.get(i).figure for i in EXEMPLARS]
    assert {f.base for f in figures if f} == set(Base)
    views = {f.view or BASES[f.base].view for f in figures if f}
    assert views == set(View)
    kinds = {prop.kind.value for f in figures if f for prop in f.props}
    assert len(kinds) >= 10, kinds


@pytest.mark.parametrize("exercise_id", DRAWN)
def test_every_figure_draws_to_svg_that_parses(exercise_id: str) -> None:
    root = parse_svg(to_svg(CATALOGUE.get(exercise_id)))
    assert root.tag == f"{SVG}svg"
    assert float(root.get("width", "0").removesuffix("pt")) == pytest.approx(35 / 25.4 * 72)
    kinds = ("path", "circle", "rect", "polygon", "polyline", "line", "ellipse")
    shapes = [e for e in root.iter() if e.tag in {f"{SVG}{kind}" for kind in kinds}]
    outline = sum(len(e.get("d", "")) for e in shapes)
    # a body (trunk, head, four limbs, each with its white edge), not an empty box
    assert len(shapes) >= 12 and outline > 3000, (len(shapes), outline)


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", DRAWN)
def test_every_figure_draws_to_a_pdf_that_reads_back(exercise_id: str) -> None:
    data = renderPDF.drawToString(draw(CATALOGUE.get(exercise_id), width_mm=50))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 50


def test_an_exercise_without_a_figure_gets_the_placeholder() -> None:
    first, second = BARE
    assert first.figure is None and second.figure is None
    placeholder = to_svg(first)
    assert placeholder == to_svg(second)  # the same neutral figure for everyone
    assert placeholder != to_svg(CATALOGUE.get("plank"))
    parse_svg(placeholder)


def fills(drawing: Any) -> set[str]:
    """Every fill colour of a drawing's shapes, as ``#rrggbb``."""
    found = set()
    stack = list(drawing.contents)
    while stack:
        shape = stack.pop()
        stack.extend(getattr(shape, "contents", []))
        colour = getattr(shape, "fillColor", None)
        if colour is not None:
            found.add("#" + colour.hexval()[2:].lower())
    return found


def test_a_movement_is_drawn_light_then_dark_with_an_arrow() -> None:
    colours = fills(draw(CATALOGUE.get("band-row")))
    assert {"#b3b3b3", "#111111", "#000000"} <= colours  # start, end, the arrow's head


def test_a_hold_is_drawn_once_with_a_pause_mark() -> None:
    colours = fills(draw(CATALOGUE.get("plank")))
    assert "#111111" in colours and "#000000" in colours  # the pose and the mark
    assert "#b3b3b3" not in colours  # no start pose


def test_the_placeholder_is_light_grey_only() -> None:
    colours = fills(draw(BARE[0]))
    assert "#b3b3b3" in colours and not colours & {"#111111", "#000000"}


def test_the_size_is_the_one_asked_for() -> None:
    drawing = draw(CATALOGUE.get("glute-bridge"), width_mm=35, height_mm=20)
    assert (round(drawing.width * 25.4 / 72), round(drawing.height * 25.4 / 72)) == (35, 20)


def forms_in(pdf: bytes) -> set[int]:
    """The form XObjects a PDF's pages use, by object number."""
    found: set[int] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        xobjects: Any = resources.get("/XObject") or {}
        for ref in xobjects.values():
            target: Any = ref.get_object()
            if target.get("/Subtype") == "/Form":
                found.add(ref.idnum)
    return found


def pdf_of(story: list[Any]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


@pytest.mark.slow
def test_a_figure_shown_three_times_is_embedded_once() -> None:
    plank = CATALOGUE.get("plank")
    pdf = pdf_of([FigureFlowable(plank, 40) for _ in range(3)])
    assert len(forms_in(pdf)) == 1
    assert pdf.count(b"/Subtype /Form") == 1


@pytest.mark.slow
def test_forty_figures_shown_three_times_embed_each_once() -> None:
    forty = [CATALOGUE.get(i) for i in DRAWN[:38]] + BARE
    pdf = pdf_of([FigureFlowable(e, 30) for _ in range(3) for e in forty])
    # every drawn figure once, and one placeholder shared by the exercises without
    expected = len(DRAWN[:38]) + 1
    assert len(forms_in(pdf)) == expected
    assert pdf.count(b"/Subtype /Form") == expected


def test_a_changed_figure_gets_a_new_form_name() -> None:
    plank = CATALOGUE.get("plank")
    moved = attrs.evolve(plank, figure=CATALOGUE.get("side-plank").figure)
    assert form_name(plank, 30, 30) == form_name(plank, 30, 30)
    assert form_name(plank, 30, 30) != form_name(moved, 30, 30)
    assert form_name(plank, 30, 30) != form_name(plank, 40, 40)
    first, second = BARE
    assert form_name(first, 30, 30) == form_name(second, 30, 30)


def test_the_cli_writes_a_figure(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "band-row.svg"
    status, out, _ = run_cli(capsys, "exercises", "show", "band-row", "--figure", str(target))
    assert status == 0
    assert f"wrote its figure to {target}" in out
    parse_svg(target.read_text(encoding="utf-8"))


def test_the_cli_draws_a_placeholder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = Path(str(CATALOGUE.source("plank"))).name
    text = (Path(__file__).parents[1] / "exercises" / "isometric" / source).read_text("utf-8")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "plank.toml").write_text(text.split("[figure]")[0], encoding="utf-8")
    target = tmp_path / "x.svg"
    status, out, _ = run_cli(
        capsys, "exercises", "show", "plank", "--figure", str(target), "--catalogue", "mine"
    )
    assert status == 0 and "a placeholder" in out and target.exists()


def test_the_cli_wants_show_with_figure(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(capsys, "exercises", "--figure", "x.svg")
    assert status == 2 and "--figure draws one exercise" in err


def test_a_figure_travels_in_plan_json(catalogue: Catalogue) -> None:
    from routines._convert import converter

    exercise = catalogue.get("one-arm-dumbbell-row")
    again = converter.structure(converter.unstructure(exercise), Exercise)
    assert again == exercise and again.figure == exercise.figure
    assert "figure" not in converter.unstructure(BARE[0])
