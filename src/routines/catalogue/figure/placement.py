"""Setting a figure down: each pose's angles over its base, tipped until what it
rests on is level (``levelling.py``), then put on the floor, with later poses
kept in step with the first (the feet stay where they were).

The whole figure is one :class:`Scene`: its poses as the picture shows them,
the props that stay put, and the path of the part that moves most. Pure
arithmetic; nothing here draws.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence

import attrs

from routines.catalogue.figure.bases import BASES, Posture
from routines.catalogue.figure.geometry import multiply, rotation
from routines.catalogue.figure.kinematics import ANGLES_AT_REST, Flat, project, skeleton
from routines.catalogue.figure.levelling import Move, Target, moved, rotate, set_down
from routines.catalogue.figure.names import JOINTS, SIDES, View, split_key
from routines.catalogue.figure.props import (
    BALL_RADIUS,
    ROLLER_RADIUS,
    Fixture,
    fixtures,
    points_of,
)
from routines.catalogue.figure.values import Figure, Pose

__all__ = ["LIMBS", "TRUNK", "Placed", "Scene", "angles_of", "place", "projection"]

#: What the arrow may follow: a hand or foot, or else the head or trunk.
LIMBS = ("near_hand", "far_hand", "near_ankle", "far_ankle")
TRUNK = ("head", "pelvis", "ribcage")
_PATH_STEPS = 8


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
    """One pose, placed: ``name`` is its field (``pose``, ``start``, ``end``).

    ``flat`` is the body as placed on the floor, seen in its base's own view (the
    side or the front: heights are up the picture); ``drawn`` is what the picture
    shows, the same unless the figure is drawn in another view.
    """

    name: str
    angles: Mapping[str, float]
    flat: Flat
    floor: tuple[str, ...]  # the body points that should touch the floor
    lifted: frozenset[str]  # the body points lifted off what they rest on
    drawn: Flat


@attrs.frozen
class Scene:
    """A whole figure, placed: its view, poses, fixed props and the moving path."""

    figure: Figure
    view: View
    poses: tuple[Placed, ...]
    fixtures: tuple[Fixture, ...]
    projection: str  # how the poses are drawn (``projection()``)
    mover: str | None = None
    path: tuple[tuple[float, float], ...] = ()


def projection(view: View, ground: View) -> str:
    """How a figure set down in its ``ground`` view is drawn in ``view``: from above,
    the ground view's across stays across."""
    if view is View.TOP:
        return "top" if ground is View.SIDE else "top_front"
    return view.value


def _seen(angles: Mapping[str, float], base: Posture, ground: View, move: Move, seen: str) -> Flat:
    """The body placed by ``move`` in the ``ground`` view, seen as ``seen`` instead."""
    tilt, across, up = move
    turn = rotation("z", tilt) if ground is View.SIDE else rotation("x", tilt)
    body = skeleton(angles, multiply(turn, base.orientation))
    # across the side view is along x; across the front view is along -z
    dx, dz = (across, 0.0) if ground is View.SIDE else (0.0, -across)
    body.points = {n: (x + dx, y + up, z + dz) for n, (x, y, z) in body.points.items()}
    body.blocks = {
        n: ((x + dx, y + up, z + dz), frame) for n, ((x, y, z), frame) in body.blocks.items()
    }
    return project(body, seen)


def _targets(
    floor: Sequence[str], fixed: Sequence[Fixture], lifted: frozenset[str]
) -> list[Target]:
    found: list[Target] = [(point, 0.0, False) for point in floor]
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


@functools.lru_cache(maxsize=1024)
def place(figure: Figure, *, path: bool = True) -> Scene:
    """Place every pose of ``figure`` and its props, and (with ``path``) follow the
    part that moves most from start to end, for the arrow.

    Poses are set on the floor as seen in the base's own view (the side, or the
    front for lying on one side), so the view a figure is drawn in never changes
    what touches the floor; then they are looked at from the view asked for. The
    result is kept: figures are frozen values, and checking then drawing one
    places it once.
    """
    base = BASES[figure.base]
    view = figure.view or base.view
    ground = base.view
    seen = projection(view, ground)
    layers: list[tuple[str, tuple[Pose, ...]]]
    if figure.pose is not None or figure.start is None:
        layers = [("pose", (figure.pose or Pose(),))]
    else:
        layers = [("start", (figure.start,)), ("end", (figure.start, figure.end or Pose()))]
    prop_points = {p for prop in figure.props if not prop.kind.held for p in points_of(prop.at)}
    round_props: list[Target] = [
        (p, 2 * (ROLLER_RADIUS if prop.kind.value == "foam_roller" else BALL_RADIUS), False)
        for prop in figure.props
        if prop.kind.value in ("foam_roller", "stability_ball")
        for p in points_of(prop.at)
    ]
    placed: list[Placed] = []
    fixed: list[Fixture] = []
    for name, poses in layers:
        angles = angles_of(base, poses)
        floor, lifted = _contacts(base, poses, prop_points | set(points_of(base.seat + base.grip)))
        flat = project(skeleton(angles, base.orientation), ground.value)
        if not placed:
            targets = [(p, 0.0, False) for p in floor]
            targets += [target for target in round_props if target[0] not in lifted]
            tilt, _, up = set_down(flat, targets, 0.06 if base.grip else 0.0)
            move = (tilt, -rotate(flat, tilt)["root"][0], up)
        else:
            tilt, _, up = set_down(flat, _targets(floor, fixed, lifted), 0.0)
            move = (tilt, _align(placed[0], moved(flat, (tilt, 0.0, up)), floor), up)
        flat = moved(flat, move)
        fixed = fixtures(figure, flat, (base.seat, base.grip), lifted, fixed)
        drawn = flat if seen == ground.value else _seen(angles, base, ground, move, seen)
        placed.append(Placed(name, angles, flat, floor, lifted, drawn))
    scene = Scene(figure, view, tuple(placed), tuple(fixed), seen)
    return _with_path(scene, base, ground) if path and len(placed) == 2 else scene


def _align(first: Placed, flat: Flat, floor: Sequence[str]) -> float:
    """How far to slide a later pose so the contacts it shares with the first stay put."""
    shared = [p for p in floor if p in first.floor] or ["root"]
    return sum(first.flat[p][0] - flat[p][0] for p in shared) / len(shared)


def _mover(start: Flat, end: Flat, holding: Sequence[str]) -> str | None:
    """The part the arrow follows: a hand holding a weight, band or cable if it
    moves; else the hand or foot that moves most across the picture and against
    the pelvis, unless the head or trunk moves clearly more."""
    pelvis = (end["pelvis"][0] - start["pelvis"][0], end["pelvis"][1] - start["pelvis"][1])

    def moved(point: str, relative: bool = False) -> float:
        du, dv = end[point][0] - start[point][0], end[point][1] - start[point][1]
        across = math.hypot(du, dv)
        return min(across, math.hypot(du - pelvis[0], dv - pelvis[1])) if relative else across

    carried = [p for p in LIMBS if p in holding and moved(p) > 0.1]
    if carried:
        return max(carried, key=moved)
    limb = max(LIMBS, key=lambda p: moved(p, relative=True))
    trunk = max(TRUNK, key=moved)
    if max(moved(limb), moved(trunk)) < 0.05:
        return None
    return limb if 1.2 * moved(limb, relative=True) >= moved(trunk) else trunk


def _with_path(scene: Scene, base: Posture, ground: View) -> Scene:
    start, end = scene.poses
    holding = [p for prop in scene.figure.props if prop.kind.held for p in points_of(prop.at)]
    mover = _mover(start.drawn, end.drawn, holding)
    if mover is None:
        return scene
    lifted = start.lifted | end.lifted
    floor = tuple(p for p in start.floor if p in end.floor)
    path = [start.drawn[mover][:2]]
    for step in range(1, _PATH_STEPS):
        k = step / _PATH_STEPS
        angles = {j: (1 - k) * start.angles[j] + k * end.angles[j] for j in start.angles}
        flat = project(skeleton(angles, base.orientation), ground.value)
        tilt, _, up = set_down(flat, _targets(floor, scene.fixtures, lifted), 0.0)
        move = (tilt, _align(start, moved(flat, (tilt, 0.0, up)), floor), up)
        flat = moved(flat, move)
        if scene.projection != ground.value:
            flat = _seen(angles, base, ground, move, scene.projection)
        u, v = flat[mover][:2]
        if scene.view is not View.TOP:
            v = max(v, 0.02)  # a step on the way never goes through the floor
        path.append((u, v))
    path.append(end.drawn[mover][:2])
    return attrs.evolve(scene, mover=mover, path=tuple(path))
