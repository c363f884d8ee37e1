"""Adapting a plan to its training log: :func:`adapt`.

The log is replayed session by session against the plan as first planned, each
progression line following the rules of :mod:`routines.adaptation.lines`. The
past is fixed: a session before today stays exactly as it was published (its
content and so its calendar SEQUENCE), whatever is logged or re-planned later;
only the coming sessions change, and the same plan, log and day always give the
same plan. A red flag stops the plan (every coming session cancelled) until a
clearance is recorded; a pain trend that calls for a professional is said in the
plan, its calendar and its PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from routines._plan import Block, BlockKind, Item, Plan, Session, Week
from routines.adaptation.lines import Line, read
from routines.adaptation.rules import keep_pull_ahead, rising_weeks, with_dose
from routines.adaptation.stops import CANCELLED, Stop, stops
from routines.catalogue.catalogue import Catalogue
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose
from routines.log.entry import Clearance, LogEntry
from routines.log.weeks import referral, weekly_progress, worst_by_week
from routines.planning.dose import deload_sets
from routines.planning.pool import Pool, groups_of
from routines.planning.progression import band_of

__all__ = ["adapt", "original"]


def original(plan: Plan) -> Plan:
    """The plan as first planned: every adaptation undone."""
    if plan.adapted is None and plan.stopped is None:
        return plan
    weeks = tuple(
        attrs.evolve(
            week,
            sessions=tuple(
                attrs.evolve(
                    session,
                    cancelled=None,
                    blocks=tuple(
                        attrs.evolve(block, items=tuple(item.was or item for item in block.items))
                        for block in session.blocks
                    ),
                )
                for session in week.sessions
            ),
        )
        for week in plan.weeks
    )
    used = {item.exercise for week in weeks for s in week.sessions for item in s.items}
    exercises = {key: value for key, value in plan.exercises.items() if key in used}
    return attrs.evolve(
        plan,
        weeks=weeks,
        exercises=exercises,
        adapted=None,
        adapted_on=None,
        stopped=None,
        referral=None,
        progress=(),
    )


class _Replay:
    def __init__(
        self,
        plan: Plan,
        published: Mapping[dt.date, Session],
        entries: Mapping[dt.date, LogEntry],
        today: dt.date,
        catalogue: Catalogue,
        halts: list[Stop],
    ) -> None:
        pool = Pool.build(catalogue, plan.request)
        self.plan, self.published, self.entries, self.today = plan, published, entries, today
        self.exercises = dict(plan.exercises)
        self.allowed = {**pool.allowed, **pool.next_level}
        self.halts = halts
        self.rising = rising_weeks(worst_by_week(plan, entries.values()))
        self.lines: dict[str, Line] = {}
        for week in plan.weeks:
            if week.deload:
                continue
            for session in week.sessions:
                for item in session.block(BlockKind.STRENGTH).items:
                    if item.track is None:
                        continue
                    line = self.lines.setdefault(item.track, Line([]))
                    if not line.doses or line.doses[-1][0] != week.index:
                        line.doses.append((week.index, item))

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises.get(exercise_id) or self.allowed[exercise_id]

    def past(self, session: Session) -> bool:
        """Before today, or logged already (a session done today is the past too)."""
        return session.date < self.today or session.date in self.entries

    def halted(self, session: Session) -> Stop | None:
        return next((stop for stop in self.halts if stop.covers(session.date)), None)

    # -- the dose for a coming session -------------------------------------------------

    def easier(self, exercise: Exercise) -> Exercise | None:
        for key in exercise.regressions:
            candidate = self.allowed.get(key)
            if (
                candidate
                and candidate.dose is exercise.dose
                and groups_of(candidate) <= groups_of(exercise)
            ):
                return candidate
        return None

    def dose(
        self, item: Item, exercise: Exercise, sets: int, amount: int, deload: bool, load: int
    ) -> Item | None:
        """``exercise`` at ``sets`` x ``amount`` with ``load`` load steps in place of
        ``item``, never more sets or time than the plan gave the session (the minutes
        hold): fewer reps or seconds first (down to the bottom of the rep range), then
        fewer sets; ``None`` when it cannot be made to fit."""

        def made(sets: int, amount: int) -> Item:
            return with_dose(item, exercise, self.plan.level, sets=sets, amount=amount,
                             deload=deload, load_steps=load)  # fmt: skip

        sets = min(sets, item.sets)
        changed = made(sets, amount)
        low = band_of(exercise, self.plan.level)[0]
        step = 1 if exercise.dose is Dose.REPS else 5
        while changed.seconds > item.seconds and amount - step >= min(low, amount):
            amount -= step
            changed = made(sets, amount)
        while changed.seconds > item.seconds and changed.sets > 1:
            sets -= 1
            changed = made(sets, amount)
        return changed if changed.seconds <= item.seconds else None

    def prescribe(self, line: Line, item: Item, week: Week) -> tuple[Item, str | None]:
        """The dose for ``item`` given where its line stands: (item, why it changed)."""
        planned = line.planned_position(week.index)
        rising = self.rising.get(week.index)
        if line.sore and line.hurt is not None:
            return self.easier_dose(line, line.hurt, item, week)
        if line.position == planned and not rising and not line.session_pain:
            return item, None
        base = line.doses[line.position][1]
        exercise = self.exercise(base.exercise)
        sets = deload_sets(base.sets) if week.deload else base.sets
        why = line.why or "one step a week back toward the plan"
        if line.session_pain:
            sets, why = max(1, sets - 1), f"{line.session_pain}: one set fewer, this once"
        if rising:
            sets, why = max(1, min(sets, item.sets - 1)), rising
        changed = self.dose(item, exercise, sets, base.amount, week.deload, base.load_steps)
        if changed is None:  # the held dose would run over the minutes: the plan's own
            return item, None
        return (item, None) if changed == item else (changed, why)

    def easier_dose(self, line: Line, hurt: Item, item: Item, week: Week) -> tuple[Item, str]:
        """After pain (``hurt``: the dose that hurt): the easier variant with one set
        fewer, else (or if it does not fit the minutes) less of the same, until two
        pain-free sessions."""
        exercise = self.exercise(hurt.exercise)
        easier = self.easier(exercise)
        if easier is not None:
            amount = band_of(easier, self.plan.level)[0]
            changed = self.dose(item, easier, max(1, hurt.sets - 1), amount, week.deload, 0)
            if changed is not None:
                self.exercises[easier.id] = easier
                why = f"{line.hurt_why}: the easier {easier.name}, one set fewer"
                return changed, f"{why}, until two pain-free sessions"
        step = 2 if exercise.dose is Dose.REPS else 5
        amount, sets = hurt.amount, hurt.sets - 1
        if sets < 1:
            amount, sets = max(1, hurt.amount - step), 1
        load = hurt.load_steps
        changed = self.dose(item, exercise, sets, amount, week.deload, load)
        while changed is None and amount > step:
            amount -= step
            changed = self.dose(item, exercise, sets, amount, week.deload, load)
        why = f"{line.hurt_why}: {'one set fewer' if sets < hurt.sets else 'a smaller dose'}"
        return changed or item, f"{why}, until two pain-free sessions"

    # -- the whole plan ----------------------------------------------------------------

    def coming(self, week: Week, session: Session) -> Session:
        halt = self.halted(session)
        if halt is not None:
            return attrs.evolve(session, cancelled=CANCELLED)
        blocks = []
        for block in session.blocks:
            items = []
            for item in block.items:
                line = (
                    self.lines.get(item.track or "") if block.kind is BlockKind.STRENGTH else None
                )
                if line is None:
                    items.append(item)
                    continue
                line.new_week(week.index, week.deload)
                prescribed, why = self.prescribe(line, item, week)
                line.session_pain = ""
                line.project()
                items.append(
                    item if why is None else attrs.evolve(prescribed, change=why, was=item)
                )
            blocks.append(Block(block.kind, tuple(items)))
        return attrs.evolve(session, blocks=tuple(blocks))

    def gone(self, week: Week, session: Session) -> Session:
        """A past session: as published, and what the log says of it read into the lines."""
        shown = self.published.get(session.date, session)
        if shown.cancelled:
            return shown
        entry = self.entries.get(session.date)
        planned = {item.track: item for item in session.block(BlockKind.STRENGTH).items}
        uses: dict[str, int] = {}
        for item in shown.block(BlockKind.STRENGTH).items:
            line = self.lines.get(item.track or "")
            if line is None:
                continue
            line.new_week(week.index, week.deload)
            occurrence = uses.get(item.exercise, 0)
            uses[item.exercise] = occurrence + 1
            line.session_pain = ""
            reading = read(entry, item, planned.get(item.track, item), occurrence)
            line.record(reading, item, session, self.exercise(item.exercise).name)
        return shown

    def run(self) -> tuple[Week, ...]:
        weeks = []
        for week in self.plan.weeks:
            sessions = tuple(
                self.gone(week, s) if self.past(s) else self.coming(week, s) for s in week.sessions
            )
            weeks.append(attrs.evolve(week, sessions=sessions))
        return tuple(weeks)


def _entries(log: object) -> tuple[dict[dt.date, LogEntry], tuple[Clearance, ...]]:
    if hasattr(log, "entries") and hasattr(log, "clearances"):
        return {e.date: e for e in log.entries()}, tuple(log.clearances())
    return {e.date: e for e in log}, ()  # type: ignore[attr-defined]


def adapt(
    plan: Plan,
    log: Iterable[LogEntry] | object,
    *,
    today: dt.date | None = None,
    catalogue: Catalogue | None = None,
    clearances: Iterable[Clearance] = (),
    published: Plan | None = None,
) -> Plan:
    """The plan for the coming sessions, adapted to what the log says.

    ``log`` is a :class:`~routines.TrainingLog` (its entries and clearances) or the
    entries themselves (then ``clearances`` gives the clearances). Sessions before
    ``today`` (default: the real today) are the past: they stay as ``published``
    has them (default: ``plan`` as given, itself perhaps adapted before), so the
    past is never rewritten. Every coming item that changes says why in
    ``Item.change`` and keeps the planned item in ``Item.was``. ``catalogue``
    supplies the easier variants (default: the built-in one).
    """
    base = original(plan)
    entries, logged_clearances = _entries(log)
    cleared = (*logged_clearances, *clearances)
    if catalogue is None:
        from routines.catalogue.load import load_catalogue

        catalogue = load_catalogue()
    day = today or dt.date.today()
    shown = {s.date: s for s in (published or plan).sessions}
    halts = stops(entries, cleared)
    replay = _Replay(base, shown, entries, day, catalogue, halts)
    weeks = tuple(keep_pull_ahead(week, replay) for week in replay.run())
    # a red flag in the log is a fact whatever day it is now: only a clearance ends it
    current = next((h for h in halts if h.cleared is None or h.cleared.date > day), None)
    used = {item.exercise for week in weeks for s in week.sessions for item in s.items}
    used |= {i.was.exercise for w in weeks for s in w.sessions for i in s.items if i.was}
    exercises = {key: replay.exercise(key) for key in sorted(used)}
    logged = sum(1 for s in base.sessions if s.date in entries)
    coming = [s for w in weeks for s in w.sessions if not replay.past(s)]
    changed = sum(1 for s in coming if s.changes)
    adapted = (
        f"Adapted on {day:%a %d %b %Y} to {logged} logged session"
        f"{'' if logged == 1 else 's'}: {changed} of {len(coming)} coming sessions changed."
    )
    ordered = sorted(entries.values(), key=lambda e: e.date)
    return attrs.evolve(
        base,
        weeks=weeks,
        exercises=exercises,
        adapted=adapted,
        adapted_on=day,
        stopped=current.text if current else None,
        referral=referral(base, ordered),
        progress=weekly_progress(base, ordered),
    )
