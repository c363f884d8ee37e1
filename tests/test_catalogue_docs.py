"""exercises/README.md tells the truth: its example loads, and its field and
vocabulary lists are the ones the loader knows."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import attrs
import pytest

from routines import (
    Caution,
    Dose,
    Equipment,
    Exercise,
    Level,
    Modality,
    Muscle,
    Pattern,
    load_catalogue,
)
from routines.catalogue.exercise import Dosage
from routines.catalogue.figure.bases import BASES
from routines.catalogue.figure.names import JOINTS, Anchor, Base, Part, PropKind, View
from routines.catalogue.load import builtin_exercises

README = Path(str(builtin_exercises())) / "README.md"
TEXT = README.read_text(encoding="utf-8")


def test_the_example_loads_cleanly(tmp_path: Path) -> None:
    example = TEXT.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "band-row.toml").write_text(example, encoding="utf-8")
    catalogue = load_catalogue(tmp_path)  # raises CatalogueError listing any problem
    assert catalogue.source("band-row") == f"{tmp_path}/band-row.toml"


def _table_keys(heading: str) -> list[str]:
    """The first column of the table under ``heading``: `name` cells."""
    section = TEXT.split(heading, 1)[1]
    return re.findall(r"^\| `([a-z_]+)` \|", section.split("\n#", 1)[0], flags=re.M)


def test_the_fields_table_lists_every_field() -> None:
    assert _table_keys("## Fields") == [f.name for f in attrs.fields(Exercise)]


def test_the_dosage_table_lists_every_key() -> None:
    assert sorted(_table_keys("### `dosage`")) == sorted(f.name for f in attrs.fields(Dosage))


def _listed(label: str) -> list[str]:
    """The backquoted values after ``- label:`` in the vocabulary list."""
    vocabulary = TEXT.split("## Vocabularies", 1)[1].split("\n## ", 1)[0]
    item = re.search(rf"^- {re.escape(label)}:(.*?)(?=^- |\Z)", vocabulary, flags=re.M | re.S)
    assert item is not None, label
    text = item.group(1)
    if "\n  - " in text:  # one sub-item per value, the value first
        return re.findall(r"^  - `([a-z_]+)`", text, flags=re.M)
    return re.findall(r"`([a-z_]+)`", text.split("`.", 1)[0] + "`")  # the list ends at "`."


@pytest.mark.parametrize(
    ("label", "enum"),
    [
        ("`modality`", Modality),
        ("`pattern`", Pattern),
        ("muscles", Muscle),
        ("`equipment`", Equipment),
        ("`level`", Level),
        ("`dose`", Dose),
        ("`cautions`", Caution),
    ],
)
def test_every_vocabulary_is_listed_as_the_loader_knows_it(label: str, enum: type[StrEnum]) -> None:
    assert _listed(label) == [member.value for member in enum], f"{label} in {README}"


def test_the_figure_tables_list_every_key_joint_base_and_prop() -> None:
    from routines.catalogue.figure import Figure

    assert _table_keys("### `figure`") == [f.name for f in attrs.fields(Figure)]
    assert _table_keys("#### Joints") == list(JOINTS)
    assert _table_keys("#### Bases") == [base.value for base in Base]
    assert _table_keys("#### Props") == [kind.value for kind in PropKind]


def test_the_joint_ranges_are_the_ones_checked() -> None:
    section = TEXT.split("#### Joints", 1)[1].split("\n#", 1)[0]
    for joint, (low, high, _) in JOINTS.items():
        assert f"| `{joint}` | {low} to {high} |" in section, joint


def test_the_bases_rest_on_what_the_readme_says() -> None:
    section = TEXT.split("#### Bases", 1)[1].split("\n#", 1)[0]
    for base, posture in BASES.items():
        row = next(line for line in section.splitlines() if line.startswith(f"| `{base.value}` |"))
        rests_on = row.split("|")[3]
        for part in posture.floor + posture.seat + posture.grip:
            assert part.value in rests_on, (base, part)
        assert row.split("|")[4].strip() == posture.view.value, base


def test_every_body_part_and_anchor_is_named() -> None:
    section = TEXT.split("### `figure`", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([a-z_]+)`", section))
    for part in Part:
        side, _, rest = part.value.partition("_")
        assert part.value in named or (side == "far" and f"near_{rest}" in named), part
    assert {anchor.value for anchor in Anchor} <= named
    assert {view.value for view in View} <= named


def test_the_goal_preset_page_shows_what_its_example_prints() -> None:
    """The how-to's console block is the example's real output (the example runs as a
    reader would run it, in the docs folder)."""
    import subprocess
    import sys

    folder = Path(__file__).resolve().parent.parent / "docs" / "howto"
    page = (folder / "goal-preset.md").read_text(encoding="utf-8")
    shown = page.split("$ python goal_preset.py\n", 1)[1].split("```", 1)[0]
    done = subprocess.run(
        [sys.executable, "goal_preset.py"], cwd=folder, capture_output=True, text=True,
        check=True, timeout=120,
    )  # fmt: skip
    assert done.stdout == shown


def test_every_how_to_includes_its_files_with_the_snippet_marker() -> None:
    """A page shows its example through ``--8<-- "file"`` (pymdownx.snippets); a
    marker a formatter mangled (``--8 < --``) prints itself instead of the file."""
    folder = Path(__file__).resolve().parent.parent / "docs"
    for page in folder.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for line in text.splitlines():
            if re.match(r"\s*-+\s*8\s*<\s*-+", line):
                assert re.fullmatch(r'--8<-- "[^"]+"', line), (page, line)
        for name in re.findall(r'^--8<-- "([^"]+)"$', text, re.M):
            assert (folder / "howto" / name).is_file(), (page, name)
    pages = {p.name for p in (folder / "howto").glob("*.md")}
    assert {"goal-preset.md", "own-exercises.md", "batch.md"} <= pages
