"""The folder tree is the architecture: layers import only downward, no module-level
import cycle anywhere, and no module grows past the size of one idea."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import routines
from clitools import modules_loaded_after

PACKAGE = Path(routines.__file__).parent
MAX_LINES = 400

#: For each layer, the layers (and top-level modules) it must never import.
FORBIDDEN = {
    "catalogue": ("routines.planning", "routines.exporters", "routines.log",
                  "routines.adaptation", "routines.batching", "routines.cli",
                  "routines._plan", "routines._request", "routines._safety"),
    "planning": ("routines.exporters", "routines.log", "routines.adaptation",
                 "routines.batching", "routines.cli"),
    "exporters": ("routines.planning", "routines.log", "routines.adaptation",
                  "routines.batching", "routines.cli"),
    "log": ("routines.planning", "routines.exporters", "routines.adaptation",
            "routines.batching", "routines.cli"),
    "adaptation": ("routines.exporters", "routines.batching", "routines.cli"),
    "batching": ("routines.log", "routines.adaptation", "routines.cli"),
}  # fmt: skip


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "exercises" in path.relative_to(PACKAGE).parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(name: str, path: Path, *, module_level_only: bool) -> set[str]:
    """The routines modules ``name`` imports (not under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST, top: bool) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("routines"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            if base.startswith("routines"):
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
        inner = not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            if top and not inner and module_level_only:
                continue
            visit(child, top and inner)

    visit(tree, True)
    known = {module for module, _ in _modules()}
    return {module for module in found if module in known and module != name}


def test_no_import_cycle_at_module_level() -> None:
    graph = {name: _imports(name, path, module_level_only=True) for name, path in _modules()}
    done: set[str] = set()

    def walk(node: str, path: list[str]) -> None:
        if node in path:
            cycle = [*path[path.index(node) :], node]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            walk(target, [*path, node])
        done.add(node)

    for name in sorted(graph):
        walk(name, [])


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downward(layer: str) -> None:
    wrong = []
    for name, path in _modules():
        if not name.startswith(f"routines.{layer}"):
            continue
        for target in _imports(name, path, module_level_only=False):
            if target.startswith(FORBIDDEN[layer]):
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_every_layer_says_what_it_knows() -> None:
    for layer in FORBIDDEN:
        doc = (PACKAGE / layer / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""') and ("never" in doc or "nothing" in doc), layer


@pytest.mark.parametrize(("name", "path"), list(_modules()), ids=lambda v: str(v))
def test_no_module_is_past_one_idea(name: str, path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it where it has a seam"


def test_loading_the_catalogue_imports_no_plan_or_exporter() -> None:
    loaded = modules_loaded_after("import routines\nroutines.load_catalogue()")
    leaked = sorted(
        m
        for m in loaded
        if m.startswith(("routines.planning", "routines.exporters", "routines.log",
                         "routines.adaptation", "routines._plan", "routines._request",
                         "routines._safety"))
    )  # fmt: skip
    assert not leaked, leaked


def test_import_routines_loads_no_layer() -> None:
    loaded = modules_loaded_after("import routines")
    layers = sorted(m for m in loaded if m.startswith("routines."))
    assert layers == ["routines.errors"], layers
