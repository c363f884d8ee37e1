"""Catalogue queries: get, filter, search, len and iteration."""

from __future__ import annotations

import pytest

from routines import Catalogue, Equipment, Level, Modality, Muscle, UnknownExerciseError


def test_len_iteration_and_membership(catalogue: Catalogue) -> None:
    ids = [exercise.id for exercise in catalogue]
    assert len(ids) == len(catalogue) == len(set(ids))
    assert ids == sorted(ids)
    assert "plank" in catalogue and "no-such-thing" not in catalogue


def test_unknown_id_suggests_close_matches(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownExerciseError) as caught:
        catalogue.get("band-rwo")
    assert "band-row" in caught.value.close_matches
    assert "did you mean 'band-row'" in str(caught.value)
    assert isinstance(caught.value, KeyError)


def test_unknown_id_with_nothing_close_points_to_the_list(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownExerciseError, match="routines exercises"):
        catalogue.get("zzzzzz")


def test_filter_by_modality_and_muscle(catalogue: Catalogue) -> None:
    found = catalogue.filter(modality="static_stretch", muscle=Muscle.PEC_MINOR)
    assert found
    assert all(e.modality is Modality.STATIC_STRETCH for e in found)
    assert all(Muscle.PEC_MINOR in e.primary_muscles for e in found)


def test_filter_by_equipment_means_doable_with_it(catalogue: Catalogue) -> None:
    bodyweight = catalogue.filter(equipment=[])
    assert bodyweight and all(
        set(e.equipment) <= {"none", "mat", "wall", "doorway", "towel", "chair"} for e in bodyweight
    )
    with_band = catalogue.filter(equipment=[Equipment.BAND])
    assert {e.id for e in bodyweight} < {e.id for e in with_band}
    assert "band-row" in {e.id for e in with_band}
    assert "one-arm-dumbbell-row" not in {e.id for e in with_band}


def test_filter_by_level_includes_easier(catalogue: Catalogue) -> None:
    beginner = catalogue.filter(level=Level.BEGINNER)
    intermediate = catalogue.filter(level="intermediate")
    assert all(e.level is Level.BEGINNER for e in beginner)
    assert set(map(id, beginner)) < set(map(id, intermediate))


def test_filter_rejects_unknown_values(catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="strenght"):
        catalogue.filter(modality="strenght")


def test_search_ranks_exact_names_first(catalogue: Catalogue) -> None:
    found = catalogue.search("plank")
    assert found[0].id == "plank"
    assert {"side-plank", "knee-plank"} <= {e.id for e in found}
    assert catalogue.search("ROWS")[0].id == "band-row"  # by alias, any case
    assert catalogue.search("   ") == []


def test_search_falls_back_to_close_spellings(catalogue: Catalogue) -> None:
    assert "plank" in {e.id for e in catalogue.search("plamk")}
