"""Just enough 3D arithmetic for a stick figure: vectors, rotations, mirroring.

Vectors are ``(x, y, z)`` tuples and rotations 3x3 matrices as row-major
9-tuples, so the forward kinematics stays plain float arithmetic.

>>> apply(rotation("z", 90), (1.0, 0.0, 0.0))
(0.0, 1.0, 0.0)
>>> mirror((0.1, 0.2, 0.3))
(0.1, 0.2, -0.3)
"""

from __future__ import annotations

import math

__all__ = [
    "IDENTITY",
    "Mat",
    "Vec",
    "add",
    "apply",
    "axis_rotation",
    "mirror",
    "multiply",
    "rotation",
    "scale",
]

Vec = tuple[float, float, float]
Mat = tuple[float, float, float, float, float, float, float, float, float]

IDENTITY: Mat = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)


def _clean(value: float) -> float:
    """Round away float dust so that right angles come out exact."""
    rounded = round(value, 12)
    return rounded + 0.0  # no negative zero


def axis_rotation(axis: Vec, degrees: float) -> Mat:
    """The rotation by ``degrees`` about the unit vector ``axis`` (right-handed)."""
    x, y, z = axis
    t = math.radians(degrees)
    c, s = _clean(math.cos(t)), _clean(math.sin(t))
    k = 1.0 - c
    return (
        c + x * x * k, x * y * k - z * s, x * z * k + y * s,
        y * x * k + z * s, c + y * y * k, y * z * k - x * s,
        z * x * k - y * s, z * y * k + x * s, c + z * z * k,
    )  # fmt: skip


_AXES: dict[str, Vec] = {"x": (1.0, 0.0, 0.0), "y": (0.0, 1.0, 0.0), "z": (0.0, 0.0, 1.0)}


def rotation(axis: str, degrees: float) -> Mat:
    """The rotation by ``degrees`` about the ``x``, ``y`` or ``z`` axis."""
    return axis_rotation(_AXES[axis], degrees)


def multiply(a: Mat, b: Mat) -> Mat:
    """``a @ b``: first ``b``, then ``a``."""
    return (
        a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
        a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
        a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
        a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
        a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
        a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
        a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
        a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
        a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    )


def apply(m: Mat, v: Vec) -> Vec:
    """``m @ v``."""
    x, y, z = v
    return (
        m[0] * x + m[1] * y + m[2] * z,
        m[3] * x + m[4] * y + m[5] * z,
        m[6] * x + m[7] * y + m[8] * z,
    )


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def scale(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def mirror(v: Vec) -> Vec:
    """The point seen in a mirror between the two sides of the body (``z -> -z``)."""
    return (v[0], v[1], -v[2])
