"""Adapting a plan to its training log: :func:`adapt`.

The log is replayed session by session against the plan as first planned, so
the result depends only on the plan and the log (adapting twice changes
nothing more). Each progression line (an item's ``track``) keeps a position in
its planned sequence of doses; the rules move it (after
docs/training-rules.md):

- a red-flag answer stops the plan: every later session is cancelled and the
  person is told to see a professional;
- pain over 5/10, or pain not settled by the next morning: the next session of
  that exercise uses the catalogue's easier variant (or holds the dose) with one
  set fewer;
- pain rising from one week to the next (ending at 3/10 or more): one set fewer
  on every strength exercise the week after, and no step up;
- a missed session (skipped or not logged): repeat the dose rather than progress;
- the target missed, form slipping, or pain 4-5/10: repeat the dose;
- the target beaten by 1 rep or more (5 s for holds) in 2 sessions in a row: the
  next step, even where the plan would hold;
- otherwise (pain 0-3, good form, target met): as planned, one step at a time.

Past sessions are never changed; coming sessions keep their dates, so calendars
keep their events and only changed sessions get a new SEQUENCE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from routines._plan import Block, BlockKind, Item, Plan, Session, Week
from routines._safety import PAIN_HOLD, PAIN_TOO_MUCH
from routines.adaptation.rules import (
    keep_pull_ahead,
    rising_weeks,
    stop_after_red_flag,
    weekly_pain,
    with_dose,
)
from routines.catalogue.vocab import Dose
from routines.planning.dose import deload_sets
from routines.planning.progression import start_amount

if TYPE_CHECKING:
    from routines.catalogue.catalogue import Catalogue
    from routines.catalogue.exercise import Exercise
    from routines.log.entry import LogEntry
    from routines.log.store import TrainingLog

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
    return attrs.evolve(plan, weeks=weeks, exercises=exercises, adapted=None, stopped=None)


@attrs.define
class _Line:
    """One progression line while the log is replayed."""

    doses: list[tuple[int, Item]]  # (week index, item) for the non-deload weeks
    position: int = 0
    week: int = 0  # the week the position was last decided for
    since: list[str] = attrs.field(factory=list)  # why not to step up, since then
    done: int = 0  # sessions done since then
    projected: bool = False  # the sessions since then are still to come
    beaten: int = 0  # sessions in a row that beat the target
    flare: int = 0  # sessions in a row with too much pain
    flare_reason: str = ""
    flare_dose: Item | None = None  # the dose prescribed when it hurt
    step_reason: str = ""
    held_by: str = ""  # the first reason the line fell behind the plan

    def planned_position(self, week: int) -> int:
        """Where the plan itself stands in week ``week`` (deloads: the week before)."""
        found = 0
        for index, (number, _) in enumerate(self.doses):
            if number <= week:
                found = index
        return found


def _entries(log: TrainingLog | Iterable[LogEntry]) -> dict[dt.date, LogEntry]:
    entries = log.entries() if hasattr(log, "entries") else tuple(log)
    return {entry.date: entry for entry in entries}


class _Replay:
    def __init__(
        self, plan: Plan, entries: dict[dt.date, LogEntry], today: dt.date, catalogue: Catalogue
    ) -> None:
        from routines.planning.pool import Pool, groups_of

        self.plan = plan
        self.entries = entries
        self.today = today
        self.exercises = dict(plan.exercises)
        self.allowed = Pool.build(catalogue, plan.request).allowed
        self.groups_of = groups_of
        self.rising = rising_weeks(weekly_pain(plan, entries))
        self.lines: dict[str, _Line] = {}
        for week in plan.weeks:
            if week.deload:
                continue
            for session in week.sessions:
                for item in session.block(BlockKind.STRENGTH).items:
                    if item.track is None:
                        continue
                    line = self.lines.setdefault(item.track, _Line([]))
                    if not line.doses or line.doses[-1][0] != week.index:
                        line.doses.append((week.index, item))

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises.get(exercise_id) or self.allowed[exercise_id]

    def past(self, session: Session) -> bool:
        return session.date < self.today or session.date in self.entries

    # -- deciding the dose -------------------------------------------------------

    def new_week(self, line: _Line, week: Week) -> None:
        """Step up, or not, at the first session of a line in a new week."""
        if line.week == week.index:
            return
        previous_week, line.week = line.week, week.index
        if previous_week == 0:  # the line's first week
            line.position = line.planned_position(week.index)
            return
        reasons = list(line.since)
        if week.index in self.rising:
            reasons.append(self.rising[week.index])
        if not line.projected and line.done == 0:
            reasons.append("sessions were missed: repeat this dose rather than progress")
        line.since, line.done, line.projected = [], 0, False
        planned = line.planned_position(week.index)
        if week.deload or reasons or line.flare:
            line.step_reason = reasons[0] if reasons else ""
            line.held_by = line.step_reason or line.held_by
            return
        if line.beaten >= 2 and line.position + 1 < len(line.doses):
            line.position += 1
            line.step_reason = "target beaten in 2 sessions in a row: the next step"
            return
        line.position = max(line.position, min(line.position + 1, planned))
        line.step_reason = ""

    def easier(self, exercise: Exercise) -> Exercise | None:
        for candidate_id in exercise.regressions:
            candidate = self.allowed.get(candidate_id)
            if candidate and self.groups_of(candidate) <= self.groups_of(exercise):
                return candidate
        return None

    def prescribe(self, line: _Line, item: Item, week: Week) -> tuple[Item, str | None]:
        """The dose for ``item`` given where its line stands: (item, why it changed)."""
        planned = line.planned_position(week.index)
        if line.position == planned and not line.flare and week.index not in self.rising:
            return item, None
        base = line.doses[line.position][1]
        exercise = self.exercise(base.exercise)
        sets = deload_sets(base.sets) if week.deload else base.sets
        amount = base.amount
        reason = line.step_reason or (
            f"a step behind the plan since {line.held_by.split(':')[0]}; one step a week from here"
        )
        if line.position > planned:
            reason = line.step_reason
        if line.flare and line.flare_dose is not None:
            # less than the dose that hurt: the easier variant, else fewer sets, else less
            hurt = line.flare_dose
            exercise = self.exercise(hurt.exercise)
            easier = self.easier(exercise)
            sets, amount = max(1, hurt.sets - 1), hurt.amount
            if easier is not None:
                self.exercises[easier.id] = easier
                exercise, amount = easier, start_amount(easier, self.plan.level)
                reason = f"{line.flare_reason}: the easier {easier.name}, one set fewer"
            elif hurt.sets == 1:
                amount = max(1, amount - (2 if exercise.dose is Dose.REPS else 5))
                reason = f"{line.flare_reason}: a smaller dose"
            else:
                reason = f"{line.flare_reason}: the same dose, one set fewer"
        # never more sets or time than the plan gave this session: the person's
        # minutes hold, and the weekly set cap with them
        sets = min(sets, item.sets)
        if week.index in self.rising:
            sets = max(1, min(sets, item.sets - 1))
            reason = self.rising[week.index] if not line.flare else reason
        changed = with_dose(
            item, exercise, self.plan.level, sets=sets, amount=amount, deload=week.deload
        )
        while changed.seconds > item.seconds and changed.sets > 1:
            changed = with_dose(
                item,
                exercise,
                self.plan.level,
                sets=changed.sets - 1,
                amount=amount,
                deload=week.deload,
            )
        if changed == item:
            return item, None
        return changed, reason

    # -- reading what was done -----------------------------------------------------

    def record(
        self, line: _Line, item: Item, prescribed: Item, session: Session, occurrence: int
    ) -> None:
        """Read the log for ``item``, the ``occurrence``-th use of its exercise that day."""
        entry = self.entries.get(session.date)
        if entry is None or entry.status != "done":
            line.beaten = 0
            return
        line.done += 1
        # what was prescribed, else (a log kept against the first plan) what was planned
        found = [r for r in entry.items if r.exercise == prescribed.exercise] or [
            r for r in entry.items if r.exercise == item.exercise
        ]
        # the same exercise twice in a session: the results are matched in order
        result = found[occurrence] if occurrence < len(found) else None
        if len(found) == 1:
            result = found[0]
        pain = result.pain if result and result.pain is not None else entry.pain
        settled = result.settled if result and result.settled is not None else entry.settled
        if entry.unsettled and result is None:
            settled = False
        name = self.exercise(prescribed.exercise).name
        if (pain is not None and pain > PAIN_TOO_MUCH) or settled is False:
            what = (
                f"pain {pain}/10"
                if pain is not None and pain > PAIN_TOO_MUCH
                else ("pain not settled by the next morning")
            )
            line.flare += 1
            line.flare_dose = prescribed
            line.flare_reason = f"{what} with {name} on {session.date:%a %d %b}"
            line.beaten = 0
            line.since.append(f"{line.flare_reason}: back to the dose before it, no step up")
            return
        line.flare = 0
        target = prescribed.amount
        if result is None:
            did = target
        elif prescribed.reps is not None:
            did = result.reps if result.reps is not None else target
        else:
            did = result.hold_s if result.hold_s is not None else target
        margin = 1 if prescribed.reps is not None else 5
        line.beaten = line.beaten + 1 if did >= target + margin else 0
        if did < target:
            unit = "reps" if prescribed.reps is not None else "s"
            line.since.append(
                f"{name}: {did} of {target} {unit} on {session.date:%a %d %b}: repeat this dose"
            )
        elif result is not None and not result.form_ok:
            line.since.append(f"{name}: form slipped on {session.date:%a %d %b}: repeat this dose")
        elif pain is not None and pain >= PAIN_HOLD:
            line.since.append(
                f"pain {pain}/10 with {name}: acceptable, but no step up until it is 0-3"
            )

    # -- the whole plan ----------------------------------------------------------

    def run(self) -> tuple[Week, ...]:
        weeks = []
        for week in self.plan.weeks:
            sessions = []
            for session in week.sessions:
                past = self.past(session)
                blocks = []
                uses: dict[str, int] = {}
                for block in session.blocks:
                    items = []
                    for item in block.items:
                        line = (
                            self.lines.get(item.track or "")
                            if block.kind is BlockKind.STRENGTH
                            else None
                        )
                        if line is None:
                            items.append(item)
                            continue
                        self.new_week(line, week)
                        prescribed, why = self.prescribe(line, item, week)
                        if past:
                            occurrence = uses.get(prescribed.exercise, 0)
                            uses[prescribed.exercise] = occurrence + 1
                            self.record(line, item, prescribed, session, occurrence)
                            items.append(item)
                        else:  # to come: assume it goes as prescribed
                            line.projected = True
                            line.flare = 0
                            items.append(
                                item
                                if why is None
                                else attrs.evolve(prescribed, change=why, was=item)
                            )
                    blocks.append(Block(block.kind, tuple(items)))
                sessions.append(attrs.evolve(session, blocks=tuple(blocks)))
            weeks.append(attrs.evolve(week, sessions=tuple(sessions)))
        return tuple(weeks)


def adapt(
    plan: Plan,
    log: TrainingLog | Iterable[LogEntry],
    *,
    today: dt.date | None = None,
    catalogue: Catalogue | None = None,
) -> Plan:
    """The plan for the coming sessions, adapted to what the log says.

    ``log`` is a :class:`~routines.TrainingLog` or its entries. Sessions before
    ``today`` (default: the real today) or with a log entry are the past: they
    are kept as they were. Every coming item that changes says why in
    ``Item.change`` and keeps the planned item in ``Item.was``; ``plan`` may itself
    be an adapted plan (the adaptation starts again from the original).
    ``catalogue`` supplies the easier variants (default: the built-in one).
    """
    base = original(plan)
    entries = _entries(log)
    if catalogue is None:
        from routines.catalogue.load import load_catalogue

        catalogue = load_catalogue()
    replay = _Replay(base, entries, today or dt.date.today(), catalogue)
    weeks = replay.run()
    weeks = tuple(keep_pull_ahead(week, replay) for week in weeks)
    weeks, stopped = stop_after_red_flag(weeks, entries, replay)
    used = {item.exercise for week in weeks for s in week.sessions for item in s.items}
    used |= {
        item.was.exercise for week in weeks for s in week.sessions for item in s.items if item.was
    }
    exercises = {key: replay.exercise(key) for key in sorted(used)}
    logged = sum(1 for s in base.sessions if s.date in entries)
    coming = [s for w in weeks for s in w.sessions if not replay.past(s)]
    changed = sum(1 for s in coming if s.changes)
    adapted = (
        f"Adapted on {replay.today:%a %d %b %Y} to {logged} logged session"
        f"{'' if logged == 1 else 's'}: {changed} of {len(coming)} coming sessions changed."
    )
    return attrs.evolve(base, weeks=weeks, exercises=exercises, adapted=adapted, stopped=stopped)
