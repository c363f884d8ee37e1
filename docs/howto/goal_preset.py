"""A goal preset of your own: neck and shoulders for desk days."""

import datetime as dt

import routines
from routines import Goal, Muscle, Pattern, Slot

NECK_AND_SHOULDERS = Goal(
    name="neck-and-shoulders",
    title="Neck and shoulders for desk days",
    summary=(
        "Short sessions for a stiff neck and rounded shoulders: upper-back pulls, "
        "rear shoulders and core, and a long cool-down for the chest and neck."
    ),
    slots=(
        Slot(
            "upper-back",
            frozenset({Pattern.HORIZONTAL_PULL}),
            "pulls for the mid back balance a tight chest",
            muscles=frozenset({Muscle.MIDDLE_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS, Muscle.RHOMBOIDS}),
            required=True,
        ),
        Slot(
            "core",
            frozenset({Pattern.ANTI_EXTENSION, Pattern.ANTI_ROTATION}),
            "a steady trunk holds the spine",
            required=True,
        ),
        Slot(
            "rear-shoulder",
            frozenset({Pattern.HORIZONTAL_PULL, Pattern.ISOLATION}),
            "rear shoulders and rotator cuff draw the shoulders back",
            muscles=frozenset({Muscle.REAR_DELTS, Muscle.ROTATOR_CUFF}),
        ),
    ),
    stretch_focus=(Muscle.PEC_MINOR, Muscle.UPPER_TRAPEZIUS, Muscle.NECK, Muscle.THORACIC_SPINE),
    warmup_first=("shoulder-rolls", "chin-tucks", "arm-circles", "cat-cow"),
    mobility_minutes=5,
)
routines.GOALS[NECK_AND_SHOULDERS.name] = NECK_AND_SHOULDERS

if __name__ == "__main__":
    request = routines.PlanRequest(
        start=dt.date(2026, 1, 5),
        days=("mon", "wed", "fri"),
        minutes=20,
        goal="neck-and-shoulders",
        timezone="Europe/Berlin",
    )
    plan = routines.plan(request)
    print(plan.title)
    for block in plan.weeks[0].sessions[0].blocks:
        print(f"{block.kind.value}:", ", ".join(item.exercise for item in block.items))
