"""A valid exercise file for tests to start from and break on purpose."""

from __future__ import annotations

VALID = """\
id = "{id}"
name = "Test towel row"
aliases = ["test row"]
modality = "strength"
pattern = "horizontal_pull"
primary_muscles = ["rhomboids", "middle_trapezius"]
secondary_muscles = ["biceps"]
equipment = ["towel"]
level = "beginner"
per_side = false
dose = "reps"
cautions = []
progressions = []
regressions = []
instructions = ["Loop the towel round a post.", "Pull your chest to it."]
cues = ["Squeeze the shoulder blades."]
mistakes = ["Shrugging."]

[dosage.beginner]
sets = 2
reps = [8, 12]
rest_s = 60

[dosage.intermediate]
sets = 3
reps = [8, 12]
rest_s = 90

[dosage.advanced]
sets = 3
reps = [10, 15]
rest_s = 90
"""


def valid(exercise_id: str = "test-towel-row") -> str:
    return VALID.format(id=exercise_id)
