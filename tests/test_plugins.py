"""The plugin contract: discovery through entry points, and broken plugins reported by name."""

from __future__ import annotations

import inspect
import types
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from mhpolicy.core import hookspecs
from mhpolicy.core.plugins import ENTRY_POINT_GROUP, discover, hookimpl, load_modules

from .plugin_kit import plugin_module, requirement

BUILT_IN = {"fuzhou", "nanchang"}


def test_built_in_cities_register_through_the_entry_point_group() -> None:
    eps = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    assert BUILT_IN <= set(eps)
    assert all(eps[c].startswith("mhpolicy.policies.") for c in BUILT_IN)
    reg = discover()
    assert not [e for e in reg.errors if e.plugin in BUILT_IN], reg.errors
    assert BUILT_IN <= set(reg.policies)


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
    (lambda: [], "returned no requirements"),
    (lambda: [requirement(parameters=("testcity.nope",))], "undeclared parameters"),
])
def test_plugin_answers_are_validated(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    reg = load_modules({"bad": plugin_module(tmp_path, make())})
    assert not reg.policies
    assert message in str(reg.errors[0]) and reg.errors[0].plugin == "bad"


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


# Hooks no built-in plan needs (a stub answer would prove nothing); each is exercised through
# pluggy by a test plugin in the named module instead.
NO_BUILT_IN_NEEDS = {"mhpolicy_data_extensions": "tests/test_extensions.py"}


def test_every_hook_is_implemented_by_a_built_in_city_and_answers_through_pluggy() -> None:
    """A hook no built-in city implements, or that returns the wrong type, fails here by name."""
    from typing import get_type_hints

    from mhpolicy.core.plugins import new_manager, register

    for spec in _specs():
        if spec.__name__ in NO_BUILT_IN_NEEDS:
            continue
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
    from mhpolicy.core.parameters import Parameter
    from mhpolicy.core.plugins import new_manager, register
    from mhpolicy.core.requirement import CityInfo, ClauseNote, Requirement, WarningScheme

    for policy in discover().policies.values():
        pm = new_manager()
        register(pm, policy.plugin_name, policy.module)
        hook = pm.hook
        (info,) = hook.mhpolicy_city_info()
        assert isinstance(info, CityInfo) and info.code == policy.code
        (reqs,) = hook.mhpolicy_requirements()
        assert reqs and all(isinstance(r, Requirement) and r.city == policy.code for r in reqs)
        (params,) = hook.mhpolicy_parameters()
        assert all(isinstance(p, Parameter) for p in params)
        (notes,) = hook.mhpolicy_unmodelled_clauses()
        assert all(isinstance(n, ClauseNote) for n in notes)
        schemes = hook.mhpolicy_warning_scheme()
        assert all(s is None or isinstance(s, WarningScheme) for s in schemes)
        (sample,) = hook.mhpolicy_sample_data()
        assert sample.endswith(".json")
