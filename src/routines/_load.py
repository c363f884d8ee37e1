"""Reading the catalogue from TOML files: the built-in one and user folders."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from routines._catalogue import Catalogue
from routines._convert import converter, describe
from routines._exercise import Exercise
from routines.errors import CatalogueError, Problem

__all__ = ["builtin_exercises", "load_catalogue"]


def builtin_exercises() -> Traversable:
    """The folder of built-in exercise files shipped inside the package."""
    return files("routines") / "exercises"


def _toml_files(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        shown = f"{prefix}/{entry.name}"
        if entry.is_dir():
            yield from _toml_files(entry, shown)
        elif entry.name.endswith(".toml"):
            yield shown, entry


def _read(shown: str, entry: Traversable) -> tuple[Exercise | None, list[Problem]]:
    try:
        raw = tomllib.loads(entry.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "", f"is not UTF-8 text ({exc.reason}); save it as UTF-8")]
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(shown, "", f"is not valid TOML: {exc}")]
    stem = entry.name.removesuffix(".toml")
    problems = []
    if raw.get("id", stem) != stem:
        problems.append(
            Problem(shown, "id", f"{raw['id']!r} differs from the file name; rename one to match")
        )
    try:
        exercise = converter.structure(raw, Exercise)
    except Exception as exc:  # cattrs groups every field error in one exception
        problems += [Problem(shown, field, message) for field, message in describe(exc)]
        return None, problems
    return exercise, problems


def load_catalogue(*extra_dirs: str | os.PathLike[str]) -> Catalogue:
    """Load the built-in catalogue, then add or override entries from each folder.

    Each folder is searched recursively for ``*.toml`` files in the catalogue
    format (``exercises/README.md``). A file whose ``id`` matches an earlier one
    replaces it; later folders win. Every problem found in any file is raised
    together as one :class:`~routines.errors.CatalogueError`.

    >>> len(load_catalogue()) >= 150
    True
    """
    sources: list[tuple[str, Traversable]] = [("exercises", builtin_exercises())]
    problems: list[Problem] = []
    for extra in extra_dirs:
        folder = Path(extra)
        if not folder.is_dir():
            what = "does not exist" if not folder.exists() else "is not a folder"
            problems.append(Problem(str(folder), "", f"{what}; give a folder of .toml files"))
            continue
        sources.append((str(folder), folder))
    by_id: dict[str, Exercise] = {}
    where: dict[str, str] = {}
    for prefix, folder in sources:
        seen_here: dict[str, str] = {}
        for shown, entry in _toml_files(folder, prefix):
            exercise, found = _read(shown, entry)
            problems += found
            if exercise is None:
                continue
            if exercise.id in seen_here:
                problems.append(
                    Problem(shown, "id", f"{exercise.id!r} is also defined in {seen_here[exercise.id]}")
                )
            seen_here[exercise.id] = shown
            by_id[exercise.id] = exercise
            where[exercise.id] = shown
    if problems:
        raise CatalogueError(problems)
    return Catalogue(by_id.values(), sources=where)
