"""Reading the catalogue from TOML files: the built-in one and user folders."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from routines._convert import MISSING, converter, describe
from routines._files import read_limited
from routines.catalogue.catalogue import Catalogue
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import format_guide
from routines.errors import CatalogueError, Problem, RoutinesError

__all__ = ["builtin_exercises", "load_catalogue"]


def builtin_exercises() -> Traversable:
    """The folder of built-in exercise files shipped inside the package."""
    return files("routines") / "exercises"


#: How deep a user's folder of exercises may nest.
MAX_DEPTH = 12


def _toml_files(
    folder: Traversable,
    prefix: str,
    problems: list[Problem],
    seen: list[Path] | None = None,
    depth: int = 0,
) -> Iterator[tuple[str, Traversable]]:
    """The ``.toml`` files under ``folder``, each folder once however links loop; a
    link to nothing or out of the folder, or a folder too deep, is a problem, never
    a hang. (``seen[0]`` is the folder the walk began in.)"""
    if isinstance(folder, Path):
        seen = [] if seen is None else seen
        try:
            real = folder.resolve(strict=True)
        except (OSError, RuntimeError):
            problems.append(Problem(prefix, "", "is a link that leads nowhere; remove it"))
            return
        if real in seen:
            return  # a link back to a folder already read
        if seen and not real.is_relative_to(seen[0]):
            problems.append(
                Problem(prefix, "", f"is a link out of the folder (to {real}); remove it")
            )
            return
        seen.append(real)
        if depth > MAX_DEPTH:
            problems.append(Problem(prefix, "", f"is nested more than {MAX_DEPTH} folders deep"))
            return
    try:
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(prefix, "", f"cannot be read: {exc.strerror or exc}"))
        return
    for entry in entries:
        shown = f"{prefix}/{entry.name}"
        if isinstance(entry, Path) and entry.is_symlink() and not entry.exists():
            problems.append(Problem(shown, "", "is a link that leads nowhere; remove it"))
        elif entry.is_dir():
            yield from _toml_files(entry, shown, problems, seen, depth + 1)
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
                    files = loaded.get("files")
                    self.old = files if isinstance(files, dict) else {}
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
        """The parsed data of an unchanged file; anything odd in the cache (a damaged
        or foreign file) is simply a miss, and the file is parsed again."""
        stamp = self._stamp(entry)
        cached = self.old.get(str(entry)) if isinstance(self.old, dict) else None
        if (
            stamp is not None
            and isinstance(cached, list)
            and len(cached) >= 3
            and cached[:2] == stamp
            and isinstance(cached[2], dict)
        ):
            self.new[str(entry)] = cached
            return cached[2]
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

    def forget(self, entry: Traversable) -> None:
        """Drop what the cache held for ``entry`` (it did not make an exercise)."""
        self.old.pop(str(entry), None)
        self.new.pop(str(entry), None)

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
        except (OSError, TypeError, ValueError, RoutinesError):
            pass  # a cache is an optimisation (a full disk, a size limit): never fail over it


#: The largest exercise file read: an exercise is a page of text.
FILE_LIMIT = 1024 * 1024


def _parse(
    shown: str, entry: Traversable, cache: _ParseCache | None
) -> dict[str, object] | Problem:
    raw = cache.get(entry) if cache is not None else None
    if raw is not None:
        return raw
    import tomllib  # only when a file is read (the catalogue's cache spares it)

    try:
        if isinstance(entry, Path):  # a user's folder: a regular file of sane size
            data = read_limited(entry, limit=FILE_LIMIT, what="exercise", error=RoutinesError)
        else:
            data = entry.read_bytes()
        return tomllib.loads(data.decode("utf-8"))
    except RoutinesError as exc:
        return Problem(shown, "", exc.reason.split(": ", 1)[-1])
    except RecursionError:
        return Problem(shown, "", "is nested too deeply to be an exercise file")
    except UnicodeDecodeError as exc:
        return Problem(shown, "", f"is not UTF-8 text ({exc.reason}); save it as UTF-8")
    except tomllib.TOMLDecodeError as exc:
        return Problem(shown, "", f"is not valid TOML: {exc}")


def _read(
    shown: str, entry: Traversable, cache: _ParseCache
) -> tuple[Exercise | None, list[Problem]]:
    found = _read_from(shown, entry, cache)
    if found[1] and cache.get(entry) is not None:  # a damaged cache: the file decides
        cache.forget(entry)
        found = _read_from(shown, entry, None)
    if not found[1]:
        cache.put(entry, found[2])
    return found[0], found[1]


def _read_from(
    shown: str, entry: Traversable, cache: _ParseCache | None
) -> tuple[Exercise | None, list[Problem], dict[str, object]]:
    raw = _parse(shown, entry, cache)
    if isinstance(raw, Problem):
        return None, [raw], {}
    stem = entry.name.removesuffix(".toml")
    problems = []
    if raw.get("id", stem) != stem:
        problems.append(
            Problem(shown, "id", f"{raw['id']!r} differs from the file name; rename one to match")
        )
    try:
        exercise = converter.structure(raw, Exercise)
    except Exception as exc:  # cattrs groups every field error in one exception
        guide = f" ({format_guide()} lists every field)"
        problems += [
            Problem(shown, field, message + guide if message == MISSING else message)
            for field, message in describe(exc)
        ]
        return None, problems, raw
    return exercise, problems, raw


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
        for shown, entry in _toml_files(folder, prefix, problems):
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
