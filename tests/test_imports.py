"""The package's import graph: no circles, and the layers point one way.

Imports inside functions count as much as those at the top of a module: a function-level
import is where a circle hides (it only moves the failure to the first call), so the graph
holds every `import` statement of a module, wherever it stands. Imports under
`if TYPE_CHECKING:` never run and are left out.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "sitrep"

# Circles being removed elsewhere, each with the issue and who is on it; a listed circle that is
# gone fails the test below, so the allowance cannot outlive the fix. (None now: the last one,
# ingest/readers.py <-> feeds.py / warc.py, is gone.)
EXPECTED_CYCLES: list[set[str]] = []


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_nodes(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, except those under `if TYPE_CHECKING:`."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and is_type_checking(node):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return found


def imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `name` imports. `from a import b` names the module a.b when
    b is one, else the module a (the parent packages that Python initialises on the way are
    not counted: they do not make a circle unless they import back, which their own edges show)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            out.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in out if m in modules and m != name}


@cache
def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {name: imported(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_walker_sees_a_circle_made_by_an_import_inside_a_function() -> None:
    graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert cycles(graph) == [{"a", "b"}]
    tree = ast.parse("def f():\n    from sitrep import pipeline\n")
    assert [n.module for n in import_nodes(tree)] == ["sitrep"]  # type: ignore[union-attr]


def test_the_package_has_no_import_circles() -> None:
    found = cycles(import_graph())
    unexpected = [sorted(c) for c in found if c not in EXPECTED_CYCLES]
    assert not unexpected, f"import circles: {unexpected}"


def test_every_allowed_circle_still_exists() -> None:
    found = cycles(import_graph())
    fixed = [sorted(c) for c in EXPECTED_CYCLES if c not in found]
    assert not fixed, f"these circles are gone: remove them from EXPECTED_CYCLES: {fixed}"


def test_the_pipeline_and_its_step_registry_import_one_way() -> None:
    graph = import_graph()
    assert "sitrep.steps" in graph["sitrep.pipeline"]
    assert "sitrep.pipeline" not in graph["sitrep.steps"]


def test_resolve_imports_nothing_from_the_api() -> None:
    graph = import_graph()
    leaks = {m: sorted(d for d in deps if d.startswith("sitrep.api"))
             for m, deps in graph.items() if m.startswith("sitrep.resolve")}
    assert not any(leaks.values()), leaks


STAGES = ("ingest", "clean", "nlp", "geo", "extract", "resolve")
# Importers still reaching past a stage's step.py (issue 16): the Ray reader builds documents
# from ingest's parts on the workers and the benchmark times a bare spaCy pipe (run/).
REACH_PAST_ENTRY = ("sitrep.run.",)


def test_every_pipeline_stage_has_a_step_module() -> None:
    assert [s for s in STAGES if not (PACKAGE / s / "step.py").is_file()] == []


def test_code_outside_a_stage_enters_it_through_its_step_module() -> None:
    leaks = []
    for module, deps in import_graph().items():
        if module.startswith(REACH_PAST_ENTRY):
            continue
        for dep in deps:
            stage = dep.split(".")[1] if dep.count(".") >= 2 else None
            if stage in STAGES and not module.startswith(f"sitrep.{stage}.") \
                    and dep != f"sitrep.{stage}.step":
                leaks.append(f"{module} -> {dep}")
    assert leaks == []
