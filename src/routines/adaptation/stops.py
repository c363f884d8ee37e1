"""A red flag stops the plan; only a recorded clearance goes on (SCIENCE: a red-flag
stop stays a stop until the person records that a professional cleared them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from routines.log.entry import RED_FLAGS, Clearance, LogEntry

__all__ = ["CANCELLED", "Stop", "stops"]

#: Why a session after a red flag is cancelled, as calendars show it.
CANCELLED = "plan stopped after a warning sign: see a professional before training again"


@attrs.frozen
class Stop:
    """The plan stopped after the red flag logged on ``flagged``; it goes on from
    ``cleared`` (``None``: not cleared yet)."""

    flagged: dt.date
    signs: str
    cleared: Clearance | None = None

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls while the plan is stopped."""
        return day > self.flagged and (self.cleared is None or day < self.cleared.date)

    @property
    def text(self) -> str:
        return (
            f"On {self.flagged:%a %d %b %Y} you reported: {self.signs}. The plan is stopped: "
            "see a health professional (a doctor or physiotherapist) before you train again "
            "(call emergency services for chest pain, fainting or sudden numbness). When they "
            "have cleared you, record it (routines log --cleared-by NAME) and the plan goes on."
        )


def stops(entries: Mapping[dt.date, LogEntry], clearances: Iterable[Clearance]) -> list[Stop]:
    """Every stop in the log: each red flag (not already inside a stop) until the first
    clearance recorded on or after its day."""
    cleared = sorted(clearances, key=lambda c: c.date)
    found: list[Stop] = []
    flagged = sorted(
        ((e.done_on or e.date, e) for e in entries.values() if e.red_flags), key=lambda p: p[0]
    )
    for day, entry in flagged:  # the day the sign was reported, not the session's
        if found and found[-1].covers(day):
            continue
        signs = "; ".join(RED_FLAGS.get(flag, flag) for flag in entry.red_flags)
        after = next((c for c in cleared if c.date >= day), None)
        found.append(Stop(day, signs, after))
    return found
