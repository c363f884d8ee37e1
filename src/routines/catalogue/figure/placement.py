"""Setting a figure down: each pose's angles over its base, tipped until what it
rests on is level, then put on the floor, with later poses kept in step with the
first (the feet stay where they were).

The whole figure is one :class:`Scene`: its poses as the picture shows them,
the props that stay put, and the path of the part that moves most. Pure
arithmetic; nothing here draws.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import attrs

from routines.catalogue.figure.bases import BASES, Posture
from routines.catalogue.figure.kinematics import ANGLES_AT_REST, Flat, project, skeleton
from routines.catalogue.figure.names import JOINTS, SIDES, View, split_key
from routines.catalogue.figure.props import (
    ROLLER_RADIUS,
    Fixture,
    bottom,
    fixtures,
    points_of,
)
from routines.catalogue.figure.values import Figure, Pose

__all__ = ["MOVERS", "Placed", "Scene", "angles_of", "place"]

#: What the arrow may follow, in order of preference: it follows the first that
#: moves at least half as far as the part that moves most.
MOVERS = (
    "near_hand", "far_hand", "head", "near_ankle", "far_ankle",
    "pelvis", "ribcage", "near_knee", "far_knee", "near_elbow", "far_elbow",
)  # fmt: skip
_PATH_STEPS = 8
_Target = tuple[str, float, bool]  # body point, height, whether its centre (not its bottom)


def angles_of(base: Posture, poses: Iterable[Pose]) -> dict[str, float]:
    """Every joint angle: at rest, then the base's, then each pose's in turn. In
    each layer a key without a side sets both sides before sided keys override."""
    angles = dict(ANGLES_AT_REST)
    layers = [tuple(base.angles.items()), *(pose.angles for pose in poses)]
    for layer in layers:
        for key, value in sorted(layer, key=lambda item: split_key(item[0])[0] is not None):
            side, joint = split_key(key)
            if joint not in JOINTS:
                continue  # reading the file already reported it
            if side is None and JOINTS[joint].sided:
                for each in SIDES:
                    angles[f"{each}_{joint}"] = float(value)
            else:
                angles[key] = float(value)
    return angles


@attrs.frozen
class Placed:
    """One pose as drawn: ``name`` is its field (``pose``, ``start``, ``end``)."""

    name: str
    angles: Mapping[str, float]
    flat: Flat
    floor: tuple[str, ...]  # the body points that should touch the floor
    lifted: frozenset[str]  # the body points lifted off what they rest on


@attrs.frozen
class Scene:
    """A whole figure, placed: its view, poses, fixed props and the moving path."""

    figure: Figure
    view: View
    poses: tuple[Placed, ...]
    fixtures: tuple[Fixture, ...]
    mover: str | None = None
    path: tuple[tuple[float, float], ...] = ()


def _rotate(flat: Flat, degrees: float) -> Flat:
    if not degrees:
        return flat
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    turned: Flat = {}
    for name, (u, v, depth, m11, m12, m22, reach) in flat.items():
        turned[name] = (
            u * c - v * s,
            u * s + v * c,
            depth,
            c * c * m11 - 2 * c * s * m12 + s * s * m22,
            c * s * m11 + (c * c - s * s) * m12 - c * s * m22,
            s * s * m11 + 2 * c * s * m12 + c * c * m22,
            reach,
        )
    return turned


def _shift(flat: Flat, du: float, dv: float) -> Flat:
    return {n: (s[0] + du, s[1] + dv, *s[2:]) for n, s in flat.items()}


def _spread(flat: Flat, targets: Sequence[_Target], degrees: float) -> float:
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    heights = []
    for point, height, centre in targets:
        u, v, _, m11, m12, m22, _ = flat[point]
        lowest = 0.0 if centre else math.sqrt(max(s * s * m11 + 2 * c * s * m12 + c * c * m22, 0))
        heights.append(u * s + v * c - lowest - height)
    return max(heights) - min(heights) + abs(degrees) * 1e-3  # no turn without need


def _tilt(flat: Flat, targets: Sequence[_Target]) -> float:
    """The turn in the picture, within a quarter turn, that levels the targets best."""
    best = min(range(-90, 91, 5), key=lambda d: _spread(flat, targets, d))
    low, high = max(best - 5.0, -90.0), min(best + 5.0, 90.0)
    for _ in range(30):  # golden-section search inside the best step
        a, b = high - (high - low) * 0.618, low + (high - low) * 0.618
        if _spread(flat, targets, a) < _spread(flat, targets, b):
            high = b
        else:
            low = a
    return (low + high) / 2


def _set_down(flat: Flat, targets: Sequence[_Target], clearance: float) -> Flat:
    """Tip the body to level its targets and lift it onto them; with no targets,
    put its lowest part ``clearance`` above the floor."""
    if not targets:
        lowest = min(bottom(spot) for spot in flat.values())
        return _shift(flat, 0.0, clearance - lowest)
    flat = _rotate(flat, _tilt(flat, targets))
    rise = max(h - (flat[p][1] if c else bottom(flat[p])) for p, h, c in targets)
    return _shift(flat, 0.0, rise)


def _targets(
    floor: Sequence[str], fixed: Sequence[Fixture], lifted: frozenset[str]
) -> list[_Target]:
    found: list[_Target] = [(point, 0.0, False) for point in floor]
    for fixture in fixed:
        if fixture.face in ("top", "grip"):
            centre = fixture.face == "grip"
            found += [(p, fixture.level, centre) for p in fixture.points if p not in lifted]
    return found


def _contacts(
    base: Posture, poses: Sequence[Pose], on_props: set[str]
) -> tuple[tuple[str, ...], frozenset[str]]:
    """The points on the floor, and the points lifted, after each pose in turn
    lifts some and puts others down; parts on a prop are not on the floor."""
    floor = dict.fromkeys(points_of(base.floor))
    lifted: set[str] = set()
    for pose in poses:
        for point in points_of(pose.lifted):
            floor.pop(point, None)
            lifted.add(point)
        for point in points_of(pose.down):
            floor[point] = None
            lifted.discard(point)
    return tuple(p for p in floor if p not in on_props), frozenset(lifted)


def place(figure: Figure) -> Scene:
    """Place every pose of ``figure`` and its props."""
    base = BASES[figure.base]
    view = figure.view or base.view
    layers: list[tuple[str, tuple[Pose, ...]]]
    if figure.pose is not None or figure.start is None:
        layers = [("pose", (figure.pose or Pose(),))]
    else:
        layers = [("start", (figure.start,)), ("end", (figure.start, figure.end or Pose()))]
    prop_points = {p for prop in figure.props if not prop.kind.held for p in points_of(prop.at)}
    round_props = [
        (p, 2 * (ROLLER_RADIUS if prop.kind.value == "foam_roller" else 0.19), False)
        for prop in figure.props
        if prop.kind.value in ("foam_roller", "stability_ball")
        for p in points_of(prop.at)
    ]
    placed: list[Placed] = []
    fixed: list[Fixture] = []
    for name, poses in layers:
        angles = angles_of(base, poses)
        floor, lifted = _contacts(base, poses, prop_points | set(points_of(base.seat + base.grip)))
        flat = project(skeleton(angles, base.orientation), view.value)
        if not placed:
            targets = [(p, 0.0, False) for p in floor] + round_props
            flat = _set_down(flat, targets, 0.06 if base.grip else 0.0)
            flat = _shift(flat, -flat["root"][0], 0.0)
            fixed = fixtures(figure, flat, base.seat, base.grip)
        else:
            flat = _set_down(flat, _targets(floor, fixed, lifted), 0.0)
            flat = _shift(flat, _align(placed[0], flat, floor), 0.0)
        placed.append(Placed(name, angles, flat, floor, lifted))
    scene = Scene(figure, view, tuple(placed), tuple(fixed))
    return _with_path(scene, base) if len(placed) == 2 else scene


def _align(first: Placed, flat: Flat, floor: Sequence[str]) -> float:
    """How far to slide a later pose so the contacts it shares with the first stay put."""
    shared = [p for p in floor if p in first.floor]
    if not shared:
        shared = ["root"]
    return sum(first.flat[p][0] - flat[p][0] for p in shared) / len(shared)


def _with_path(scene: Scene, base: Posture) -> Scene:
    start, end = scene.poses
    moved = {p: math.dist(start.flat[p][:2], end.flat[p][:2]) for p in MOVERS}
    most = max(moved.values())
    if most < 0.05:
        return scene
    mover = next(p for p in MOVERS if moved[p] >= 0.5 * most)
    lifted = start.lifted | end.lifted
    floor = tuple(p for p in start.floor if p in end.floor)
    path = [start.flat[mover][:2]]
    for step in range(1, _PATH_STEPS):
        k = step / _PATH_STEPS
        angles = {j: (1 - k) * start.angles[j] + k * end.angles[j] for j in start.angles}
        flat = project(skeleton(angles, base.orientation), scene.view.value)
        flat = _set_down(flat, _targets(floor, scene.fixtures, lifted), 0.0)
        flat = _shift(flat, _align(start, flat, floor), 0.0)
        u, v = flat[mover][:2]
        path.append((u, max(v, 0.02)))  # a step on the way never goes through the floor
    path.append(end.flat[mover][:2])
    return attrs.evolve(scene, mover=mover, path=tuple((u, v) for u, v in path))
