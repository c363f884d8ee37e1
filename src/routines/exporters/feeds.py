"""Where a plan's feed lives in a folder: a private, stable address.

A feed's file name is ``<plan>-<token>.ics``: the token is random (128 bits), made
the first time the plan is published in the folder and found again on every later
export by the plan's identity recorded in the file (``X-ROUTINES-PLAN``), so the
address never changes unless asked (``rotate``, when an address has leaked) and
cannot be guessed from the plan's title or dates.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import attrs

from routines._plan import Plan, plan_identity

__all__ = ["FeedTarget", "feed_target", "identity_of_feed"]

_HEAD = 64 * 1024  # the calendar's own properties come before its first component
_MARK = re.compile(r"^X-ROUTINES-PLAN:(.*)$", re.MULTILINE)


@attrs.frozen
class FeedTarget:
    """The feed file to write, and (after ``rotate``) the old one to remove."""

    path: Path
    old: Path | None = None

    @property
    def new(self) -> bool:
        return not self.path.exists()


def identity_of_feed(path: Path) -> str | None:
    """The plan identity an existing feed file records, read from its head only."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD).decode("utf-8", "replace")
    except OSError:
        return None
    unfolded = head.replace("\r\n ", "").replace("\n ", "")
    found = _MARK.search(unfolded)
    return found[1].strip() if found else None


def _feeds(folder: Path) -> list[Path]:
    try:
        return sorted(
            p for p in folder.iterdir() if p.suffix == ".ics" and not p.name.startswith(".")
        )
    except OSError:
        return []


def feed_target(folder: str | Path, plan: Plan, *, rotate: bool = False) -> FeedTarget:
    """The feed file of ``plan`` in ``folder``: its existing one (same identity), or a
    new name with a fresh token; with ``rotate``, a new name and the old file to go."""
    root = Path(folder)
    identity = plan_identity(plan)
    existing = next((p for p in _feeds(root) if identity_of_feed(p) == identity), None)
    if existing is not None and not rotate:
        return FeedTarget(existing)
    slug = identity.rsplit("-", 1)[0][:40] or "plan"
    return FeedTarget(root / f"{slug}-{secrets.token_hex(16)}.ics", existing)
