"""MkDocs hook: the catalogue pages, written at build time from ``exercises/``.

- ``reference/exercises.md`` lists every exercise of ``routines.load_catalogue()``,
  one table per modality;
- ``reference/exercise-format.md`` is ``exercises/README.md``, the file format;
- ``reference/figures.md`` is the contact sheet: every exercise's figure with its
  name, and ``reference/figures/<id>.svg`` the figures themselves, drawn from the
  ``[figure]`` tables by ``routines.catalogue.figure``.

None is committed: the catalogue is the single source of truth. The hook
also loads the example folder of "Add your own exercises", so the page never
shows a file routines would reject.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import routines

log = logging.getLogger("mkdocs.hooks.catalogue")
_MODALITIES = {
    "mobility": "Mobility (warm-up)",
    "activation": "Activation (warm-up)",
    "cardio": "Cardio (warm-up)",
    "strength": "Strength",
    "isometric": "Isometric holds",
    "static_stretch": "Static stretches (cool-down)",
}
#: The folder of example exercises on "Add your own exercises", in docs/.
EXAMPLE_FOLDER = "howto/my-exercises"
#: Characters Markdown (with tables and attribute lists) could read as markup.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+!|-])")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = routines.load_catalogue()
    pages = {
        "reference/exercises.md": catalogue_page(),
        "reference/exercise-format.md": format_page(config),
        "reference/figures.md": figures_page(catalogue),
    }
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    for path, svg in figure_files(catalogue):
        files.append(File.generated(config, path, content=svg))
    check_example(Path(config.docs_dir) / EXAMPLE_FOLDER)
    return files


def figure_files(catalogue: routines.Catalogue) -> Iterable[tuple[str, bytes]]:
    """Every exercise's figure as SVG, 45 mm wide."""
    from routines.catalogue.figure import to_svg

    for exercise in catalogue:
        yield f"reference/figures/{exercise.id}.svg", to_svg(exercise, 45.0).encode("utf-8")


def figures_page(catalogue: routines.Catalogue) -> str:
    """The contact sheet: every figure with its name, by kind of work."""
    lines = [
        "# Exercise figures",
        "",
        f"Every one of the {len(catalogue)} exercises, drawn from the pose data in its "
        "catalogue file (the `[figure]` table, see [the file format](exercise-format.md)). "
        "The light grey body is where a movement starts, the dark one where it ends, and "
        "the arrow follows the hand or foot that moves most; a figure drawn once with a "
        "pause sign is a hold. An exercise of your own without a `[figure]` table gets a "
        "plain standing figure. This page is drawn each time the site is built.",
    ]
    for modality, title in _MODALITIES.items():
        found = sorted(catalogue.filter(modality=modality), key=lambda e: e.name.lower())
        if not found:
            continue
        lines += ["", f"## {title}", "", '<div class="figure-sheet">']
        for exercise in found:
            name = html.escape(exercise.name)
            lines.append(
                f'<figure><a href="../exercises/#{exercise.id}"><img src="../figures/'
                f'{exercise.id}.svg" alt="{name}" width="170" loading="lazy"></a>'
                f"<figcaption>{name}</figcaption></figure>"
            )
        lines.append("</div>")
    return "\n".join(lines) + "\n"


def format_page(config: MkDocsConfig) -> str:
    """``exercises/README.md``, titled for the site (its own title names the catalogue)."""
    readme = Path(config.config_file_path).parent / "exercises" / "README.md"
    title, _, rest = readme.read_text(encoding="utf-8").partition("\n")
    if title.startswith("# "):
        title = "# The exercise file format"
    return f"{title}\n{rest}"


def check_example(folder: Path) -> None:
    try:
        routines.load_catalogue(folder)
    except routines.CatalogueError as exc:
        log.warning("%s: the example on the how-to page does not load: %s", folder, exc)


def text(value: object) -> str:
    """``value`` as literal Markdown text: no character can start markup."""
    return _MARKUP.sub(r"\\\1", html.escape(str(value), quote=False))


def words(values: Iterable[object]) -> str:
    """Vocabulary values as words: ``pec_minor`` -> ``pec minor``."""
    return ", ".join(str(value).replace("_", " ") for value in values)


def catalogue_page() -> str:
    catalogue = routines.load_catalogue()
    lines = [
        "# Exercise catalogue",
        "",
        f"All {len(catalogue)} exercises routines can plan, by kind of work. This page is "
        "built from the catalogue files each time the site is built, so it is always "
        "complete. On the command line, `routines exercises show ID` prints one in full: "
        "instructions, cues, common mistakes, dosage and easier or harder variants.",
        "",
        "**Levels** are the levels an exercise suits: from its own level up. "
        "**Equipment** is everything it needs; *none*, *mat*, *wall*, *doorway* and "
        "*towel* count as always at hand. To add your own, see "
        "[Add your own exercises](../howto/own-exercises.md).",
    ]
    for modality, title in _MODALITIES.items():
        found = catalogue.filter(modality=modality)
        if not found:
            continue
        lines += [
            "",
            f"## {title}",
            "",
            f"{len(found)} exercises.",
            "",
            "| Exercise | Figure | Equipment | Levels | Primary muscles | How it starts |",
            "|---|---|---|---|---|---|",
        ]
        for exercise in sorted(found, key=lambda e: e.name.lower()):
            side = " (each side)" if exercise.per_side else ""
            levels = sorted(exercise.dosage, key=lambda level: level.rank)
            lines.append(
                f'| <span id="{exercise.id}"></span>**{text(exercise.name)}**{side}<br>'
                f"`{exercise.id}` "
                f'| <img src="../figures/{exercise.id}.svg" alt="" width="110" loading="lazy"> '
                f"| {text(words(exercise.equipment))} "
                f"| {text(words(levels))} "
                f"| {text(words(exercise.primary_muscles))} "
                f"| {text(exercise.instructions[0])} |"
            )
    known = set(_MODALITIES)
    missing = sorted({str(e.modality) for e in catalogue} - known)
    if missing:  # a new modality must get a section, not vanish from the page
        log.warning("docs/_hooks/catalogue.py: add a section for the modalities %s", missing)
    return "\n".join(lines) + "\n"
