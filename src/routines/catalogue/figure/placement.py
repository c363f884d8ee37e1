"""Setting a figure down: each pose's angles over its base, tipped until what it
rests on is level, then put on the floor, with later poses kept in step with the
first (the feet stay where they were).

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
from routines.catalogue.figure.names import JOINTS, SIDES, View, split_key
from routines.catalogue.figure.props import (
    BALL_RADIUS,
    ROLLER_RADIUS,
    Fixture,
    bottom,
    fixtures,
    points_of,
)
from routines.catalogue.figure.values import Figure, Pose

__all__ = ["LIMBS", "TRUNK", "Placed", "Scene", "angles_of", "place", "projection"]

#: What the arrow may follow: a hand or foot, or else the head or trunk.
LIMBS = ("near_hand", "far_hand", "near_ankle", "far_ankle")
TRUNK = ("head", "pelvis", "ribcage")
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


def _heights(flat: Flat, targets: Sequence[_Target], degrees: float) -> list[float]:
    """How far each target is above its height after turning the body by ``degrees``."""
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    heights = []
    for point, height, centre in targets:
        u, v, _, m11, m12, m22, _ = flat[point]
        lowest = 0.0 if centre else math.sqrt(max(s * s * m11 + 2 * c * s * m12 + c * c * m22, 0))
        heights.append(u * s + v * c - lowest - height)
    return heights


def _spread(flat: Flat, targets: Sequence[_Target], degrees: float) -> float:
    heights = _heights(flat, targets, degrees)
    return max(heights) - min(heights)


def _cost(flat: Flat, targets: Sequence[_Target], degrees: float) -> float:
    return _spread(flat, targets, degrees) + abs(degrees) * 1e-3  # no turn without need


def _levelling(flat: Flat, targets: Sequence[_Target]) -> float:
    """A few steps that each turn the highest and lowest targets level: enough for
    most poses (two feet, a foot and a hand), and cheap."""
    degrees = 0.0
    for _ in range(6):
        heights = _heights(flat, targets, degrees)
        high, low = heights.index(max(heights)), heights.index(min(heights))
        if heights[high] - heights[low] < 1e-4:
            break
        rotated = _rotate({"a": flat[targets[high][0]], "b": flat[targets[low][0]]}, degrees)
        run = rotated["a"][0] - rotated["b"][0]
        if abs(run) < 0.05:  # the two are one above the other: turning will not help
            break
        step = math.degrees(math.atan((heights[high] - heights[low]) / run))
        degrees = max(-90.0, min(90.0, degrees - step))
    return degrees


def _tilt(flat: Flat, targets: Sequence[_Target]) -> float:
    """The turn in the picture, within a quarter turn, that levels the targets best:
    none when they are level already, else a few levelling steps, else a search."""
    if _spread(flat, targets, 0.0) < 0.003:
        return 0.0
    quick = _levelling(flat, targets)
    if _spread(flat, targets, quick) < 0.01:
        return quick
    best = min([quick, *map(float, range(-90, 91, 5))], key=lambda d: _cost(flat, targets, d))
    low, high = max(best - 5.0, -90.0), min(best + 5.0, 90.0)
    for _ in range(24):  # golden-section search round the best step
        a, b = high - (high - low) * 0.618, low + (high - low) * 0.618
        if _cost(flat, targets, a) < _cost(flat, targets, b):
            high = b
        else:
            low = a
    middle = (low + high) / 2
    return quick if _cost(flat, targets, quick) < _cost(flat, targets, middle) else middle


_Move = tuple[float, float, float]  # the turn in the picture, then the slide across and up


def _set_down(flat: Flat, targets: Sequence[_Target], clearance: float) -> _Move:
    """How to tip the body to level its targets and lift it onto them; with no
    targets, how to lift its lowest part ``clearance`` above the floor."""
    if not targets:
        return 0.0, 0.0, clearance - min(bottom(spot) for spot in flat.values())
    tilt = _tilt(flat, targets)
    flat = _rotate(flat, tilt)
    return tilt, 0.0, max(h - (flat[p][1] if c else bottom(flat[p])) for p, h, c in targets)


def _moved(flat: Flat, move: _Move) -> Flat:
    return _shift(_rotate(flat, move[0]), move[1], move[2])


def projection(view: View, ground: View) -> str:
    """How a figure set down in its ``ground`` view is drawn in ``view``: from above,
    the ground view's across stays across."""
    if view is View.TOP:
        return "top" if ground is View.SIDE else "top_front"
    return view.value


def _seen(angles: Mapping[str, float], base: Posture, ground: View, move: _Move, seen: str) -> Flat:
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
    round_props = [
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
            targets = [(p, 0.0, False) for p in floor] + round_props
            tilt, _, up = _set_down(flat, targets, 0.06 if base.grip else 0.0)
            move = (tilt, -_rotate(flat, tilt)["root"][0], up)
        else:
            tilt, _, up = _set_down(flat, _targets(floor, fixed, lifted), 0.0)
            move = (tilt, _align(placed[0], _moved(flat, (tilt, 0.0, up)), floor), up)
        flat = _moved(flat, move)
        if not placed:
            fixed = fixtures(figure, flat, base.seat, base.grip)
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
        tilt, _, up = _set_down(flat, _targets(floor, scene.fixtures, lifted), 0.0)
        move = (tilt, _align(start, _moved(flat, (tilt, 0.0, up)), floor), up)
        flat = _moved(flat, move)
        if scene.projection != ground.value:
            flat = _seen(angles, base, ground, move, scene.projection)
        u, v = flat[mover][:2]
        if scene.view is not View.TOP:
            v = max(v, 0.02)  # a step on the way never goes through the floor
        path.append((u, v))
    path.append(end.drawn[mover][:2])
    return attrs.evolve(scene, mover=mover, path=tuple(path))
