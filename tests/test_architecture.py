"""The shape of core: its modules import one another without a cycle, and only the engine
module talks to durable_rules (so swapping the rule engine touches one file)."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"
PACKAGE = "mhpolicy.core"


def _module_name(path: Path) -> str:
    """core/evaluation/decide.py -> mhpolicy.core.evaluation.decide (a package's __init__ is the package)."""
    parts = path.relative_to(CORE).with_suffix("").parts
    return ".".join([PACKAGE, *(parts[:-1] if parts[-1] == "__init__" else parts)])


def _imports(path: Path) -> set[str]:
    """Every module a file imports, TYPE_CHECKING blocks and function-level imports included:
    a cycle hidden behind `if TYPE_CHECKING` is still a cycle in the design. `from pkg import x`
    counts `pkg.x` as well, since x may be a module."""
    here = _module_name(path).split(".")
    package = here if path.stem == "__init__" else here[:-1]
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(x for x in (base, node.module or "") if x)
            modules.add(module)
            modules |= {f"{module}.{alias.name}" for alias in node.names}
    return modules


def core_graph() -> dict[str, set[str]]:
    """core module (dotted, below mhpolicy.core) -> the core modules it imports."""
    files = {_module_name(p).removeprefix(PACKAGE + "."): p for p in CORE.rglob("*.py") if p.stem != "__init__"}
    return {name: {t.removeprefix(PACKAGE + ".") for t in _imports(path)} & set(files) - {name}
            for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path (first module repeated at the end), or [] when there is none."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_relative_imports_are_resolved_to_core_modules() -> None:
    graph = core_graph()
    assert "model.entities" in graph["rules.context"]
    assert "rules.requirement" in graph["evaluation.decide"] and "plugins.hookspecs" in graph["plugins.registry"]


def test_core_modules_import_one_another_without_a_cycle() -> None:
    cycle = find_cycle(core_graph())
    assert not cycle, "import cycle among core modules: " + " -> ".join(cycle)


def test_only_the_engine_module_imports_durable_rules() -> None:
    users = sorted(str(p.relative_to(CORE)) for p in CORE.rglob("*.py")
                   if any(m == "durable" or m.startswith("durable.") for m in _imports(p)))
    assert users == ["evaluation/engine.py"]


def test_each_room_of_core_says_what_it_holds() -> None:
    inits = list(CORE.glob("*/__init__.py"))
    assert len(inits) >= 6, inits
    for init in inits:
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        modules = {p.stem for p in init.parent.glob("*.py")} - {"__init__"}
        assert doc and all(f"`{m}`" in doc for m in modules), f"{init} does not name each of its modules"


def test_plugins_import_the_plan_types_from_the_requirement_module() -> None:
    from mhpolicy.core.rules import plan
    from mhpolicy.core.rules.context import Context, Subject
    from mhpolicy.core.rules.requirement import CityInfo, SubjectKind

    assert (CityInfo, SubjectKind) == (plan.CityInfo, plan.SubjectKind)
    assert Subject.__module__ == Context.__module__ == "mhpolicy.core.rules.context"


# Core's rooms from the ground up: a room may use the rooms below it, never one above, so
# each can be read (and replaced) without what is built on it.
LAYERS = ["terminal", "model", "rules", "results", "io", "plugins", "evaluation", "authoring", "check", "cli"]


def test_no_room_of_core_uses_a_room_above_it() -> None:
    def room(module: str) -> str:
        return module.split(".")[0]

    upward = sorted(f"{m} -> {d}" for m, deps in core_graph().items() for d in deps
                    if LAYERS.index(room(d)) > LAYERS.index(room(m)))
    assert not upward, "a room uses one above it: " + ", ".join(upward)
    assert {room(m) for m in core_graph()} == set(LAYERS), "a new room: give it its place in LAYERS"
