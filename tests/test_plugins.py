"""The plugin contract: discovery through entry points, and broken plugins reported by name."""

from __future__ import annotations

import inspect
import types
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path

import pluggy
import pytest

import mhpolicy.policies
from mhpolicy.core.plugins import hookspecs
from mhpolicy.core.plugins import registry as plugins
from mhpolicy.core.plugins.base import CityPlugin
from mhpolicy.core.plugins.registry import ENTRY_POINT_GROUP, discover, hookimpl, load_modules, load_plugins
from mhpolicy.core.rules.requirement import RequirementKind

from .plugin_kit import city_plugin, plugin_module, requirement

# The built-in cities are the installed entry points that point into mhpolicy.policies, not a list.
BUILT_IN = {ep.name for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.value.startswith("mhpolicy.policies.")}
POLICIES_DIR = Path(mhpolicy.policies.__file__).parent


def test_every_city_folder_is_registered_and_every_built_in_city_loads() -> None:
    folders = {d.name for d in POLICIES_DIR.iterdir() if (d / "plugin.py").is_file()}
    assert folders, "no city folder found under policies/"
    assert folders == BUILT_IN, "a city folder without its entry-point line in pyproject (or the reverse)"
    reg = discover()
    assert not [e for e in reg.errors if e.plugin in BUILT_IN], reg.errors
    assert BUILT_IN <= set(reg.policies)


def test_a_built_in_entry_point_loads_a_city_plugin_object_that_pluggy_registers() -> None:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name not in BUILT_IN:
            continue
        assert ep.value.endswith(":plugin"), ep.value
        obj = ep.load()
        assert isinstance(obj, CityPlugin) and obj.info.code == ep.name
        assert obj.package == f"mhpolicy.policies.{ep.name}"  # where its source text and sample are read
        pm = plugins.new_manager()
        plugins.register(pm, ep.name, obj)
        assert pm.is_registered(obj)
        assert pm.hook.mhpolicy_city_info() == [obj.info]


def test_a_module_of_hookimpls_and_a_city_plugin_object_load_alike(tmp_path: Path) -> None:
    staff, attest = requirement(), requirement("other", kind=RequirementKind.ATTESTATION)
    reg = load_plugins({"as_object": city_plugin(tmp_path, [staff]),
                        "as_module": plugin_module(tmp_path, [attest], code="other")})
    assert not reg.errors
    assert isinstance(reg.get("testcity").plugin, CityPlugin)
    assert reg.get("testcity").requirements == [staff]
    assert sorted(reg.get("testcity").parameters.by_id) == ["testcity.later", "testcity.min_staff"]
    assert reg.get("other").requirements == [attest]


def test_an_entry_point_value_may_name_a_module_or_an_object_in_it() -> None:
    import mhpolicy.policies.fuzhou.plugin as fuzhou_plugin

    reg = load_plugins({"obj": "mhpolicy.policies.fuzhou.plugin:plugin"})
    assert not reg.errors and reg.get("fuzhou").plugin is fuzhou_plugin.plugin
    # a module holding no hookimpls but a `plugin` object stands for that object
    assert load_plugins({"mod": "mhpolicy.policies.fuzhou.plugin"}).get("fuzhou").plugin is fuzhou_plugin.plugin
    bad = load_plugins({"nothing_there": "mhpolicy.policies.fuzhou.plugin:no_such_object",
                        "no_hooks": "mhpolicy.policies.fuzhou.document"})
    assert not bad.policies and "no_such_object" in str(bad.errors[0])
    assert bad.errors[1].plugin == "no_hooks" and "implements no mhpolicy_* hook" in str(bad.errors[1])


def test_a_misspelt_hook_method_on_a_city_plugin_fails_naming_the_plugin(tmp_path: Path) -> None:
    class Misspelt(CityPlugin):
        @hookimpl
        def mhpolicy_warning_schema(self) -> None:  # the hook is mhpolicy_warning_scheme
            return None

    reg = load_plugins({"typo_city": Misspelt(info=city_plugin(tmp_path, []).info)})
    assert not reg.policies
    assert reg.errors[0].plugin == "typo_city" and "mhpolicy_warning_schema" in str(reg.errors[0])


def test_a_city_plugin_reads_its_files_from_the_package_that_created_it(tmp_path: Path) -> None:
    class Subclassed(CityPlugin):
        def __init__(self) -> None:
            super().__init__(info=city_plugin(tmp_path, []).info)

    assert Subclassed().package == "tests"  # this module's package, through the super() call
    assert CityPlugin(info=city_plugin(tmp_path, []).info, package="elsewhere").package == "elsewhere"


def test_a_good_plugin_loads_beside_broken_ones_which_are_named(tmp_path: Path) -> None:
    good = plugin_module(tmp_path, [requirement()])

    @hookimpl
    def mhpolicy_requirments():  # type: ignore[no-untyped-def]  # misspelt hook
        return []

    misspelt = plugin_module(tmp_path, [requirement("othercity")], code="othercity",
                             extra={"mhpolicy_requirments": mhpolicy_requirments})

    def explode():  # type: ignore[no-untyped-def]
        raise RuntimeError("plugin bug")

    raising = plugin_module(tmp_path, [requirement("third")], code="third")
    raising.mhpolicy_requirements = hookimpl(explode)  # type: ignore[attr-defined]
    reg = load_modules({"good": good, "misspelt": misspelt, "raising": raising, "missing": "no_such_module_xyz"})
    assert set(reg.policies) == {"testcity"}
    by_name = {e.plugin: str(e) for e in reg.errors}
    assert set(by_name) == {"misspelt", "raising", "missing"}
    assert "mhpolicy_requirments" in by_name["misspelt"]
    assert "plugin bug" in by_name["raising"] and "mhpolicy_requirements" in by_name["raising"]
    assert "No module named" in by_name["missing"]


@pytest.mark.parametrize(("make", "message"), [
    (lambda: [requirement(), requirement()], "duplicate requirement id"),
    (lambda: [requirement("elsewhere")], "is not a Requirement of city testcity"),
    (lambda: [requirement(parameters=("testcity.nope",))], "undeclared parameters"),
])
def test_plugin_answers_are_validated(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    reg = load_modules({"bad": plugin_module(tmp_path, make())})
    assert not reg.policies
    assert message in str(reg.errors[0]) and reg.errors[0].plugin == "bad"


def test_a_city_without_rules_yet_loads_and_yields_no_findings(tmp_path: Path) -> None:
    from mhpolicy.core.evaluation.evaluate import evaluate
    from mhpolicy.core.io.loading import parse_dataset

    from .plugin_kit import dataset, school

    reg = load_plugins({"new": city_plugin(tmp_path, [])})
    assert not reg.errors and reg.get("testcity").requirements == []
    result = evaluate(parse_dataset(dataset(school("S1", 0)), "test.json"), reg.get("testcity"), date(2024, 12, 31))
    assert result.findings == []


def test_a_plugin_that_does_not_implement_requirements_is_refused(tmp_path: Path) -> None:
    mod = plugin_module(tmp_path, [])
    del mod.mhpolicy_requirements
    reg = load_modules({"norules": mod})
    assert not reg.policies and "mhpolicy_requirements is not implemented" in str(reg.errors[0])


def test_two_plugins_cannot_claim_one_city(tmp_path: Path) -> None:
    reg = load_modules({"a": plugin_module(tmp_path, [requirement()]), "b": plugin_module(tmp_path, [requirement()])})
    assert list(reg.policies) == ["testcity"]
    assert reg.errors[0].plugin == "b" and "already provided" in str(reg.errors[0])


def test_a_plugin_must_ship_its_source_text(tmp_path: Path) -> None:
    mod = plugin_module(tmp_path, [requirement()])
    (tmp_path / "testcity.txt").unlink()
    reg = load_modules({"nosource": mod})
    assert "source text" in str(reg.errors[0])


def _specs() -> list[types.FunctionType]:
    return [f for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("mhpolicy_")]


def test_every_hook_is_documented() -> None:
    assert _specs()
    for spec in _specs():
        assert spec.__doc__ and len(spec.__doc__.split()) >= 5, f"{spec.__name__} has no docstring"


def test_loading_a_plugin_calls_every_declared_hook_through_pluggy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hook declared in hookspecs that core never calls through pluggy fails here by name."""
    called: set[str] = set()

    def monitored() -> pluggy.PluginManager:
        pm = real_new_manager()
        pm.add_hookcall_monitoring(lambda hook_name, impls, kwargs: called.add(hook_name), lambda *a: None)
        return pm

    real_new_manager = plugins.new_manager
    monkeypatch.setattr(plugins, "new_manager", monitored)
    reg = discover()
    assert reg.policies
    never = sorted({f.__name__ for f in _specs()} - called)
    assert not never, f"hooks declared but never called through pluggy: {never}"


def test_every_hook_is_implemented_by_a_built_in_city_and_answers_through_pluggy() -> None:
    """A hook no built-in city implements, or that returns the wrong type, fails here by name."""
    from typing import get_type_hints

    from mhpolicy.core.plugins.registry import new_manager, register

    for spec in _specs():
        implemented = [p for p in discover().policies.values() if hasattr(p.module, spec.__name__)]
        assert implemented, f"no built-in city implements {spec.__name__}"
        returns = get_type_hints(spec)["return"]
        for policy in implemented:
            pm = new_manager()
            register(pm, policy.plugin_name, policy.module)
            (answer,) = getattr(pm.hook, spec.__name__)() or [None]
            if answer is not None or type(None) not in getattr(returns, "__args__", ()):
                origin = getattr(returns, "__origin__", returns)
                assert isinstance(answer, origin if isinstance(origin, type) else object), (spec.__name__, answer)


def test_built_in_modules_answer_every_hook_through_pluggy() -> None:
    from mhpolicy.core.plugins.registry import new_manager, register
    from mhpolicy.core.rules.parameters import Parameter
    from mhpolicy.core.rules.requirement import CityInfo, ClauseNote, Requirement, WarningScheme

    for policy in discover().policies.values():
        pm = new_manager()
        register(pm, policy.plugin_name, policy.module)
        hook = pm.hook
        (info,) = hook.mhpolicy_city_info()
        assert isinstance(info, CityInfo) and info.code == policy.code
        (reqs,) = hook.mhpolicy_requirements()
        assert reqs == policy.requirements  # [] for a city whose rules are not written yet
        assert all(isinstance(r, Requirement) and r.city == policy.code for r in reqs)
        (params,) = hook.mhpolicy_parameters()
        assert all(isinstance(p, Parameter) for p in params)
        (notes,) = hook.mhpolicy_unmodelled_clauses()
        assert all(isinstance(n, ClauseNote) for n in notes)
        schemes = hook.mhpolicy_warning_scheme()
        assert all(s is None or isinstance(s, WarningScheme) for s in schemes)
        (sample,) = hook.mhpolicy_sample_data()
        assert sample.endswith(".json")
