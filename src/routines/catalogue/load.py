"""Reading the catalogue from TOML files: the built-in one and user folders."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Iterable, Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from routines._convert import converter, describe
from routines._files import read_limited
from routines.catalogue.catalogue import Catalogue
from routines.catalogue.exercise import Exercise
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


class _ParseCache:
    """Parsed TOML of unchanged files, kept between runs.

    Parsing TOML is most of the cost of loading the catalogue, so the parsed
    data of every valid file is cached as JSON under the user's cache folder,
    keyed by the file's path, size and modification time. A file whose exercise
    passed its own checks (fields, dosage, figure) is marked so, and is not
    checked again until it changes; the cache belongs to one version of routines,
    so new checks always run. Set ``ROUTINES_CACHE=off`` to turn it off. A cache
    that cannot be read or written is ignored: it only ever saves time.
    """

    def __init__(self, sources: list[tuple[str, Traversable]]) -> None:
        self.enabled = os.environ.get("ROUTINES_CACHE", "").lower() not in {"off", "0", "no"}
        from routines._version import version

        key = "\0".join([version(), *(str(folder) for _, folder in sources)])
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        self.path = Path(base) / "routines" / f"catalogue-{digest}.json"
        self.old: dict[str, list[object]] = {}
        self.new: dict[str, list[object]] = {}
        if self.enabled:
            try:
                loaded = json.loads(self.path.read_bytes())
                if isinstance(loaded, dict) and loaded.get("format") == 1:
                    self.old = loaded["files"]
            except (OSError, ValueError, KeyError, TypeError):
                self.old = {}

    @staticmethod
    def _stamp(entry: Traversable) -> list[int] | None:
        if not isinstance(entry, Path):
            return None
        try:
            stat = entry.stat()
        except OSError:
            return None
        return [stat.st_mtime_ns, stat.st_size]

    def get(self, entry: Traversable) -> dict[str, object] | None:
        stamp = self._stamp(entry)
        cached = self.old.get(str(entry))
        if stamp is not None and cached is not None and cached[:2] == stamp:
            self.new[str(entry)] = cached
            raw = cached[2]
            return raw if isinstance(raw, dict) else None
        return None

    def checked(self, entry: Traversable) -> bool:
        """True when the file is unchanged since its exercise passed its checks."""
        kept = self.new.get(str(entry))
        return kept is not None and len(kept) > 3 and kept[3] is True

    def put(self, entry: Traversable, raw: dict[str, object]) -> None:
        stamp = self._stamp(entry)
        kept = self.new.get(str(entry))
        if stamp is not None and (kept is None or kept[:2] != stamp):  # new or changed
            self.new[str(entry)] = [*stamp, raw]

    def mark_checked(self, entries: Iterable[Traversable]) -> None:
        """These files' exercises passed their checks (the catalogue loaded)."""
        for entry in entries:
            kept = self.new.get(str(entry))
            if kept is not None:
                self.new[str(entry)] = [*kept[:3], True]

    def save(self) -> None:
        if not self.enabled or self.new == self.old:
            return
        try:
            from routines._files import write_atomic

            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps({"format": 1, "files": self.new}).encode())
        except (OSError, TypeError, ValueError):
            pass  # a cache is an optimisation; never fail a load over it


#: The largest exercise file read: an exercise is a page of text.
FILE_LIMIT = 1024 * 1024


def _parse(shown: str, entry: Traversable, cache: _ParseCache) -> dict[str, object] | Problem:
    raw = cache.get(entry)
    if raw is not None:
        return raw
    try:
        if isinstance(entry, Path):  # a user's folder: a regular file of sane size
            data = read_limited(entry, limit=FILE_LIMIT, what="exercise", error=CatalogueError)
        else:
            data = entry.read_bytes()
        return tomllib.loads(data.decode("utf-8"))
    except CatalogueError as exc:
        return Problem(shown, "", str(exc).split(": ", 1)[-1])
    except RecursionError:
        return Problem(shown, "", "is nested too deeply to be an exercise file")
    except UnicodeDecodeError as exc:
        return Problem(shown, "", f"is not UTF-8 text ({exc.reason}); save it as UTF-8")
    except tomllib.TOMLDecodeError as exc:
        return Problem(shown, "", f"is not valid TOML: {exc}")


def _read(
    shown: str, entry: Traversable, cache: _ParseCache
) -> tuple[Exercise | None, list[Problem]]:
    raw = _parse(shown, entry, cache)
    if isinstance(raw, Problem):
        return None, [raw]
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
    if not problems:
        cache.put(entry, raw)
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
        user_folder = Path(extra)
        if not user_folder.is_dir():
            what = "does not exist" if not user_folder.exists() else "is not a folder"
            problems.append(Problem(str(user_folder), "", f"{what}; give a folder of .toml files"))
            continue
        sources.append((str(user_folder), user_folder))
    by_id: dict[str, Exercise] = {}
    where: dict[str, str] = {}
    own: set[str] = set()
    checked: set[str] = set()
    entry_of: dict[str, Traversable] = {}
    cache = _ParseCache(sources)
    for number, (prefix, folder) in enumerate(sources):
        seen_here: dict[str, str] = {}
        for shown, entry in _toml_files(folder, prefix):
            exercise, found = _read(shown, entry, cache)
            problems += found
            if exercise is None:
                continue
            if exercise.id in seen_here:
                problems.append(
                    Problem(
                        shown, "id", f"{exercise.id!r} is also defined in {seen_here[exercise.id]}"
                    )
                )
            seen_here[exercise.id] = shown
            by_id[exercise.id] = exercise
            where[exercise.id] = shown
            entry_of[exercise.id] = entry
            if cache.checked(entry):
                checked.add(exercise.id)
            else:
                checked.discard(exercise.id)
            if number:
                own.add(exercise.id)
    if problems:
        raise CatalogueError(problems)
    catalogue = Catalogue(by_id.values(), sources=where, own=own, _checked=checked)
    cache.mark_checked(entry_of.values())
    cache.save()
    return catalogue
