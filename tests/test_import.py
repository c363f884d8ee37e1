"""`import routines` stays light: no exporter or cattrs until they are used."""

from __future__ import annotations

import re

import routines
from clitools import modules_loaded_after


def test_import_does_not_load_heavy_libraries() -> None:
    loaded = modules_loaded_after("import routines")
    for heavy in ("reportlab", "icalendar", "cattrs", "tomllib"):
        assert heavy not in loaded, f"import routines loaded {heavy}"


def test_lazy_names_resolve() -> None:
    assert routines.load_catalogue.__name__ == "load_catalogue"
    assert routines.Level("beginner") is routines.Level.BEGINNER
    assert "load_catalogue" in dir(routines)
    assert isinstance(routines.__version__, str)


def test_version_is_the_installed_packages() -> None:
    # the build reads the constant (pyproject [tool.hatch.version]); this checks the
    # installed metadata agrees, i.e. the constant is what pip sees
    from importlib.metadata import version

    assert routines.__version__ == version("routines")


def test_no_command_reads_package_metadata() -> None:
    # importlib.metadata costs a fresh process ~15 ms (it imports email)
    loaded = modules_loaded_after(
        "import routines.cli, routines.catalogue.load as l; l.load_catalogue()"
    )
    assert "importlib.metadata" not in loaded and "email.message" not in loaded


def test_all_names_resolve_once() -> None:
    # the order of __all__ is kept by ruff (RUF022)
    assert len(routines.__all__) == len(set(routines.__all__))
    for name in routines.__all__:
        assert getattr(routines, name) is not None


def test_a_command_loads_only_its_own_module() -> None:
    loaded = modules_loaded_after("from routines.cli import build_parser; build_parser('plan')")
    assert "routines.cli._plan" in loaded
    others = {"routines.cli._log", "routines.cli._batch", "routines.cli._calendar", "socket"}
    assert not others & loaded, others & loaded


def test_help_still_lists_every_command() -> None:
    from routines.cli import build_parser

    listed = build_parser().format_help()
    for command in ("plan", "init", "batch", "log", "adapt", "feed", "serve", "exercises"):
        assert re.search(rf"^    {command}\b", listed, re.MULTILINE), command
