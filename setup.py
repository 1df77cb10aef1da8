"""Packaging that finds its packages, so adding a city touches no packaging file.

pyproject.toml holds the project's metadata and the one line per city that registers it
(its entry point). The package list is computed here because the top-level folders are
mapped under one import package (``core`` -> ``mhpolicy.core`` …) and setuptools' static
``find`` cannot combine such a mapping with discovery: every package below a mapped folder
(a city, a city's ``rules/`` package) is found by walking the folder.
"""

from setuptools import find_packages, setup

# Top-level folders of the repository and the import package each becomes; nothing called
# bare `core` or `policies` lands in site-packages.
MAPPED = {"mhpolicy.core": "core", "mhpolicy.policies": "policies", "mhpolicy.reports": "reports"}

# Files shipped beside the code: a city's source text and sample data, the report templates.
CITY_DATA = ["*.txt", "*.json"]
REPORT_DATA = ["templates/*.html", "templates/*.j2"]


def packages() -> list[str]:
    """Each mapped package and every package (folder with __init__.py) below it."""
    found = []
    for name, folder in MAPPED.items():
        found.append(name)
        found += [f"{name}.{sub}" for sub in find_packages(folder)]
    return sorted(found)


def package_data(names: list[str]) -> dict[str, list[str]]:
    data = {name: CITY_DATA for name in names if name.startswith("mhpolicy.policies.")}
    data["mhpolicy.reports"] = REPORT_DATA
    return data


PACKAGES = packages()
setup(package_dir=MAPPED, packages=PACKAGES, package_data=package_data(PACKAGES))
