"""The controlled vocabularies of the catalogue and the planner.

Each is a :class:`enum.StrEnum`, so members compare equal to their text
(``Modality.STRENGTH == "strength"``) and serialise as plain strings.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ALWAYS_AVAILABLE",
    "Caution",
    "Dose",
    "Equipment",
    "Level",
    "Modality",
    "Muscle",
    "Pattern",
    "format_guide",
]


class Modality(StrEnum):
    """What kind of work an exercise is: three warm-up kinds, then strength,
    isometric holds and static stretches.

    >>> Modality("cardio").is_warmup, Modality.STATIC_STRETCH.is_warmup
    (True, False)
    """

    MOBILITY = "mobility"
    ACTIVATION = "activation"
    CARDIO = "cardio"
    STRENGTH = "strength"
    ISOMETRIC = "isometric"
    STATIC_STRETCH = "static_stretch"

    @property
    def is_warmup(self) -> bool:
        """Dynamic work that belongs in a warm-up."""
        return self in {Modality.MOBILITY, Modality.ACTIVATION, Modality.CARDIO}


class Pattern(StrEnum):
    """The movement pattern of an exercise. Reverse flies, face pulls, band
    pull-aparts and shoulder blade squeezes count as ``horizontal_pull``.

    >>> Pattern.HORIZONTAL_PULL.is_pull, Pattern("anti_rotation").is_core
    (True, True)
    """

    HORIZONTAL_PULL = "horizontal_pull"
    VERTICAL_PULL = "vertical_pull"
    HORIZONTAL_PUSH = "horizontal_push"
    VERTICAL_PUSH = "vertical_push"
    HINGE = "hinge"
    SQUAT = "squat"
    LUNGE = "lunge"
    CARRY = "carry"
    ANTI_EXTENSION = "anti_extension"
    ANTI_ROTATION = "anti_rotation"
    ANTI_LATERAL_FLEXION = "anti_lateral_flexion"
    ROTATION = "rotation"
    SPINAL_FLEXION = "spinal_flexion"
    SPINAL_EXTENSION = "spinal_extension"
    ISOLATION = "isolation"
    LOCOMOTION = "locomotion"
    MOBILITY = "mobility"
    STRETCH = "stretch"

    @property
    def is_pull(self) -> bool:
        return self in {Pattern.HORIZONTAL_PULL, Pattern.VERTICAL_PULL}

    @property
    def is_push(self) -> bool:
        return self in {Pattern.HORIZONTAL_PUSH, Pattern.VERTICAL_PUSH}

    @property
    def is_core(self) -> bool:
        return self in {
            Pattern.ANTI_EXTENSION,
            Pattern.ANTI_ROTATION,
            Pattern.ANTI_LATERAL_FLEXION,
            Pattern.ROTATION,
            Pattern.SPINAL_FLEXION,
        }

    @property
    def is_lower_body(self) -> bool:
        """Hinge, squat and lunge: the heavy leg patterns."""
        return self in {Pattern.HINGE, Pattern.SQUAT, Pattern.LUNGE}


class Muscle(StrEnum):
    """The muscles (and the thoracic spine) an exercise works or stretches."""

    CHEST = "chest"
    PEC_MINOR = "pec_minor"
    UPPER_TRAPEZIUS = "upper_trapezius"
    MIDDLE_TRAPEZIUS = "middle_trapezius"
    LOWER_TRAPEZIUS = "lower_trapezius"
    RHOMBOIDS = "rhomboids"
    LATS = "lats"
    REAR_DELTS = "rear_delts"
    FRONT_DELTS = "front_delts"
    SIDE_DELTS = "side_delts"
    ROTATOR_CUFF = "rotator_cuff"
    SERRATUS_ANTERIOR = "serratus_anterior"
    NECK = "neck"
    THORACIC_SPINE = "thoracic_spine"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    FOREARMS = "forearms"
    ABS = "abs"
    OBLIQUES = "obliques"
    LOWER_BACK = "lower_back"
    GLUTES = "glutes"
    HIP_FLEXORS = "hip_flexors"
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    ADDUCTORS = "adductors"
    CALVES = "calves"

    @property
    def is_core(self) -> bool:
        """Trunk muscles that may be trained on consecutive days."""
        return self in {Muscle.ABS, Muscle.OBLIQUES}

    @property
    def is_lower_body(self) -> bool:
        return self in {
            Muscle.GLUTES,
            Muscle.HIP_FLEXORS,
            Muscle.QUADS,
            Muscle.HAMSTRINGS,
            Muscle.ADDUCTORS,
            Muscle.CALVES,
        }


class Equipment(StrEnum):
    """What an exercise needs. The planner assumes everybody has nothing (``none``),
    a mat, a wall, a doorway, a towel and a chair."""

    NONE = "none"
    MAT = "mat"
    BAND = "band"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    BENCH = "bench"
    CABLE = "cable"
    MACHINE = "machine"
    PULLUP_BAR = "pullup_bar"
    WALL = "wall"
    DOORWAY = "doorway"
    FOAM_ROLLER = "foam_roller"
    STABILITY_BALL = "stability_ball"
    TOWEL = "towel"
    CHAIR = "chair"

    @property
    def is_load(self) -> bool:
        """Equipment that adds external load (the effort is then an RPE)."""
        return self in {
            Equipment.BAND,
            Equipment.DUMBBELL,
            Equipment.KETTLEBELL,
            Equipment.BARBELL,
            Equipment.CABLE,
            Equipment.MACHINE,
        }


#: Equipment everybody has: nothing, a mat, a wall, a doorway, a towel and a chair.
ALWAYS_AVAILABLE: frozenset[Equipment] = frozenset(
    {
        Equipment.NONE,
        Equipment.MAT,
        Equipment.WALL,
        Equipment.DOORWAY,
        Equipment.TOWEL,
        Equipment.CHAIR,
    }
)


class Level(StrEnum):
    """Training experience, easiest first.

    >>> Level.BEGINNER.rank < Level("advanced").rank
    True
    """

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.BEGINNER: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}


class Dose(StrEnum):
    """How an exercise is measured: repetitions, seconds held still, or seconds
    of continuous movement."""

    REPS = "reps"
    HOLD = "hold"
    DURATION = "duration"


class Caution(StrEnum):
    """A risk to know about an exercise; ``--avoid`` (or a request's ``avoid``)
    leaves out every exercise with the tag."""

    LOADED_SPINAL_FLEXION = "loaded_spinal_flexion"
    LOADED_ROTATION = "loaded_rotation"
    OVERHEAD = "overhead"
    SHOULDER_HEIGHT = "shoulder_height"
    WRIST_LOAD = "wrist_load"
    KNEE_LOAD = "knee_load"
    LOWER_BACK_LOAD = "lower_back_load"
    LUMBAR_EXTENSION = "lumbar_extension"
    HIGH_IMPACT = "high_impact"
    NECK = "neck"
    BALANCE = "balance"


def format_guide() -> str:
    """Where the exercise file format is described, every field and value: the
    catalogue's own README, installed with it (so a pip-installed routines has it)."""
    from importlib.resources import files

    return str(files("routines") / "exercises" / "README.md")
