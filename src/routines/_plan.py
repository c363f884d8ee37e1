"""What the planner makes: :class:`Plan` -> :class:`Week` -> :class:`Session` ->
:class:`Block` -> :class:`Item`. All frozen; exporters read them and never change them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import attrs

from routines._request import PlanRequest
from routines._safety import SafetyNotes
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose

if TYPE_CHECKING:
    from routines.catalogue.vocab import Level

from routines._identity import plan_identity

__all__ = [
    "SCHEMA_VERSION",
    "Block",
    "BlockKind",
    "Item",
    "Plan",
    "Session",
    "Week",
    "dose_fields",
    "plan_identity",
]

#: Version of the JSON exchange format written by :meth:`Plan.to_json`.
SCHEMA_VERSION = 1
#: Adaptation fields are left out of the JSON while unset (``routines._convert``
#: reads this key), so a plan as first planned writes the same JSON as ever.
_UNSET_OMITTED = {"omit_if_default": True}


class BlockKind(StrEnum):
    """The three parts of a session, in the order they are done.

    >>> BlockKind.COOLDOWN.label
    'Cool-down'
    """

    WARMUP = "warmup"
    STRENGTH = "strength"
    MOBILITY = "mobility"
    COOLDOWN = "cooldown"

    @property
    def label(self) -> str:
        """The part's name as people read it."""
        return _BLOCK_TITLES[self]


_BLOCK_TITLES = {
    BlockKind.WARMUP: "Warm-up",
    BlockKind.STRENGTH: "Strength",
    BlockKind.MOBILITY: "Mobility",
    BlockKind.COOLDOWN: "Cool-down",
}


@attrs.frozen
class Item:
    """One exercise as prescribed in one session.

    Exactly one of ``reps`` (per set), ``hold_s`` or ``duration_s`` is set. With
    ``per_side`` the dose is for each side. ``seconds`` estimates the time the
    item takes, rests included; ``track`` names the progression line the item
    belongs to, so the same track can be followed from week to week.

    In a plan adapted to a training log (:func:`routines.adapt`), ``change``
    says why the item differs from the original plan and ``was`` holds the
    item as first planned.
    """

    exercise: str
    sets: int
    reps: int | None
    hold_s: int | None
    duration_s: int | None
    per_side: bool
    rest_s: int
    effort: str | None
    seconds: int
    reason: str
    track: str | None = None
    load_steps: int = 0
    #: Lighter sets before the working sets of a heavy loaded lift (6 reps or
    #: fewer): about half, then three quarters of the working load.
    ramp_up_sets: int = attrs.field(default=0, metadata=_UNSET_OMITTED)
    change: str | None = attrs.field(default=None, metadata=_UNSET_OMITTED)
    was: Item | None = attrs.field(default=None, metadata=_UNSET_OMITTED)

    @property
    def amount(self) -> int:
        """The dose number, however it is counted: reps per set, seconds per hold, or
        seconds of movement (the one of ``reps``, ``hold_s``, ``duration_s`` set)."""
        if self.reps is not None:
            return self.reps
        return self.hold_s if self.hold_s is not None else self.duration_s or 0

    @property
    def dose_text(self) -> str:
        """``"2 x 10"``, ``"3 x 30 s"`` or ``"1 x 60 s"``, with ``each side``."""
        if self.reps is not None:
            amount = f"{self.reps}"
        elif self.hold_s is not None:
            amount = f"{self.hold_s} s"
        else:
            amount = f"{self.duration_s} s"
        side = " each side" if self.per_side else ""
        return f"{self.sets} x {amount}{side}"


class DoseFields(TypedDict):
    reps: int | None
    hold_s: int | None
    duration_s: int | None


def dose_fields(dose: Dose, amount: int) -> DoseFields:
    """``reps``, ``hold_s`` and ``duration_s`` of an item measured by ``dose``: the one
    it names holds ``amount``, the others are ``None``.

    >>> dose_fields(Dose.HOLD, 30)
    {'reps': None, 'hold_s': 30, 'duration_s': None}
    """
    return {
        "reps": amount if dose is Dose.REPS else None,
        "hold_s": amount if dose is Dose.HOLD else None,
        "duration_s": amount if dose is Dose.DURATION else None,
    }


@attrs.frozen
class Block:
    kind: BlockKind
    items: tuple[Item, ...]

    @property
    def seconds(self) -> int:
        return sum(item.seconds for item in self.items)


@attrs.frozen
class Session:
    """One training session on one day.

    ``cancelled`` gives the reason when an adapted plan called the session off
    (it stays in the plan, so calendars mark it cancelled instead of losing it).
    """

    date: dt.date
    start: dt.time
    minutes: int
    focus: str
    blocks: tuple[Block, ...]
    cancelled: str | None = attrs.field(default=None, metadata=_UNSET_OMITTED)

    @property
    def changes(self) -> tuple[str, ...]:
        """Why this session differs from the original plan, one line per change."""
        found = [self.cancelled] if self.cancelled else []
        for item in self.items:
            if item.change and item.change not in found:
                found.append(item.change)
        return tuple(found)

    @property
    def seconds(self) -> int:
        return sum(block.seconds for block in self.blocks)

    def block(self, kind: BlockKind | str) -> Block:
        for block in self.blocks:
            if block.kind == kind:
                return block
        return Block(BlockKind(kind), ())

    @property
    def items(self) -> Iterator[Item]:
        for block in self.blocks:
            yield from block.items


@attrs.frozen
class Week:
    """One week of the plan. A ``deload`` week is lighter on purpose; in a
    ``retest`` week (the end of a block in plans over 8 weeks) the first set of
    each strength exercise is a test to log."""

    index: int
    deload: bool
    sessions: tuple[Session, ...]
    retest: bool = attrs.field(default=False, metadata=_UNSET_OMITTED)


@attrs.frozen
class WeekProgress:
    """One week of a training log at a glance, for the progress chart."""

    week: int
    #: The worst pain logged that week (0-10), if any was.
    worst_pain: int | None
    #: Sessions done, of those planned (cancelled ones left out).
    done: int
    planned: int
    #: Strength sets done (as logged, else as planned for a session done).
    sets: int
    #: The heaviest load logged that week, in kg, and its exercise.
    load_kg: float | None = None
    load_exercise: str | None = None


@attrs.frozen
class Plan:
    """A finished, frozen training plan.

    ``exercises`` holds every exercise the plan uses, so a plan is complete on
    its own: exporters, and :meth:`from_json`, need no catalogue.
    """

    request: PlanRequest
    title: str
    goal_summary: str
    weeks: tuple[Week, ...]
    exercises: dict[str, Exercise] = attrs.field(hash=False)
    safety: SafetyNotes
    notes: tuple[str, ...] = ()
    schema_version: int = SCHEMA_VERSION
    #: How the plan was adapted to a training log (``None``: as first planned).
    adapted: str | None = attrs.field(default=None, metadata=_UNSET_OMITTED)
    #: The day it was adapted: the sessions before it were its past.
    adapted_on: dt.date | None = attrs.field(default=None, metadata=_UNSET_OMITTED)
    #: Why the plan stopped (a red-flag answer in the log): see a professional.
    stopped: str | None = attrs.field(default=None, metadata=_UNSET_OMITTED)
    #: Advice to see a professional, when the log's pain trend calls for it.
    referral: str | None = attrs.field(default=None, metadata=_UNSET_OMITTED)
    #: The log week by week, in a plan adapted to it (for the progress chart).
    progress: tuple[WeekProgress, ...] = attrs.field(default=(), metadata=_UNSET_OMITTED)
    #: The names of the easier and harder variants of its exercises that the plan
    #: does not use itself (id -> name), so its printout names them as the
    #: catalogue does.
    names: dict[str, str] = attrs.field(factory=dict, hash=False, metadata=_UNSET_OMITTED)

    def name_of(self, exercise_id: str) -> str:
        """The catalogue name of an exercise the plan uses or names as a variant."""
        found = self.exercises.get(exercise_id)
        if found is not None:
            return found.name
        return self.names.get(exercise_id) or exercise_id.replace("-", " ").capitalize()

    @property
    def sessions(self) -> Iterator[Session]:
        for week in self.weeks:
            yield from week.sessions

    @property
    def level(self) -> Level:
        return self.request.level

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def since(self, day: dt.date) -> Plan:
        """The plan with only the sessions on or after ``day`` (and their weeks), for
        printing what is left of it."""
        weeks = tuple(
            attrs.evolve(w, sessions=tuple(s for s in w.sessions if s.date >= day))
            for w in self.weeks
        )
        left = tuple(w for w in weeks if w.sessions)
        return attrs.evolve(self, weeks=left or self.weeks[-1:])

    def to_dict(self) -> dict[str, Any]:
        """The plan in the JSON exchange format, as plain Python data."""
        from routines._convert import converter

        raw: dict[str, Any] = converter.unstructure(self)
        ordered = {"schema_version": raw.pop("schema_version")}
        ordered.update(raw)
        return ordered

    def to_json(self, *, indent: int | None = 2) -> str:
        """The plan as JSON text; :meth:`from_json` reads it back unchanged."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        from routines._convert import converter, describe
        from routines.errors import PlanError

        version = data.get("schema_version") if isinstance(data, dict) else None
        if version != SCHEMA_VERSION:
            raise PlanError(
                f"schema_version: {version!r} is not supported; this routines reads "
                f"version {SCHEMA_VERSION}"
            )
        try:
            plan: Plan = converter.structure(data, cls)
        except PlanError:
            raise
        except RecursionError:
            raise PlanError("not a plan: it is nested far too deeply") from None
        except Exception as exc:
            found = "; ".join(f"{field or 'plan'}: {message}" for field, message in describe(exc))
            raise PlanError(f"not a valid plan: {found}") from None
        missing = sorted(
            {
                item.exercise
                for session in plan.sessions
                for item in (*session.items, *(i.was for i in session.items if i.was))
            }
            - set(plan.exercises)
        )
        if missing:
            raise PlanError(
                f"not a valid plan: its sessions use {', '.join(map(repr, missing[:3]))}, "
                "which its exercises do not describe"
            )
        return plan

    @classmethod
    def from_json(cls, text: str | bytes) -> Plan:
        """Read a plan written by :meth:`to_json`."""
        from routines.errors import PlanError

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlanError(f"not a plan: invalid JSON ({exc})") from None
        except UnicodeDecodeError:
            raise PlanError("not a plan: not UTF-8 text (a plan file is JSON)") from None
        except RecursionError:
            raise PlanError("not a plan: it is nested far too deeply") from None
        return cls.from_dict(data)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> Plan:
        """Read a plan file written by :meth:`write_json`; errors name the file and the fix."""
        from routines._files import read_limited
        from routines.errors import PlanError

        source = Path(path)
        if not source.exists() and not source.is_symlink():
            raise PlanError(
                f"{source}: no such plan; make one with `routines plan` (it writes plan.json), "
                "or give --plan FILE"
            )
        text = read_limited(source, limit=PLAN_LIMIT, what="plan", error=PlanError)
        try:
            return cls.from_json(text)
        except PlanError as exc:
            raise PlanError(f"{source}: {exc}") from None

    def to_ics(self, *, alarm_minutes: int | None = 15) -> bytes:
        """The plan as an iCalendar feed (see :func:`routines.write_ics`)."""
        from routines.exporters.ics import to_ics

        return to_ics(self, alarm_minutes=alarm_minutes)

    def to_pdf(
        self, path: str | os.PathLike[str], paper: str | None = None, *, force: bool = False
    ) -> None:
        """Write the plan as a printable PDF, with the rule of :func:`routines.write_pdf`:
        this plan's PDF is updated, anything else is replaced only with ``force=True``."""
        from routines.exporters.pdf.document import write_pdf

        write_pdf(self, path, paper=paper, force=force)

    def write_json(self, path: str | os.PathLike[str]) -> None:
        """Write :meth:`to_json` to ``path`` atomically (temporary file, then rename)."""
        from routines._files import write_atomic

        write_atomic(path, self.to_json().encode("utf-8"))


#: The largest plan file read (a 52-week plan of 7 days is about 3 MB).
PLAN_LIMIT = 64 * 1024 * 1024
