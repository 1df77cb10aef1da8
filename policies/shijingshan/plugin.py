"""The 北京市石景山区 plugin: declarations only; `CityPlugin` answers the hooks of mhpolicy.core.plugins.hookspecs."""

from __future__ import annotations

from mhpolicy.core.plugins.base import CityPlugin

from . import rules
from .document import INFO, WARNING_SCHEME

plugin = CityPlugin(
    info=INFO,
    parameters=rules.PARAMETERS,
    requirements=rules.REQUIREMENTS,
    unmodelled=rules.UNMODELLED,
    warning_scheme=WARNING_SCHEME,
    sample_data="sample_data.json",
)
