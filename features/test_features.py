"""The specs of every installed city: each `.feature` file under `features/<code>/`, for every
city plugin discovery finds (built-in or outside), so adding a city adds no test module.

Files are collected by folder, whatever their names. A scenario's test is named
``test_<code>_<scenario>``, so ``pytest features -k <code>`` runs one city's specs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from pytest_bdd import scenario
from pytest_bdd.feature import get_features
from pytest_bdd.scenario import make_python_name

from mhpolicy.core.plugins.registry import discover

FEATURES = Path(__file__).parent


def city_codes() -> list[str]:
    """Installed cities that have a spec folder here."""
    return sorted(code for code in discover().policies if (FEATURES / code).is_dir())


def _test_names(code: str, scenario_name: str) -> Iterator[str]:
    base = f"test_{code}_{make_python_name(scenario_name)}"
    yield base
    n = 1
    while True:
        yield f"{base}_{n}"
        n += 1


def bind_city_scenarios(code: str, namespace: dict[str, object], base: Path = FEATURES) -> int:
    """Put one test per scenario of `<base>/<code>/**/*.feature` into `namespace`; how many."""
    bound = 0
    for feature in get_features([str(base / code)]):
        for scenario_name in feature.scenarios:
            test: Callable[[], None] = scenario(feature.filename, scenario_name, features_base_dir=str(base))(
                lambda: None)
            name = next(n for n in _test_names(code, scenario_name) if n not in namespace)
            namespace[name] = test
            bound += 1
    return bound


for _code in city_codes():
    bind_city_scenarios(_code, globals())
