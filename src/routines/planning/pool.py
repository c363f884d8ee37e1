"""The exercises a request allows, and how they fill the goal's slots."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from routines._closest import closest, did_you_mean
from routines._request import PlanRequest
from routines.catalogue.catalogue import Catalogue
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import ALWAYS_AVAILABLE, Caution, Modality, Muscle
from routines.errors import PlanError
from routines.planning.goals import Slot
from routines.planning.schedule import Group

__all__ = ["Pool", "groups_of", "stable_key", "stable_pick"]

STRENGTH_MODALITIES = frozenset({Modality.STRENGTH, Modality.ISOMETRIC})


def groups_of(exercise: Exercise) -> frozenset[Group]:
    """The muscle groups an exercise loads: upper, lower, both or none (trunk only).

    The planner applies the 48-hour rule strictly, to every hold as well.
    """
    groups = set()
    for muscle in exercise.primary_muscles:
        if muscle.is_core:
            continue
        lower = muscle.is_lower_body or muscle is Muscle.LOWER_BACK
        groups.add(Group.LOWER if lower else Group.UPPER)
    return frozenset(groups)


def stable_key(*keys: object) -> int:
    """A number that depends only on ``keys`` (never on ``hash()``, which varies
    between runs), for choices that must be the same for the same request."""
    return zlib.crc32(":".join(map(str, keys)).encode())


def stable_pick(options: Sequence[Exercise], *keys: object) -> Exercise:
    """A choice among ``options`` that depends only on ``keys``."""
    return options[stable_key(*keys) % len(options)]


@attrs.frozen
class Pool:
    """The catalogue narrowed to what this person can and wants to do."""

    catalogue: Catalogue
    request: PlanRequest
    allowed: dict[str, Exercise]
    _fitting: dict[tuple[str, frozenset[Group]], list[Exercise]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    #: Warm-ups, cool-downs and their candidate lists, built once per plan.
    cache: dict[tuple[str, int, int], Any] = attrs.field(factory=dict, eq=False, repr=False)

    @classmethod
    def build(cls, catalogue: Catalogue, request: PlanRequest) -> Pool:
        cautions = {c.value for c in Caution}
        avoided_ids, avoided_cautions = set(), set()
        for value in request.avoid:
            if value in catalogue:
                avoided_ids.add(value)
            elif value in cautions:
                avoided_cautions.add(value)
            else:
                known = [e.id for e in catalogue] + sorted(cautions)
                guess = did_you_mean(closest(value, known, n=3)) or ";"
                raise PlanError(
                    f"{value!r} is neither an exercise id nor a caution{guess} "
                    f"cautions are: {', '.join(sorted(cautions))}",
                    field="avoid",
                )
        have = frozenset(request.equipment) | ALWAYS_AVAILABLE
        allowed = {
            e.id: e
            for e in catalogue
            if e.fits(have)
            and e.level.rank <= request.level.rank
            and e.id not in avoided_ids
            and not avoided_cautions.intersection(e.cautions)
        }
        return cls(catalogue, request, allowed)

    def of(self, modalities: Iterable[Modality]) -> list[Exercise]:
        wanted = set(modalities)
        return [e for e in self.allowed.values() if e.modality in wanted]

    def fits_slot(self, exercise: Exercise, slot: Slot, groups: frozenset[Group]) -> bool:
        return (
            exercise.modality in STRENGTH_MODALITIES
            and exercise.pattern in slot.patterns
            and (not slot.muscles or bool(slot.muscles.intersection(exercise.primary_muscles)))
            and groups_of(exercise) <= groups
        )

    def rank(self, exercise: Exercise, slot: Slot) -> tuple[int, int, int]:
        """Smaller is better: the person's own level, the slot's muscles, room to progress."""
        gap = self.request.level.rank - exercise.level.rank
        overlap = len(slot.muscles.intersection(exercise.primary_muscles))
        room = 0 if any(p in self.allowed for p in exercise.progressions) else 1
        return (gap, -overlap, room)

    def fitting(self, slot: Slot, groups: frozenset[Group]) -> list[Exercise]:
        """Every allowed exercise that fits ``slot`` on a day loading ``groups``."""
        key = (slot.name, groups)
        found = self._fitting.get(key)
        if found is None:
            found = [e for e in self.allowed.values() if self.fits_slot(e, slot, groups)]
            found.sort(key=lambda e: (self.rank(e, slot), e.id))  # best first
            self._fitting[key] = found
        return found

    def choose(
        self, slot: Slot, groups: frozenset[Group], taken: set[str], *keys: object
    ) -> Exercise | None:
        """The exercise for ``slot``; ``keys`` rotate the choice among equals."""
        options = [e for e in self.fitting(slot, groups) if e.id not in taken]
        if not options:
            return None
        best = self.rank(options[0], slot)
        equals = [e for e in options if self.rank(e, slot) == best]  # already sorted by id
        return stable_pick(equals, *keys)

    def equivalent(
        self,
        current: Exercise,
        slot: Slot,
        groups: frozenset[Group],
        taken: set[str],
        *keys: object,
    ) -> Exercise:
        """An exercise that can stand in for ``current`` in a new block (variety)."""
        options = sorted(
            (
                e
                for e in self.fitting(slot, groups)
                if (e.id == current.id or e.id not in taken)
                and e.pattern is current.pattern
                and e.level is current.level
                and e.dose is current.dose
                and e.per_side == current.per_side
            ),
            key=lambda e: e.id,
        )
        return stable_pick(options, *keys) if options else current

    def harder(
        self, current: Exercise, slot: Slot, groups: frozenset[Group], taken: set[str]
    ) -> Exercise | None:
        """The next variant up the catalogue's chain that this person may do."""
        fitting = self.fitting(slot, groups)
        options = [
            e
            for e in fitting
            if e.id in current.progressions
            and e.id not in taken
            and e.dose is current.dose
            and e.pattern is current.pattern
        ]
        if not options:
            return None
        return min(options, key=lambda e: (e.level.rank, e.per_side, e.id))
