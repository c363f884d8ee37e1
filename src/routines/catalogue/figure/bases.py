"""The base postures: how the body is turned, its resting angles, and what it
rests on.

A pose's angles are laid over its base's. When a figure is placed, the body
is tipped (in the plane of the picture) until the base's floor contacts are
level, then set down on the floor (``placement.py``); checks then say which
contacts do not reach it.

>>> BASES[Base.QUADRUPED].floor
(<Part.HANDS: 'hands'>, <Part.KNEES: 'knees'>, <Part.TOES: 'toes'>)
>>> BASES[Base.SIDE_PLANK].view
<View.FRONT: 'front'>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from routines.catalogue.figure.geometry import IDENTITY, Mat, rotation
from routines.catalogue.figure.names import Base, Part, View

__all__ = ["BASES", "Posture"]


class Posture(NamedTuple):
    """A base posture.

    ``orientation`` turns the pelvis from upright; ``angles`` are its resting
    joint angles (keys as in a pose); ``floor`` the parts on the floor; ``seat``
    the parts resting on a chair drawn for it, ``grip`` the parts holding a bar
    drawn for it; ``view`` the view it reads best in.
    """

    summary: str
    orientation: Mat
    angles: Mapping[str, float]
    floor: tuple[Part, ...]
    view: View = View.SIDE
    seat: tuple[Part, ...] = ()
    grip: tuple[Part, ...] = ()


_FACE_DOWN = rotation("z", -90)  # head to the right, face to the floor
_FACE_UP = rotation("z", 90)  # head to the left, face to the ceiling
_ON_SIDE = rotation("x", 90)  # near side down, chest toward you in the front view
_ARMS_DOWN = {"elbow": 10}
_ALL_FOURS = {"shoulder": 90, "elbow": 0, "wrist": -80, "hip": 80, "knee": 100, "ankle": -40}

BASES: dict[Base, Posture] = {
    Base.STANDING: Posture("standing tall, arms by the sides", IDENTITY, _ARMS_DOWN, (Part.FEET,)),
    Base.SEATED: Posture(
        "sitting on a chair (drawn for you), feet flat",
        IDENTITY,
        {"hip": 90, "knee": 90, "shoulder": 10, "elbow": 60},
        (Part.FEET,),
        seat=(Part.PELVIS,),
    ),
    Base.SEATED_FLOOR: Posture(
        "sitting on the floor, legs out straight",
        IDENTITY,
        {"hip": 90, "knee": 0, "ankle": -10, "lumbar": 10, "shoulder": 30, "elbow": 30},
        (Part.PELVIS, Part.HEELS),
    ),
    Base.HALF_KNEELING: Posture(
        "kneeling on the far knee, near foot flat in front",
        IDENTITY,
        {
            "near_hip": 90,
            "near_knee": 90,
            "far_hip": -10,
            "far_knee": 95,
            "far_ankle": -40,
            "elbow": 10,
        },
        (Part.NEAR_FOOT, Part.FAR_KNEE, Part.FAR_TOES),
    ),
    Base.KNEELING: Posture(
        "kneeling upright on both knees",
        IDENTITY,
        {"knee": 90, "ankle": -45, "elbow": 10},
        (Part.KNEES, Part.TOES),
    ),
    Base.QUADRUPED: Posture(
        "on hands and knees", _FACE_DOWN, _ALL_FOURS, (Part.HANDS, Part.KNEES, Part.TOES)
    ),
    Base.FOREARM_PLANK: Posture(
        "plank on the forearms, toes tucked",
        _FACE_DOWN,
        {"shoulder": 90, "elbow": 90, "ankle": 10},
        (Part.ELBOWS, Part.HANDS, Part.TOES),
    ),
    Base.HAND_PLANK: Posture(
        "plank on straight arms (the top of a push-up)",
        _FACE_DOWN,
        {"shoulder": 90, "wrist": -80, "ankle": 10},
        (Part.HANDS, Part.TOES),
    ),
    Base.SIDE_PLANK: Posture(
        "side plank on the near forearm",
        _ON_SIDE,
        {"near_shoulder": 90, "near_shoulder_out": 90, "near_elbow": 90, "far_elbow": 10},
        (Part.NEAR_ELBOW, Part.NEAR_HAND, Part.NEAR_FOOT),
        view=View.FRONT,
    ),
    Base.PRONE: Posture(
        "lying face down, arms by the sides",
        _FACE_DOWN,
        {"knee": 10, "ankle": -50, "neck": -10},
        (Part.RIBCAGE, Part.PELVIS),
    ),
    Base.SUPINE: Posture(
        "lying on the back, legs long",
        _FACE_UP,
        {"ankle": -10},
        (Part.HEAD, Part.UPPER_BACK, Part.PELVIS),
    ),
    Base.BRIDGE: Posture(
        "lying on the back, knees bent, feet flat, hips lifted (lower them with hip)",
        _FACE_UP,
        {"knee": 110, "ankle": -10, "neck": 40},
        (Part.HEAD, Part.UPPER_BACK, Part.FEET),
    ),
    Base.SIDE_LYING: Posture(
        "lying on the near side, knees a little bent",
        _ON_SIDE,
        {"near_shoulder": 90, "hip": 45, "knee": 60, "near_hip_out": -25, "neck_side": 20},
        (Part.NEAR_SHOULDER, Part.PELVIS, Part.NEAR_KNEE),
        view=View.FRONT,
    ),
    Base.LUNGE: Posture(
        "split stance: near foot in front, far foot behind on its toes",
        IDENTITY,
        {
            "near_hip": 80,
            "near_knee": 90,
            "far_hip": -15,
            "far_knee": 90,
            "far_ankle": 20,
            "elbow": 10,
        },
        (Part.NEAR_FOOT, Part.FAR_TOES),
    ),
    Base.HANGING: Posture(
        "hanging from a bar (drawn for you), arms up and a little wide",
        IDENTITY,
        {"shoulder": 165, "shoulder_out": 90, "ankle": -20},
        (),
        view=View.FRONT,
        grip=(Part.HANDS,),
    ),
}
