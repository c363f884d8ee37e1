"""The proportions of the drawn body, in fractions of standing height.

Segment lengths follow the classic anthropometric proportions of Drillis and
Contini (as tabled by Winter, *Biomechanics and Motor Control of Human
Movement*): upper arm 0.186, forearm 0.146, hand 0.108, thigh 0.245, shank
0.246, foot 0.152, shoulder width 0.259, hip width 0.191 of the height. The
trunk is four rounded blocks (pelvis, abdomen, ribcage, upper back) so it can
bend at the lower back and at the upper back.

Messages give distances for a person :data:`STATURE_CM` tall.
"""

from __future__ import annotations

from typing import NamedTuple

from routines.catalogue.figure.geometry import Vec

__all__ = [
    "BLOCKS",
    "RADII",
    "STATURE_CM",
    "WIDTHS",
    "Block",
    "Lengths",
]

#: The height messages speak of: "12 cm above the floor" is for this person.
STATURE_CM = 170


class Lengths(NamedTuple):
    """Where each joint sits, from the joint before it, in its own frame."""

    lumbar_base: Vec = (-0.03, 0.035, 0.0)  # from the hip-joint centre
    lumbar: float = 0.105  # lumbosacral joint to the waist (L1)
    thoracic: float = 0.165  # waist to the base of the neck (C7)
    neck: float = 0.06
    head_centre: Vec = (0.02, 0.105, 0.0)  # from the base of the neck
    face: float = 0.058  # from the centre of the head to the face
    shoulder: Vec = (0.025, -0.03, 0.12)  # from the base of the neck
    hip: Vec = (0.0, 0.0, 0.085)  # from the hip-joint centre
    upper_arm: float = 0.186
    forearm: float = 0.146
    palm: float = 0.05  # wrist to the middle of the palm
    hand: float = 0.10  # wrist to the fingertips
    thigh: float = 0.245
    shank: float = 0.246
    heel: Vec = (-0.045, -0.035, 0.0)  # from the ankle, on the sole
    toes: Vec = (0.11, -0.035, 0.0)
    instep: Vec = (0.095, -0.018, 0.0)  # where the drawn foot ends, above the sole
    heel_back: Vec = (-0.03, -0.02, 0.0)


class Block(NamedTuple):
    """A rounded block of the trunk: its centre from its joint, and half its depth,
    height and width (x, y, z of its own frame)."""

    offset: Vec
    half: Vec


#: The trunk blocks, from the bottom up, and the head. ``ribcage`` sits half-way up
#: the thoracic spine; ``upper_back`` at the base of the neck, between the
#: shoulder blades.
BLOCKS = {
    "pelvis": Block((-0.01, 0.03, 0.0), (0.075, 0.075, 0.095)),
    "abdomen": Block((0.03, -0.01, 0.0), (0.05, 0.05, 0.08)),
    "ribcage": Block((0.05, 0.0, 0.0), (0.065, 0.08, 0.10)),
    "upper_back": Block((0.035, -0.035, 0.0), (0.05, 0.04, 0.125)),
    "head": Block((0.0, 0.0, 0.0), (0.058, 0.064, 0.05)),  # round the centre of the head
}

#: Half the thickness of the body at each joint, for touching the floor and props.
RADII = {
    "shoulder": 0.038,
    "elbow": 0.026,
    "wrist": 0.02,
    "hand": 0.016,
    "fingers": 0.012,
    "hip": 0.015,
    "knee": 0.036,
    "ankle": 0.026,
    "heel": 0.004,
    "toes": 0.004,
}

#: The drawn thickness of each segment (before the near/far and print adjustments).
WIDTHS = {
    "neck": 0.05,
    "upper_arm": 0.052,
    "forearm": 0.044,
    "hand": 0.034,
    "thigh": 0.074,
    "shank": 0.056,
    "foot": 0.036,
}
