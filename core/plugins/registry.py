"""Finding, loading and checking city plugins.

Built-in and outside cities come through the same ``mhpolicy.policies`` entry-point
group. An entry point names either a module of ``@hookimpl`` functions
(``pkg.plugin``) or an object with ``@hookimpl`` methods, usually a
`~mhpolicy.core.plugins.base.CityPlugin` (``pkg.plugin:plugin``); both load the same way.
Each plugin is imported, registered in a plugin manager of its own, checked and asked
through pluggy on its own, so an import error, a misspelt hook or a hook that raises
becomes a `PluginError` naming that plugin, and the other cities still load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from ..model.extensions import DataExtension, ExtensionClash, Models, build_models, merge_extensions
from ..rules.parameters import Parameter, ParameterSet
from ..rules.requirement import CityInfo, ClauseNote, Requirement, RequirementKind, WarningScheme
from . import hookspecs

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
    plugin: object  # what pluggy registered: a module of hookimpls or a CityPlugin instance
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

    @property
    def module(self) -> object:
        """The registered plugin object (the name predates plugins that are not modules)."""
        return self.plugin

    @property
    def package(self) -> str | None:
        """The package the plugin's files are read from."""
        return package_of(self.plugin)

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
        package = self.package
        if not package:
            raise PluginError(self.plugin_name, f"cannot tell which package holds {name!r} (give CityPlugin package=)")
        return resources.files(package).joinpath(name)

    @property
    def measured(self) -> list[Requirement]:
        return [r for r in self.requirements if r.kind is RequirementKind.MEASURED]

    @property
    def attestations(self) -> list[Requirement]:
        return [r for r in self.requirements if r.kind is RequirementKind.ATTESTATION]


def package_of(plugin: object) -> str | None:
    """Where a plugin's files live: a module's own package, or a CityPlugin's ``package``."""
    if isinstance(plugin, ModuleType):
        return plugin.__package__ or plugin.__name__.rpartition(".")[0] or None
    package = getattr(plugin, "package", None)
    return package if isinstance(package, str) and package else None


def new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("mhpolicy")
    pm.add_hookspecs(hookspecs)
    return pm


def _ask(pm: pluggy.PluginManager, name: str, hook: str) -> Any:
    """Call `hook` through pluggy on a manager holding one plugin: its answer, or None if it
    has no implementation (pluggy leaves None answers out of the result list)."""
    try:
        answers = getattr(pm.hook, hook)()
    except Exception as exc:  # a plugin's bug must not take core down
        raise PluginError(name, f"hook {hook} raised {type(exc).__name__}: {exc}") from exc
    return answers[0] if answers else None


def register(pm: pluggy.PluginManager, name: str, plugin: object) -> None:
    """Register `plugin` and refuse any ``@hookimpl`` whose name is not a declared hook."""
    try:
        pm.register(plugin, name=name)
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        if pm.is_registered(plugin):
            pm.unregister(plugin)
        raise PluginError(name, str(exc)) from exc


def build_policy(pm: pluggy.PluginManager, name: str, plugin: object) -> CityPolicy:
    """Ask the one plugin registered in `pm` every hook and validate the answers.

    A plugin may declare no requirements yet (``[]``: a city being written, as
    ``mhpolicy new-city`` leaves it); it loads and its checks yield no findings. Not
    implementing the hook at all (or answering None) is refused.
    """
    info = _ask(pm, name, "mhpolicy_city_info")
    if not isinstance(info, CityInfo):
        raise PluginError(name, "mhpolicy_city_info must return a CityInfo")
    params = ParameterSet()
    for p in _ask(pm, name, "mhpolicy_parameters") or []:
        if not isinstance(p, Parameter) or p.city != info.code:
            raise PluginError(name, f"parameter {getattr(p, 'id', p)!r} is not a Parameter of city {info.code}")
        try:
            params.add(p)
        except ValueError as exc:
            raise PluginError(name, str(exc)) from exc
    reqs = _ask(pm, name, "mhpolicy_requirements")
    if reqs is None:
        raise PluginError(name, "mhpolicy_requirements is not implemented (return [] while the city has no rules yet)")
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
    extensions = _extensions(pm, name)
    policy = CityPolicy(
        plugin_name=name,
        plugin=plugin,
        info=info,
        parameters=params,
        requirements=list(reqs),
        unmodelled=list(_ask(pm, name, "mhpolicy_unmodelled_clauses") or []),
        warning_scheme=_ask(pm, name, "mhpolicy_warning_scheme"),
        sample_data=_ask(pm, name, "mhpolicy_sample_data"),
        extensions=extensions,
    )
    try:
        policy.source_text()
    except OSError as exc:
        raise PluginError(name, f"source text {info.source_file!r} is not shipped in the package") from exc
    return policy


def _extensions(pm: pluggy.PluginManager, name: str) -> list[DataExtension[Any]]:
    """The plugin's declared data fields: DataExtensions that agree with each other and with core."""
    extensions = list(_ask(pm, name, "mhpolicy_data_extensions") or [])
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


PluginSpec = EntryPoint | str | object
"""What `load_plugins` accepts for one plugin: an entry point, its value as a string
(``pkg.plugin`` or ``pkg.plugin:plugin``), or the plugin object itself."""


def _has_hookimpls(obj: object) -> bool:
    """Whether anything on `obj` carries the ``@hookimpl`` mark (as pluggy looks for it, any name)."""
    return any(hasattr(getattr(obj, attr, None), "mhpolicy_impl") for attr in dir(obj))


def _resolve(name: str, spec: PluginSpec) -> object:
    """The object to register. A module without hookimpls of its own but with a ``plugin``
    object that has them stands for that object, so ``pkg.plugin`` and ``pkg.plugin:plugin``
    name the same city (the entry points in pyproject spell out ``:plugin``)."""
    if isinstance(spec, str):
        spec = EntryPoint(name=name, value=spec, group=ENTRY_POINT_GROUP)
    obj = spec.load() if isinstance(spec, EntryPoint) else spec
    if not _has_hookimpls(obj):
        inner = getattr(obj, "plugin", None) if isinstance(obj, ModuleType) else None
        if inner is not None and not isinstance(inner, ModuleType) and _has_hookimpls(inner):
            return inner
        where = obj.__name__ if isinstance(obj, ModuleType) else repr(obj)
        raise PluginError(name, f"{where} implements no mhpolicy_* hook: name a CityPlugin object "
                                f"('module:plugin') or mark the module's hook functions @hookimpl")
    return obj


def load_plugins(plugins: dict[str, PluginSpec]) -> Registry:
    """Load the given plugins, each in a plugin manager of its own; used by discovery and tests."""
    reg = Registry()
    for name, spec in plugins.items():
        try:
            plugin = _resolve(name, spec)
            pm = new_manager()
            register(pm, name, plugin)
            policy = build_policy(pm, name, plugin)
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


load_modules = load_plugins  # the older name, from when every plugin was a module


def discover() -> Registry:
    """All plugins registered in the entry-point group, loaded through their entry points."""
    eps = entry_points(group=ENTRY_POINT_GROUP)
    return load_plugins({ep.name: ep for ep in sorted(eps, key=lambda e: e.name)})
