"""The sessions of a plan as people name them: "Session A" and "Session B" of a
block, the plan's short name, and what kind of day each is.

A block is a run of weeks whose sessions keep their exercises (the planner rotates
equivalent exercises between blocks); within it, sessions with the same exercises
are one *session* ("Session A"), done on several days, its dose growing week by
week. The printed handout gives each a page and the calendar names events by it,
so a person sees the same names everywhere. Adapted sessions keep the name of the
session they were planned as.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterator

import attrs

from routines._plan import BlockKind, Item, Plan, Session, Week

__all__ = ["MAX_WEEKS", "Handout", "SessionGroup", "day_kind", "handout_of", "short_name"]

#: The most weeks one session page shows side by side.
MAX_WEEKS = 8
_LABELS = string.ascii_uppercase
_KINDS = {
    "full body": "Full body",
    "upper body and core": "Upper body",
    "lower body and core": "Lower body",
    "core and mobility": "Core + mobility",
    "mobility and recovery": "Mobility",
    "desk break": "Desk break",
}


def short_name(plan: Plan) -> str:
    """The plan's name for a calendar title: ``"Upper back"`` for "Upper back and core
    for runners", a person's own short name as it is."""
    name = plan.request.name or plan.title
    short = name.split(":")[0].split(" and ")[0].split(" for ")[0].strip()
    return (short or name)[:28].strip()


def day_kind(session: Session) -> str:
    """``"Upper body"``, ``"Mobility"``, ``"Desk break"``...: what a day is for."""
    return _KINDS.get(session.focus, session.focus.capitalize())


def _original(item: Item) -> str:
    return item.was.exercise if item.was is not None else item.exercise


def _line(item: Item) -> str:
    """An item's progression line (its harder variants stay on it), else its exercise."""
    return item.track or _original(item)


def _lines(session: Session) -> list[str]:
    return [_line(i) for i in session.block(BlockKind.STRENGTH).items]


def _same(lines: list[str], others: list[str]) -> bool:
    """Two sessions of one focus are the same session when they share at least half
    their strength lines (a slot added as the weeks grow, or a rotated exercise,
    keeps it the same)."""
    if not lines or not others:
        return not lines and not others
    shared = len(set(lines) & set(others))
    return shared * 2 >= min(len(lines), len(others))


@attrs.frozen
class SessionGroup:
    """One session of a block ("Session A"): the weeks it runs, and its days."""

    block: int
    label: str
    focus: str
    weeks: tuple[Week, ...]
    #: Its sessions, week by week (the week's index -> the sessions that week).
    by_week: dict[int, tuple[Session, ...]] = attrs.field(eq=False)

    @property
    def title(self) -> str:
        return f"Session {self.label}"

    @property
    def first(self) -> Session:
        """Its first session with exercises (a cancelled one has none to show)."""
        sessions = [s for w in self.weeks for s in self.by_week.get(w.index, ())]
        return next((s for s in sessions if not s.cancelled), sessions[0])

    def lines(self) -> list[str]:
        """The strength lines of the session over its weeks, in the order they come."""
        found: dict[str, None] = {}
        for week in self.weeks:
            for session in self.by_week.get(week.index, ()):
                found.update(dict.fromkeys(_lines(session)))
        return list(found)

    def item(self, week: Week, line: str) -> Item | None:
        """That week's strength item on ``line`` (in the week's first session)."""
        for session in self.by_week.get(week.index, ()):
            if session.cancelled:
                continue
            for item in session.block(BlockKind.STRENGTH).items:
                if _line(item) == line:
                    return item
        return None


@attrs.frozen
class Handout:
    """A plan cut into blocks and sessions, and each date's session label."""

    groups: tuple[SessionGroup, ...]
    labels: dict[dt.date, str] = attrs.field(eq=False)
    blocks: int


def _blocks(plan: Plan) -> Iterator[list[Week]]:
    """The planner's blocks (each ends with its re-test week), at most
    :data:`MAX_WEEKS` weeks to a page."""
    run: list[Week] = []
    for week in plan.weeks:
        if run and (len(run) == MAX_WEEKS or run[-1].retest):
            yield run
            run = []
        run.append(week)
    if run:
        yield run


def handout_of(plan: Plan) -> Handout:
    """The plan's sessions, named and grouped for the handout and the calendar."""
    groups: list[SessionGroup] = []
    labels: dict[dt.date, str] = {}
    count = 0
    for count, weeks in enumerate(_blocks(plan), start=1):
        order: list[tuple[str, list[str], list[Session]]] = []
        for week in weeks:
            for session in week.sessions:
                lines = _lines(session)
                home = next(
                    (g for g in order if g[0] == session.focus and _same(lines, g[1])), None
                )
                if home is None:
                    order.append((session.focus, lines, [session]))
                else:
                    home[1].extend(line for line in lines if line not in home[1])
                    home[2].append(session)
        for index, (_, _, sessions) in enumerate(order):
            label = _LABELS[index] if index < len(_LABELS) else str(index + 1)
            by_week: dict[int, list[Session]] = {}
            for week in weeks:
                for session in week.sessions:
                    if session in sessions:
                        by_week.setdefault(week.index, []).append(session)
                        labels[session.date] = label
            groups.append(
                SessionGroup(
                    block=count,
                    label=label,
                    focus=sessions[0].focus,
                    weeks=tuple(w for w in weeks if w.index in by_week),
                    by_week={k: tuple(v) for k, v in by_week.items()},
                )
            )
    return Handout(tuple(groups), labels, count)
