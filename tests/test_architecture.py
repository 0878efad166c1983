"""The package's shape: lower layers never import higher ones, and no two modules import each
other, directly or round a circle. Imports inside functions count (they run too); imports under
`if TYPE_CHECKING:` do not (they never run)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "exonym"

# Lowest first. A module may import its own layer and the layers before it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "core",
        ("exonym._version", "exonym.errors", "exonym.diagnostics", "exonym.model", "exonym.compiled", "exonym.progress", "exonym._core"),
    ),
    ("text", ("exonym.text",)),
    ("data", ("exonym.data",)),
    ("resolver", ("exonym.resolver",)),
    ("glossary", ("exonym.glossary",)),
    ("facade", ("exonym.gazetteer", "exonym", "exonym.parallel")),
    ("edit", ("exonym.edit",)),
    ("applications", ("exonym.cli", "exonym.api", "exonym.integrations", "exonym.batch", "exonym.__main__")),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
COMPILED = {"exonym._core"}  # from _core.pyx; it imports nothing of the package


def layer_of(module: str) -> int:
    best = (-1, -1)
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                best = max(best, (len(prefix), rank))
    assert best[1] >= 0, f"{module} is in no layer: add it to LAYERS"
    return best[1]


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under `if TYPE_CHECKING:`."""
    out: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out


def imports_of(module: str) -> set[str]:
    """The package modules that `module` imports when it runs."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module for a in node.names]
        for name in names:
            if name in COMPILED:
                found.add(name)
                continue
            if name == "exonym" or name.startswith("exonym."):
                while name not in MODULES:  # a name imported from a module: the module
                    name = name.rpartition(".")[0]
                if name != module:
                    found.add(name)
    return found


GRAPH = {m: imports_of(m) for m in MODULES} | {key: set() for key in COMPILED}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    mine = layer_of(module)
    upward = sorted(f"{other} ({LAYERS[layer_of(other)][0]})" for other in GRAPH[module] if layer_of(other) > mine)
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports {', '.join(upward)}"


def test_no_import_circles() -> None:
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                circles.append([*path[path.index(nxt) :], nxt])
            elif not state.get(nxt):
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for module in sorted(GRAPH):
        if not state.get(module):
            visit(module, [])
    assert not circles, "import circles: " + "; ".join(" -> ".join(c) for c in circles)


def test_the_layers_cover_every_module() -> None:
    for module in MODULES:
        layer_of(module)
