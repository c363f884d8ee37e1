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

__all__ = ["GOALS", "Goal", "Slot", "goal_named"]

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
    #: Share of the session kept for the cool-down (at least 4 minutes).
    cooldown_share: float = 0.15
    #: Whether the goal follows the upper-back rules: weekly mid/lower trapezius
    #: work and chest stretch, core work in every strength session. The planner
    #: gets these from the goal's required slots and ``stretch_focus``.
    upper_back: bool = True


_CORE = Slot("core", CORE_PATTERNS, "core strength holds the spine steady", required=True)
_CORE_2 = Slot("core-2", CORE_PATTERNS, "a second core angle: rotation and side bending")
_UPPER_BACK = Slot(
    "upper-back",
    frozenset({P.HORIZONTAL_PULL}),
    "pull work for the mid back balances a tight chest",
    muscles=UPPER_BACK,
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
    frozenset({P.HORIZONTAL_PULL, P.ISOLATION}),
    "rear shoulders and lower trapezius pull the shoulders back",
    muscles=frozenset({M.REAR_DELTS, M.LOWER_TRAPEZIUS, M.ROTATOR_CUFF}),
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
    slots=(_UPPER_BACK, _CORE, _HINGE, _VERTICAL_PULL, _PUSH, _REAR, _SINGLE_LEG, _CORE_2, _CALVES),
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
        _VERTICAL_PULL,
        _PUSH,
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
        "Stretch-led: a long cool-down of chest, neck, back and hip stretches, with a "
        "short block of upper-back and core work."
    ),
    slots=(_UPPER_BACK, _CORE, _REAR, _CORE_2),
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
    cooldown_share=0.4,
)

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
