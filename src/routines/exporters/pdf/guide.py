"""The exercise guide at the back: every exercise of the plan with its figure (start
pose light, end pose dark), its steps, cues and common mistakes, what to take care
of in sentences, and its easier and harder variants by their catalogue names,
linked, with the page of their own entry when the plan uses them.

Page references need the guide's pages before it is drawn: :class:`GuideStart`
learns on which page the guide begins, and the entries' pages follow from their
heights, reckoned the way the page frame places them (one after the other, a new
page when the next does not fit). The entries are then made with those pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import Plan
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Caution
from routines.exporters.pdf.handout import anchor_of, link
from routines.exporters.pdf.lines import Laid, Lines
from routines.exporters.pdf.styles import FONT, TABLE_FONT, escaped

__all__ = ["CAUTIONS", "guide"]

#: The figure beside each exercise of the guide, in millimetres.
FIGURE_WIDTH, FIGURE_HEIGHT = 60.0, 46.0
_GAP = 3 * mm  # between entries

#: What each caution asks of a person, in a sentence.
CAUTIONS: dict[Caution, str] = {
    Caution.LOADED_SPINAL_FLEXION: "It bends the spine under load: keep it slow and stop if "
    "your back complains.",
    Caution.LOADED_ROTATION: "It twists the trunk under load: turn from the upper back, "
    "slowly, and leave out the weight if your back complains.",
    Caution.OVERHEAD: "The arms go overhead: skip it if your shoulder hurts there.",
    Caution.SHOULDER_HEIGHT: "Lift only to shoulder height, not above.",
    Caution.WRIST_LOAD: "It puts weight on the wrists: make fists or use the forearms if "
    "they ache.",
    Caution.KNEE_LOAD: "It loads the knees: keep them over the toes, and go less deep if "
    "they ache.",
    Caution.LOWER_BACK_LOAD: "It loads the lower back: keep the spine long and brace your belly.",
    Caution.LUMBAR_EXTENSION: "It arches the lower back: keep the movement small and stop "
    "if it pinches.",
    Caution.HIGH_IMPACT: "It is jumpy: land softly, and march instead if your joints complain.",
    Caution.NECK: "It moves the neck: go gently, never to the point of pain or dizziness.",
    Caution.BALANCE: "It asks for balance: keep a wall or a chair within reach.",
}


def _variants(plan: Plan, ids: tuple[str, ...], pages: dict[str, int]) -> str:
    found = []
    for exercise_id in ids:
        name = plan.name_of(exercise_id)
        if exercise_id in plan.exercises:
            page = f" (page {pages[exercise_id]})" if exercise_id in pages else ""
            found.append(link(exercise_id, name) + page)
        else:
            found.append(escaped(name))
    return ", ".join(found) or "none in the catalogue"


_LAID = threading.local()


def _laid(paragraphs: tuple[str, ...], style: ParagraphStyle, lead: str = "") -> Lines:
    """The lines of a guide text, made once per thread: a batch lays each out once."""
    cache: dict[tuple[object, ...], Lines] = _LAID.__dict__.setdefault("found", {})
    key = (paragraphs, style.name, lead)
    found = cache.get(key)
    if found is None:
        if len(cache) > 20_000:
            cache.clear()
        found = cache[key] = Lines(paragraphs, style, lead)
    return found


def _words(plan: Plan, exercise: Exercise, pages: dict[str, int], s: dict[str, Any]) -> list[Any]:
    steps = tuple(f"{n}. {step}" for n, step in enumerate(exercise.instructions, 1))
    parts: list[Flowable] = [_laid(steps, s["cell"])]
    if exercise.cues:
        parts.append(_laid((" ".join(exercise.cues),), s["cell"], "Cues:"))
    if exercise.mistakes:
        parts.append(_laid((" ".join(exercise.mistakes),), s["cell"], "Common mistakes:"))
    if exercise.cautions:
        care = " ".join(CAUTIONS.get(c, str(c).replace("_", " ")) for c in exercise.cautions)
        parts.append(_laid((care,), s["cell"], "Take care:"))
    easier = _variants(plan, exercise.regressions, pages)
    harder = _variants(plan, exercise.progressions, pages)
    parts.append(Laid(f"<b>Easier:</b> {easier}. <b>Harder:</b> {harder}.", s["cell"]))
    return parts


def _entry(
    plan: Plan,
    exercise: Exercise,
    pages: dict[str, int],
    s: dict[str, Any],
    width: float,
    figures: bool = True,
) -> Table:
    from routines.catalogue.figure import FigureFlowable

    kit = ", ".join(e.value.replace("_", " ") for e in exercise.equipment)
    side = "; one side at a time" if exercise.per_side else ""
    name = Laid(
        f'<a name="{anchor_of(exercise.id)}"/>{escaped(exercise.name)}'
        f'<font size="10" name="{FONT}">  ({escaped(kit)}{side})</font>',
        s["h3"],
    )
    name._bookmark = (exercise.name, 1)
    figure = FigureFlowable(exercise, FIGURE_WIDTH, FIGURE_HEIGHT, font=FONT) if figures else ""
    left = FIGURE_WIDTH * mm + 4 * mm if figures else 1
    table = Table(
        [[name, ""], [figure, _words(plan, exercise, pages, s)]],
        colWidths=[left, width - left],
        spaceAfter=_GAP,
    )
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("SPAN", (0, 0), (1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


#: Heights of guide entries already measured in this process, by everything that
#: shapes them: a batch of plans measures each exercise's entry once.
_HEIGHTS: dict[tuple[object, ...], float] = {}


def _height(
    plan: Plan,
    exercise: Exercise,
    pages: dict[str, int],
    s: dict[str, Any],
    width: float,
    frame_height: float,
    figures: bool,
) -> float:
    variants = (*exercise.regressions, *exercise.progressions)
    # a page number's digits are all as wide: only how many there are shapes the entry
    refs = tuple((v, plan.name_of(v), len(str(pages.get(v, "")))) for v in variants)
    text = (exercise.name, exercise.instructions, exercise.cues, exercise.mistakes)
    shape = (exercise.cautions, exercise.equipment, exercise.per_side, width, figures)
    key = (exercise.id, text, shape, refs)
    found = _HEIGHTS.get(key)
    if found is None:
        if len(_HEIGHTS) > 4096:
            _HEIGHTS.clear()
        entry = _entry(plan, exercise, pages, s, width, figures)
        found = _HEIGHTS[key] = entry.wrap(width, frame_height)[1] + _GAP
    return found


def _paginate(heights: list[float], frame: float) -> list[int]:
    """The page (0 = the guide's first) of each entry, placed as the frame places
    them: one after the other, a new page when the next does not fit."""
    page, left, found = 0, frame, []
    for height in heights:
        if height > left and left < frame:
            page, left = page + 1, frame
        found.append(page)
        left -= height
    return found


class GuideStart(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Draws nothing; on the guide's first page it works out every entry's page and
    makes the entries (see the module's docstring)."""

    def __init__(self, make: Callable[[int], None]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.make(self.canv.getPageNumber())


class Entry(Flowable):  # type: ignore[misc]
    """A guide entry made when :class:`GuideStart` has set the pages."""

    def __init__(self, made: dict[str, Table], exercise: Exercise) -> None:
        super().__init__()
        self.made, self.exercise_id = made, exercise.id
        self._bookmark = (exercise.name, 1)  # for the outline

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        entry = self.made[self.exercise_id]
        width, height = entry.wrap(available_width, available_height)
        return width, height + entry.getSpaceAfter()

    def draw(self) -> None:
        entry = self.made[self.exercise_id]
        entry.drawOn(self.canv, 0, entry.getSpaceAfter())


def guide(
    plan: Plan,
    s: dict[str, ParagraphStyle],
    width: float,
    frame_height: float,
    *,
    figures: bool = True,
) -> list[Flowable]:
    """The guide's story, to follow a page break."""
    exercises = sorted(plan.exercises.values(), key=lambda e: e.name.lower())
    made: dict[str, Table] = {}
    title = Paragraph("How to do each exercise", s["h1"])
    title._bookmark = ("Exercise guide", 0)
    intro = Paragraph(
        "In the order of the alphabet. In each picture the light figure is where a movement "
        "starts and the dark one where it ends; a pause sign marks a hold.",
        s["body"],
    )
    _, title_height = title.wrap(width, frame_height)
    _, intro_height = intro.wrap(width, frame_height)
    head = title_height + intro_height + title.getSpaceAfter() + intro.getSpaceAfter()

    def make(first_page: int) -> None:
        pages: dict[str, int] = {e.id: first_page for e in exercises}
        for _ in range(3):  # the page numbers' own widths can move a line: settle them
            heights = [_height(plan, e, pages, s, width, frame_height, figures) for e in exercises]
            heights[0] += head
            placed = _paginate(heights, frame_height)
            found = {e.id: first_page + page for e, page in zip(exercises, placed, strict=True)}
            if found == pages:
                break
            pages = found
        made.update({e.id: _entry(plan, e, pages, s, width, figures) for e in exercises})

    story: list[Flowable] = [GuideStart(make), title, intro]
    story += [Entry(made, exercise) for exercise in exercises]
    return story
