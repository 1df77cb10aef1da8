"""pytest-bdd wiring shared by every city's specs, and guards against Gherkin traps.

Shared steps live in features/steps/. A city that needs steps of its own puts them in
``features/<code>/steps.py``; they are loaded here for every installed city, so adding a
city edits no file outside its folders.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from mhpolicy.core.plugins.registry import discover

from .steps.aggregates import *  # noqa: F401,F403
from .steps.common import *  # noqa: F401,F403 - step definitions are fixtures, loaded by name
from .steps.records import *  # noqa: F401,F403


def _load_city_steps() -> None:
    """Bring each city's own step fixtures (public names of features/<code>/steps.py) into this conftest."""
    here = Path(__file__).parent
    for code in sorted(discover().policies):
        if (here / code / "steps.py").is_file():
            module = importlib.import_module(f"{__package__}.{code}.steps")
            globals().update({k: v for k, v in vars(module).items() if not k.startswith("_")})


_load_city_steps()


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
