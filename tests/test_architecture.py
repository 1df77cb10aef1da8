"""The shape of core: its modules import one another without a cycle, and only the engine
module talks to durable_rules (so swapping the rule engine touches one file)."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"
PACKAGE = "mhpolicy.core"


def _imports(path: Path) -> set[str]:
    """Every module a file imports, TYPE_CHECKING blocks and function-level imports included:
    a cycle hidden behind `if TYPE_CHECKING` is still a cycle in the design."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: `.x` inside core, `.` itself names submodules
                base = PACKAGE if node.level == 1 else PACKAGE.rsplit(".", node.level - 1)[0]
                if node.module:
                    modules.add(f"{base}.{node.module}")
                else:
                    modules |= {f"{base}.{alias.name}" for alias in node.names}
            elif node.module:
                modules.add(node.module)
    return modules


def core_graph() -> dict[str, set[str]]:
    """core module -> the core modules it imports."""
    names = {p.stem for p in CORE.glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name in names:
        targets = _imports(CORE / f"{name}.py")
        graph[name] = {t.removeprefix(PACKAGE + ".") for t in targets if t.startswith(PACKAGE + ".")} & names
    return graph


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
    assert "model" in graph["context"] and "requirement" in graph["evaluate"]


def test_core_modules_import_one_another_without_a_cycle() -> None:
    cycle = find_cycle(core_graph())
    assert not cycle, "import cycle among core modules: " + " -> ".join(cycle)


def test_only_the_engine_module_imports_durable_rules() -> None:
    users = sorted(p.name for p in CORE.glob("*.py")
                   if any(m == "durable" or m.startswith("durable.") for m in _imports(p)))
    assert users == ["engine.py"]


def test_plugins_still_import_the_plan_types_from_where_they_always_did() -> None:
    from mhpolicy.core import plan
    from mhpolicy.core.context import Context, Subject
    from mhpolicy.core.requirement import CityInfo, SubjectKind

    assert (CityInfo, SubjectKind) == (plan.CityInfo, plan.SubjectKind)
    assert Subject.__module__ == Context.__module__ == "mhpolicy.core.context"
