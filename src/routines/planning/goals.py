"""Goal presets: small declarative descriptions the planner reads.

A goal says which strength slots a session fills (in priority order), which
muscles the cool-down stretches first, which warm-up moves it prefers, and how
the session's time is shared. Adding a goal is adding one :class:`Goal` value.
"""

from __future__ import annotations

import attrs

from routines._closest import closest, did_you_mean
from routines.catalogue.vocab import Muscle, Pattern
from routines.errors import PlanError

__all__ = ["DESK_SLOTS", "GOALS", "MUSCLE_REASONS", "Goal", "Slot", "goal_named"]

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

    @property
    def core(self) -> bool:
        """A slot for trunk work only (its load comes from the body, not equipment)."""
        return all(pattern.is_core for pattern in self.patterns)


@attrs.frozen
class Goal:
    """A goal preset: what the sessions of a plan are for.

    Register one by adding it to :data:`GOALS` under its ``name``; a request
    then names it in its ``goal``.

    >>> from routines import GOALS
    >>> goal = GOALS["posture"]
    >>> goal.title, goal.slots[0].name
    ('Posture for desk workers', 'upper-back')
    """

    #: The name requests use, such as ``"posture"``; also its key in :data:`GOALS`.
    name: str
    #: The plan's title when the request gives no name.
    title: str
    #: What the goal is for, in a sentence or two; printed on the plan.
    summary: str
    #: The places in the strength block, most important first.
    slots: tuple[Slot, ...]
    #: Muscles the cool-down stretches first, in order.
    stretch_focus: tuple[Muscle, ...]
    #: Exercise ids the warm-up prefers (it still orders the moves itself).
    warmup_first: tuple[str, ...]
    #: The most minutes of mobility work for the ``stretch_focus`` areas after the
    #: strength block, when the strength work is done before the minutes are.
    mobility_minutes: int = 10
    #: Whether the goal follows the upper-back rules: a horizontal pull in every
    #: strength session (a light one on lower-body days), weekly mid/lower
    #: trapezius work and a chest stretch, core work in every strength session.
    upper_back: bool = True


_CORE = Slot("core", CORE_PATTERNS, "core strength holds the spine steady", required=True)
_CORE_2 = Slot(
    "core-2",
    frozenset({P.ANTI_ROTATION, P.ANTI_LATERAL_FLEXION, P.ROTATION}),
    "a second core angle: resisting rotation and side bending",
)
_UPPER_BACK = Slot(
    "upper-back",
    frozenset({P.HORIZONTAL_PULL}),
    "rows for the mid back balance a tight chest",
    muscles=frozenset({M.RHOMBOIDS, M.MIDDLE_TRAPEZIUS, M.LATS}),
    required=True,
)
_VERTICAL_PULL = Slot(
    "vertical-pull",
    frozenset({P.VERTICAL_PULL}),
    "lats help hold the spine and shoulders",
    muscles=frozenset({M.LATS}),
)
_REAR = Slot(
    "rear-shoulder",
    frozenset({P.HORIZONTAL_PULL}),
    "reverse flies and face pulls draw rounded shoulders back",
    muscles=frozenset({M.REAR_DELTS, M.MIDDLE_TRAPEZIUS}),
)
_CUFF = Slot(
    "lower-trap-cuff",
    frozenset({P.HORIZONTAL_PULL, P.ISOLATION, P.SPINAL_EXTENSION}),
    "the lower trapezius and rotator cuff set the shoulder blades down and back",
    muscles=frozenset({M.LOWER_TRAPEZIUS, M.ROTATOR_CUFF}),
)
_SHOULDERS = Slot(
    "shoulders",
    frozenset({P.ISOLATION}),
    "shrugs and lateral raises (to shoulder height) ease a sore neck and shoulders",
    muscles=frozenset({M.UPPER_TRAPEZIUS, M.SIDE_DELTS}),
)
_PUSH = Slot(
    "push",
    frozenset({P.HORIZONTAL_PUSH}),
    "some pushing keeps the shoulders balanced (always less than pulling)",
)
_HINGE = Slot(
    "hinge",
    frozenset({P.HINGE}),
    "glutes and hamstrings drive running and protect the back",
    muscles=frozenset({M.GLUTES, M.HAMSTRINGS}),
)
_SINGLE_LEG = Slot(
    "legs",
    frozenset({P.LUNGE, P.SQUAT}),
    "leg strength for hills and the last kilometres",
)
_CALVES = Slot(
    "calves",
    frozenset({P.ISOLATION, P.HINGE, P.SQUAT}),
    "strong calves and feet absorb each stride",
    muscles=frozenset({M.CALVES}),
)

UPPER_BACK_RUNNER = Goal(
    name="upper-back-runner",
    title="Upper back and core for runners",
    summary=(
        "Strengthens the upper back and core that hold a runner upright, stretches a "
        "tight chest and neck, and keeps the legs strong."
    ),
    slots=(
        _UPPER_BACK,
        _CORE,
        _HINGE,
        _REAR,
        _VERTICAL_PULL,
        _PUSH,
        _CUFF,
        _SINGLE_LEG,
        _CORE_2,
        _CALVES,
    ),
    stretch_focus=(
        M.PEC_MINOR,
        M.UPPER_TRAPEZIUS,
        M.THORACIC_SPINE,
        M.HIP_FLEXORS,
        M.CALVES,
        M.LATS,
        M.HAMSTRINGS,
        M.NECK,
        M.GLUTES,
        M.QUADS,
    ),
    warmup_first=(
        "marching-in-place",
        "arm-circles",
        "torso-twists",
        "cat-cow",
        "shoulder-blade-squeeze",
        "band-pull-apart",
        "leg-swings-front-back",
    ),
)

POSTURE = Goal(
    name="posture",
    title="Posture for desk workers",
    summary=(
        "Counters long hours at a desk: strengthens the mid and lower trapezius and "
        "rhomboids, opens the chest and eases a stiff neck."
    ),
    slots=(
        _UPPER_BACK,
        _CORE,
        _REAR,
        _CUFF,
        _VERTICAL_PULL,
        _PUSH,
        _SHOULDERS,
        Slot(
            "hips",
            frozenset({P.HINGE}),
            "glutes switch off when sitting all day",
            muscles=frozenset({M.GLUTES}),
        ),
        _CORE_2,
        _SINGLE_LEG,
    ),
    stretch_focus=(
        M.PEC_MINOR,
        M.UPPER_TRAPEZIUS,
        M.NECK,
        M.THORACIC_SPINE,
        M.HIP_FLEXORS,
        M.LATS,
        M.FOREARMS,
        M.HAMSTRINGS,
        M.CHEST,
    ),
    warmup_first=(
        "shoulder-rolls",
        "arm-circles",
        "chin-tucks",
        "torso-twists",
        "cat-cow",
        "shoulder-blade-squeeze",
        "wall-slides",
        "band-pull-apart",
    ),
)

GENERAL = Goal(
    name="general",
    title="Full-body strength",
    summary="Balanced full-body strength: pull, push, legs and core, with stretching.",
    slots=(
        Slot(
            "row",
            frozenset({P.HORIZONTAL_PULL}),
            "pulling strength for the back",
            muscles=UPPER_BACK | {M.LATS},
        ),
        Slot("squat", frozenset({P.SQUAT, P.LUNGE}), "leg strength for daily life"),
        _CORE,
        Slot("press", frozenset({P.HORIZONTAL_PUSH}), "pushing strength, balanced by the pulls"),
        _HINGE,
        _VERTICAL_PULL,
        Slot("overhead", frozenset({P.VERTICAL_PUSH}), "shoulder strength overhead"),
        _REAR,
        _CORE_2,
        _CALVES,
    ),
    stretch_focus=(
        M.CHEST,
        M.HAMSTRINGS,
        M.HIP_FLEXORS,
        M.QUADS,
        M.LATS,
        M.CALVES,
        M.GLUTES,
        M.UPPER_TRAPEZIUS,
        M.PEC_MINOR,
    ),
    warmup_first=("marching-in-place", "arm-circles", "torso-twists", "hip-circles", "cat-cow"),
    upper_back=False,
)

MOBILITY = Goal(
    name="mobility",
    title="Mobility and stretching",
    summary=(
        "Mobility-led: long mobility work and stretches for the chest, neck, back and "
        "hips, with a short block of upper-back and core work."
    ),
    slots=(_UPPER_BACK, _CORE, _REAR, _CUFF, _CORE_2),
    stretch_focus=(
        M.PEC_MINOR,
        M.UPPER_TRAPEZIUS,
        M.THORACIC_SPINE,
        M.HIP_FLEXORS,
        M.HAMSTRINGS,
        M.LATS,
        M.NECK,
        M.GLUTES,
        M.CALVES,
        M.QUADS,
        M.ADDUCTORS,
        M.LOWER_BACK,
        M.CHEST,
        M.OBLIQUES,
        M.FOREARMS,
        M.TRICEPS,
    ),
    warmup_first=(
        "cat-cow",
        "arm-circles",
        "torso-twists",
        "thoracic-open-book",
        "hip-circles",
        "shoulder-blade-squeeze",
        "leg-swings-front-back",
    ),
    mobility_minutes=25,
)

#: Desk breaks (10-15 minutes, most days): band pulls and rows for the upper back
#: and rear shoulders (Andersen et al. 2011), whatever the goal.
DESK_SLOTS = (
    _UPPER_BACK,
    Slot(
        "desk-rear-shoulder",
        frozenset({P.HORIZONTAL_PULL, P.ISOLATION}),
        "rear shoulders and rotator cuff draw slumped shoulders back",
        muscles=frozenset({M.REAR_DELTS, M.LOWER_TRAPEZIUS, M.ROTATOR_CUFF}),
    ),
    _SHOULDERS,
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

#: Every goal preset, by name.
GOALS: dict[str, Goal] = {
    goal.name: goal for goal in (UPPER_BACK_RUNNER, POSTURE, GENERAL, MOBILITY)
}


def goal_named(name: str) -> Goal:
    """The goal preset called ``name``; an unknown name lists the presets."""
    try:
        return GOALS[name]
    except KeyError:
        guess = did_you_mean(closest(name, GOALS), brackets=True)
        raise PlanError(
            f"{name!r} is not a goal preset{guess}; use one of: {', '.join(GOALS)}", field="goal"
        ) from None
