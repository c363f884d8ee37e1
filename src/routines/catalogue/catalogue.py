"""The catalogue: a validated, read-only collection of exercises with queries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from routines._closest import closest
from routines.catalogue.chains import Chains
from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import ALWAYS_AVAILABLE, Equipment, Level, Modality, Muscle, Pattern
from routines.errors import CatalogueError, Problem, UnknownExerciseError

__all__ = ["Catalogue"]


class Catalogue:
    """A read-only, validated set of exercises, keyed by id.

    Building one checks every rule of ``exercises/README.md`` and raises a
    :class:`~routines.errors.CatalogueError` listing every problem.

    >>> from routines import load_catalogue
    >>> catalogue = load_catalogue()
    >>> catalogue.get("band-row").pattern
    <Pattern.HORIZONTAL_PULL: 'horizontal_pull'>
    >>> "plank" in catalogue
    True
    """

    __slots__ = ("_by_id", "_chains", "_own", "_sources")

    def __init__(
        self,
        exercises: Iterable[Exercise],
        *,
        sources: Mapping[str, str] | None = None,
        own: Iterable[str] = (),
        _checked: Iterable[str] = (),
    ) -> None:
        # the checks (figures among them) load only when called: a catalogue read
        # from the loader's cache has checked most exercises already
        from routines.catalogue.checks import catalogue_problems, exercise_problems

        sources = dict(sources or {})
        checked = frozenset(_checked)
        by_id: dict[str, Exercise] = {}
        problems: list[Problem] = []
        for exercise in exercises:
            where = sources.get(exercise.id, f"exercise {exercise.id!r}")
            if exercise.id in by_id:
                problems.append(Problem(where, "id", f"{exercise.id!r} is defined twice"))
            by_id[exercise.id] = exercise
            if exercise.id not in checked:  # the loader's cache: passed, and unchanged
                problems += (Problem(where, f, m) for f, m in exercise_problems(exercise))
        for exercise_id, field, message in catalogue_problems(by_id):
            where = sources.get(exercise_id, f"exercise {exercise_id!r}")
            problems.append(Problem(where, field, message))
        if problems:
            raise CatalogueError(problems)
        self._by_id = dict(sorted(by_id.items()))
        self._sources = sources
        self._chains: Chains | None = None
        self._own = frozenset(own) & set(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __repr__(self) -> str:
        return f"<Catalogue of {len(self)} exercises>"

    @property
    def own(self) -> frozenset[str]:
        """The ids of exercises from a person's own folders (new ones, and built-ins they
        replaced): the planner prefers them wherever they fit as well.

        >>> from routines import load_catalogue
        >>> load_catalogue().own
        frozenset()
        """
        return self._own

    @property
    def chains(self) -> Chains:
        """How the exercises relate through their easier and harder variants."""
        if self._chains is None:
            self._chains = Chains(self)
        return self._chains

    def source(self, exercise_id: str) -> str | None:
        """The file an exercise was read from, if it came from a file.

        >>> from routines import load_catalogue
        >>> load_catalogue().source("plank").endswith("/plank.toml")
        True
        """
        return self._sources.get(exercise_id)

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; an unknown id suggests close matches.

        >>> from routines import load_catalogue
        >>> catalogue = load_catalogue()
        >>> catalogue.get("doorway-chest-stretch").name
        'Doorway chest stretch'
        >>> try:
        ...     catalogue.get("bandrow")
        ... except UnknownExerciseError as error:
        ...     print(error.close_matches[0])
        band-row
        """
        try:
            return self._by_id[exercise_id]
        except KeyError:
            close = closest(exercise_id, self._by_id, n=3) or tuple(
                found.id for found in self.search(exercise_id)[:3]
            )
            raise UnknownExerciseError(exercise_id, close) from None

    def filter(
        self,
        *,
        modality: Modality | str | None = None,
        pattern: Pattern | str | None = None,
        muscle: Muscle | str | None = None,
        equipment: Iterable[Equipment | str] | None = None,
        level: Level | str | None = None,
    ) -> list[Exercise]:
        """Exercises matching every filter given.

        - ``muscle``: the muscle is one of the exercise's primary muscles;
        - ``equipment``: the exercise can be done with this equipment (plus what
          everybody has: none, mat, wall, doorway, towel, chair);
        - ``level``: the exercise suits that level (its own level or an easier one).

        Values may be vocabulary members or their text:

        >>> from routines import load_catalogue
        >>> catalogue = load_catalogue()
        >>> stretches = catalogue.filter(modality="static_stretch", muscle="pec_minor")
        >>> "doorway-chest-stretch" in [exercise.id for exercise in stretches]
        True
        >>> with_a_band = catalogue.filter(equipment=["band"], level="beginner")
        >>> all(exercise.level == "beginner" for exercise in with_a_band)
        True
        >>> needed = {item for exercise in with_a_band for item in exercise.equipment}
        >>> needed - ALWAYS_AVAILABLE == {"band"}
        True
        """
        have = None if equipment is None else frozenset(map(Equipment, equipment))
        found = []
        for exercise in self:
            if modality is not None and exercise.modality != Modality(modality):
                continue
            if pattern is not None and exercise.pattern != Pattern(pattern):
                continue
            if muscle is not None and Muscle(muscle) not in exercise.primary_muscles:
                continue
            if have is not None and not exercise.fits(have | ALWAYS_AVAILABLE):
                continue
            if level is not None and exercise.level.rank > Level(level).rank:
                continue
            found.append(exercise)
        return found

    def search(self, text: str) -> list[Exercise]:
        """Exercises whose id, name or an alias contains ``text``, best first.

        An exact name or alias comes first, then names starting with the text,
        then any other match; with no match at all, close spellings.

        >>> from routines import load_catalogue
        >>> catalogue = load_catalogue()
        >>> catalogue.search("row")[0].name  # "row" is an alias of the band row
        'Band row'
        >>> [exercise.name for exercise in catalogue.search("plnak")]
        ['Plank']
        """
        needle = " ".join(text.lower().replace("-", " ").split())
        if not needle:
            return []
        ranked: list[tuple[int, str, Exercise]] = []
        for exercise in self:
            names = [exercise.name.lower(), exercise.id.replace("-", " ")]
            names += [alias.lower() for alias in exercise.aliases]
            if needle in names:
                rank = 0
            elif any(name.startswith(needle) for name in names):
                rank = 1
            elif any(needle in name for name in names):
                rank = 2
            else:
                continue
            ranked.append((rank, exercise.name.lower(), exercise))
        if not ranked:
            by_name = {exercise.name.lower(): exercise for exercise in self}
            for alias_owner in self:
                for alias in alias_owner.aliases:
                    by_name.setdefault(alias.lower(), alias_owner)
            close = closest(needle, by_name, n=5, cutoff=0.7)
            return list(dict.fromkeys(by_name[name] for name in close))
        return [exercise for _, _, exercise in sorted(ranked, key=lambda r: r[:2])]
