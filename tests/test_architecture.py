"""The package's layout rules, read from the source: no import cycles, no borrowed private names.

Each module's imports are read with :mod:`ast` (nothing is executed). An import at the top of
a module is an edge of the import graph; an import inside a function (a late import, made to
keep a dependency optional or cheap) is read only for the private-name rule.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotecheck"


def _module_name(path: Path) -> str:
    """Dotted name of a source file under the package ("quotecheck.text.segment")."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The absolute module an ``ImportFrom`` names, resolving leading dots."""
    if not node.level:
        return node.module or ""
    is_package = MODULES[module].name == "__init__.py"
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, node.module] if node.module else base)


def _imports(module: str, *, top_level_only: bool) -> Iterator[tuple[str, str | None]]:
    """(imported module, imported name or None) for each import of ``module``."""
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, node)
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:
                    yield f"{target}.{alias.name}", None
                else:
                    yield target, alias.name


def _graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports at its top level."""
    return {
        module: {target for target, _ in _imports(module, top_level_only=True) if target in MODULES}
        - {module}
        for module in MODULES
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a path of modules, or None when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_package_has_no_import_cycle() -> None:
    """No chain of top-level imports leads from a module back to itself."""
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The checker itself reports a cycle when one is there, so a pass means something."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_another_modules_private_name(module: str) -> None:
    """A module uses only the public names of the other modules (a leading underscore is theirs)."""
    borrowed = [
        f"{target}.{name}"
        for target, name in _imports(module, top_level_only=False)
        if name and name.startswith("_") and not name.startswith("__") and target != module
    ]
    assert borrowed == []


@pytest.mark.parametrize(
    "room",
    sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py") if p.parent.name != "lexicons"),
)
def test_every_room_says_what_it_owns(room: str) -> None:
    """Each subpackage's ``__init__`` opens with a paragraph on what it owns, takes and returns."""
    doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text("utf-8")))
    assert doc
    assert len(doc.split()) >= 40
