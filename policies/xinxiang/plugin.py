"""The 新乡市 plugin: declarations only; `CityPlugin` answers the hooks of mhpolicy.core.plugins.hookspecs."""

from __future__ import annotations

from mhpolicy.core.plugins.base import CityPlugin

from . import rules
from .data import EXTENSIONS
from .document import INFO

plugin = CityPlugin(
    info=INFO,
    parameters=rules.PARAMETERS,
    requirements=rules.REQUIREMENTS,
    unmodelled=rules.UNMODELLED,
    warning_scheme=None,  # the plan grades no warning cases
    sample_data="sample_data.json",
    data_extensions=EXTENSIONS,
)
