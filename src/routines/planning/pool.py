"""The exercises a request allows, and how they fill the goal's slots.

Choice by fit, dose by level (coaching practice; Andersen et al. 2008): an
exercise is ranked first by how well it serves the slot (its muscles), then by
how well it uses the equipment the person has (with dumbbells, rows and reverse
flies are loaded; with a gym, cable and machine work comes in), then by how near
its level is to the person's. The level never keeps a staple out: it sets the
variant, the sets and the reps.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from routines._closest import closest, did_you_mean
from routines._request import PlanRequest
from routines.catalogue.catalogue import Catalogue
from routines.catalogue.chains import Chains
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import ALWAYS_AVAILABLE, Caution, Equipment, Level, Modality
from routines.errors import PlanError
from routines.planning.goals import goal_named
from routines.planning.schedule import DESK_BREAK_MINUTES, Group
from routines.planning.slots import Slot
from routines.planning.volume import group_of

__all__ = ["Pool", "groups_of", "load_tier", "stable_key", "stable_pick"]

STRENGTH_MODALITIES = frozenset({Modality.STRENGTH, Modality.ISOMETRIC})
_NOT_AT_A_DESK = frozenset(
    {
        Equipment.MAT,
        Equipment.FOAM_ROLLER,
        Equipment.STABILITY_BALL,
        Equipment.BENCH,
        Equipment.PULLUP_BAR,
        Equipment.BARBELL,
        Equipment.CABLE,
        Equipment.MACHINE,
    }
)
_TIERS = {
    Equipment.BARBELL: 3,
    Equipment.CABLE: 3,
    Equipment.MACHINE: 3,
    Equipment.DUMBBELL: 2,
    Equipment.KETTLEBELL: 2,
    Equipment.BAND: 1,
}


def groups_of(exercise: Exercise) -> frozenset[Group]:
    """The muscle groups an exercise loads: upper, lower, both or none (trunk only).

    The planner applies the 48-hour rule strictly, to every hold as well.
    """
    return frozenset(group for m in exercise.primary_muscles if (group := group_of(m)) is not None)


def load_tier(exercise: Exercise) -> int:
    """How much load the exercise can take: 3 barbell, cable or machine; 2 dumbbell or
    kettlebell; 1 band; 0 body weight. In a pull, a barbell is the bar of an inverted
    row (the body is the load), not a weight."""
    bar = exercise.pattern.is_pull
    return max(
        (
            _TIERS.get(item, 0)
            for item in exercise.equipment
            if not (bar and item is Equipment.BARBELL)
        ),
        default=0,
    )


def stable_key(*keys: object) -> int:
    """A number that depends only on ``keys`` (never on ``hash()``, which varies
    between runs), for choices that must be the same for the same request."""
    return zlib.crc32(":".join(map(str, keys)).encode())


def stable_pick(options: Sequence[Exercise], *keys: object) -> Exercise:
    """A choice among ``options`` that depends only on ``keys``."""
    return options[stable_key(*keys) % len(options)]


def _avoided(catalogue: Catalogue, avoid: Iterable[str]) -> tuple[set[str], set[str]]:
    cautions = {c.value for c in Caution}
    ids, tags = set(), set()
    for value in avoid:
        if value in catalogue:
            ids.add(value)
        elif value in cautions:
            tags.add(value)
        else:
            known = [e.id for e in catalogue] + sorted(cautions)
            guess = did_you_mean(closest(value, known, n=3)) or ";"
            raise PlanError(
                f"{value!r} is neither an exercise id nor a caution{guess} "
                f"cautions are: {', '.join(sorted(cautions))}",
                field="avoid",
            )
    return ids, tags


@attrs.frozen
class Pool:
    """The catalogue narrowed to what this person can and wants to do.

    ``allowed`` holds the exercises at or below the person's level; ``next_level``
    the ones a level up, which long plans bring in once a line has topped out.
    """

    catalogue: Catalogue
    request: PlanRequest
    allowed: dict[str, Exercise]
    next_level: dict[str, Exercise]
    chains: Chains = attrs.field(eq=False, repr=False)
    #: The goal's staples: they and their variants come first among equal fits.
    staples: tuple[str, ...] = ()
    _fitting: dict[tuple[str, frozenset[Group]], list[Exercise]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    #: Warm-ups, cool-downs, ranks and times, worked out once per plan.
    cache: dict[tuple[object, ...], Any] = attrs.field(factory=dict, eq=False, repr=False)

    @classmethod
    def build(cls, catalogue: Catalogue, request: PlanRequest) -> Pool:
        """The pool for ``request``; desk breaks (15 minutes or less) keep only what
        can be done standing or seated at work: no mat, no gym."""
        ids, tags = _avoided(catalogue, request.avoid)
        if request.minutes <= DESK_BREAK_MINUTES:  # at work: no jumping
            tags = tags | {Caution.HIGH_IMPACT.value}
        have = frozenset(request.equipment) | ALWAYS_AVAILABLE
        away = _NOT_AT_A_DESK if request.minutes <= DESK_BREAK_MINUTES else frozenset()
        usable = [
            e
            for e in catalogue
            if e.fits(have)
            and not away.intersection(e.equipment)
            and e.id not in ids
            and not tags.intersection(e.cautions)
        ]
        rank = request.level.rank
        allowed = {e.id: e for e in usable if e.level.rank <= rank}
        above = {e.id: e for e in usable if e.level.rank == rank + 1}
        staples = tuple(s for s in goal_named(request.goal).staples if s in catalogue)
        return cls(catalogue, request, allowed, above, catalogue.chains, staples)

    @property
    def level(self) -> Level:
        return self.request.level

    def get(self, exercise_id: str) -> Exercise:
        found = self.allowed.get(exercise_id) or self.next_level.get(exercise_id)
        return found if found is not None else self.catalogue.get(exercise_id)

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

    def rank(self, exercise: Exercise, slot: Slot) -> tuple[int, ...]:
        """Smaller is better: the exercise's main muscle is one the slot is for; an
        exercise from the person's own folder; the equipment's load (for slots that
        take load); a staple of the goal (or its variant); fewer cautions; more of the
        slot's muscles; the slot's preferred pattern; the person's own level; room to
        progress."""
        key = ("rank", exercise.id, slot.name)
        found: tuple[int, ...] | None = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._rank(exercise, slot)
        return found

    def _rank(self, exercise: Exercise, slot: Slot) -> tuple[int, ...]:
        main = not slot.muscles or exercise.primary_muscles[0] in slot.muscles
        own = exercise.id in self.catalogue.own
        tier = load_tier(exercise) if slot.loaded and not slot.core else 0
        staple = any(self.chains.related(exercise.id, s) for s in self.staples)
        overlap = len(slot.muscles.intersection(exercise.primary_muscles))
        gap = self.level.rank - exercise.level.rank
        room = 0 if any(p in self.allowed for p in exercise.progressions) else 1
        return (
            -main,
            -own,
            -tier,
            -staple,
            len(exercise.cautions),
            -overlap,
            slot.preference(exercise.pattern),
            gap,
            room,
        )

    def fitting(self, slot: Slot, groups: frozenset[Group]) -> list[Exercise]:
        """Every allowed exercise that fits ``slot`` on a day loading ``groups``, best first."""
        key = (slot.name, groups)
        found = self._fitting.get(key)
        if found is None:
            found = [e for e in self.allowed.values() if self.fits_slot(e, slot, groups)]
            found.sort(key=lambda e: (self.rank(e, slot), e.id))
            self._fitting[key] = found
        return found

    def clashes(self, exercise_id: str, taken: Iterable[str]) -> bool:
        """True when ``exercise_id`` is taken, or a harder or easier variant of one."""
        return any(self.chains.related(exercise_id, other) for other in taken)

    def options(self, slot: Slot, groups: frozenset[Group], taken: Iterable[str]) -> list[Exercise]:
        """The exercises that may fill ``slot`` beside ``taken``, best first; among
        equals, a movement pattern the session does not have yet comes first."""
        taken = list(taken)
        patterns = {self.get(t).pattern for t in taken}
        found = [e for e in self.fitting(slot, groups) if not self.clashes(e.id, taken)]
        return sorted(found, key=lambda e: (self.rank(e, slot), e.pattern in patterns))

    def choose(
        self, slot: Slot, groups: frozenset[Group], taken: Iterable[str], *keys: object
    ) -> Exercise | None:
        """The exercise for ``slot``; ``keys`` rotate the choice among equals."""
        options = self.options(slot, groups, taken)
        if not options:
            return None
        best = self.rank(options[0], slot)
        equals = [e for e in options if self.rank(e, slot) == best]  # sorted by id
        return stable_pick(equals, *keys)

    def equivalent(
        self,
        current: Exercise,
        slot: Slot,
        groups: frozenset[Group],
        taken: Iterable[str],
        *keys: object,
    ) -> Exercise:
        """An exercise that can stand in for ``current`` in a new block (variety): as
        good a fit, the same pattern and dose, and the same difficulty."""
        others = [t for t in taken if t != current.id]
        rank = self.rank(current, slot)
        options = sorted(
            (
                e
                for e in self.fitting(slot, groups)
                if (e.id == current.id or not self.clashes(e.id, [current.id, *others]))
                and self.rank(e, slot) == rank
                and e.pattern is current.pattern
                and e.dose is current.dose
                and e.per_side == current.per_side
                and e.level is current.level
                and self.chains.depth(e.id) == self.chains.depth(current.id)
            ),
            key=lambda e: e.id,
        )
        return stable_pick(options, *keys) if options else current

    def harder(
        self,
        current: Exercise,
        slot: Slot,
        groups: frozenset[Group],
        taken: Iterable[str],
        *,
        next_level: bool = False,
    ) -> Exercise | None:
        """The next variant up the catalogue's chain that this person may do (one
        level up too, with ``next_level``), never one clashing with ``taken``."""
        others = [t for t in taken if t != current.id]
        found = []
        for key in current.progressions:
            exercise = self.allowed.get(key) or (self.next_level.get(key) if next_level else None)
            if (
                exercise is not None
                and self.fits_slot(exercise, slot, groups)
                and exercise.dose is current.dose
                and exercise.pattern is current.pattern
                and not self.clashes(key, others)
            ):
                found.append(exercise)
        if not found:
            return None
        return min(found, key=lambda e: (e.level.rank, -load_tier(e), e.per_side, e.id))

    def step_up(
        self,
        current: Exercise,
        slot: Slot,
        groups: frozenset[Group],
        taken: Iterable[str],
        *,
        next_level: bool = False,
    ) -> Exercise | None:
        """A harder exercise for ``slot`` when ``current`` has topped out and has no
        harder variant of its own: the best fit of a higher level (or deeper in its
        chain) with the same kind of dose."""
        others = [t for t in taken if t != current.id]
        here = (current.level.rank, self.chains.depth(current.id))
        pools = [self.allowed, self.next_level] if next_level else [self.allowed]
        found = [
            e
            for pool in pools
            for e in pool.values()
            if self.fits_slot(e, slot, groups)
            and e.dose is current.dose
            and (e.level.rank, self.chains.depth(e.id)) > here
            and not self.clashes(e.id, [current.id, *others])
        ]
        if not found:
            return None
        return min(found, key=lambda e: (self.rank(e, slot), e.level.rank, e.id))
