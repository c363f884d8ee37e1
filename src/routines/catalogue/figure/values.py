"""The ``[figure]`` table of an exercise file, as frozen values.

A :class:`Figure` names a base posture, the view, the poses (one ``pose`` for a
hold, ``start`` and ``end`` for a movement) and the props. A :class:`Pose` is a
table of joint angles in degrees over the base's own, plus the parts resting on
the floor (or a prop) that it ``lifted``, and the parts it puts ``down`` on the
floor besides the base's. Reading checks names (a misspelt joint gets a
guess); ranges, floor contacts and props are checked in ``checks.py``.

>>> pose = Pose.from_raw({"near_elbow": 90, "hip": 45, "lifted": ["near_hand"]})
>>> pose.angles, pose.lifted
((('near_elbow', 90), ('hip', 45)), (<Part.NEAR_HAND: 'near_hand'>,))
>>> pose.to_raw()
{'near_elbow': 90, 'hip': 45, 'lifted': ['near_hand']}
>>> Pose.from_raw({"down": ["hands", "head"]}).down
(<Part.HANDS: 'hands'>, <Part.HEAD: 'head'>)
>>> try:
...     Pose.from_raw({"elbw": 90})
... except ExceptionGroup as group:
...     print(group.exceptions[0])
elbw: unknown joint; did you mean 'elbow'?
"""

from __future__ import annotations

from typing import Any

import attrs

from routines._closest import closest, did_you_mean
from routines.catalogue.figure.names import (
    JOINTS,
    SIDES,
    Anchor,
    Base,
    Part,
    PropKind,
    View,
    split_key,
)
from routines.catalogue.vocab import format_guide
from routines.errors import RoutinesError

__all__ = ["Figure", "Pose", "Prop"]

_OMITTED = {"omit_if_default": True}
#: Every key a pose table may hold, for did-you-mean.
_KEYS = [
    *(f"{side}_{joint}" for joint, r in JOINTS.items() if r.sided for side in SIDES),
    *JOINTS,
    "lifted",
    "down",
]


def _angle_problem(key: str, value: object) -> RoutinesError | None:
    side, joint = split_key(key)
    if joint not in JOINTS:
        guess = did_you_mean(closest(key, _KEYS)) or f"; {format_guide()} lists the joints"
        return RoutinesError(f"unknown joint{guess}", field=key)
    if side is not None and not JOINTS[joint].sided:
        return RoutinesError(
            f"the {joint} has no near or far side; write {joint} = {value!r}", field=key
        )
    if isinstance(value, bool) or not isinstance(value, int | float):
        return RoutinesError(f"{value!r} is not a number of degrees", field=key)
    return None


def _parts(value: object, field: str) -> tuple[tuple[Part, ...], list[RoutinesError]]:
    if not isinstance(value, list):
        return (), [RoutinesError(f"{value!r} is not a list of body parts", field=field)]
    parts: list[Part] = []
    errors = []
    for index, name in enumerate(value):
        try:
            parts.append(Part(name))
        except ValueError:
            guess = did_you_mean(closest(str(name), [p.value for p in Part]))
            allowed = ", ".join(p.value for p in Part)
            errors.append(
                RoutinesError(
                    f"{name!r} is not a body part{guess}; use one of: {allowed}",
                    field=f"{field}[{index}]",
                )
            )
    return tuple(parts), errors


@attrs.frozen
class Pose:
    """Joint angles in degrees, over the base's (or, for ``end``, over ``start``'s).

    ``angles`` keeps the file's order; a key without ``near_``/``far_`` sets both
    sides and a sided key then overrides one side. ``lifted`` names the parts
    resting on the floor or a prop (by the base or the props' ``at``) that are off
    it in this pose; ``down`` names more parts that rest on the floor.
    """

    angles: tuple[tuple[str, float], ...] = ()
    lifted: tuple[Part, ...] = ()
    down: tuple[Part, ...] = ()

    @classmethod
    def from_raw(cls, value: Any) -> Pose:
        if not isinstance(value, dict):
            raise TypeError(f"{value!r} should be a table of joint angles such as {{ elbow = 90 }}")
        angles: list[tuple[str, float]] = []
        errors: list[RoutinesError] = []
        parts: dict[str, tuple[Part, ...]] = {}
        for key, angle in value.items():
            if key in ("lifted", "down"):
                parts[key], found = _parts(angle, key)
                errors += found
                continue
            problem = _angle_problem(key, angle)
            if problem is None:
                angles.append((key, angle))
            else:
                errors.append(problem)
        if errors:
            raise ExceptionGroup("pose", errors)
        return cls(tuple(angles), parts.get("lifted", ()), parts.get("down", ()))

    def to_raw(self) -> dict[str, Any]:
        raw: dict[str, Any] = dict(self.angles)
        for key, parts in (("lifted", self.lifted), ("down", self.down)):
            if parts:
                raw[key] = [part.value for part in parts]
        return raw


@attrs.frozen
class Prop:
    """A thing drawn with the figure, ``at`` the body parts that hold or touch it.

    ``anchor`` says where a band or cable is fixed (bands and cables only).
    """

    kind: PropKind
    at: tuple[Part, ...] = ()
    anchor: Anchor | None = attrs.field(default=None, metadata=_OMITTED)


@attrs.frozen
class Figure:
    """How to draw an exercise: the ``[figure]`` table of its file.

    Give ``pose`` for something held still (a stretch, a hold), or ``start`` and
    ``end`` for a movement; ``end`` is drawn from ``start``, so it lists only what
    moves. ``view`` defaults to the base's own (the side, or the front for lying on
    one side).
    """

    base: Base
    view: View | None = attrs.field(default=None, metadata=_OMITTED)
    pose: Pose | None = attrs.field(default=None, metadata=_OMITTED)
    start: Pose | None = attrs.field(default=None, metadata=_OMITTED)
    end: Pose | None = attrs.field(default=None, metadata=_OMITTED)
    props: tuple[Prop, ...] = attrs.field(default=(), metadata=_OMITTED)

    @property
    def poses(self) -> tuple[tuple[str, Pose], ...]:
        """The poses given, by field name, in drawing order."""
        found = (("pose", self.pose), ("start", self.start), ("end", self.end))
        return tuple((name, pose) for name, pose in found if pose is not None)
