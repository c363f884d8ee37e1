"""The words of the ``[figure]`` table: views, base postures, joints and their
human ranges, body parts, props and band anchors.

Each is a :class:`enum.StrEnum`, so the one converter reports a misspelt value
with a guess and the allowed values, like every other vocabulary.
``exercises/README.md`` lists them all; a test keeps the two in step.

>>> JOINTS["elbow"]
Range(low=0, high=150, sided=True)
>>> split_key("near_elbow"), split_key("neck")
(('near', 'elbow'), (None, 'neck'))
>>> Part("hands").points
('near_hand', 'far_hand')
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

__all__ = [
    "JOINTS",
    "SIDES",
    "Anchor",
    "Base",
    "Part",
    "PropKind",
    "Range",
    "View",
    "split_key",
]

#: The two sides of the body as drawn: ``near`` faces you in the side view (and is
#: on your left in the front view), ``far`` is the other one.
SIDES = ("near", "far")


class View(StrEnum):
    """Where the figure is seen from: the ``side``, the ``front`` or the ``top``
    (from the ceiling, for lying down with arms or legs moving along the floor)."""

    SIDE = "side"
    FRONT = "front"
    TOP = "top"


class Base(StrEnum):
    """The posture a figure starts from: it sets how the body is turned, the
    default angles and which parts touch the floor (``bases.py``)."""

    STANDING = "standing"
    SEATED = "seated"
    SEATED_FLOOR = "seated_floor"
    HALF_KNEELING = "half_kneeling"
    KNEELING = "kneeling"
    QUADRUPED = "quadruped"
    FOREARM_PLANK = "forearm_plank"
    HAND_PLANK = "hand_plank"
    SIDE_PLANK = "side_plank"
    PRONE = "prone"
    SUPINE = "supine"
    BRIDGE = "bridge"
    SIDE_LYING = "side_lying"
    LUNGE = "lunge"
    HANGING = "hanging"


class Range(NamedTuple):
    """The human range of a joint in degrees, and whether it has a near and far side."""

    low: int
    high: int
    sided: bool


#: Every joint a pose may set, with its range. Trunk and neck joints have no side;
#: a limb joint written without ``near_``/``far_`` sets both sides.
JOINTS: dict[str, Range] = {
    "neck": Range(-60, 50, sided=False),
    "neck_side": Range(-45, 45, sided=False),
    "neck_turn": Range(-70, 70, sided=False),
    "thoracic": Range(-25, 45, sided=False),
    "lumbar": Range(-30, 60, sided=False),
    "side_bend": Range(-40, 40, sided=False),
    "twist": Range(-50, 50, sided=False),
    "shoulder": Range(-60, 180, sided=True),
    "shoulder_out": Range(-45, 135, sided=True),
    "shoulder_rotation": Range(-70, 90, sided=True),
    "elbow": Range(0, 150, sided=True),
    "wrist": Range(-90, 80, sided=True),
    "hip": Range(-30, 140, sided=True),
    "hip_out": Range(-30, 90, sided=True),
    "hip_rotation": Range(-45, 60, sided=True),
    "knee": Range(0, 155, sided=True),
    "ankle": Range(-50, 30, sided=True),
}


def split_key(key: str) -> tuple[str | None, str]:
    """``near_elbow`` -> ``('near', 'elbow')``; a key without a side -> ``(None, key)``."""
    for side in SIDES:
        if key.startswith(f"{side}_"):
            return side, key[len(side) + 1 :]
    return None, key


class Part(StrEnum):
    """A body part that can touch the floor or a prop. A plural names both sides."""

    HEAD = "head"
    UPPER_BACK = "upper_back"
    RIBCAGE = "ribcage"
    PELVIS = "pelvis"
    NEAR_SHOULDER = "near_shoulder"
    FAR_SHOULDER = "far_shoulder"
    NEAR_ELBOW = "near_elbow"
    FAR_ELBOW = "far_elbow"
    NEAR_HAND = "near_hand"
    FAR_HAND = "far_hand"
    NEAR_KNEE = "near_knee"
    FAR_KNEE = "far_knee"
    NEAR_FOOT = "near_foot"
    FAR_FOOT = "far_foot"
    NEAR_HEEL = "near_heel"
    FAR_HEEL = "far_heel"
    NEAR_TOES = "near_toes"
    FAR_TOES = "far_toes"
    SHOULDERS = "shoulders"
    ELBOWS = "elbows"
    HANDS = "hands"
    KNEES = "knees"
    FEET = "feet"
    HEELS = "heels"
    TOES = "toes"

    @property
    def points(self) -> tuple[str, ...]:
        """The body points this part stands for: a foot is its heel and its toes."""
        singular = _PLURALS.get(self.value)
        if singular is not None:
            return tuple(p for side in SIDES for p in Part(f"{side}_{singular}").points)
        if self.value.endswith("_foot"):
            side = self.value.removesuffix("_foot")
            return (f"{side}_heel", f"{side}_toes")
        return (self.value,)

    @property
    def is_hand(self) -> bool:
        return all(point.endswith("_hand") for point in self.points)


_PLURALS = {
    "shoulders": "shoulder",
    "elbows": "elbow",
    "hands": "hand",
    "knees": "knee",
    "feet": "foot",
    "heels": "heel",
    "toes": "toes",
}


class PropKind(StrEnum):
    """What a figure can be drawn with. Held props move with the hand that holds
    them; fixed props stay where the first pose puts them."""

    MAT = "mat"
    WALL = "wall"
    DOORWAY = "doorway"
    BENCH = "bench"
    CHAIR = "chair"
    BAR = "bar"
    FOAM_ROLLER = "foam_roller"
    STABILITY_BALL = "stability_ball"
    BAND = "band"
    CABLE = "cable"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    TOWEL = "towel"

    @property
    def held(self) -> bool:
        """Carried in the hands (or looped round a foot): it moves with the body."""
        return self in _HELD

    @property
    def equipment(self) -> str:
        """The ``equipment`` value an exercise drawing this prop must list."""
        return {"bar": "pullup_bar"}.get(self.value, self.value)


_HELD = {
    PropKind.BAND,
    PropKind.CABLE,
    PropKind.DUMBBELL,
    PropKind.KETTLEBELL,
    PropKind.BARBELL,
    PropKind.TOWEL,
}


class Anchor(StrEnum):
    """Where the far end of a band or cable is fixed."""

    FEET = "feet"
    HANDS = "hands"
    FRONT_LOW = "front_low"
    FRONT_CHEST = "front_chest"
    FRONT_HIGH = "front_high"
    BEHIND_LOW = "behind_low"
    BEHIND_CHEST = "behind_chest"
    BEHIND_HIGH = "behind_high"
    OVERHEAD = "overhead"
