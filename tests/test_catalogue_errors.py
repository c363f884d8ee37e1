"""Every class of bad catalogue data gives one clear error naming file, field, value and fix."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from exercise_text import valid
from routines import Catalogue, CatalogueError, load_catalogue

Write = Callable[[str, str], Path]


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    return [str(problem) for problem in caught.value.problems]


def test_a_valid_user_file_loads(write_exercise: Write) -> None:
    folder = write_exercise("test-towel-row.toml", valid())
    catalogue = load_catalogue(folder)
    assert catalogue.get("test-towel-row").name == "Test towel row"
    assert catalogue.source("test-towel-row") == str(folder / "test-towel-row.toml")


def test_malformed_toml(write_exercise: Write) -> None:
    folder = write_exercise("bad.toml", 'id = "bad"\nname = [\n')
    (problem,) = problems_of(folder)
    assert "bad.toml" in problem and "not valid TOML" in problem


def test_not_utf8(write_exercise: Write, tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes(
        valid("latin").replace("Test", "T\xe9st").encode("latin-1")
    )
    (problem,) = problems_of(tmp_path)
    assert "latin.toml" in problem and "UTF-8" in problem


def test_unknown_field_suggests_the_right_name(write_exercise: Write) -> None:
    text = valid().replace("primary_muscles =", "primary_muscle =")
    found = problems_of(write_exercise("test-towel-row.toml", text))
    assert any("primary_muscle: unknown field; did you mean 'primary_muscles'" in p for p in found)
    (missing,) = [p for p in found if "primary_muscles: is missing" in p]
    # the format's description is named where an installed routines has it
    guide = re.search(r"\((\S+README\.md) lists every field\)", missing)
    assert guide is not None and Path(guide.group(1)).is_file(), missing


def test_wrong_type_names_field_and_value(write_exercise: Write) -> None:
    text = valid().replace("sets = 2", 'sets = "two"', 1)
    (problem,) = problems_of(write_exercise("test-towel-row.toml", text))
    assert "test-towel-row.toml: dosage.beginner.sets: 'two' is not a whole number" in problem


def test_value_outside_a_vocabulary_lists_allowed_values(write_exercise: Write) -> None:
    text = valid().replace('modality = "strength"', 'modality = "strenght"')
    (problem,) = problems_of(write_exercise("test-towel-row.toml", text))
    assert "modality: 'strenght' is not allowed (did you mean 'strength'?)" in problem
    assert "static_stretch" in problem  # the allowed values are listed


def test_bad_muscle_in_a_list_names_its_index(write_exercise: Write) -> None:
    text = valid().replace('["rhomboids", "middle_trapezius"]', '["rhomboids", "traps"]')
    (problem,) = problems_of(write_exercise("test-towel-row.toml", text))
    assert "primary_muscles[1]: 'traps' is not allowed" in problem


def test_rule_violations_are_all_reported_together(write_exercise: Write) -> None:
    text = (
        valid()
        .replace('secondary_muscles = ["biceps"]', 'secondary_muscles = ["rhomboids"]')
        .replace("rest_s = 60", "rest_s = 900")
        .replace("reps = [8, 12]", "reps = [12, 8]", 1)
    )
    found = problems_of(write_exercise("test-towel-row.toml", text))
    assert len(found) == 3
    assert any("'rhomboids' is already primary" in p for p in found)
    assert any("dosage.beginner.rest_s: 900 is outside 0-300" in p for p in found)
    assert any("dosage.beginner.reps: [12, 8] has low > high" in p for p in found)


def test_dose_and_dosage_must_agree(write_exercise: Write) -> None:
    text = valid().replace("reps = [8, 12]\nrest_s = 60", "hold_s = 30\nrest_s = 60")
    found = problems_of(write_exercise("test-towel-row.toml", text))
    assert any("dosage.beginner.reps: is missing" in p for p in found)
    assert any("dosage.beginner.hold_s: 30 does not fit dose 'reps'" in p for p in found)


def test_missing_level_dosage(write_exercise: Write) -> None:
    text = valid().split("[dosage.advanced]")[0]
    (problem,) = problems_of(write_exercise("test-towel-row.toml", text))
    assert "dosage.advanced: is missing" in problem


def test_id_must_match_the_file_name(write_exercise: Write) -> None:
    found = problems_of(write_exercise("other-name.toml", valid()))
    assert any(
        "other-name.toml: id: 'test-towel-row' differs from the file name" in p for p in found
    )


def test_duplicate_ids_in_one_folder(write_exercise: Write) -> None:
    write_exercise("a/test-towel-row.toml", valid())
    folder = write_exercise("b/test-towel-row.toml", valid())
    (problem,) = problems_of(folder)
    assert "b/test-towel-row.toml: id: 'test-towel-row' is also defined in" in problem


def test_dangling_link_suggests_close_ids(write_exercise: Write) -> None:
    text = valid().replace("progressions = []", 'progressions = ["band-rowe"]')
    (problem,) = problems_of(write_exercise("test-towel-row.toml", text))
    assert "progressions: 'band-rowe' is not in the catalogue; did you mean 'band-row'" in problem


def test_one_way_link(write_exercise: Write) -> None:
    text = valid().replace("progressions = []", 'progressions = ["band-row"]')
    (problem,) = problems_of(write_exercise("test-towel-row.toml", text))
    assert "'band-row' does not list 'test-towel-row' under regressions" in problem


def test_cycle(write_exercise: Write) -> None:
    a = valid("loop-a").replace("progressions = []", 'progressions = ["loop-b"]')
    a = a.replace("regressions = []", 'regressions = ["loop-b"]')
    b = valid("loop-b").replace("progressions = []", 'progressions = ["loop-a"]')
    b = b.replace("regressions = []", 'regressions = ["loop-a"]')
    write_exercise("loop-a.toml", a)
    found = problems_of(write_exercise("loop-b.toml", b))
    assert any("goes round in a circle" in p and "loop-a -> loop-b -> loop-a" in p for p in found)


def test_missing_folder() -> None:
    with pytest.raises(CatalogueError, match="does not exist; give a folder"):
        load_catalogue("/nonexistent/exercises")


def test_user_file_overrides_a_builtin(write_exercise: Write, catalogue: Catalogue) -> None:
    assert catalogue.get("wall-sit").name != "My wall sit"
    text = valid("wall-sit").replace("Test towel row", "My wall sit")
    mine = load_catalogue(write_exercise("wall-sit.toml", text))
    assert mine.get("wall-sit").name == "My wall sit"
    assert len(mine) == len(catalogue)
    assert str(mine.source("wall-sit")).endswith("wall-sit.toml")


def test_cli_reports_a_broken_user_folder_without_traceback(write_exercise: Write) -> None:
    text = valid().replace('level = "beginner"', 'level = "expert"')
    folder = write_exercise("test-towel-row.toml", text)
    write_exercise("broken.toml", "name = \n")
    result = subprocess.run(
        [sys.executable, "-m", "routines", "exercises", "--catalogue", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("routines: error: the exercise catalogue has 2 problems:")
    assert "broken.toml: is not valid TOML" in result.stderr
    assert "test-towel-row.toml: level: 'expert' is not allowed" in result.stderr
    assert "beginner, intermediate, advanced" in result.stderr
