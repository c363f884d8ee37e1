"""`routines exercises`: table, filters, show, JSON, and clean errors."""

from __future__ import annotations

import json

import pytest

from routines import Catalogue, Exercise
from routines._convert import converter
from routines.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_table_lists_everything(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    status, out, _ = run(capsys, "exercises")
    assert status == 0
    assert f"{len(catalogue)} of {len(catalogue)} exercises" in out
    assert "band-row" in out and "Band row" in out
    # not a terminal (a file, a pipe): whole lines, every column there
    row = next(line for line in out.splitlines() if line.startswith("band-row "))
    assert row.split() == ["band-row", "Band", "row", "strength", "horizontal_pull",
                           "beginner", "band"] and len(row) > 100  # fmt: skip


def test_filters_narrow_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "exercises", "--modality", "static_stretch", "--muscle", "pec_minor"
    )
    assert status == 0
    assert "doorway-chest-stretch" in out and "band-row" not in out


def test_show_one_exercise(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    status, out, _ = run(capsys, "exercises", "show", "band-row")
    assert status == 0
    exercise = catalogue.get("band-row")
    assert exercise.name in out
    assert all(step[:30] in out.replace("\n       ", " ") for step in exercise.instructions)


def test_json_is_the_whole_catalogue_and_round_trips(
    capsys: pytest.CaptureFixture[str], catalogue: Catalogue
) -> None:
    status, out, _ = run(capsys, "exercises", "--json")
    assert status == 0
    entries = json.loads(out)
    assert len(entries) == len(catalogue)
    assert set(entries[0]) >= {"id", "name", "dosage", "progressions", "per_side", "dose"}
    rebuilt = [converter.structure(entry, Exercise) for entry in entries]
    assert rebuilt == list(catalogue)


def test_unknown_exercise_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "exercises", "show", "band-rwo")
    assert status == 1
    assert err.startswith("routines: error: unknown exercise 'band-rwo'; did you mean 'band-row', ")
    assert err.count("\n") == 1, "one line, no traceback"


def test_bad_filter_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["exercises", "--level", "expert"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "argument --level: 'expert' is not allowed; use one of: beginner" in err


def test_stray_words_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "exercises", "plank")
    assert status == 2
    assert "routines exercises show ID" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("routines ")
