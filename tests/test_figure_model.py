"""The pose model: proportions, sides, bases at rest, placement, and a property: any
angles inside the ranges, in any base and view, draw without error and are either
accepted or rejected with a clear message."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import attrs
import pytest
from hypothesis import given
from reportlab.graphics import renderSVG

from routines.catalogue.figure import Figure, Pose, Prop, draw_figure
from routines.catalogue.figure.bases import BASES
from routines.catalogue.figure.body import Lengths
from routines.catalogue.figure.checks import figure_problems
from routines.catalogue.figure.geometry import IDENTITY
from routines.catalogue.figure.kinematics import ANGLES_AT_REST, Flat, project, skeleton
from routines.catalogue.figure.names import SIDES, Base, Part, PropKind, View
from routines.catalogue.figure.placement import angles_of, place
from routines.catalogue.figure.props import bottom
from strategies import figures

EVERY_PROP = {kind.equipment for kind in PropKind}
L = Lengths()


def flat_of(**angles: float) -> Flat:
    return project(skeleton({**ANGLES_AT_REST, **angles}, IDENTITY), "side")


def test_standing_tall_is_one_body_high_with_limbs_of_the_tabled_lengths() -> None:
    flat = flat_of()
    crown = flat["head"][1] + math.sqrt(flat["head"][5])
    sole = bottom(flat["near_heel"])
    assert crown - sole == pytest.approx(1.0, abs=0.01)
    for a, b, length in (
        ("near_shoulder", "near_elbow", L.upper_arm),
        ("near_elbow", "near_wrist", L.forearm),
        ("near_hip", "near_knee", L.thigh),
        ("near_knee", "near_ankle", L.shank),
    ):
        assert math.dist(flat[a][:2], flat[b][:2]) == pytest.approx(length)


@pytest.mark.parametrize(
    ("angles", "point", "direction"),
    [
        ({"near_shoulder": 90}, "near_wrist", (1, 0)),  # raised forward
        ({"near_shoulder": -45}, "near_wrist", (-1, 1)),  # back (and so up)
        ({"near_hip": 90}, "near_knee", (1, 0)),
        ({"near_hip": 90, "near_knee": 90}, "near_ankle", (1, 1)),  # seated: shin down
        ({"lumbar": 45}, "neck_base", (1, -1)),  # bending forward
        ({"neck": -45}, "nose", (-1, 1)),  # looking up
    ],
)
def test_positive_angles_move_the_way_the_readme_says(
    angles: dict[str, float], point: str, direction: tuple[int, int]
) -> None:
    at_rest, moved = flat_of(), flat_of(**angles)
    du, dv = moved[point][0] - at_rest[point][0], moved[point][1] - at_rest[point][1]
    assert du * direction[0] >= 0 and dv * direction[1] >= 0
    assert math.hypot(du, dv) > 0.03


def test_raising_an_arm_to_the_side_keeps_the_elbow_bending_forward() -> None:
    out = flat_of(near_shoulder=90, near_shoulder_out=90, near_elbow=90)
    up = flat_of(near_shoulder=90, near_shoulder_out=90, near_shoulder_rotation=90, near_elbow=90)
    assert out["near_wrist"][0] - out["near_elbow"][0] == pytest.approx(L.forearm)
    assert up["near_wrist"][1] - up["near_elbow"][1] == pytest.approx(L.forearm)


def test_the_far_side_mirrors_the_near_side() -> None:
    body = skeleton({**ANGLES_AT_REST, "shoulder_out": 0} | {f"{s}_shoulder": 70 for s in SIDES}
                    | {f"{s}_shoulder_out": 40 for s in SIDES}, IDENTITY)  # fmt: skip
    near, far = body.points["near_wrist"], body.points["far_wrist"]
    assert (near[0], near[1]) == pytest.approx((far[0], far[1]))
    assert near[2] == pytest.approx(-far[2])


def test_a_bare_key_sets_both_sides_and_a_sided_key_wins() -> None:
    pose = Pose((("near_elbow", 30), ("elbow", 90)))
    angles = angles_of(BASES[Base.STANDING], [pose])
    assert (angles["near_elbow"], angles["far_elbow"]) == (30, 90)


@pytest.mark.parametrize("view", list(View))
@pytest.mark.parametrize("base", list(Base))
def test_every_base_at_rest_passes_the_checks(base: Base, view: View) -> None:
    figure = Figure(base=base, view=view)
    assert list(figure_problems(figure, held=True, per_side=False, equipment=EVERY_PROP)) == []
    draw_figure(figure)


def test_a_base_rests_on_what_it_says() -> None:
    for base, posture in BASES.items():
        scene = place(Figure(base=base))
        (pose,) = scene.poses
        for point in pose.floor:
            assert abs(bottom(pose.flat[point])) < 0.03, (base, point)
        lowest = min(bottom(spot) for spot in pose.flat.values())
        assert lowest > -0.03 if posture.floor else lowest > 0.03, base


def test_later_poses_keep_planted_feet_where_they_were() -> None:
    figure = Figure(base=Base.STANDING, start=Pose(), end=Pose((("hip", 100), ("knee", 110))))
    start, end = place(figure).poses
    for point in ("near_heel", "near_toes"):
        assert end.flat[point][0] == pytest.approx(start.flat[point][0], abs=0.02)


def test_the_arrow_follows_the_part_that_moves() -> None:
    bird_dog = Figure(
        base=Base.QUADRUPED,
        start=Pose(),
        end=Pose((("near_shoulder", 170), ("near_wrist", 0)), lifted=(Part.NEAR_HAND,)),
    )
    scene = place(bird_dog)
    assert scene.mover == "near_hand"
    assert scene.path[0] == pytest.approx(scene.poses[0].drawn["near_hand"][:2])
    assert scene.path[-1] == pytest.approx(scene.poses[1].drawn["near_hand"][:2])
    held = place(Figure(base=Base.FOREARM_PLANK))
    assert held.path == () and held.mover is None


def test_a_round_prop_lifts_what_lies_on_it() -> None:
    figure = Figure(
        base=Base.SUPINE,
        pose=Pose((("hip", 60), ("knee", 70)), lifted=(Part.HEAD,)),
        props=(Prop(PropKind.FOAM_ROLLER, (Part.UPPER_BACK,)),),
    )
    (pose,) = place(figure).poses
    assert bottom(pose.flat["upper_back"]) == pytest.approx(0.09, abs=0.03)
    assert bottom(pose.flat["pelvis"]) == pytest.approx(0.0, abs=0.03)


@given(figures())
def test_any_angles_in_range_draw_and_check_cleanly(figure: Figure) -> None:
    drawing = draw_figure(figure, 35)
    ET.fromstring(renderSVG.drawToString(drawing))  # noqa: S314 - our own SVG
    held = figure.pose is not None or figure.start is None
    for field, message in figure_problems(figure, held=held, per_side=True, equipment=EVERY_PROP):
        assert field == "figure" or field.startswith("figure.")
        assert message and "\n" not in message
        assert "nan" not in message.lower()


@given(figures())
def test_seen_from_above_a_figure_is_set_down_as_in_its_own_view(figure: Figure) -> None:
    ground = BASES[figure.base].view
    seen = place(attrs.evolve(figure, view=View.TOP)).poses
    own = place(attrs.evolve(figure, view=ground)).poses
    for top, side in zip(seen, own, strict=True):
        assert top.flat == side.flat
        for name in ("head", "near_hand", "far_toes"):
            assert top.drawn[name][2] == pytest.approx(side.flat[name][1], abs=1e-9)


def test_a_chair_goes_under_the_first_pose_that_sits_on_it() -> None:
    stand_to_sit = Figure(
        base=Base.SEATED,
        start=Pose((("hip", 0), ("knee", 0)), lifted=(Part.PELVIS,)),
        end=Pose((("hip", 90), ("knee", 90)), down=(Part.PELVIS,)),
    )
    scene = place(stand_to_sit)
    (chair,) = scene.fixtures
    start, end = scene.poses
    assert chair.level == pytest.approx(bottom(end.flat["pelvis"]))
    assert bottom(start.flat["pelvis"]) > chair.level + 0.2
    assert list(figure_problems(stand_to_sit, held=False, per_side=False, equipment=set())) == []
