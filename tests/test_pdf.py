"""Printable PDFs, read back with pypdf: size, pages, text, fonts, escaping, atomic writes."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from pypdf import PdfReader

from routines import ExportError, Plan, PlanRequest, load_catalogue, plan, write_pdf
from routines.exporters.pdf.document import build_pdf
from strategies import hostile_names

pytestmark = pytest.mark.slow  # PDFs, batches or whole example scripts

CATALOGUE = load_catalogue()
MM = 72 / 25.4


def render(p: Plan, paper: str = "a4") -> PdfReader:
    buffer = io.BytesIO()
    build_pdf(p, buffer, paper=paper)
    return PdfReader(io.BytesIO(buffer.getvalue()))


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """Every font used on any page (including inside forms), and whether it is embedded."""
    found: dict[str, bool] = {}

    def visit(resources: Any) -> None:
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts = [font]
            if descriptor is None and "/DescendantFonts" in font:
                fonts = [d.get_object() for d in font["/DescendantFonts"]]
                descriptor = fonts[0].get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


@pytest.fixture(scope="module")
def twelve_weeks() -> Plan:
    return plan(
        PlanRequest(start=dt.date(2026, 1, 5), weeks=12, timezone="Europe/Berlin"), CATALOGUE
    )


@pytest.mark.parametrize(("paper", "size"), [("a4", (210, 297)), ("letter", (215.9, 279.4))])
def test_paper_size_and_page_count(
    twelve_weeks: Plan, paper: str, size: tuple[float, float]
) -> None:
    reader = render(twelve_weeks, paper)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / MM, 1), round(float(box.height) / MM, 1)) == size
    # the handout: cover, overview, a page per session of each block, the guide
    assert 4 < len(reader.pages) < 30


def test_expected_text_is_present(twelve_weeks: Plan) -> None:
    reader = render(twelve_weeks)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for words in ("How to use this plan", "The pain rule", "Stop at once", "See a professional",
                  "not medical advice", "Your weeks", "Wk 12", "light", "Warm-up", "Cool-down",
                  "How to do each exercise", "each side", "worst pain (0-10)"):  # fmt: skip
        assert words in flat, words
    for exercise in twelve_weeks.exercises.values():
        assert exercise.name in flat, exercise.name
    footer = reader.pages[5].extract_text()
    assert "page 6" in footer and twelve_weeks.title in footer


def test_every_font_is_embedded(twelve_weeks: Plan) -> None:
    fonts = fonts_of(render(twelve_weeks))
    assert fonts, "fonts were found"
    assert all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_metadata(twelve_weeks: Plan) -> None:
    meta = render(twelve_weeks).metadata
    assert meta is not None
    assert meta.title == twelve_weeks.title
    assert meta.subject == twelve_weeks.goal_summary
    assert meta.creator is not None and meta.creator.startswith("routines ")


def test_margins_hold_the_footer(twelve_weeks: Plan) -> None:
    """Everything drawn sits at least 12 mm inside the page edge."""
    reader = render(twelve_weeks)
    page = reader.pages[3]
    positions: list[tuple[float, float]] = []

    def visitor(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():  # the text matrix, placed by the current transformation
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            positions.append((x, y))

    page.extract_text(visitor_text=visitor)
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert positions
    for x, y in positions:
        if x == y == 0:
            continue  # the page total: drawn in its form's own space by each footer
        assert 12 * MM <= x <= width - 12 * MM
        assert 12 * MM <= y <= height - 12 * MM  # the footer too


@settings(max_examples=12)
@given(hostile_names)
def test_hostile_names_neither_break_the_build_nor_inject_markup(name: str) -> None:
    p = plan(PlanRequest(weeks=1, days=("mon",), name=name, timezone="UTC"), CATALOGUE)
    reader = render(p)
    assert reader.metadata is not None and reader.metadata.title == name
    text = reader.pages[0].extract_text()
    # Latin text (markup characters included) prints literally; CJK and emoji have
    # no glyph in the embedded font and print blank (a documented limitation)
    for segment in re.split(r"[^\x21-\x7e\u00c0-\u00ff]+", name):
        if segment:
            assert segment in text, segment


def test_markup_in_a_custom_exercise_is_printed_as_text(tmp_path: Path) -> None:
    request = PlanRequest(weeks=1, days=("mon",), timezone="UTC")
    builtin = load_catalogue()
    first = plan(request, builtin).weeks[0].sessions[0].blocks[0].items[0].exercise
    source = Path(str(builtin.source(first)).replace("exercises/", "", 1))
    source = Path(__file__).parents[1] / "exercises" / source
    hostile = 'Move <b>bold</b> & <font size=40>"big"</font>'
    name = builtin.get(first).name
    text = source.read_text(encoding="utf-8").replace(f'name = "{name}"', f"name = '{hostile}'")
    (tmp_path / f"{first}.toml").write_text(text, encoding="utf-8")
    p = plan(request, load_catalogue(tmp_path))
    assert p.exercise(first).name == hostile  # the plan still uses it: now it is one's own
    printed = " ".join(page.extract_text() for page in render(p).pages)
    assert hostile in printed


def test_a_failing_render_leaves_an_existing_file_untouched(
    tmp_path: Path, twelve_weeks: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 my old plan")

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("renderer crashed")

    import routines.exporters.pdf.document

    monkeypatch.setattr(routines.exporters.pdf.document, "build_pdf", explode)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_pdf(twelve_weeks, target, force=True)
    assert target.read_bytes() == b"%PDF-1.4 my old plan"
    assert [f.name for f in tmp_path.iterdir()] == ["plan.pdf"]


def test_write_pdf_guards_and_checks_paper(tmp_path: Path, twelve_weeks: Plan) -> None:
    target = tmp_path / "plan.pdf"
    twelve_weeks.to_pdf(target, paper="letter")
    assert PdfReader(target).pages
    twelve_weeks.to_pdf(target)  # its own PDF: updated
    other = attrs.evolve(twelve_weeks, request=attrs.evolve(twelve_weeks.request, name="Other"))
    with pytest.raises(ExportError, match=r"belongs to another plan .* pass force=True"):
        other.to_pdf(target)
    with pytest.raises(ExportError, match="force=True"):
        write_pdf(other, target)
    write_pdf(other, target, force=True)
    with pytest.raises(ExportError, match="a4 or letter"):
        write_pdf(twelve_weeks, tmp_path / "x.pdf", paper="a3")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_writes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from routines.cli import main

    target = tmp_path / "plan.pdf"
    assert (
        main(["plan", "--tz", "UTC", "--weeks", "2", "--pdf", str(target), "--paper", "letter"])
        == 0
    )
    assert f"wrote {target}" in capsys.readouterr().out
    assert len(PdfReader(target).pages) >= 4
    # the same plan again updates its own PDF; another plan's PDF is not replaced
    assert main(["plan", "--tz", "UTC", "--weeks", "2", "--pdf", str(target)]) == 0
    capsys.readouterr()
    other = ["plan", "--tz", "UTC", "--weeks", "2", "--pdf", str(target), "--name", "Other"]
    assert main([*other, "--ics", "none", "--json", "none"]) == 1
    assert "belongs to another plan" in capsys.readouterr().err
