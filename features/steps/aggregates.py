"""Steps for targets over a population (core/rules/aggregate.py): counties and many schools at once.

City-neutral: a county is a district of the data, and "N 所学校，其中 M 所有…" builds N schools in
it (primary schools, ids <county>-S01 …), so a spec states 18/20 and 19/20 in one line.
"""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers

from .common import World


@given(parsers.parse('一个县 "{name}"'))
def given_county(world: World, name: str) -> None:
    world.data["districts"].append({"id": name, "name": name, "kind": "county"})


def _school(world: World, county: str, **fields: Any) -> dict[str, Any]:
    district = world.district(county)["id"]
    n = sum(1 for i in world.data["institutions"] if i["district_id"] == district) + 1
    sid = f"{district}-S{n:02}"
    inst = {"id": sid, "name": sid, "district_id": district, "kind": "primary", **fields}
    world.data["institutions"].append(inst)
    return inst


_PSYCH = {"role": "psych_teacher", "full_time": False}
_OTHER = {"role": "other_teacher", "full_time": False}


@given(parsers.parse('"{county}" 有学校 {n:d} 所，其中 {m:d} 所有专兼职心理健康教育教师'))
def given_schools_staffed(world: World, county: str, n: int, m: int) -> None:
    assert m <= n
    for i in range(n):
        _school(world, county, staff=[{"id": "T1", **(_PSYCH if i < m else _OTHER)}])


@given(parsers.parse('"{county}" 另有 {n:d} 所学校未报送教职工名单'))
def given_schools_without_staff_list(world: World, county: str, n: int) -> None:
    for _ in range(n):
        _school(world, county)


@given(parsers.parse('"{county}" 另有幼儿园 {n:d} 所，均无心理健康教育教师'))
def given_kindergartens(world: World, county: str, n: int) -> None:
    for _ in range(n):
        _school(world, county, kind="kindergarten", staff=[{"id": "T1", **_OTHER}])
