"""Finding, loading and checking city plugins.

Built-in and outside cities come through the same ``mhpolicy.policies`` entry-point
group. Each plugin is imported, registered, checked and called on its own, so an
import error, a misspelt hook or a hook that raises becomes a `PluginError` naming that
plugin, and the other cities still load.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from . import hookspecs
from .extensions import DataExtension, ExtensionClash, Models, build_models, merge_extensions
from .parameters import Parameter, ParameterSet
from .requirement import CityInfo, ClauseNote, Requirement, RequirementKind, WarningScheme

ENTRY_POINT_GROUP = "mhpolicy.policies"
hookimpl = pluggy.HookimplMarker("mhpolicy")


class PluginError(Exception):
    """A plugin could not be loaded or answered its hooks wrongly."""

    def __init__(self, plugin: str, message: str) -> None:
        super().__init__(f"插件 {plugin} 出错 / plugin {plugin} failed: {message}")
        self.plugin = plugin


@dataclass(slots=True)
class CityPolicy:
    """Everything one plugin contributes, validated."""

    plugin_name: str
    module: ModuleType
    info: CityInfo
    parameters: ParameterSet
    requirements: list[Requirement]
    unmodelled: list[ClauseNote] = field(default_factory=list)
    warning_scheme: WarningScheme | None = None
    sample_data: str | None = None
    extensions: list[DataExtension[Any]] = field(default_factory=list)  # plugin-declared data fields
    engine: Any = None  # the compiled RuleEngine, built on first use (see decide.engine_for)

    @property
    def code(self) -> str:
        return self.info.code

    def requirement(self, rule_id: str) -> Requirement:
        for r in self.requirements:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def source_text(self) -> str:
        return self._resource(self.info.source_file).read_text(encoding="utf-8")

    def sample_path(self) -> Any:
        if self.sample_data is None:
            raise PluginError(self.plugin_name, "ships no sample data")
        return self._resource(self.sample_data)

    def _resource(self, name: str) -> Any:
        if Path(name).is_absolute():
            return Path(name)
        package = self.module.__package__ or self.module.__name__.rsplit(".", 1)[0]
        return resources.files(package).joinpath(name)

    @property
    def measured(self) -> list[Requirement]:
        return [r for r in self.requirements if r.kind is RequirementKind.MEASURED]

    @property
    def attestations(self) -> list[Requirement]:
        return [r for r in self.requirements if r.kind is RequirementKind.ATTESTATION]


def new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("mhpolicy")
    pm.add_hookspecs(hookspecs)
    return pm


def _call(pm: pluggy.PluginManager, plugin: object, name: str, hook: str) -> Any:
    """Call one plugin's implementation of `hook`, or None if it has none."""
    for impl in getattr(pm.hook, hook).get_hookimpls():
        if impl.plugin is plugin:
            try:
                return impl.function()
            except Exception as exc:  # a plugin's bug must not take core down
                raise PluginError(name, f"hook {hook} raised {type(exc).__name__}: {exc}") from exc
    return None


def register(pm: pluggy.PluginManager, name: str, module: ModuleType) -> None:
    try:
        pm.register(module, name=name)
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        pm.unregister(module)
        raise PluginError(name, str(exc)) from exc


def build_policy(pm: pluggy.PluginManager, name: str, module: ModuleType) -> CityPolicy:
    info = _call(pm, module, name, "mhpolicy_city_info")
    if not isinstance(info, CityInfo):
        raise PluginError(name, "mhpolicy_city_info must return a CityInfo")
    params = ParameterSet()
    for p in _call(pm, module, name, "mhpolicy_parameters") or []:
        if not isinstance(p, Parameter) or p.city != info.code:
            raise PluginError(name, f"parameter {getattr(p, 'id', p)!r} is not a Parameter of city {info.code}")
        try:
            params.add(p)
        except ValueError as exc:
            raise PluginError(name, str(exc)) from exc
    reqs = _call(pm, module, name, "mhpolicy_requirements")
    if not reqs:
        raise PluginError(name, "mhpolicy_requirements returned no requirements")
    seen: set[str] = set()
    for r in reqs:
        if not isinstance(r, Requirement) or r.city != info.code:
            raise PluginError(name, f"{getattr(r, 'id', r)!r} is not a Requirement of city {info.code}")
        if r.id in seen:
            raise PluginError(name, f"duplicate requirement id {r.id}")
        seen.add(r.id)
        missing = [p for p in r.parameters if p not in params]
        if missing:
            raise PluginError(name, f"{r.id} reads undeclared parameters {missing}")
    extensions = _extensions(pm, module, name)
    policy = CityPolicy(
        plugin_name=name,
        module=module,
        info=info,
        parameters=params,
        requirements=list(reqs),
        unmodelled=list(_call(pm, module, name, "mhpolicy_unmodelled_clauses") or []),
        warning_scheme=_call(pm, module, name, "mhpolicy_warning_scheme"),
        sample_data=_call(pm, module, name, "mhpolicy_sample_data"),
        extensions=extensions,
    )
    try:
        policy.source_text()
    except OSError as exc:
        raise PluginError(name, f"source text {info.source_file!r} is not shipped in the package") from exc
    return policy


def _extensions(pm: pluggy.PluginManager, module: ModuleType, name: str) -> list[DataExtension[Any]]:
    """The plugin's declared data fields: DataExtensions that agree with each other and with core."""
    extensions = list(_call(pm, module, name, "mhpolicy_data_extensions") or [])
    for ext in extensions:
        if not isinstance(ext, DataExtension):
            raise PluginError(name, f"mhpolicy_data_extensions returned {ext!r}, not a DataExtension")
    try:
        merge_extensions([(name, extensions)])
    except ExtensionClash as exc:
        raise PluginError(name, str(exc)) from exc
    return extensions


@dataclass(slots=True)
class Registry:
    """The cities that loaded, and the plugins that did not (with why)."""

    policies: dict[str, CityPolicy] = field(default_factory=dict)
    errors: list[PluginError] = field(default_factory=list)

    def get(self, code: str) -> CityPolicy:
        if code not in self.policies:
            known = ", ".join(sorted(self.policies)) or "none"
            raise KeyError(f"未知城市 / unknown city '{code}' (installed: {known})")
        return self.policies[code]

    def models(self) -> Models:
        """The models data is validated with: core extended by every loaded plugin's declarations."""
        return build_models(ext for p in self.policies.values() for ext in p.extensions)

    def all_requirements(self) -> Iterable[Requirement]:
        for p in self.policies.values():
            yield from p.requirements


def load_modules(modules: dict[str, ModuleType | str]) -> Registry:
    """Load the given plugins (module objects or dotted names); used by tests and by discovery."""
    pm = new_manager()
    reg = Registry()
    for name, mod in modules.items():
        try:
            module = importlib.import_module(mod) if isinstance(mod, str) else mod
            register(pm, name, module)
            policy = build_policy(pm, name, module)
            if policy.code in reg.policies:
                raise PluginError(name, f"city code {policy.code!r} is already provided by another plugin")
            try:  # its data fields must agree with those of the plugins loaded before it
                merge_extensions([*((p.plugin_name, p.extensions) for p in reg.policies.values()),
                                  (name, policy.extensions)])
            except ExtensionClash as exc:
                raise PluginError(name, str(exc)) from exc
            reg.policies[policy.code] = policy
        except PluginError as exc:
            reg.errors.append(exc)
        except Exception as exc:  # import-time failure of the plugin module
            reg.errors.append(PluginError(name, f"{type(exc).__name__}: {exc}"))
    return reg


def discover() -> Registry:
    """All plugins registered in the entry-point group."""
    eps = entry_points(group=ENTRY_POINT_GROUP)
    return load_modules({ep.name: ep.value for ep in sorted(eps, key=lambda e: e.name)})
