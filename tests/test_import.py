"""`import routines` stays light: no exporter or cattrs until they are used."""

from __future__ import annotations

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


def test_all_names_resolve_once() -> None:
    # the order of __all__ is kept by ruff (RUF022)
    assert len(routines.__all__) == len(set(routines.__all__))
    for name in routines.__all__:
        assert getattr(routines, name) is not None
