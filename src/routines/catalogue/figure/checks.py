"""The rules a ``[figure]`` table must pass, so a wrong pose is caught when the
catalogue loads rather than printed.

:func:`figure_problems` yields ``(field, message)`` like the catalogue's own
checks: every angle inside the human range of its joint; a hold drawn once and
a movement from start to end; props that the exercise lists under equipment,
held in a hand where they must be; what the base rests on touching the floor and
nothing below it; every part that holds or touches a prop still at it; and a
per-side exercise drawn working one side. Distances are said for a person
1.70 m tall.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from routines.catalogue.figure.bases import BASES, Posture
from routines.catalogue.figure.body import STATURE_CM
from routines.catalogue.figure.names import JOINTS, SIDES, Anchor, PropKind, split_key
from routines.catalogue.figure.placement import Placed, Scene, place
from routines.catalogue.figure.props import (
    TOUCH,
    Fixture,
    bottom,
    gap,
    grip_gap,
    points_of,
    through,
)
from routines.catalogue.figure.values import Figure, Prop

__all__ = ["figure_problems"]

Found = Iterator[tuple[str, str]]
_HAND_HELD = {PropKind.DUMBBELL, PropKind.KETTLEBELL, PropKind.BARBELL, PropKind.CABLE}
_TOWEL_CM = 120  # a bath towel


def _cm(length: float) -> int:
    return round(abs(length) * STATURE_CM)


def _shape_problems(figure: Figure, held: bool) -> Found:
    if held:
        for name in ("start", "end"):
            if getattr(figure, name) is not None:
                yield (
                    f"figure.{name}",
                    "the exercise is held still (dose = 'hold'): draw it once with pose, "
                    "not with start and end",
                )
        return  # without pose, the base as it is
    if figure.pose is not None:
        yield (
            "figure.pose",
            "the exercise moves (its dose is not 'hold'): draw it with start and end "
            "(end lists only the joints that move)",
        )
    for name in ("start", "end"):
        if figure.pose is None and getattr(figure, name) is None:
            yield f"figure.{name}", f"is missing: a movement is drawn from start to end; add {name}"


def _angle_problems(figure: Figure) -> Found:
    for name, pose in figure.poses:
        for key, value in pose.angles:
            _, joint = split_key(key)
            low, high, _ = JOINTS[joint]
            if not low <= value <= high:
                yield f"figure.{name}.{key}", f"{value} is outside {low}-{high} degrees"


def _prop_problems(prop: Prop, where: str, equipment: set[str]) -> Found:
    kind = prop.kind
    if kind.equipment not in equipment:
        yield (
            f"{where}.kind",
            f"{kind.value!r} is drawn but {kind.equipment!r} is not in equipment; "
            "add it there or draw another prop",
        )
    needs_anchor = kind in (PropKind.BAND, PropKind.CABLE)
    if needs_anchor and prop.anchor is None:
        allowed = ", ".join(a.value for a in Anchor)
        yield f"{where}.anchor", f"is missing: say where the {kind.value} is fixed ({allowed})"
    if not needs_anchor and prop.anchor is not None:
        yield f"{where}.anchor", f"only a band or a cable has an anchor; remove it from the {kind}"
    if kind is PropKind.CABLE and prop.anchor in (Anchor.FEET, Anchor.HANDS):
        yield f"{where}.anchor", f"{prop.anchor.value!r}: a cable runs to its machine; use front_*"
    if kind is PropKind.MAT:
        if prop.at:
            yield f"{where}.at", "a mat lies under the whole body; remove at"
        return
    if not prop.at:
        yield f"{where}.at", f"is missing: name the body parts that hold or touch the {kind}"
    for index, part in enumerate(prop.at):
        if kind in _HAND_HELD and not part.is_hand:
            yield (
                f"{where}.at[{index}]",
                f"{part.value!r}: a {kind} is held in the hands; use near_hand, far_hand or hands",
            )
    if kind is PropKind.BARBELL and len(points_of(prop.at)) != 2:
        yield f"{where}.at", 'a barbell is held in both hands; write at = ["hands"]'


def _resting(base: Posture, figure: Figure) -> set[str]:
    """Every body point that rests on something: what a pose may lift."""
    found = set(points_of(base.floor + base.seat + base.grip))
    for prop in figure.props:
        if not prop.kind.held:
            found |= set(points_of(prop.at))
    return found


def _lifted_problems(figure: Figure) -> Found:
    base = BASES[figure.base]
    resting = _resting(base, figure)
    for name, pose in figure.poses:
        for index, part in enumerate(pose.down):
            if part in pose.lifted:
                yield (
                    f"figure.{name}.down[{index}]",
                    f"{part.value!r} is also lifted in this pose; keep it in one list",
                )
        for part in (p for earlier in figure.poses for p in earlier[1].down):
            resting |= set(part.points)
        for index, part in enumerate(pose.lifted):
            if not set(part.points) <= resting:
                allowed = ", ".join(p.value for p in base.floor + base.seat + base.grip) or "none"
                yield (
                    f"figure.{name}.lifted[{index}]",
                    f"{part.value!r} is not resting on anything to lift it from: the "
                    f"{figure.base.value} base rests on {allowed} (and the props' at, "
                    "and what a pose puts down)",
                )


def _touch_problems(pose: Placed, scene: Scene) -> Found:
    field = f"figure.{pose.name}"
    base = scene.figure.base.value
    for point in pose.floor:
        height = bottom(pose.flat[point])
        if height > TOUCH:
            yield (
                field,
                f"{point} should rest on the floor (the {base} base) but is {_cm(height)} cm "
                "above it; change the angles, or add it to lifted",
            )
    name, spot = min(pose.flat.items(), key=lambda item: bottom(item[1]))
    if bottom(spot) < -TOUCH:
        yield (
            field,
            f"{name} is {_cm(bottom(spot))} cm below the floor; change the angles so the "
            "body stays above it",
        )
    for fixture in scene.fixtures:
        yield from _fixture_problems(pose, fixture, pose.lifted)


def _fixture_problems(pose: Placed, fixture: Fixture, lifted: frozenset[str]) -> Found:
    field = f"figure.{pose.name}"
    what = f"the {fixture.kind.value.replace('_', ' ')} ({fixture.field})"
    for point in fixture.points:
        if point in lifted:
            continue
        spot = pose.flat[point]
        distance = grip_gap(fixture, point, spot) if fixture.grips else gap(fixture, spot)
        if distance > TOUCH:
            yield (
                field,
                f"{point} should be at {what} but is {_cm(distance)} cm from it; change the "
                "angles so it stays there, or add it to lifted",
            )
        elif distance < -TOUCH:
            yield field, f"{point} is {_cm(distance)} cm inside {what}; change the angles"
    beyond = through(fixture, pose.flat)
    if beyond is not None and beyond[1] > TOUCH:
        yield field, f"{beyond[0]} goes {_cm(beyond[1])} cm into {what}; change the angles"


def _held_problems(pose: Placed, scene: Scene) -> Found:
    for index, prop in enumerate(scene.figure.props):
        points = points_of(prop.at)
        if prop.kind is PropKind.BARBELL and len(points) == 2:
            (u1, v1), (u2, v2) = (pose.flat[p][:2] for p in points)
            front = BASES[scene.figure.base].view.value == "front"  # placed as seen from there
            apart = abs(v1 - v2) if front else math.hypot(u1 - u2, v1 - v2)
            if apart > TOUCH:
                yield (
                    f"figure.{pose.name}",
                    f"both hands hold the barbell (figure.props[{index}]) but are "
                    f"{_cm(apart)} cm apart; give both arms the same angles",
                )
        if prop.kind is PropKind.TOWEL and len(points) >= 2:
            length = max(
                math.dist(pose.flat[a][:3], pose.flat[b][:3]) for a in points for b in points
            )
            if _cm(length) > _TOWEL_CM:
                yield (
                    f"figure.{pose.name}",
                    f"the towel (figure.props[{index}]) would have to be {_cm(length)} cm "
                    f"long between {' and '.join(points)}; bring them closer",
                )


def _other_side(point: str) -> str:
    side, _, rest = point.partition("_")
    return {"near": f"far_{rest}", "far": f"near_{rest}"}.get(side, point)


def _one_sided(scene: Scene) -> bool:
    """Whether the drawing tells the two sides apart: an angle, a lifted part or a
    held prop on one side only."""
    for pose in scene.poses:
        for joint, r in JOINTS.items():
            if r.sided and abs(pose.angles[f"near_{joint}"] - pose.angles[f"far_{joint}"]) > 1:
                return True
        for points in (pose.lifted, set(pose.floor)):
            mirrored = {_other_side(p) for p in points}
            if mirrored != set(points):
                return True
    sides = {p.partition("_")[0] for prop in scene.figure.props for p in points_of(prop.at)}
    return len(sides & set(SIDES)) == 1


def figure_problems(figure: Figure, *, held: bool, per_side: bool, equipment: set[str]) -> Found:
    """Every rule ``figure`` breaks, as ``(field, message)``.

    ``held``: the exercise's dose is a hold; ``per_side``: it is done one side at
    a time; ``equipment``: the values of its equipment list.
    """
    problems = list(_shape_problems(figure, held))
    problems += _angle_problems(figure)
    for index, prop in enumerate(figure.props):
        problems += _prop_problems(prop, f"figure.props[{index}]", equipment)
    problems += _lifted_problems(figure)
    yield from problems
    if problems:
        return  # the geometry of a figure with these problems would only add noise
    scene = place(figure, path=False)
    for pose in scene.poses:
        yield from _touch_problems(pose, scene)
        yield from _held_problems(pose, scene)
    if per_side and not _one_sided(scene):
        yield (
            "figure",
            "per_side is true but both sides are drawn alike; draw the working side "
            "with its own angles, such as near_elbow = 90 (near is the side facing you)",
        )
