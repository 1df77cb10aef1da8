"""pytest-bdd wiring shared by every city's specs, and guards against Gherkin traps."""

from __future__ import annotations

import pytest

from .steps.common import *  # noqa: F401,F403 - step definitions are fixtures, loaded by name
from .steps.fuzhou import *  # noqa: F401,F403
from .steps.nanchang import *  # noqa: F401,F403
from .steps.records import *  # noqa: F401,F403


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature, scenario) -> None:  # type: ignore[no-untyped-def]
    """Fail a scenario that would pass without testing anything.

    A step line without a valid zh-CN keyword is read as description, leaving a scenario
    with no steps (or no 那么); such a scenario asserts nothing and must not count.
    """
    own = [s for s in scenario.steps if not s.background]
    if not own:
        pytest.fail(f"{feature.filename}: scenario '{scenario.name}' has no steps of its own (keyword typo?)")
    if not any(s.type == "then" for s in own):
        pytest.fail(f"{feature.filename}: scenario '{scenario.name}' has no 那么 step: it asserts nothing")
