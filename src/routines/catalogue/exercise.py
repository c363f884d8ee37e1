"""What one exercise is: the frozen record behind each catalogue file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from routines.catalogue.figure.values import Figure

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
from routines.catalogue.vocab import (
    ALWAYS_AVAILABLE,
    Caution,
    Dose,
    Equipment,
    Level,
    Modality,
    Muscle,
    Pattern,
)

__all__ = ["Dosage", "Exercise"]

#: For each level, the easier levels from the nearest down.
_EASIER = {
    Level.BEGINNER: (),
    Level.INTERMEDIATE: (Level.BEGINNER,),
    Level.ADVANCED: (Level.INTERMEDIATE, Level.BEGINNER),
}


@attrs.frozen
class Dosage:
    """The default dose of an exercise for one level.

    Exactly one of ``reps`` (a ``(low, high)`` range), ``hold_s`` or
    ``duration_s`` is set, the one the exercise's ``dose`` names.
    """

    sets: int
    rest_s: int
    reps: tuple[int, int] | None = None
    hold_s: int | None = None
    duration_s: int | None = None
    tempo: str | None = None


@attrs.frozen
class Exercise:
    """One exercise of the catalogue.

    The field names are the catalogue's TOML keys and the JSON exchange format;
    ``exercises/README.md`` documents each one. A :class:`~routines.Catalogue`
    checks every rule when it is built, so an exercise inside one is valid.

    >>> from routines import load_catalogue
    >>> plank = load_catalogue().get("plank")
    >>> plank.modality, plank.dose, plank.per_side
    (<Modality.ISOMETRIC: 'isometric'>, <Dose.HOLD: 'hold'>, False)
    >>> plank.regressions  # easier variants, by id
    ('knee-plank',)
    >>> plank.fits(frozenset()), plank.loaded  # needs only a mat; no band or weights
    (True, False)
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    modality: Modality
    pattern: Pattern
    primary_muscles: tuple[Muscle, ...]
    secondary_muscles: tuple[Muscle, ...]
    equipment: tuple[Equipment, ...]
    level: Level
    per_side: bool
    dose: Dose
    dosage: dict[Level, Dosage] = attrs.field(hash=False)
    instructions: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    cautions: tuple[Caution, ...] = ()
    progressions: tuple[str, ...] = ()
    regressions: tuple[str, ...] = ()
    #: How to draw it (``routines.catalogue.figure``); ``None`` draws a placeholder.
    figure: Figure | None = attrs.field(default=None, metadata={"omit_if_default": True})

    def dosage_for(self, level: Level) -> Dosage:
        """The dosage for ``level``, or for the nearest level below it."""
        found = self.dosage.get(level)
        if found is not None:
            return found
        for candidate in _EASIER[level]:
            if candidate in self.dosage:
                return self.dosage[candidate]
        return self.dosage[self.level]

    def fits(self, equipment: frozenset[Equipment]) -> bool:
        """True when everything this exercise needs is at hand."""
        return all(item in equipment or item in ALWAYS_AVAILABLE for item in self.equipment)

    @property
    def loaded(self) -> bool:
        """True when it uses external load (band, weights, cable, machine)."""
        return any(item.is_load for item in self.equipment)

    @property
    def muscles(self) -> tuple[Muscle, ...]:
        return self.primary_muscles + self.secondary_muscles

    def drawing(self, width_mm: float = 35.0, height_mm: float | None = None) -> Drawing:
        """The exercise's figure as a reportlab ``Drawing`` (``figure`` holds its pose
        data): start pose light grey, end pose dark, an arrow along the movement; a
        plain standing figure when the file has no ``[figure]`` table. Draw it to a PDF
        with ``reportlab.graphics.renderPDF`` or to SVG with ``renderSVG``, or put it in
        a platypus story as it is.

        >>> from routines import load_catalogue
        >>> drawing = load_catalogue().get("band-row").drawing(width_mm=50)
        >>> round(drawing.width / 72 * 25.4)
        50
        """
        from routines.catalogue.figure.render import draw

        return draw(self, width_mm, height_mm)
