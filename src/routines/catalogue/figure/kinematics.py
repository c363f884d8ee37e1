"""Forward kinematics: joint angles to points in space, then to the picture.

The body is built in 3D, from the hip-joint centre up the spine to the head and
out along each limb, and seen from the side or the front (an orthographic
projection). Frames: ``x`` forward, ``y`` up, ``z`` toward the near side.

Each limb is built for the near side and mirrored for the far side, so every
angle means the same movement on both sides. A raised limb turns by
``shoulder``/``hip`` degrees in the plane that ``shoulder_out``/``hip_out`` turns
out from straight ahead (0 forward, 90 out to the side), about the axis
square to that plane, so a raise to the side keeps the elbow bending forward;
``*_rotation`` turns the limb about its own length first (positive: outward).

>>> from routines.catalogue.figure.geometry import IDENTITY
>>> flat = project(skeleton(ANGLES_AT_REST, IDENTITY), "side")
>>> round(flat["head"][1] + 0.064 - flat["near_heel"][1] + 0.004, 2)  # height, crown to sole
1.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from routines.catalogue.figure.body import BLOCKS, RADII, Lengths
from routines.catalogue.figure.geometry import (
    IDENTITY,
    Mat,
    Vec,
    add,
    apply,
    axis_rotation,
    mirror,
    multiply,
    rotation,
)
from routines.catalogue.figure.names import JOINTS, SIDES

__all__ = ["ANGLES_AT_REST", "Flat", "Skeleton", "Spot", "project", "skeleton"]

L = Lengths()

#: Every joint of both sides at 0 degrees: standing tall, arms by the sides.
ANGLES_AT_REST: dict[str, float] = {
    **{joint: 0.0 for joint, r in JOINTS.items() if not r.sided},
    **{f"{side}_{joint}": 0.0 for joint, r in JOINTS.items() if r.sided for side in SIDES},
}

#: A point seen in the picture: ``(u, v, depth, m11, m12, m22, reach)``; ``u``
#: right, ``v`` up, ``depth`` toward you; the 2x2 matrix ``m`` whose square root is
#: the body's half-thickness there in each direction of the picture, and ``reach``
#: its half-thickness toward you.
Spot = tuple[float, float, float, float, float, float, float]
Flat = dict[str, Spot]


class Skeleton:
    """The body in space: joint centres and the frames of the trunk blocks."""

    __slots__ = ("blocks", "points")

    def __init__(self) -> None:
        self.points: dict[str, Vec] = {}
        self.blocks: dict[str, tuple[Vec, Mat]] = {}  # centre and frame


def _raise(out: float, up: float, turn: float) -> Mat:
    """Turn a limb ``up`` degrees in the plane ``out`` degrees out from straight
    ahead, after turning it ``turn`` degrees outward about its length."""
    t = math.radians(out)
    axis = (-math.sin(t), 0.0, math.cos(t))
    return multiply(axis_rotation(axis, up), rotation("y", -turn))


def _arm(a: Mapping[str, float], side: str) -> dict[str, tuple[Vec, Mat]]:
    upper = _raise(a[f"{side}_shoulder_out"], a[f"{side}_shoulder"], a[f"{side}_shoulder_rotation"])
    shoulder = L.shoulder
    elbow = add(shoulder, apply(upper, (0.0, -L.upper_arm, 0.0)))
    fore = multiply(upper, rotation("z", a[f"{side}_elbow"]))
    wrist = add(elbow, apply(fore, (0.0, -L.forearm, 0.0)))
    hand = multiply(fore, rotation("z", a[f"{side}_wrist"]))
    return {
        "shoulder": (shoulder, upper),
        "elbow": (elbow, fore),
        "wrist": (wrist, hand),
        "hand": (add(wrist, apply(hand, (0.0, -L.palm, 0.0))), hand),
        "fingers": (add(wrist, apply(hand, (0.0, -L.hand, 0.0))), hand),
    }


def _leg(a: Mapping[str, float], side: str) -> dict[str, tuple[Vec, Mat]]:
    thigh = _raise(a[f"{side}_hip_out"], a[f"{side}_hip"], a[f"{side}_hip_rotation"])
    hip = L.hip
    knee = add(hip, apply(thigh, (0.0, -L.thigh, 0.0)))
    shank = multiply(thigh, rotation("z", -a[f"{side}_knee"]))
    ankle = add(knee, apply(shank, (0.0, -L.shank, 0.0)))
    foot = multiply(shank, rotation("z", a[f"{side}_ankle"]))
    return {
        "hip": (hip, thigh),
        "knee": (knee, shank),
        "ankle": (ankle, foot),
        "heel": (add(ankle, apply(foot, L.heel)), foot),
        "toes": (add(ankle, apply(foot, L.toes)), foot),
        "instep": (add(ankle, apply(foot, L.instep)), foot),
        "heel_back": (add(ankle, apply(foot, L.heel_back)), foot),
    }


def _spine_turn(flexion: float, side_bend: float, twist: float) -> Mat:
    return multiply(
        multiply(rotation("z", -flexion), rotation("x", side_bend)), rotation("y", -twist)
    )


def skeleton(a: Mapping[str, float], orientation: Mat = IDENTITY) -> Skeleton:
    """Every joint centre for the angles ``a`` (all joints, both sides), with the
    hip-joint centre at the origin and the pelvis turned by ``orientation``."""
    body = Skeleton()
    pelvis = orientation
    base = apply(pelvis, L.lumbar_base)
    lumbar = multiply(pelvis, _spine_turn(a["lumbar"], a["side_bend"] / 2, a["twist"] / 2))
    waist = add(base, apply(lumbar, (0.0, L.lumbar, 0.0)))
    thorax = multiply(lumbar, _spine_turn(a["thoracic"], a["side_bend"] / 2, a["twist"] / 2))
    neck_base = add(waist, apply(thorax, (0.0, L.thoracic, 0.0)))
    neck = multiply(thorax, _spine_turn(a["neck"], a["neck_side"], a["neck_turn"]))
    head = add(neck_base, apply(neck, L.head_centre))
    mid_back = add(waist, apply(thorax, (0.0, L.thoracic / 2, 0.0)))
    body.points.update(
        root=(0.0, 0.0, 0.0),
        lumbar_base=base,
        waist=waist,
        neck_base=neck_base,
        skull=add(neck_base, apply(neck, (0.0, L.neck, 0.0))),
        nose=add(head, apply(neck, (L.face, 0.0, 0.0))),
    )
    for name, joint, frame in (
        ("pelvis", (0.0, 0.0, 0.0), pelvis),
        ("abdomen", waist, lumbar),
        ("ribcage", mid_back, thorax),
        ("upper_back", neck_base, thorax),
        ("head", head, neck),
    ):
        body.blocks[name] = (add(joint, apply(frame, BLOCKS[name].offset)), frame)
    for side in SIDES:
        limbs = (
            (_arm(a, side), neck_base, thorax),
            (_leg(a, side), (0.0, 0.0, 0.0), pelvis),
        )
        for parts, origin, frame in limbs:
            for name, (point, _) in parts.items():
                local = point if side == "near" else mirror(point)
                body.points[f"{side}_{name}"] = add(origin, apply(frame, local))
    return body


def _picture(x: float, y: float, z: float, view: str) -> tuple[float, float, float]:
    """``(u, v, depth)``: across the picture, up it, and toward you."""
    if view == "side":
        return x, y, z
    if view == "front":
        return -z, y, x
    if view == "top":  # from above, the body's length across: the near side at the bottom
        return x, -z, y
    return -z, -x, y  # from above, the front view's width across (lying on one side)


def _flat_axes(frame: Mat, half: Vec, view: str) -> tuple[float, float, float, float]:
    """The picture's 2x2 matrix ``sum(a a^T)`` of a block's projected half-axes,
    and the block's half-thickness toward you."""
    m11 = m12 = m22 = reach = 0.0
    for j in range(3):
        u, v, depth = _picture(
            frame[j] * half[j], frame[3 + j] * half[j], frame[6 + j] * half[j], view
        )
        m11 += u * u
        m12 += u * v
        m22 += v * v
        reach += depth * depth
    return m11, m12, m22, math.sqrt(reach)


def project(body: Skeleton, view: str) -> Flat:
    """The body as seen from the ``side``, the ``front`` or the ``top``; ``top_front``
    is from above with the front view's left and right (for lying on one side)."""
    flat: Flat = {}
    for name, (x, y, z) in body.points.items():
        r = RADII.get(name.partition("_")[2], 0.0)
        flat[name] = (*_picture(x, y, z, view), r * r, 0.0, r * r, r)
    for name, (centre, frame) in body.blocks.items():
        flat[name] = (*_picture(*centre, view), *_flat_axes(frame, BLOCKS[name].half, view))
    return flat
