"""The README's Python example runs as printed, and its links point at real files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_python_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code is not None, "README.md lost its Python example"
    assert len(code.group(1).strip().splitlines()) <= 12  # the pitch promises a short one
    exec(compile(code.group(1), "README.md", "exec"), {})  # noqa: S102 - our own README
    out = capsys.readouterr().out
    assert out.count("2026-01-") == 3 and "min" in out
    assert all(
        (tmp_path / name).stat().st_size > 1000 for name in ("plan.pdf", "plan.ics", "plan.json")
    )


def test_links_point_at_files_that_exist() -> None:
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)\)", text)
    assert targets
    for target in targets:
        if "://" not in target:
            assert (README.parent / target).exists(), target


def test_every_short_safety_line_names_the_same_stop_signs() -> None:
    """SCIENCE.md's red flags for upper back pain: chest, jaw, neck or arm pain or
    pressure; upper back pain that is sudden or tearing; dizziness. Every place that
    shortens the safety notes keeps all of them, so no output drops one."""
    from routines._safety import safety_notes
    from routines.exporters.event_text import SAFETY_LINE

    root = README.parent
    flat = {
        "README.md": README.read_text(encoding="utf-8"),
        "docs/index.md": (root / "docs/index.md").read_text(encoding="utf-8"),
        "docs/tutorial.md": (root / "docs/tutorial.md").read_text(encoding="utf-8"),
        "calendar events": SAFETY_LINE,
        "summaries and footers": safety_notes().one_line,
    }
    for where, text in flat.items():
        words = " ".join(text.replace(">", " ").split())
        for sign in ("chest, jaw, neck or arm pain or pressure", "tearing", "dizziness"):
            assert sign in words, (where, sign)


def test_the_catalogue_size_the_readme_gives_is_the_catalogue_size() -> None:
    from routines import load_catalogue

    said = re.search(r"catalogue of (\d+) exercises", README.read_text(encoding="utf-8"))
    assert said is not None and int(said.group(1)) == len(load_catalogue())
