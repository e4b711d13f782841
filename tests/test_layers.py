"""The package's layers, and a test that its imports respect them.

From the bottom: foundations every part uses; reading the archive; views derived from
the archive; the outputs (pages, search, data), side by side and none importing
another; the build machinery that keeps and reuses outputs; and on top the ways in (the
MkDocs plugin, the command line, the package's own API). A module may import its own
unit (a module, or a sub-package as a whole) and units of lower layers, never one above
it or a sibling output; and no two units import each other, even through others (a
cycle). Imports made only for type checking count: they are what a reader follows.

docs/dev/en/architecture.md draws the same layers.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "gijiroku"

LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "foundations",
        frozenset(
            {
                "model",
                "urls",
                "catalogue",
                "textrules",
                "diagnostics",
                "escape",
                "sources",
                "yamlsrc",
                "timing",
                "gccontrol",
                "forkjoin",
                "progress",
                "datafiles",
            }
        ),
    ),
    ("reading files", frozenset({"body", "meeting", "registry", "importer"})),
    ("derived views", frozenset({"index", "ledger", "roles", "preview"})),
    ("the archive loaded and checked", frozenset({"loader", "translate"})),
    ("outputs", frozenset({"site", "search", "data"})),
    ("build machinery", frozenset({"build"})),
    ("ways in", frozenset({"__init__", "plugin", "cli", "export"})),
)
"""Each layer's units, from the bottom: a unit is a module or a sub-package of gijiroku."""

SIBLINGS_APART = frozenset({"site", "search", "data"})
"""Units of one layer that never import each other (the outputs)."""


def unit_of(module: str) -> str:
    """'gijiroku.site.render' -> 'site'; 'gijiroku' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, package: Path) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, package: Path) -> list[tuple[int, str]]:
    """(line, module imported) for every import of the package in the file, relative or
    absolute, at any depth (inside functions and `if TYPE_CHECKING:` blocks too)."""
    name = module_name(path, package)
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == package.name]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != package.name:
                continue
            # `from . import urls` imports the module urls; `from .. import THEME_DIR`, a name.
            found += [
                (node.lineno, f"{target}.{alias.name}" if _is_module(f"{target}.{alias.name}", package) else target)
                for alias in node.names
            ]
    return found


def _is_module(name: str, package: Path) -> bool:
    path = package.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def unit_imports(package: Path) -> dict[tuple[str, str], list[str]]:
    """(importing unit, imported unit) -> where ("path:line"), across units only."""
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        source = unit_of(module_name(path, package))
        for line, target in imports_of(path, package):
            imported = unit_of(target)
            if imported != source and not (source == "__init__" and imported == "__init__"):
                edges.setdefault((source, imported), []).append(f"{path.relative_to(package.parent)}:{line}")
    return edges


def layer_problems(edges: Mapping[tuple[str, str], list[str]], layers=LAYERS, apart=SIBLINGS_APART) -> list[str]:
    level = {unit: i for i, (_, units) in enumerate(layers) for unit in units}
    problems = []
    for (source, target), where in sorted(edges.items()):
        if source not in level or target not in level:
            problems.append(f"{where[0]}: {source} -> {target}: a unit in no layer (add it to LAYERS)")
        elif level[target] > level[source]:
            problems.append(
                f"{where[0]}: {source} ({layers[level[source]][0]}) imports {target}, a layer above ({layers[level[target]][0]})"
            )
        elif source in apart and target in apart:
            problems.append(f"{where[0]}: {source} imports {target}: the outputs stand side by side")
    return problems


def cycles(edges: Mapping[tuple[str, str], list[str]]) -> list[list[str]]:
    """The units that import each other, through any path (Tarjan's strongly connected
    components of more than one unit)."""
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
        graph.setdefault(target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        on_stack.add(unit)
        for other in sorted(graph[unit]):
            if other not in index:
                visit(other)
                low[unit] = min(low[unit], low[other])
            elif other in on_stack:
                low[unit] = min(low[unit], index[other])
        if low[unit] == index[unit]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == unit:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for unit in sorted(graph):
        if unit not in index:
            visit(unit)
    return found


def test_no_import_runs_up_a_layer_or_across_the_outputs() -> None:
    assert layer_problems(unit_imports(PACKAGE)) == []


def test_no_units_import_each_other() -> None:
    edges = unit_imports(PACKAGE)
    assert [
        " <-> ".join(c) + " (" + "; ".join(w for (s, t), ws in edges.items() if s in c and t in c for w in ws[:1]) + ")"
        for c in cycles(edges)
    ] == []


def test_every_unit_is_in_a_layer() -> None:
    units = {unit_of(module_name(path, PACKAGE)) for path in PACKAGE.rglob("*.py")}
    placed = set().union(*(units for _, units in LAYERS))
    assert sorted(units - placed) == [] and sorted(placed - units) == []


def test_the_checks_find_what_they_are_for() -> None:
    """The two checks on made-up imports: one that runs up a layer, one across the
    outputs, a unit in no layer, and a cycle through three units."""
    edges = {
        ("model", "site"): ["gijiroku/model.py:3"],
        ("data", "search"): ["gijiroku/data/x.py:5"],
        ("index", "nowhere"): ["gijiroku/index.py:9"],
        ("site", "model"): ["gijiroku/site/y.py:1"],
    }
    problems = layer_problems(edges)
    assert [p.split(":", 2)[0] for p in problems] == ["gijiroku/data/x.py", "gijiroku/index.py", "gijiroku/model.py"]
    assert cycles({("a", "b"): [], ("b", "c"): [], ("c", "a"): [], ("c", "d"): []}) == [["a", "b", "c"]]
    assert cycles({("a", "b"): [], ("b", "c"): []}) == []


def test_an_upward_import_in_the_package_is_found(tmp_path: Path) -> None:
    """The walk over the package's files finds an import written the usual ways (relative,
    absolute, inside a function, for type checking only)."""
    package = tmp_path / "gijiroku"
    (package / "site").mkdir(parents=True)
    for name in ("__init__.py", "site/__init__.py", "site/render.py"):
        (package / name).write_text("", encoding="utf-8")
    (package / "model.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .site import render\n", encoding="utf-8"
    )
    (package / "index.py").write_text("def f():\n    import gijiroku.site.render\n", encoding="utf-8")
    edges = unit_imports(package)
    assert sorted(edges) == [("index", "site"), ("model", "site")]
    assert len(layer_problems(edges)) == 2
