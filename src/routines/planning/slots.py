"""The places in a strength block (:class:`Slot`) and the ones the goal presets share.

A slot says which movement patterns and muscles fit it and why it is there; the
planner fills it with the exercise that fits best (:mod:`routines.planning.pool`).
"""

from __future__ import annotations

import attrs

from routines.catalogue.vocab import Muscle, Pattern

__all__ = [
    "CALVES",
    "CORE",
    "CORE_2",
    "CORE_PATTERNS",
    "DESK_SLOTS",
    "HINGE",
    "LEGS",
    "LOWER_TRAP_CUFF",
    "MUSCLE_REASONS",
    "PUSH",
    "REAR_SHOULDER",
    "ROW",
    "SHOULDERS",
    "UPPER_BACK",
    "UPPER_BACK_STAPLES",
    "VERTICAL_PULL",
    "Slot",
]

P = Pattern
M = Muscle

CORE_PATTERNS = frozenset({P.ANTI_EXTENSION, P.ANTI_ROTATION, P.ANTI_LATERAL_FLEXION, P.ROTATION})
UPPER_BACK = frozenset({M.MIDDLE_TRAPEZIUS, M.LOWER_TRAPEZIUS, M.RHOMBOIDS})


@attrs.frozen
class Slot:
    """One place in the strength block, filled by one exercise.

    An exercise fits the slot when its pattern is one of ``patterns`` and (if
    ``muscles`` is not empty) one of its primary muscles is in ``muscles``.
    """

    #: A short label, such as ``"upper-back"``.
    name: str
    #: The movement patterns that fit.
    patterns: frozenset[Pattern]
    #: Why the slot is there, in plain words; it stays with the chosen exercise
    #: (:attr:`routines.Item.reason`).
    reason: str
    #: When not empty, the exercise must have one of these as a primary muscle.
    muscles: frozenset[Muscle] = frozenset()
    #: A required slot is never dropped; when time is short the planner drops
    #: optional slots, from the end of the goal's list first.
    required: bool = False
    #: Whether loaded variants come first (rows and presses with the dumbbells the
    #: person has); small-muscle work such as Y/T/W raises and external rotation
    #: is chosen by fit alone.
    loaded: bool = True
    #: Patterns preferred among equally good fits, best first (lunges before
    #: squats for runners).
    prefer: tuple[Pattern, ...] = ()

    @property
    def core(self) -> bool:
        """A slot for trunk work only (its load comes from the body, not equipment)."""
        return all(pattern.is_core for pattern in self.patterns)

    def preference(self, pattern: Pattern) -> int:
        """0 for the most preferred pattern, counting up; unlisted patterns last."""
        return self.prefer.index(pattern) if pattern in self.prefer else len(self.prefer)


CORE = Slot(
    "core",
    CORE_PATTERNS,
    "core strength holds the spine steady",
    required=True,
    prefer=(P.ANTI_EXTENSION, P.ANTI_ROTATION, P.ANTI_LATERAL_FLEXION),
)
CORE_2 = Slot(
    "core-2",
    frozenset({P.ANTI_ROTATION, P.ANTI_LATERAL_FLEXION, P.ROTATION}),
    "a second core angle: resisting rotation and side bending",
)
ROW = Slot(
    "upper-back",
    frozenset({P.HORIZONTAL_PULL}),
    "rows for the mid back balance a tight chest",
    muscles=frozenset({M.RHOMBOIDS, M.MIDDLE_TRAPEZIUS, M.LATS}),
    required=True,
)
VERTICAL_PULL = Slot(
    "vertical-pull",
    frozenset({P.VERTICAL_PULL}),
    "lats help hold the spine and shoulders",
    muscles=frozenset({M.LATS}),
)
REAR_SHOULDER = Slot(
    "rear-shoulder",
    frozenset({P.HORIZONTAL_PULL}),
    "reverse flies and face pulls draw rounded shoulders back",
    muscles=frozenset({M.REAR_DELTS, M.MIDDLE_TRAPEZIUS}),
)
LOWER_TRAP_CUFF = Slot(
    "lower-trap-cuff",
    frozenset({P.HORIZONTAL_PULL, P.ISOLATION, P.SPINAL_EXTENSION}),
    "the lower trapezius and rotator cuff set the shoulder blades down and back",
    muscles=frozenset({M.LOWER_TRAPEZIUS, M.ROTATOR_CUFF}),
    loaded=False,
)
SHOULDERS = Slot(
    "shoulders",
    frozenset({P.ISOLATION}),
    "shrugs and lateral raises (to shoulder height) ease a sore neck and shoulders",
    muscles=frozenset({M.UPPER_TRAPEZIUS, M.SIDE_DELTS}),
)
PUSH = Slot(
    "push",
    frozenset({P.HORIZONTAL_PUSH}),
    "some pushing keeps the shoulders balanced (always less than pulling)",
)
HINGE = Slot(
    "hinge",
    frozenset({P.HINGE}),
    "glutes and hamstrings drive running and protect the back",
    muscles=frozenset({M.GLUTES, M.HAMSTRINGS}),
)
LEGS = Slot(
    "legs",
    frozenset({P.LUNGE, P.SQUAT}),
    "leg strength for hills and the last kilometres",
    prefer=(P.LUNGE, P.SQUAT),
)
CALVES = Slot(
    "calves",
    frozenset({P.ISOLATION, P.HINGE, P.SQUAT}),
    "strong calves and feet absorb each stride",
    muscles=frozenset({M.CALVES}),
)

#: The staples of the upper-back goals (SCIENCE: "Level sets the dose, not the
#: choice"): rows, reverse flies, face pulls, external rotation, Y/T/W raises,
#: planks and bridges, with their easier and harder variants.
UPPER_BACK_STAPLES = (
    "band-row",
    "band-reverse-fly",
    "band-face-pull",
    "band-external-rotation",
    "prone-y-raise",
    "prone-t-raise",
    "prone-w-raise",
    "plank",
    "glute-bridge",
)


DESK_SLOTS = (
    ROW,
    Slot(
        "desk-rear-shoulder",
        frozenset({P.HORIZONTAL_PULL, P.ISOLATION}),
        "rear shoulders and rotator cuff draw slumped shoulders back",
        muscles=frozenset({M.REAR_DELTS, M.ROTATOR_CUFF}),
    ),
    Slot(
        "desk-lower-trap",
        frozenset({P.HORIZONTAL_PULL, P.ISOLATION}),
        "the lower trapezius sets the shoulder blades down and back",
        muscles=frozenset({M.LOWER_TRAPEZIUS}),
        loaded=False,
    ),
)
#: What each muscle does for people with a stiff upper back, for the reason printed
#: with an exercise its slot's words do not fit.
MUSCLE_REASONS = {
    M.RHOMBOIDS: "the mid back draws the shoulder blades together against slouching",
    M.MIDDLE_TRAPEZIUS: "the mid back draws the shoulder blades together against slouching",
    M.LOWER_TRAPEZIUS: "the lower trapezius sets the shoulder blades down and back",
    M.REAR_DELTS: "rear shoulders pull rounded shoulders back",
    M.ROTATOR_CUFF: "the rotator cuff keeps the shoulder joint centred",
    M.SERRATUS_ANTERIOR: "serratus holds the shoulder blades flat against the ribs",
    M.LATS: "lats help hold the spine and shoulders",
    M.CHEST: "some pushing keeps the shoulders balanced (always less than pulling)",
    M.TRICEPS: "some pushing keeps the shoulders balanced (always less than pulling)",
    M.FRONT_DELTS: "shoulder strength overhead, kept below the pulling",
    M.SIDE_DELTS: "side shoulders, raised no higher than shoulder height",
    M.UPPER_TRAPEZIUS: "upper trapezius strength for carrying and posture",
    M.NECK: "deep neck muscles hold the head over the shoulders",
    M.BICEPS: "arm strength for pulling",
    M.FOREARMS: "grip strength for pulling and carrying",
    M.ABS: "core strength holds the spine steady",
    M.OBLIQUES: "the obliques resist twisting and side bending",
    M.LOWER_BACK: "the back extensors hold the spine upright",
    M.GLUTES: "glutes drive running and protect the back",
    M.HAMSTRINGS: "hamstrings share the load with the lower back",
    M.QUADS: "leg strength for hills, stairs and the last kilometres",
    M.ADDUCTORS: "inner thighs steady the hips and knees",
    M.CALVES: "strong calves and feet absorb each stride",
    M.HIP_FLEXORS: "hip flexors lift the knee in every stride",
}
