"""The handout's session pages: one page per session of each block ("Session A"),
each strength exercise with its figure, its rest and effort and a cue, and a grid
with a column per week: that week's dose, a box to tick for each time the session
is done, and room to note the load and the pain. The warm-up, mobility and
cool-down, which do not change from week to week, are listed once."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from routines._plan import Block, BlockKind, Item, Plan, Week
from routines.catalogue.figure import FigureFlowable
from routines.exporters.pdf.lines import Laid, Lines
from routines.exporters.pdf.styles import FONT, INK, SHADE, SMALLEST, TABLE_FONT, escaped
from routines.exporters.sessions import Handout, SessionGroup, day_kind

__all__ = ["WeekCell", "anchor_of", "compact_dose", "session_pages"]

FIGURE = 20.0  # mm: the figure beside each strength exercise
_EXERCISE = 52 * mm


def anchor_of(exercise_id: str) -> str:
    """The name of an exercise's entry in the guide, for links."""
    return f"ex-{exercise_id}"


def link(exercise_id: str, name: str) -> str:
    return f'<a href="#{anchor_of(exercise_id)}" color="black">{escaped(name)}</a>'


TIMES = "\u00d7"  # the multiplication sign: "2 sets of 10" printed as 2x10


def compact_dose(item: Item) -> str:
    """``"2x10"``, ``"3x30 s"`` (with a multiplication sign): a dose that fits a
    week's column."""
    if item.reps is not None:
        return f"{item.sets}{TIMES}{item.reps}"
    seconds = item.hold_s if item.hold_s is not None else item.duration_s
    return f"{item.sets}{TIMES}{seconds}s"


class WeekCell(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A week's cell of the grid: the dose (and a word such as "+load") in 10 pt, a
    small square to tick for each time the session is done that week, and room to
    write the load and the pain. Drawn directly: a grid has dozens of them."""

    SIDE = 3.0 * mm
    GAP = 1.0 * mm
    LINE = 12.0
    ROOM = 6 * mm  # to write in

    def __init__(self, lines: list[str], count: int) -> None:
        super().__init__()
        self.lines, self.count = lines, count

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._per_row = max(1, int((available_width + self.GAP) // (self.SIDE + self.GAP)))
        rows = -(-self.count // self._per_row)
        self._boxes = rows * (self.SIDE + self.GAP)
        return available_width, len(self.lines) * self.LINE + self._boxes + self.ROOM

    def draw(self) -> None:
        canvas: Any = self.canv
        top = len(self.lines) * self.LINE + self._boxes + self.ROOM
        canvas.setFont(FONT, SMALLEST)
        canvas.setFillColor(INK)
        for n, line in enumerate(self.lines):
            canvas.drawString(0, top - (n + 1) * self.LINE + 2.5, line)
        canvas.setLineWidth(0.7)
        canvas.setStrokeColor(INK)
        below = top - len(self.lines) * self.LINE
        for n in range(self.count):
            row, column = divmod(n, self._per_row)
            x = column * (self.SIDE + self.GAP)
            y = below - (row + 1) * (self.SIDE + self.GAP) + self.GAP
            canvas.rect(x, y, self.SIDE, self.SIDE, stroke=1, fill=0)


def _listed(plan: Plan, block: Block) -> str:
    """``"Marching in place 60 s, Shoulder rolls 10, ..."``: a block on one line."""
    parts = []
    for item in block.items:
        amount = item.dose_text if item.sets > 1 else item.dose_text.removeprefix("1 x ")
        parts.append(f"{link(item.exercise, plan.exercise(item.exercise).name)} {escaped(amount)}")
    return ", ".join(parts)


def weeks_text(indexes: list[int]) -> str:
    """``"week 2"``, ``"weeks 1, 3-5"``: week numbers with runs joined."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs]
    return ("weeks " if len(indexes) > 1 else "week ") + ", ".join(parts)


def _block_text(plan: Plan, group: SessionGroup, kind: BlockKind) -> str | None:
    """A warm-up, mobility or cool-down block of the session on one line; where it
    changes over the weeks, each version with its weeks (and the weeks without it)."""
    versions: dict[tuple[int, str], list[int]] = {}  # (minutes, exercises) -> weeks
    without: list[int] = []
    for week in group.weeks:
        session = next((x for x in group.by_week.get(week.index, ()) if not x.cancelled), None)
        if session is None:
            continue
        found = session.block(kind)
        if not found.items:
            without.append(week.index)
            continue
        key = (round(found.seconds / 60), _listed(plan, found))
        versions.setdefault(key, []).append(week.index)
    if not versions:
        return None
    if len(versions) == 1 and not without:
        ((minutes, listed),) = versions
        return f"<b>{kind.label}</b> ({minutes} min): {listed}"
    parts = [f"{listed} ({minutes} min, {weeks_text(weeks)})"
             for (minutes, listed), weeks in versions.items()]  # fmt: skip
    if without:
        parts.append(f"none in {weeks_text(without)}")
    return f"<b>{kind.label}</b>: " + "; ".join(parts)


def _week_head(week: Week, s: dict[str, ParagraphStyle]) -> Lines:
    mark = "light" if week.deload else "test" if week.retest else ""
    return Lines([f"Wk {week.index}", mark], s["colhead"])


def _exercise_cell(plan: Plan, group: SessionGroup, line: str, s: dict[str, Any]) -> list[Any]:
    items = [item for week in group.weeks if (item := group.item(week, line)) is not None]
    first = items[0]
    exercise = plan.exercise(first.exercise)
    names = [link(first.exercise, exercise.name)]
    for item in items[1:]:
        if item.exercise != items[0].exercise and plan.exercise(item.exercise).name not in str(
            names
        ):
            names.append(link(item.exercise, plan.exercise(item.exercise).name))
            break
    text = ", then ".join(names) + (" (each side)" if exercise.per_side else "")
    details = []
    if first.sets > 1 and first.rest_s:
        details.append(f"rest {first.rest_s} s")
    if first.effort:
        details.append(escaped(first.effort.split(" (")[0].replace("RPE ", "effort ")))
    if first.ramp_up_sets:
        details.append(
            f"{first.ramp_up_sets} lighter warm-up set{'s' if first.ramp_up_sets > 1 else ''} first"
        )
    cue = exercise.cues[0] if exercise.cues else ""
    body = f"<b>{text}</b><br/>{', '.join(details)}"
    if cue:
        body += f"<br/><i>{escaped(cue)}</i>"
    return [Laid(body, s["cell"])]


def _grid(plan: Plan, group: SessionGroup, s: dict[str, Any], width: float) -> Table:
    weeks = list(group.weeks)
    columns = len(weeks)
    week_width = (width - FIGURE * mm - 3 * mm - _EXERCISE) / max(columns, 1)
    header = ["", Lines(["Exercise"], s["colhead"])]
    header += [_week_head(week, s) for week in weeks]
    rows: list[list[Any]] = [header]
    style: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("GRID", (1, 0), (-1, -1), 0.5, INK),
        ("BACKGROUND", (1, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
    ]
    for column, week in enumerate(weeks, start=2):
        if week.deload or week.retest:
            style.append(("BACKGROUND", (column, 0), (column, -1), SHADE))
    for line in group.lines():
        first = next((i for w in weeks if (i := group.item(w, line)) is not None), None)
        if first is None:
            continue
        row: list[Any] = [
            FigureFlowable(plan.exercise(first.exercise), FIGURE, FIGURE * 0.77, font=FONT),
            _exercise_cell(plan, group, line, s),
        ]
        before: Item | None = None
        for week in weeks:
            item = group.item(week, line)
            times = sum(1 for session in group.by_week.get(week.index, ()) if not session.cancelled)
            if item is None:
                row.append("")
                continue
            lines = [compact_dose(item) + (" *" if item.change else "")]
            if before is not None and item.load_steps > before.load_steps:
                lines.append("+load")
            elif before is not None and item.exercise != before.exercise:
                lines.append("next")
            row.append(WeekCell(lines, times))
            before = item
        rows.append(row)
    table = Table(
        rows,
        colWidths=[FIGURE * mm + 3 * mm, _EXERCISE] + [week_width] * columns,
        repeatRows=1,
    )
    table.setStyle(TableStyle(style))
    return table


def _days(group: SessionGroup) -> str:
    days = sorted({(s.date.weekday(), f"{s.date:%a}") for s in group.by_week[group.weeks[0].index]})
    return ", ".join(name for _, name in days)


def _changes(plan: Plan, group: SessionGroup) -> list[str]:
    """Each change the log made to the session, once: week, exercise, dose and why."""
    found: dict[str, None] = {}
    for week in group.weeks:
        for session in group.by_week.get(week.index, ()):
            for item in session.block(BlockKind.STRENGTH).items:
                if item.change:
                    name = plan.exercise(item.exercise).name
                    found[f"week {week.index}, {name} {item.dose_text}: {item.change}"] = None
    return list(found)


def session_page(
    plan: Plan,
    handout: Handout,
    group: SessionGroup,
    s: dict[str, Any],
    width: float,
    height: float,
) -> Flowable:
    """One session's page, shrunk to fit one page should it ever run over."""
    first = group.first
    if first.cancelled:
        title = Paragraph(f"Session {group.label}: cancelled", s["h1"])
        return KeepInFrame(width, height, [title, Paragraph(escaped(first.cancelled), s["body"])])
    block = f"Block {group.block}, s" if handout.blocks > 1 else "S"
    span = f"{group.weeks[0].index}-{group.weeks[-1].index}"
    weeks = f"Week {group.weeks[0].index}" if len(group.weeks) == 1 else f"Weeks {span}"
    title = Paragraph(f"{block}ession {group.label}: {escaped(day_kind(first).lower())}", s["h1"])
    title._bookmark = (f"{block}ession {group.label}", 0)
    when = f"{weeks}, on {_days(group)}; about {first.minutes} minutes"
    parts: list[Flowable] = [title, Paragraph(when, s["body"])]
    changed = any(i.change for days in group.by_week.values() for x in days for i in x.items)
    for kind in BlockKind:
        if kind is BlockKind.STRENGTH:
            if not first.block(kind).items:
                continue
        elif (text := _block_text(plan, group, kind)) is None:
            continue
        parts.append(Spacer(1, 2.5 * mm))
        if kind is BlockKind.STRENGTH:
            note = (
                "Tick a box each time you do the session; note the load and your worst pain "
                "(0-10) below the boxes. Shaded weeks are lighter, or a test. +load: a heavier "
                "weight or band, back to fewer repetitions; next: the harder variant named."
            )
            star = " * changed after your training log:" if changed else ""
            parts += [_grid(plan, group, s, width), Paragraph(note + star, s["small"])]
            parts += [Paragraph(f"* {escaped(line)}", s["small"]) for line in _changes(plan, group)]
        else:
            parts.append(Paragraph(text, s["cell"]))
    page = KeepInFrame(width, height, parts, mode="shrink")
    page._bookmark = (f"{block}ession {group.label}", 0)
    return page


def session_pages(
    plan: Plan, handout: Handout, s: dict[str, Any], width: float, height: float
) -> list[Flowable]:
    return [session_page(plan, handout, group, s, width, height) for group in handout.groups]
