"""`CityPlugin`: a city plugin written as declarations, with the hook glue done once here.

Every city answers the hooks of :mod:`mhpolicy.core.plugins.hookspecs` the same way (hand back what
it declared), so a city's ``plugin.py`` only builds one instance::

    plugin = CityPlugin(info=INFO, parameters=rules.PARAMETERS, requirements=rules.REQUIREMENTS,
                        unmodelled=rules.UNMODELLED, sample_data="sample_data.json")

and its entry point names that object (``mhpolicy.policies.fuzhou.plugin:plugin``). pluggy
registers an instance like a module: each ``@hookimpl`` method is one hook implementation.
A plain module of ``@hookimpl`` functions is still a valid plugin (see plugins.py).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from ..model.extensions import DataExtension
from ..rules.parameters import Parameter
from ..rules.requirement import CityInfo, ClauseNote, Requirement, WarningScheme
from .registry import hookimpl


class CityPlugin:
    """One city's declarations, answering every hook of the plugin contract.

    ``package`` is where the plugin's files (source text, sample data) are read from; by
    default the package of the module that creates the instance, as `enum.Enum` and
    `collections.namedtuple` find their caller's module, so a city need not repeat
    ``__package__``.
    """

    def __init__(
        self,
        *,
        info: CityInfo,
        requirements: Iterable[Requirement] = (),
        parameters: Iterable[Parameter] = (),
        unmodelled: Iterable[ClauseNote] = (),
        warning_scheme: WarningScheme | None = None,
        sample_data: str | None = None,
        data_extensions: Iterable[DataExtension[Any]] = (),
        package: str | None = None,
    ) -> None:
        self.info = info
        self.requirements = tuple(requirements)
        self.parameters = tuple(parameters)
        self.unmodelled = tuple(unmodelled)
        self.warning_scheme = warning_scheme
        self.sample_data = sample_data
        self.data_extensions = tuple(data_extensions)
        self.package = package if package is not None else _caller_package(self)

    def __repr__(self) -> str:
        return f"CityPlugin({self.info.code!r}, package={self.package!r})"

    @hookimpl
    def mhpolicy_city_info(self) -> CityInfo:
        return self.info

    @hookimpl
    def mhpolicy_parameters(self) -> list[Parameter]:
        return list(self.parameters)

    @hookimpl
    def mhpolicy_requirements(self) -> list[Requirement]:
        return list(self.requirements)

    @hookimpl
    def mhpolicy_unmodelled_clauses(self) -> list[ClauseNote]:
        return list(self.unmodelled)

    @hookimpl
    def mhpolicy_warning_scheme(self) -> WarningScheme | None:
        return self.warning_scheme

    @hookimpl
    def mhpolicy_sample_data(self) -> str | None:
        return self.sample_data

    @hookimpl
    def mhpolicy_data_extensions(self) -> list[DataExtension[Any]]:
        return list(self.data_extensions)


def _caller_package(plugin: CityPlugin) -> str | None:
    """The package of the module that created `plugin`: the first frame outside its ``__init__``
    chain (a subclass's ``__init__`` calling ``super().__init__`` is stepped over too)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_locals.get("self") is plugin:
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return None
    package = frame.f_globals.get("__package__")
    if package:
        return str(package)
    return str(frame.f_globals.get("__name__", "")).rpartition(".")[0] or None
