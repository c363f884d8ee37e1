"""Your own exercise: add it in a folder of TOML files and plan with it.

The script writes my-exercises/wall-angel-with-pause.toml (the format is in
exercises/README.md), loads the built-in catalogue plus that folder, shows the
new exercise, and plans a bodyweight posture program with the combined
catalogue. The same folder works on the command line:
``routines plan --catalogue my-exercises``.

Every example writes its files into the folder you run it from.

Run: python examples/custom_catalogue.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import routines

EXERCISE_ID = "wall-angel-with-pause"

# The file name (without .toml) must equal the id. Every field is required;
# a typo in a field name is an error, never silently ignored.
EXERCISE_TOML = """\
id = "wall-angel-with-pause"
name = "Wall angel with pause"
aliases = ["paused wall angel", "wall slide with a squeeze"]
modality = "strength"
pattern = "horizontal_pull"
primary_muscles = ["lower_trapezius", "middle_trapezius", "rhomboids"]
secondary_muscles = ["serratus_anterior", "rotator_cuff"]
equipment = ["wall"]
level = "beginner"
per_side = false
dose = "reps"
cautions = []
progressions = []
regressions = []
instructions = [
  "Stand a foot's length from a wall and lean back against it.",
  "Let your bottom, upper back and head touch the wall, ribs gently down.",
  "Bend your elbows into a goalpost shape, just below shoulder height.",
  "Slide your arms up only as far as the forearms stay close to the wall.",
  "Slide back down to the goalpost and draw the shoulder blades down and together.",
  "Hold that squeeze for three slow counts before the next repetition.",
]
cues = ["Ribs down, lower back quiet.", "Shoulders stay away from the ears."]
mistakes = [
  "Arching the lower back off the wall to reach higher.",
  "Rushing the pause at the bottom, which is where the work is.",
]

[dosage.beginner]
sets = 2
reps = [6, 10]
rest_s = 45
tempo = "2-3-2-0"

[dosage.intermediate]
sets = 3
reps = [8, 12]
rest_s = 45
tempo = "2-3-2-0"

[dosage.advanced]
sets = 3
reps = [12, 15]
rest_s = 45
tempo = "3-3-2-0"
"""


def main() -> None:
    folder = Path("my-exercises")
    folder.mkdir(exist_ok=True)
    path = folder / f"{EXERCISE_ID}.toml"
    path.write_text(EXERCISE_TOML, encoding="utf-8")
    print(f"wrote {path}")

    # Built-ins first, then the folder: a file there adds an exercise, or
    # replaces the built-in one with the same id. Every problem in any file is
    # reported at once, as a routines.CatalogueError.
    catalogue = routines.load_catalogue(folder)
    exercise = catalogue.get(EXERCISE_ID)
    dose = exercise.dosage_for(routines.Level.BEGINNER)
    where = catalogue.source(exercise.id)  # the file it was read from
    print(f"{len(catalogue)} exercises, including {exercise.name} from {where}")
    muscles = ", ".join(muscle.value for muscle in exercise.primary_muscles)
    print(f"  {exercise.modality.value}, {exercise.pattern.value}, for {muscles}")
    if dose.reps is not None:  # always, for an exercise with dose = "reps"
        low, high = dose.reps
        print(f"  beginner dose: {dose.sets} sets of {low}-{high} reps, tempo {dose.tempo}")

    # The planner prefers your own exercises wherever they fit a slot as well as
    # a built-in one: this one's main muscle, the lower trapezius, is what the
    # posture goal's lower-trapezius and rotator-cuff slot asks for.
    request = routines.PlanRequest(
        start=dt.date(2026, 3, 2),  # a Monday; fixed so the output is the same every run
        days=("mon", "thu"),
        minutes=25,
        equipment=("none",),
        goal="posture",
        timezone="UTC",
    )
    plan = routines.plan(request, catalogue)
    using = [
        (week.index, session)
        for week in plan.weeks
        for session in week.sessions
        if EXERCISE_ID in {item.exercise for item in session.items}
    ]
    total = sum(len(week.sessions) for week in plan.weeks)
    if using:
        # Each 4-week block may swap in an equivalent exercise for variety, so
        # an exercise often appears in some weeks only.
        weeks = ", ".join(str(index) for index in sorted({index for index, _ in using}))
        print(f"\nThe plan uses {EXERCISE_ID} in {len(using)} of {total} sessions (weeks {weeks}).")
        session = using[0][1]
        item = next(item for item in session.items if item.exercise == EXERCISE_ID)
        print(f"  first: {session.date:%a %d %b}, {item.dose_text}, because {item.reason}")
    else:
        print(f"\nThe plan does not use {EXERCISE_ID}: the planner preferred built-in exercises.")


if __name__ == "__main__":
    main()
