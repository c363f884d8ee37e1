"""The handout, read back with pypdf as a reader would check it: page count, font
sizes from the content streams, margins from text positions, the outline, links
from exercises to their guide entries, page references that are right, names as
the catalogue has them; --print-weeks; and calendar events that read at a glance,
read back by icalendar and vobject."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from pypdf import PdfReader

from clitools import run_cli
from routines import Plan, PlanRequest, load_catalogue, plan
from routines.exporters.ics import to_ics
from routines.exporters.pdf.document import build_pdf
from routines.exporters.sessions import handout_of

pytestmark = pytest.mark.slow  # PDFs

MM = 72 / 25.4
CATALOGUE = load_catalogue()
DEFAULT = PlanRequest(start=dt.date(2027, 1, 4), timezone="UTC", for_person="Ann Smith",
                      prepared_by="Sam Lee, physiotherapist", contact="sam@example.org",
                      feed_url="https://example.org/feeds/ann-3f9a.ics")  # fmt: skip


def render(p: Plan, **options: Any) -> PdfReader:
    buffer = io.BytesIO()
    build_pdf(p, buffer, **options)
    return PdfReader(io.BytesIO(buffer.getvalue()))


@pytest.fixture(scope="module")
def default() -> tuple[Plan, PdfReader]:
    p = plan(DEFAULT, CATALOGUE)
    return p, render(p)


def text_spans(reader: PdfReader) -> list[tuple[int, str, float, float, float]]:
    """(page, text, font size, x, y) of every piece of text drawn on the pages."""
    found = []
    for number, page in enumerate(reader.pages, start=1):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float, n: int = number) -> None:
            if text.strip():
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((n, text, size * scale, x, y))

        page.extract_text(visitor_text=visit)
    return found


def test_the_default_handout_fits_ten_pages(default: tuple[Plan, PdfReader]) -> None:
    _, reader = default
    assert len(reader.pages) <= 10
    footers = [s for s in text_spans(reader) if s[1].startswith("page ")]
    assert [s[1].strip() for s in footers] == [
        f"page {n} of" for n in range(1, len(reader.pages) + 1)
    ]
    # the total is a form every page shows, drawn once at the end
    for page in reader.pages:
        forms = page["/Resources"]["/XObject"]  # type: ignore[index]
        total = forms["/FormXob.page-total"].get_object().get_data().decode("latin-1")
        assert re.search(r"\((\d+)\) Tj", total)[1] == str(len(reader.pages))  # type: ignore[index]


def test_text_is_large_enough(default: tuple[Plan, PdfReader]) -> None:
    _, reader = default
    spans = text_spans(reader)
    sizes = Counter(round(size, 1) for _, _, size, _, _ in spans)
    assert min(sizes) >= 10, sizes  # tables, notes and the footer: 10 pt at least
    body = [size for _, text, size, _, _ in spans if "first the warm-up, then the strength" in text]
    assert body and min(body) >= 11  # body text: 11 pt


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_nothing_within_12_mm_of_the_edge(paper: str) -> None:
    p = plan(DEFAULT, CATALOGUE)
    reader = render(p, paper=paper)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    for page, text, size, x, y in text_spans(reader):
        if text.strip().isdigit() and x == y == 0:
            continue  # the page total, in its form's own space (drawn by each footer)
        assert 12 * MM <= x <= width - 12 * MM, (page, text, x)
        assert 12 * MM <= y <= height - 12 * MM - size, (page, text, y)


def test_the_outline_and_the_links(default: tuple[Plan, PdfReader]) -> None:
    p, reader = default
    titles: list[str] = []

    def walk(items: Any) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert titles[:4] == ["Cover", "Your weeks", "Session A", "Exercise guide"]
    assert sorted(titles[4:]) == sorted(e.name for e in p.exercises.values())
    pages = {
        page.indirect_reference.idnum: n  # type: ignore[union-attr]
        for n, page in enumerate(reader.pages, start=1)
    }
    guide_start = next(n for n, page in enumerate(reader.pages, start=1)
                       if "How to do each exercise" in page.extract_text())  # fmt: skip
    landed: Counter[int] = Counter()
    for page in reader.pages[: guide_start - 1]:
        for annotation in page.get("/Annots", []):
            target = annotation.get_object()
            if target.get("/Subtype") == "/Link" and "/Dest" in target:
                landed[pages[target["/Dest"][0].idnum]] += 1  # an indirect page reference
    # every exercise on the session page links into the guide, and only there
    assert landed and all(page >= guide_start for page in landed)
    assert sum(landed.values()) >= len(p.exercises)


def test_page_references_and_names_are_right(default: tuple[Plan, PdfReader]) -> None:
    p, reader = default
    starts: dict[str, int] = {}
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        for exercise in p.exercises.values():
            if re.search(rf"^{re.escape(exercise.name)} \(", text, re.MULTILINE):
                starts.setdefault(exercise.name, number)
    guide = " ".join(page.extract_text() for page in reader.pages[2:])
    checked = 0
    for name, page in re.findall(r"([A-Z][\w' -]+?) \(page (\d+)\)", guide):
        name = name.split(": ")[-1].split(". ")[-1].strip()
        if name in starts:
            assert starts[name] == int(page), (name, page, starts[name])
            checked += 1
    assert checked >= 3
    # variants the plan does not use are named as the catalogue names them
    for exercise in p.exercises.values():
        for other in (*exercise.regressions, *exercise.progressions):
            assert CATALOGUE.get(other).name in guide.replace("\n", " ") or other in p.exercises


def test_each_session_page_names_every_warm_up_mobility_and_cool_down_it_uses(
    default: tuple[Plan, PdfReader],
) -> None:
    """A block that changes over the weeks is printed in each version with its weeks,
    not as the first week's for all of them."""
    from routines import BlockKind

    p, reader = default
    handout = handout_of(p)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    checked = 0
    for group in handout.groups:
        title = f"Session {group.label}: "
        page = next(t for t in pages if f" {title}" in t[:120])
        for sessions in group.by_week.values():
            for kind in (BlockKind.WARMUP, BlockKind.MOBILITY, BlockKind.COOLDOWN):
                for item in sessions[0].block(kind).items:
                    name = " ".join(p.exercise(item.exercise).name.split())
                    assert name in page, (group.label, kind, name)
                    checked += 1
    assert checked > 30


def test_print_weeks(capsys: pytest.CaptureFixture[str]) -> None:
    p = plan(DEFAULT, CATALOGUE)
    text = " ".join(page.extract_text() for page in render(p, print_weeks=(3, 4)).pages)
    assert "Wk 3" in text and "Wk 4" in text and "Wk 5" not in text and "Wk 2" not in text
    status, _, err = run_cli(capsys, "plan", "--tz", "UTC", "--print-weeks", "9-10", "--ics",
                             "none", "--json", "none")  # fmt: skip
    assert status == 1 and "9-10 is not among the plan's weeks (1-8)" in err
    assert not Path("plan.pdf").exists()
    diary = render(p, layout="diary", print_weeks=(2, 3))
    assert "Week 2 of 8" in " ".join(page.extract_text() for page in diary.pages)
    assert [item.title for item in diary.outline if not isinstance(item, list)][:4] == [
        "Cover", "Your weeks", "Week 2", "Week 3"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "request_",
    [
        PlanRequest(start=dt.date(2027, 1, 4), timezone="UTC", weeks=52),
        PlanRequest(start=dt.date(2027, 1, 4), timezone="UTC", weeks=12, level="advanced",
                    days="mon,tue,thu,fri", minutes=60,
                    equipment="barbell,bench,cable,machine,dumbbell,pullup_bar"),
        PlanRequest(start=dt.date(2027, 1, 4), timezone="UTC", minutes=10,
                    days="mon,tue,wed,thu,fri"),
    ],
)  # fmt: skip
def test_other_plans_grow_by_blocks(request_: PlanRequest) -> None:
    p = plan(request_, CATALOGUE)
    reader = render(p)
    sessions = len(handout_of(p).groups)
    overview = -(-len(p.weeks) // 20)
    guide = -(-len(p.exercises) // 2)
    assert len(reader.pages) <= 1 + overview + sessions + guide
    sizes = [
        size for *_, size, _, _ in [(s[0], s[1], s[2], s[3], s[4]) for s in text_spans(reader)]
    ]
    assert min(sizes) >= 10


# -- calendar events ----------------------------------------------------------------


def test_events_read_at_a_glance() -> None:
    p = plan(PlanRequest(start=dt.date(2030, 1, 7), timezone="UTC",
                         instructions_url="https://example.org/ann",
                         feed_url="https://example.org/f.ics"), CATALOGUE)  # fmt: skip
    data = to_ics(p)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["URL"]) == "https://example.org/f.ics"
    assert str(calendar["SOURCE"]) == "https://example.org/f.ics"
    assert str(calendar["COLOR"]) == "steelblue"
    events = list(calendar.walk("VEVENT"))
    titles = [str(e["SUMMARY"]) for e in events]
    assert titles[0] == "Upper back: session A, week 1"
    assert "Upper back: session A, week 4 (light week)" in titles
    for event in events:
        description = str(event["DESCRIPTION"])
        assert len(description) <= 800, len(description)
        assert "Not medical advice" in description and "Pain 0-3" in description
        assert str(event["URL"]) == "https://example.org/ann"
    read = vobject.readOne(data.decode("utf-8"))
    assert [e.summary.value for e in read.vevent_list] == titles
    assert all(len(e.description.value) <= 800 for e in read.vevent_list)


def test_the_cover_says_the_whole_week_when_a_plan_is_printed_from_mid_week() -> None:
    from routines.exporters.pdf.cover import days_text

    p = plan(PlanRequest(start=dt.date(2027, 1, 4), timezone="UTC", days="mon,thu,sat"),
             CATALOGUE)  # fmt: skip
    rest = p.since(dt.date(2027, 1, 8))  # Friday: only Saturday is left of week 1
    assert len(rest.weeks[0].sessions) == 1
    assert days_text(rest) == days_text(p) and days_text(p).startswith("3 strength days")


def test_the_cover_asks_for_a_door_anchor_when_a_band_is_fixed(
    default: tuple[Plan, PdfReader],
) -> None:
    p, reader = default
    fixed = [e.name for e in p.exercises.values()
             if e.figure and any(pr.anchor and pr.anchor.value.startswith(("front", "behind"))
                                 for pr in e.figure.props)]  # fmt: skip
    assert fixed  # the band face pull, the band lat pulldown...
    assert "door anchor" in " ".join(reader.pages[0].extract_text().split())
    bare = render(plan(PlanRequest(start=dt.date(2027, 1, 4), timezone="UTC", equipment="none"),
                       CATALOGUE))  # fmt: skip
    assert "door anchor" not in bare.pages[0].extract_text()


def test_the_cover_tells_how_to_use_the_layout_it_fronts() -> None:
    p = plan(PlanRequest(start=dt.date(2027, 1, 4), timezone="UTC"), CATALOGUE)
    handout = " ".join(render(p).pages[0].extract_text().split())
    diary = " ".join(render(p, layout="diary").pages[0].extract_text().split())
    assert "The session pages show every week's dose" in handout
    assert "Each date has its table" in diary and "session pages" not in diary
