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
from routines.planning.slots import (
    CALVES,
    CORE,
    CORE_2,
    HINGE,
    LEGS,
    LOWER_TRAP_CUFF,
    PUSH,
    REAR_SHOULDER,
    ROW,
    SHOULDERS,
    UPPER_BACK,
    UPPER_BACK_STAPLES,
    VERTICAL_PULL,
    Slot,
)

__all__ = ["GOALS", "Goal", "Slot", "goal_named"]

P = Pattern
M = Muscle


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
    #: The staples of the goal (exercise ids): they and their easier and harder
    #: variants come first among equal fits, whatever the level (SCIENCE: a staple
    #: suits every level; the level changes the dose and the variant).
    staples: tuple[str, ...] = ()
    #: Whether the goal follows the upper-back rules: a horizontal pull in every
    #: strength session (a light one on lower-body days), weekly mid/lower
    #: trapezius work and a chest stretch, core work in every strength session.
    upper_back: bool = True


UPPER_BACK_RUNNER = Goal(
    name="upper-back-runner",
    title="Upper back and core for runners",
    summary=(
        "Strengthens the upper back and core that hold a runner upright, stretches a "
        "tight chest and neck, and keeps the legs strong."
    ),
    slots=(
        ROW,
        CORE,
        HINGE,
        REAR_SHOULDER,
        VERTICAL_PULL,
        PUSH,
        LOWER_TRAP_CUFF,
        LEGS,
        CORE_2,
        CALVES,
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
    staples=UPPER_BACK_STAPLES,
)

POSTURE = Goal(
    name="posture",
    title="Posture for desk workers",
    summary=(
        "Counters long hours at a desk: strengthens the mid and lower trapezius and "
        "rhomboids, opens the chest and eases a stiff neck."
    ),
    slots=(
        ROW,
        CORE,
        REAR_SHOULDER,
        LOWER_TRAP_CUFF,
        VERTICAL_PULL,
        PUSH,
        SHOULDERS,
        Slot(
            "hips",
            frozenset({P.HINGE}),
            "glutes switch off when sitting all day",
            muscles=frozenset({M.GLUTES}),
        ),
        HINGE,
        CORE_2,
        LEGS,
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
    staples=UPPER_BACK_STAPLES,
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
        CORE,
        Slot("press", frozenset({P.HORIZONTAL_PUSH}), "pushing strength, balanced by the pulls"),
        HINGE,
        VERTICAL_PULL,
        Slot("overhead", frozenset({P.VERTICAL_PUSH}), "shoulder strength overhead"),
        REAR_SHOULDER,
        CORE_2,
        CALVES,
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
    slots=(ROW, CORE, REAR_SHOULDER, LOWER_TRAP_CUFF, CORE_2),
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
    staples=UPPER_BACK_STAPLES,
)

#: Desk breaks (10-15 minutes, most days): band pulls and rows for the upper back
#: and rear shoulders (Andersen et al. 2011), whatever the goal.
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
