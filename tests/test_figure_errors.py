"""Every class of bad ``[figure]`` data gives a clear error naming the file and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from exercise_text import valid
from routines import CatalogueError, load_catalogue

Write = Callable[[str, str], Path]
FILE = "test-towel-row.toml"


def figure_file(figure: str, **changes: str) -> str:
    """The valid test exercise (a strength move with a towel) with a figure table;
    ``changes`` replace whole lines such as ``per_side = false``."""
    text = valid()
    for key, value in changes.items():
        old = next(line for line in text.splitlines() if line.startswith(f"{key} = "))
        text = text.replace(old, f"{key} = {value}")
    return f"{text}\n[figure]\n{figure.strip()}\n"


def problems_of(write: Write, figure: str, **changes: str) -> list[str]:
    folder = write(FILE, figure_file(figure, **changes))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    return [str(problem) for problem in caught.value.problems]


def one(problems: list[str], *wanted: str) -> str:
    """The one problem holding every text of ``wanted``."""
    found = [p for p in problems if all(w in p for w in wanted)]
    assert len(found) == 1, problems
    return found[0]


def test_a_valid_figure_loads_and_round_trips(write_exercise: Write) -> None:
    figure = """
base = "standing"
props = [{ kind = "towel", at = ["hands"] }]
start = { shoulder = 90, elbow = 0 }
end = { elbow = 120 }
"""
    catalogue = load_catalogue(write_exercise(FILE, figure_file(figure)))
    drawn = catalogue.get("test-towel-row").figure
    assert drawn is not None and drawn.end is not None
    assert drawn.end.angles == (("elbow", 120),)


def test_an_angle_outside_its_range(write_exercise: Write) -> None:
    found = problems_of(write_exercise, 'base = "standing"\nstart = {}\nend = { elbow = 170 }')
    assert one(found, f"{FILE}: figure.end.elbow: 170 is outside 0-150 degrees")


def test_a_sided_angle_outside_its_range_names_its_side(write_exercise: Write) -> None:
    found = problems_of(write_exercise, 'base = "standing"\nstart = { near_knee = -10 }\nend = {}')
    assert one(found, f"{FILE}: figure.start.near_knee: -10 is outside 0-155 degrees")


def test_a_body_part_below_the_floor(write_exercise: Write) -> None:
    # lying face down, arms raised "forward" point into the floor
    found = problems_of(write_exercise, 'base = "prone"\nstart = {}\nend = { shoulder = 90 }')
    problem = one(found, f"{FILE}: figure.end: ", "cm below the floor")
    assert "change the angles" in problem


def test_a_part_the_base_rests_on_is_off_the_floor(write_exercise: Write) -> None:
    # on hands and knees with straight legs: the knees cannot reach the floor
    found = problems_of(write_exercise, 'base = "quadruped"\nstart = { knee = 0 }\nend = {}')
    problem = one(found, f"{FILE}: figure.start: near_knee should rest on the floor")
    assert "(the quadruped base)" in problem and "cm above it" in problem
    assert "add it to lifted" in problem


def test_a_hand_that_leaves_the_wall_it_pushes(write_exercise: Write) -> None:
    figure = """
base = "standing"
props = [{ kind = "wall", at = ["hands"] }]
start = { ankle = 15, shoulder = 80 }
end = { shoulder = 20 }
"""
    found = problems_of(write_exercise, figure, equipment='["towel", "wall"]')
    problem = one(found, f"{FILE}: figure.end: near_hand should be at the wall (figure.props[0])")
    assert "cm from it" in problem


def test_a_hand_that_slides_along_the_bar(write_exercise: Write) -> None:
    figure = 'base = "hanging"\nstart = {}\nend = { shoulder = 120, shoulder_out = 90 }'
    found = problems_of(write_exercise, figure, equipment='["towel", "pullup_bar"]')
    assert one(found, f"{FILE}: figure.end: near_hand should be at the bar (figure.base)")


def test_parts_on_a_bench_that_are_not_level(write_exercise: Write) -> None:
    figure = """
base = "standing"
props = [{ kind = "bench", at = ["far_hand", "far_knee"] }]
start = { near_hip = 70, far_hip = 90, far_knee = 90, lifted = ["far_foot"] }
end = {}
"""
    found = problems_of(write_exercise, figure, equipment='["towel", "bench"]')
    assert one(found, f"{FILE}: figure.start: far_hand should be at the bench (figure.props[0])")


def test_a_body_through_the_wall(write_exercise: Write) -> None:
    figure = """
base = "standing"
props = [{ kind = "wall", at = ["hands"] }]
start = { shoulder = 90, wrist = -80 }
end = { ankle = 30 }
"""
    found = problems_of(write_exercise, figure, equipment='["towel", "wall"]')
    assert one(found, f"{FILE}: figure.end: near_hand is ", "cm inside the wall (figure.props[0])")
    assert one(found, f"{FILE}: figure.end: ", "cm into the wall (figure.props[0])")
    assert not [p for p in found if "figure.start" in p]


@pytest.mark.parametrize(
    ("figure", "wanted"),
    [
        (
            'base = "standing"\nstart = {}\nend = { elbw = 90 }',
            "figure.end.elbw: unknown joint; did you mean 'elbow'?",
        ),
        (
            'base = "standing"\nstart = { near_neck = 10 }\nend = {}',
            "figure.start.near_neck: the neck has no near or far side; write neck = 10",
        ),
        (
            'base = "standng"\nstart = {}\nend = {}',
            "figure.base: 'standng' is not allowed (did you mean 'standing'?)",
        ),
        (
            'base = "standing"\nview = "sid"\nstart = {}\nend = {}',
            "figure.view: 'sid' is not allowed (did you mean 'side'?)",
        ),
        (
            'base = "standing"\nprops = [{ kind = "towl", at = ["hands"] }]\nstart = {}\nend = {}',
            "figure.props[0].kind: 'towl' is not allowed (did you mean 'towel'?)",
        ),
        (
            'base = "standing"\nprops = [{ kind = "towel", at = ["hand"] }]\nstart = {}\nend = {}',
            "figure.props[0].at[0]: 'hand' is not allowed (did you mean",
        ),
        (
            'base = "standing"\nstart = {}\nend = { lifted = ["near_hed"] }',
            "figure.end.lifted[0]: 'near_hed' is not a body part; did you mean 'near_heel'?",
        ),
        (
            'base = "standing"\nstrat = {}\nend = {}',
            "figure.strat: unknown field; did you mean 'start'?",
        ),
        (
            'base = "standing"\nstart = {}\nend = { elbow = "90" }',
            "figure.end.elbow: '90' is not a number of degrees",
        ),
    ],
)
def test_a_misspelt_name_is_guessed(write_exercise: Write, figure: str, wanted: str) -> None:
    assert one(problems_of(write_exercise, figure), f"{FILE}: {wanted}")


def test_a_per_side_exercise_drawn_alike_on_both_sides(write_exercise: Write) -> None:
    figure = 'base = "standing"\nstart = { shoulder = 90 }\nend = { elbow = 120 }'
    found = problems_of(write_exercise, figure, per_side="true")
    problem = one(found, f"{FILE}: figure: per_side is true but both sides are drawn alike")
    assert "near_elbow = 90" in problem


def test_a_per_side_exercise_drawn_on_one_side_loads(write_exercise: Write) -> None:
    figure = 'base = "standing"\nstart = { near_shoulder = 90 }\nend = { near_elbow = 120 }'
    load_catalogue(write_exercise(FILE, figure_file(figure, per_side="true")))


def test_a_moving_exercise_drawn_as_a_hold(write_exercise: Write) -> None:
    found = problems_of(write_exercise, 'base = "standing"\npose = { elbow = 90 }')
    assert found == [one(found, f"{FILE}: figure.pose: the exercise moves", "start and end")]


def test_a_movement_without_its_end(write_exercise: Write) -> None:
    found = problems_of(write_exercise, 'base = "standing"\nstart = { elbow = 90 }')
    assert found == [one(found, f"{FILE}: figure.end: is missing")]


def test_a_held_exercise_drawn_as_a_movement(write_exercise: Write) -> None:
    text = figure_file('base = "standing"\nstart = {}\nend = {}', dose='"hold"')
    for _ in range(3):  # each level's reps become a hold
        text = text.replace("reps = [8, 12]", "hold_s = 20", 1).replace(
            "reps = [10, 15]", "hold_s = 20"
        )
    folder = write_exercise(FILE, text.replace('modality = "strength"', 'modality = "isometric"'))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    found = [str(p) for p in caught.value.problems]
    assert one(found, f"{FILE}: figure.start: the exercise is held still")


@pytest.mark.parametrize(
    ("props", "wanted"),
    [
        (
            '[{ kind = "dumbbell", at = ["hands"] }]',
            "figure.props[0].kind: 'dumbbell' is drawn but 'dumbbell' is not in equipment",
        ),
        (
            '[{ kind = "towel", at = ["near_hand", "near_foot"] }, '
            '{ kind = "band", at = ["hands"] }]',
            "figure.props[1].anchor: is missing: say where the band is fixed",
        ),
        (
            '[{ kind = "towel", at = ["hands"], anchor = "feet" }]',
            "figure.props[0].anchor: only a band or a cable has an anchor",
        ),
        (
            '[{ kind = "band", at = ["near_knee"], anchor = "feet" }, '
            '{ kind = "mat", at = ["pelvis"] }]',
            "figure.props[1].at: a mat lies under the whole body; remove at",
        ),
        (
            '[{ kind = "towel" }]',
            "figure.props[0].at: is missing: name the body parts that hold or touch the towel",
        ),
    ],
)
def test_a_prop_that_does_not_fit(write_exercise: Write, props: str, wanted: str) -> None:
    figure = f'base = "standing"\nprops = {props}\nstart = {{}}\nend = {{}}'
    found = problems_of(write_exercise, figure, equipment='["towel", "band", "mat"]')
    assert one(found, f"{FILE}: {wanted}")


def test_a_weight_held_by_a_foot(write_exercise: Write) -> None:
    figure = """
base = "standing"
props = [{ kind = "kettlebell", at = ["near_foot"] }]
start = {}
end = {}
"""
    found = problems_of(write_exercise, figure, equipment='["kettlebell"]')
    assert one(
        found, f"{FILE}: figure.props[0].at[0]: 'near_foot': a kettlebell is held in the hands"
    )


def test_a_barbell_held_apart(write_exercise: Write) -> None:
    figure = """
base = "standing"
props = [{ kind = "barbell", at = ["hands"] }]
start = { near_shoulder = 90 }
end = { near_elbow = 90 }
"""
    found = problems_of(write_exercise, figure, equipment='["barbell"]')
    assert one(found, f"{FILE}: figure.start: both hands hold the barbell (figure.props[0])")


def test_a_towel_too_long(write_exercise: Write) -> None:
    figure = """
base = "standing"
view = "front"
props = [{ kind = "towel", at = ["hands"] }]
start = { shoulder = 90, shoulder_out = 90 }
end = { elbow = 10 }
"""
    found = problems_of(write_exercise, figure)
    assert one(found, f"{FILE}: figure.start: the towel (figure.props[0]) would have to be")


def test_lifting_what_does_not_rest_on_anything(write_exercise: Write) -> None:
    found = problems_of(
        write_exercise, 'base = "standing"\nstart = {}\nend = { lifted = ["head"] }'
    )
    problem = one(found, f"{FILE}: figure.end.lifted[0]: 'head' is not resting on anything")
    assert "the standing base rests on feet" in problem


def test_a_part_both_lifted_and_down(write_exercise: Write) -> None:
    figure = 'base = "standing"\nstart = {}\nend = { lifted = ["near_foot"], down = ["near_foot"] }'
    found = problems_of(write_exercise, figure)
    assert one(found, f"{FILE}: figure.end.down[0]: 'near_foot' is also lifted in this pose")


def test_every_problem_of_a_figure_is_reported_together(write_exercise: Write) -> None:
    figure = 'base = "standing"\nstart = { elbow = 170 }\nend = { knee = 200, wrist = 100 }'
    found = problems_of(write_exercise, figure)
    assert len(found) == 3, found


def test_a_file_changed_after_a_good_load_is_checked_again(write_exercise: Write) -> None:
    """The load cache skips the checks of unchanged files that passed them; a change
    (here, an angle out of range) is checked again, however quickly it follows."""
    import os

    good = 'base = "standing"\nstart = {}\nend = { elbow = 120 }'
    folder = write_exercise(FILE, figure_file(good))
    load_catalogue(folder)
    load_catalogue(folder)  # now from the cache, checks skipped
    path = folder / FILE
    before = path.stat()
    path.write_text(figure_file(good.replace("120", "170")), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000))  # a new stamp
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    assert any("figure.end.elbow: 170 is outside" in str(p) for p in caught.value.problems)
