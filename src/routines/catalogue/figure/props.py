"""Where the props go, and how far each body part is from the prop it touches.

Props that stay put (wall, doorway, bench, chair, bar, foam roller, stability
ball) are placed by the first pose whose parts named in their ``at`` rest on
them (are not lifted); every pose from then on must still touch them, which
``checks.py`` measures with :func:`gap`. Held props (band, cable, dumbbell,
kettlebell, barbell, towel) are drawn at the hands each pose; a band or cable
runs to its :func:`anchor`.
Lengths are fractions of standing height.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from routines.catalogue.figure.kinematics import Flat, Spot
from routines.catalogue.figure.names import Anchor, Part, PropKind
from routines.catalogue.figure.values import Figure

__all__ = [
    "BALL_RADIUS",
    "ROLLER_RADIUS",
    "TOUCH",
    "Fixture",
    "anchor",
    "bottom",
    "fixtures",
    "gap",
    "grip_gap",
    "points_of",
    "through",
]

#: Within this of a surface, a body part touches it (5 cm for a 1.70 m person).
TOUCH = 0.03
ROLLER_RADIUS = 0.045  # a 15 cm foam roller
BALL_RADIUS = 0.19  # a 65 cm stability ball
_ROUND = {PropKind.FOAM_ROLLER: ROLLER_RADIUS, PropKind.STABILITY_BALL: BALL_RADIUS}
_TOPS = {PropKind.BENCH, PropKind.CHAIR, PropKind.FOAM_ROLLER, PropKind.STABILITY_BALL}
_WALLS = {PropKind.WALL, PropKind.DOORWAY}
_SIDES = ("+u", "-u", "+w", "-w")


def points_of(parts: Sequence[Part]) -> tuple[str, ...]:
    """The body points of ``parts``, each once, in order."""
    return tuple(dict.fromkeys(point for part in parts for point in part.points))


def bottom(spot: Spot) -> float:
    """The lowest height of the body at this point."""
    return spot[1] - math.sqrt(spot[5])


def _reach(spot: Spot, side: str) -> float:
    """How far the body reaches at this point toward ``side`` of the picture."""
    u, _, depth, m11, _, _, reach = spot
    return {
        "+u": u + math.sqrt(m11),
        "-u": -u + math.sqrt(m11),
        "+w": depth + reach,
        "-w": -depth + reach,
    }[side]


@attrs.frozen
class Fixture:
    """A prop that stays where the pose that first rested on it put it.

    ``field`` is where the file asks for it (``figure.props[2]``, or
    ``figure.base`` for the chair or bar a base brings). ``face`` is how the body
    meets it: ``top`` (resting on it), ``grip`` (hands round a bar) or a wall's
    side of the base's view (``+u`` right, ``-u`` left, ``+w`` toward you, ``-w``
    away). ``level`` is the height of its top, the height of the bar, or how far
    the wall stands along its side; ``span`` the stretch across the view it
    covers.
    """

    kind: PropKind
    field: str
    parts: tuple[Part, ...]
    face: str
    level: float
    span: tuple[float, float]
    grips: tuple[float, ...] = ()  # where along the picture each hand holds a bar

    @property
    def points(self) -> tuple[str, ...]:
        return points_of(self.parts)

    @property
    def radius(self) -> float:
        return _ROUND.get(self.kind, 0.0)


def _span(spots: Sequence[Spot], margin: float) -> tuple[float, float]:
    us = [spot[0] for spot in spots]
    return min(us) - margin, max(us) + margin


def _place(kind: PropKind, field: str, parts: tuple[Part, ...], flat: Flat) -> Fixture:
    spots = [flat[point] for point in points_of(parts)]
    if kind in _ROUND:
        radius = _ROUND[kind]
        centre = sum(spot[0] for spot in spots) / len(spots)
        return Fixture(kind, field, parts, "top", 2 * radius, (centre - radius, centre + radius))
    if kind in _TOPS:
        level = min(bottom(spot) for spot in spots)
        low, high = _span(spots, 0.1 if kind is PropKind.BENCH else 0.09)
        centre = (low + high) / 2
        half = max((high - low) / 2, 0.2 if kind is PropKind.BENCH else 0.12)
        return Fixture(kind, field, parts, "top", level, (centre - half, centre + half))
    if kind is PropKind.BAR:
        level = sum(spot[1] for spot in spots) / len(spots)
        grips = tuple(spot[0] for spot in spots)
        return Fixture(kind, field, parts, "grip", level, _span(spots, 0.12), grips=grips)
    # a wall or door frame, on the side where the parts touching it reach furthest
    body = flat.values()

    def misfit(side: str) -> float:
        return max(_reach(s, side) for s in body) - min(_reach(s, side) for s in spots)

    face = min(_SIDES, key=misfit)
    level = max(_reach(spot, face) for spot in spots)
    return Fixture(kind, field, parts, face, level, _span(spots, 0.05))


def fixtures(
    figure: Figure,
    flat: Flat,
    base: tuple[Sequence[Part], Sequence[Part]],
    lifted: frozenset[str],
    placed: Sequence[Fixture] = (),
) -> list[Fixture]:
    """The props that stay put: those already ``placed``, then each other one
    placed by this pose if its parts rest on it here (not ``lifted``). ``base``
    is the base's seat and grip: the chair and bar it brings."""
    seat, grip = base
    wanted = [
        ("figure.base", PropKind.CHAIR, tuple(seat)),
        ("figure.base", PropKind.BAR, tuple(grip)),
    ]
    for index, prop in enumerate(figure.props):
        if prop.kind in _TOPS or prop.kind in _WALLS or prop.kind is PropKind.BAR:
            wanted.append((f"figure.props[{index}]", prop.kind, prop.at))
    found = list(placed)
    have = {(f.field, f.kind) for f in placed}
    for field, kind, parts in wanted:
        if parts and (field, kind) not in have and not set(points_of(parts)) & lifted:
            found.append(_place(kind, field, parts, flat))
    order = {(field, kind): n for n, (field, kind, _) in enumerate(wanted)}
    return sorted(found, key=lambda f: order[f.field, f.kind])


def gap(fixture: Fixture, spot: Spot) -> float:
    """How far the body at ``spot`` is from touching ``fixture`` (0 when it does;
    negative when it is inside it)."""
    if fixture.face == "top":
        height = bottom(spot) - fixture.level
        low, high = fixture.span
        off_end = max(low - spot[0], spot[0] - high, 0.0)
        return math.hypot(off_end, height) if off_end else height
    return fixture.level - _reach(spot, fixture.face)


def grip_gap(fixture: Fixture, point: str, spot: Spot) -> float:
    """How far a hand is from where it first held the bar (hands do not slide)."""
    held = fixture.grips[fixture.points.index(point)]
    return math.hypot(spot[0] - held, spot[1] - fixture.level)


def through(fixture: Fixture, flat: Flat) -> tuple[str, float] | None:
    """The body point that goes furthest through a wall, and how far, if any does."""
    if fixture.face not in _SIDES:
        return None
    name, spot = max(flat.items(), key=lambda item: _reach(item[1], fixture.face))
    beyond = _reach(spot, fixture.face) - fixture.level
    return (name, beyond) if beyond > 0 else None


def anchor(
    kind: Anchor, flats: Sequence[Flat], points: Sequence[str], view: str
) -> tuple[float, float] | None:
    """Where a band or cable is fixed, for all poses; ``None`` when it is fixed to
    the body itself (the feet, or the other hand), which moves with each pose.
    Seen from the front (or from above), a point in front or behind is on the
    body's midline."""
    if kind in (Anchor.FEET, Anchor.HANDS):
        return None
    first = flats[0]
    held = [flat[p][0] for flat in flats for p in points] or [first["root"][0]]
    where, _, height = kind.value.partition("_")
    if where == "overhead":
        return first["neck_base"][0], first["head"][1] + 0.45
    top = first["head"][1]
    v = {"low": 0.08, "chest": first["ribcage"][1], "high": top + 0.15}[height]
    if view == "front":
        return first["neck_base"][0], v
    if view == "top":  # seen from above, a height is toward you: on the midline
        v = first["root"][1]
    if where == "front":
        return max([*held, first["nose"][0]]) + 0.3, v
    return min([*held, first["root"][0] - 0.1]) - 0.3, v
