"""The PDF operators of each figure, made once and kept between runs.

A figure painted into a PDF form is a few kilobytes of path operators that depend
only on the figure (its pose data) and its size, never on the document. They are
made once (painted on a scratch canvas) and kept: in memory for the process, and
in the user's cache folder beside the catalogue's parse cache, so a later run
starts from them instead of building the figure again. The cache is checked on
reading (path and colour operators only: no names, so nothing that could refer to
a font, an image or anything else in a document) and ignored when in doubt. Set
``ROUTINES_CACHE=off`` to turn it off.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import io
import json
import os
import re
from pathlib import Path
from typing import Any

from routines._version import version
from routines.catalogue.exercise import Exercise

__all__ = ["operators"]

_LIMIT = 256 * 1024  # the most operators one figure may have
_SAFE = re.compile(r"[-0-9. \nqQcmlhfSBnwJjrgRGe*]*")  # numbers and path/colour operators
_MEMORY: dict[str, str] = {}
_state: dict[str, Any] = {"loaded": False, "dirty": False}


def _enabled() -> bool:
    return os.environ.get("ROUTINES_CACHE", "").lower() not in {"off", "0", "no"}


def _stamp() -> str:
    """This version of routines and of its figure code: a changed renderer never
    reads the operators an earlier one made."""
    parts = [version()]
    for source in sorted(Path(__file__).parent.glob("*.py")):
        with contextlib.suppress(OSError):
            info = source.stat()
            parts.append(f"{source.name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def _path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "routines" / f"figures-{_stamp()}.json"


def _load() -> None:
    _state["loaded"] = True
    if not _enabled():
        return
    try:
        found = json.loads(_path().read_bytes())
    except (OSError, ValueError):
        return
    if not isinstance(found, dict):
        return
    for name, ops in found.items():
        fits = isinstance(name, str) and isinstance(ops, str) and len(ops) <= _LIMIT
        if fits and _SAFE.fullmatch(ops):
            _MEMORY.setdefault(name, ops)


def _save() -> None:
    if not (_state["dirty"] and _enabled()):
        return
    from routines._files import write_atomic

    with contextlib.suppress(Exception):  # a cache only ever saves time
        target = _path()
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(_MEMORY, separators=(",", ":")).encode())
        _state["dirty"] = False


def _painted(exercise: Exercise, width_mm: float, height_mm: float) -> str | None:
    """The operators of the figure painted on a scratch canvas (None if the canvas
    does not keep them where expected: then the figure is painted directly)."""
    from reportlab.pdfgen.canvas import Canvas

    from routines.catalogue.figure.paint import paint
    from routines.catalogue.figure.render import draw

    scratch = Canvas(io.BytesIO())
    scratch.beginForm("scratch")
    paint(scratch, draw(exercise, width_mm, height_mm))
    code = getattr(scratch, "_code", None)
    if not isinstance(code, list) or not all(isinstance(line, str) for line in code):
        return None
    ops = "\n".join(code)
    return ops if _SAFE.fullmatch(ops) and len(ops) <= _LIMIT else None


def operators(name: str, exercise: Exercise, width_mm: float, height_mm: float) -> str | None:
    """The operators of form ``name`` (the figure at this size), or None when they
    cannot be kept (then paint the figure directly)."""
    if not _state["loaded"]:
        _load()
    found = _MEMORY.get(name)
    if found is None:
        found = _painted(exercise, width_mm, height_mm)
        if found is None:
            return None
        if len(_MEMORY) > 4096:
            _MEMORY.clear()
        _MEMORY[name] = found
        if not _state["dirty"]:
            _state["dirty"] = True
            atexit.register(_save)
    return found
