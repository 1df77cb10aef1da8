"""Hook implementations of the 南昌 plugin: the contract in mhpolicy.core.hookspecs."""

from __future__ import annotations

from mhpolicy.core.parameters import Parameter
from mhpolicy.core.plugins import hookimpl
from mhpolicy.core.requirement import CityInfo, ClauseNote, Requirement, WarningScheme

from . import rules
from .document import CITY, INFO


@hookimpl
def mhpolicy_city_info() -> CityInfo:
    return INFO


@hookimpl
def mhpolicy_parameters() -> list[Parameter]:
    return list(rules.PARAMETERS)


@hookimpl
def mhpolicy_requirements() -> list[Requirement]:
    return list(rules.REQUIREMENTS)


@hookimpl
def mhpolicy_unmodelled_clauses() -> list[ClauseNote]:
    return list(rules.UNMODELLED)


@hookimpl
def mhpolicy_warning_scheme() -> WarningScheme:
    return WarningScheme(code=CITY, tiers=("red", "orange", "yellow"), labels={"red": "红色", "orange": "橙色", "yellow": "黄色"})


@hookimpl
def mhpolicy_sample_data() -> str:
    return "sample_data.json"
