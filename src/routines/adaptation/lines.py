"""One progression line followed through the log: where it stands, and why.

A line is an item's ``track``: the same slot of the same kind of day, week after
week. Its planned doses (the non-deload weeks) are its positions; the rules move
its position, or hold it at a lower dose after pain (after ../docs/training-rules.md,
"Follow-up"):

- pain over 5/10 on an exercise, or pain not settled by the next morning: that
  exercise goes to its easier variant (or a clearly lower dose) until two
  pain-free sessions, then back to the last dose done well;
- pain over 5/10 for the session, with no exercise scored: one set fewer on each
  exercise of it, once;
- acceptable pain (4-5/10), a missed target or slipping form: no step up, until a
  good session;
- missed sessions: back to the last dose done well (a missed deload week counts
  for nothing);
- the target beaten in two sessions in a row: the next step.
"""

from __future__ import annotations

import attrs

from routines._plan import Item, Session
from routines._safety import PAIN_HOLD, PAIN_TOO_MUCH
from routines.log.entry import ItemResult, LogEntry, SessionStatus

__all__ = ["CALM_SESSIONS", "SAFE_PAIN", "Line", "Reading", "read"]

#: Pain-free sessions needed before an exercise that hurt comes back.
CALM_SESSIONS = 2
#: Pain up to this is "safe" (Silbernagel et al. 2007): a pain-free session.
SAFE_PAIN = 2


@attrs.frozen
class Reading:
    """What the log says about one item of one session."""

    done: bool
    pain: int | None = None
    settled: bool | None = None
    #: The pain was scored for the session as a whole, not for the exercise.
    session_pain: bool = False
    did: int | None = None
    form_ok: bool | None = None


def _result(entry: LogEntry, item: Item, occurrence: int) -> ItemResult | None:
    found = [r for r in entry.items if r.exercise == item.exercise]
    if not found:
        return None
    return found[occurrence] if occurrence < len(found) else found[-1]


def read(entry: LogEntry | None, item: Item, planned: Item, occurrence: int) -> Reading:
    """The reading for ``item`` (as prescribed; ``planned``: as first planned)."""
    if entry is None or entry.status is SessionStatus.SKIPPED:
        return Reading(done=False)
    result = _result(entry, item, occurrence) or _result(entry, planned, occurrence)
    scored = any(r.pain is not None or r.settled is not None for r in entry.items)
    if result is not None and (result.pain is not None or result.settled is not None):
        pain, settled, whole = result.pain, result.settled, False
    elif scored:  # other exercises were scored; this one was not: no pain here
        pain, settled, whole = None, None, False
    else:  # a session-level score without per-exercise scores: the session's
        pain, settled, whole = entry.pain, entry.settled, True
    did = None
    if result is not None:
        did = result.reps if item.reps is not None else result.hold_s
    return Reading(True, pain, settled, whole, did, result.form_ok if result else None)


@attrs.define
class Line:
    """One progression line while the log is replayed."""

    doses: list[tuple[int, Item]]  # (week index, item) for the non-deload weeks
    position: int = 0
    good: int | None = None  # the last position done well
    week: int = 0  # the week the position was last decided for
    after_deload: bool = False  # the last week decided was a deload week
    hold: list[str] = attrs.field(factory=list)  # why not to step up at the next week
    done: int = 0  # sessions done since the last week boundary
    projected: bool = False  # those sessions are still to come
    beaten: int = 0  # sessions in a row that beat the target
    hurt: Item | None = None  # the dose that hurt
    hurt_at: int = 0  # the line's position when it hurt
    hurt_why: str = ""
    calm: int = 0  # pain-free sessions since it hurt
    back: bool = False  # back after pain: a week at that dose before any step up
    session_pain: str = ""  # a session-level flare, to apply once
    why: str = ""  # the reason the line stands where it does

    def planned_position(self, week: int) -> int:
        """Where the plan itself stands in week ``week`` (a deload: the week before)."""
        found = 0
        for index, (number, _) in enumerate(self.doses):
            if number <= week:
                found = index
        return found

    @property
    def sore(self) -> bool:
        """An exercise that hurt, not yet back after two pain-free sessions."""
        return self.hurt is not None and self.calm < CALM_SESSIONS

    def new_week(self, week: int, deload: bool) -> None:
        """Step up, or not, at the first session of the line in a new week."""
        if self.week == week:
            return
        first, self.week = self.week == 0, week
        missed = not first and not self.after_deload and not self.projected and not self.done
        self.after_deload = deload
        held, self.hold = self.hold, []
        self.done, self.projected = 0, False
        if first:
            self.position = self.planned_position(week)
            return
        if deload:
            return
        if missed:
            back = self.good if self.good is not None else self.position
            self.why = (
                "sessions were missed: back to the last dose you did well"
                if back < self.position
                else "sessions were missed: repeat the last dose you did well"
            )
            self.position = back
            return
        if held or self.sore:
            self.why = held[0] if held else self.why
            return
        if self.back:
            self.back = False
            self.why = "back after two pain-free sessions: a week at this dose before a step up"
            return
        planned = self.planned_position(week)
        if self.beaten >= 2 and self.position + 1 < len(self.doses):
            self.position += 1
            self.why = "target beaten in 2 sessions in a row: the next step"
            return
        if self.position < planned:
            self.position += 1
            self.why = "" if self.position == planned else "one step a week back toward the plan"
        else:
            self.why = "" if self.position == planned else self.why

    def record(self, reading: Reading, prescribed: Item, session: Session, name: str = "") -> None:
        """Read what was done of ``prescribed`` (the exercise called ``name``) in
        ``session``."""
        if not reading.done:
            self.beaten = 0
            return
        self.done += 1
        day = f"{session.date:%a %d %b}"
        too_much = reading.pain is not None and reading.pain > PAIN_TOO_MUCH
        if too_much or reading.settled is False:
            what = f"pain {reading.pain}/10" if too_much else "pain not settled by next morning"
            self.beaten = 0
            if reading.session_pain:
                self.session_pain = f"{what} in the session on {day}"
                return
            self.hurt, self.hurt_at, self.calm = prescribed, self.position, 0
            self.hurt_why = f"{what} with {name or 'this exercise'} on {day}"
            return
        target = prescribed.amount
        did = target if reading.did is None else reading.did
        calm = reading.pain is None or reading.pain <= SAFE_PAIN
        if self.hurt is not None and calm:
            self.calm += 1
            if self.calm >= CALM_SESSIONS:  # back, but no higher than where it hurt
                self.hurt = None
                back = self.hurt_at if self.good is None else min(self.good, self.hurt_at)
                self.position, self.back = min(self.position, back), True
                self.why = "two pain-free sessions: back to the last dose you did well"
        margin = 1 if prescribed.reps is not None else 5
        self.beaten = self.beaten + 1 if did >= target + margin else 0
        if did < target:
            unit = "reps" if prescribed.reps is not None else "s"
            self.hold.append(f"{did} of {target} {unit} on {day}: repeat this dose")
        elif reading.form_ok is False:
            self.hold.append(f"form slipped on {day}: repeat this dose")
        elif reading.pain is not None and reading.pain >= PAIN_HOLD:
            self.hold.append(f"pain {reading.pain}/10 on {day}: acceptable, but no step up")
        else:  # a good session: what held the line before is done with
            self.hold = []
            if not self.sore and prescribed == self.doses[self.position][1]:
                self.good = self.position

    def project(self) -> None:
        """A coming session, assumed to go as prescribed. An exercise that hurt stays
        lower until two pain-free sessions are logged, not merely expected."""
        self.projected = True
        self.session_pain = ""
