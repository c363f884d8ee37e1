"""A plan's stable identity: what calendars, feeds, logs and files know it by."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from routines._plan import Plan

__all__ = ["identity_of", "plan_identity"]


def plan_identity(plan: Plan) -> str:
    """The plan's stable identity: the request's ``id``, else its name (or title).

    Changing the start date, time, minutes, equipment or exercises keeps it, so
    calendars update the same subscription (sessions that moved are published as
    cancelled and new ones added). A feed's address adds a random token to it (see
    :mod:`routines.exporters.feeds`), so the identity need not be secret.
    """
    request = plan.request
    return identity_of(request.id or request.name or plan.title)


def identity_of(base: str) -> str:
    """The identity of a plan whose request ``id`` (else name, else title) is ``base``."""
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:40] or "plan"
    digest = hashlib.sha256(base.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{digest}"
