"""The plugin contract: every hook a city plugin may implement, declared here and only here.

A city plugin is registered in the ``mhpolicy.policies`` entry-point group (the built-in
cities use the same group). It is either a `~mhpolicy.core.plugins.base.CityPlugin` of
declarations, which implements all of these hooks (``pkg.plugin:plugin``), or a module
of ``@hookimpl`` functions from :mod:`mhpolicy.core.plugins.registry`. Each hook takes no arguments and returns
that plugin's own contribution; core calls every plugin's implementation separately, so
one broken plugin is reported by name and cannot stop the others. None of these hooks
is ``firstresult``: core wants every plugin's answer.

A misspelt hook name in a plugin (any ``mhpolicy_*`` function marked ``@hookimpl`` that is
not declared below) fails loading with an error naming the plugin. tests/test_plugins.py
fails when a hook here has no docstring or is never called through pluggy while loading.
"""

from __future__ import annotations

import pluggy

from ..model.extensions import DataExtension
from ..rules.parameters import Parameter
from ..rules.requirement import CityInfo, ClauseNote, Requirement, WarningScheme

hookspec = pluggy.HookspecMarker("mhpolicy")


@hookspec
def mhpolicy_city_info() -> CityInfo:  # type: ignore[empty-body]
    """Required. The city's code and name, the plan's title, issuer and date, the path of the
    source text shipped inside the plugin package, and the plugin's version."""


@hookspec
def mhpolicy_parameters() -> list[Parameter]:  # type: ignore[empty-body]
    """The plan's thresholds as dated parameters, each with the clause and sentence it comes
    from. Parameter ids start with the city code."""


@hookspec
def mhpolicy_requirements() -> list[Requirement]:  # type: ignore[empty-body]
    """Required. Every requirement the plugin decides by data or by attestation, each citing
    its clause and quoting its sentence verbatim. Ids start with the city code."""


@hookspec
def mhpolicy_unmodelled_clauses() -> list[ClauseNote]:  # type: ignore[empty-body]
    """Clauses of the plan the plugin does not encode, each with the reason (aspirational,
    addressed to another department, no data can decide it …)."""


@hookspec
def mhpolicy_warning_scheme() -> WarningScheme | None:  # type: ignore[empty-body]
    """The tiers this city grades warning cases in (e.g. 红/橙/黄), most severe first, or None
    where the plan names no tiers. Cases in this city's data must use these tiers."""


@hookspec
def mhpolicy_sample_data() -> str | None:  # type: ignore[empty-body]
    """Path of the bundled sample dataset (fictional) inside the plugin package, used by
    ``mhpolicy check --city CODE`` when no ``--data`` is given."""


@hookspec
def mhpolicy_data_extensions() -> list[DataExtension]:  # type: ignore[empty-body]
    """Data the plan needs that the core model does not have (hospitals, education groups,
    a station's monthly reports …), as fields added to the dataset, city, districts,
    institutions or stations. Core validates every dataset with the extensions of all
    loaded plugins; a name that is a core field, or that another plugin declares
    differently, fails loading naming both plugins."""
