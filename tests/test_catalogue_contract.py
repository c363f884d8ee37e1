"""The contract every built-in exercise passes, and what the catalogue must cover."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from routines import Catalogue, Equipment, Level, Modality, Muscle, Pattern
from routines.catalogue.checks import KEBAB

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "exercises").rglob("*.toml"))
FIELD_ORDER = [
    "id", "name", "aliases", "modality", "pattern", "primary_muscles", "secondary_muscles",
    "equipment", "level", "per_side", "dose", "cautions", "progressions", "regressions",
    "instructions", "cues", "mistakes", "dosage",
]  # fmt: skip


def test_there_are_files_to_check() -> None:
    assert len(FILES) >= 150


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_file_follows_the_schema(path: Path, catalogue: Catalogue) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    fields = list(raw)
    assert fields in (FIELD_ORDER, [*FIELD_ORDER, "figure"]), "fields missing or out of order"
    assert KEBAB.fullmatch(path.stem)
    exercise = catalogue.get(path.stem)
    assert exercise.id == raw["id"] == path.stem
    assert 3 <= len(exercise.instructions) <= 6
    assert 1 <= len(exercise.cues) <= 3
    assert 1 <= len(exercise.mistakes) <= 3
    if exercise.modality is Modality.STATIC_STRETCH:
        for dosage in exercise.dosage.values():
            assert dosage.hold_s is not None
            assert 20 <= dosage.hold_s <= 30, "cool-down stretches are held 20-30 s"
            assert 2 <= dosage.sets <= 4
    for link in exercise.progressions:
        harder = catalogue.get(link)
        assert harder.level.rank >= exercise.level.rank
        assert harder.dose is exercise.dose


def test_counts_per_modality(catalogue: Catalogue) -> None:
    counts = Counter(exercise.modality for exercise in catalogue)
    assert len(catalogue) >= 150
    assert counts[Modality.STATIC_STRETCH] >= 30
    assert counts[Modality.MOBILITY] + counts[Modality.ACTIVATION] + counts[Modality.CARDIO] >= 25
    assert counts[Modality.STRENGTH] >= 60
    assert counts[Modality.ISOMETRIC] >= 15


@pytest.mark.parametrize(
    "name",
    [
        "rows", "lat pulldowns", "reverse flies", "planks", "bridges", "Russian twist",
        "shoulder blade squeezes", "chest stretch", "upper trapezius stretch",
        "arm circles", "torso twists",
    ],
)  # fmt: skip
def test_the_founding_exercises_are_there_by_name_or_alias(name: str, catalogue: Catalogue) -> None:
    wanted = name.lower()
    assert any(
        wanted == exercise.name.lower() or wanted in (a.lower() for a in exercise.aliases)
        for exercise in catalogue
    ), f"no exercise is called {name!r}"


TIERS = {
    "bodyweight": set(),
    "band": {Equipment.BAND},
    "dumbbells": {Equipment.BAND, Equipment.DUMBBELL, Equipment.BENCH},
    "gym": set(Equipment),
}
STRENGTH = {Modality.STRENGTH, Modality.ISOMETRIC}
MAJOR = [
    Muscle.CHEST, Muscle.RHOMBOIDS, Muscle.MIDDLE_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS,
    Muscle.LATS, Muscle.REAR_DELTS, Muscle.SIDE_DELTS, Muscle.FRONT_DELTS, Muscle.BICEPS,
    Muscle.TRICEPS, Muscle.ABS, Muscle.OBLIQUES, Muscle.LOWER_BACK, Muscle.GLUTES,
    Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.CALVES,
]  # fmt: skip


@pytest.mark.parametrize("tier", TIERS)
def test_every_tier_has_a_beginner_option_for_every_pattern_and_muscle(
    tier: str, catalogue: Catalogue
) -> None:
    options = [
        e
        for e in catalogue.filter(equipment=TIERS[tier], level=Level.BEGINNER)
        if e.modality in STRENGTH
    ]
    for pattern in (
        Pattern.HORIZONTAL_PULL,
        Pattern.VERTICAL_PULL,
        Pattern.HORIZONTAL_PUSH,
        Pattern.VERTICAL_PUSH,
    ):
        assert any(e.pattern is pattern for e in options), f"{tier}: no beginner {pattern}"
    assert any(e.pattern.is_core for e in options), f"{tier}: no beginner core exercise"
    for muscle in MAJOR:
        assert any(muscle in e.primary_muscles for e in options), f"{tier}: no {muscle}"
    # the cool-down always has a chest / pec minor and an upper trapezius stretch
    stretches = catalogue.filter(
        modality=Modality.STATIC_STRETCH, equipment=TIERS[tier], level=Level.BEGINNER
    )
    for muscle in (Muscle.PEC_MINOR, Muscle.UPPER_TRAPEZIUS):
        assert any(muscle in e.primary_muscles for e in stretches)


def test_chains_named_in_the_brief(catalogue: Catalogue) -> None:
    def harder(a: str, b: str) -> None:
        assert b in catalogue.get(a).progressions and a in catalogue.get(b).regressions

    harder("wall-push-up", "incline-push-up")
    harder("band-row", "one-arm-dumbbell-row")
    harder("one-arm-dumbbell-row", "seated-cable-row")
    harder("knee-plank", "plank")


def test_cautions_follow_the_training_rules(catalogue: Catalogue) -> None:
    twist = catalogue.get("weighted-russian-twist")
    assert {"loaded_rotation", "loaded_spinal_flexion"} <= set(twist.cautions)
    assert {"russian-twist", "standing-band-rotation"} <= set(twist.regressions)
    raises = [
        e for e in catalogue if "lateral raise" in e.name.lower() or "upright row" in e.name.lower()
    ]
    assert len(raises) >= 3
    for exercise in raises:
        assert "shoulder_height" in exercise.cautions, exercise.id
        assert any(
            "shoulder height" in step.lower() for step in exercise.instructions + exercise.cues
        )
    for exercise in catalogue:
        if exercise.modality.is_warmup:
            assert exercise.dose != "hold", "warm-ups are dynamic"
