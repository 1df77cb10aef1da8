"""平凉's own steps: the data its plugin declares for the population targets and county duties
(policies/pingliang/data.py, data_targets.py): knowledge surveys, family-education guidance
service points, hospitals, special supervisions."""

from __future__ import annotations

from pytest_bdd import given, parsers

from mhpolicy.policies.pingliang.data import HospitalKind

from ..steps.common import World


def _district(world: World, county: str) -> str:
    return world.district(county)["id"]


@given(parsers.parse('"{county}" 的学校 "{name}" 核心知识知晓调查 {n:d} 人，知晓 {m:d} 人'))
def given_survey(world: World, county: str, name: str, n: int, m: int) -> None:
    world.data["institutions"].append({
        "id": name, "name": name, "district_id": _district(world, county), "kind": "junior",
        "core_knowledge_survey": {"date": world.as_of.isoformat(), "surveyed": n, "aware": m}})


@given(parsers.parse('"{county}" 的学校 "{name}" 未报送核心知识知晓调查'))
def given_no_survey(world: World, county: str, name: str) -> None:
    world.data["institutions"].append({"id": name, "name": name, "district_id": _district(world, county),
                                       "kind": "junior"})


def _points(world: World) -> list[dict]:
    return world.data.setdefault("family_guidance_points", [])


@given(parsers.parse('"{county}" 有家庭教育指导服务站点 {n:d} 个，其中 {m:d} 个开展心理健康教育'))
def given_points(world: World, county: str, n: int, m: int) -> None:
    district = _district(world, county)
    for i in range(n):
        pid = f"{district}-P{len(_points(world)) + 1:02}"
        _points(world).append({"id": pid, "name": pid, "district_id": district, "mental_health_education": i < m})


@given(parsers.parse('"{county}" 另有家庭教育指导服务站点 {n:d} 个未报送是否开展心理健康教育'))
def given_points_unreported(world: World, county: str, n: int) -> None:
    district = _district(world, county)
    for _ in range(n):
        pid = f"{district}-P{len(_points(world)) + 1:02}"
        _points(world).append({"id": pid, "name": pid, "district_id": district})


def _hospitals(world: World, kind: str, n: int, **fields: object) -> None:
    hospitals = world.data.setdefault("hospitals", [])
    code = HospitalKind.from_label(kind).value
    for _ in range(n):
        hid = f"H{len(hospitals) + 1:02}"
        hospitals.append({"id": hid, "name": f"{kind}{hid}", "kind": code, **fields})


@given(parsers.parse('全市有{kind} {n:d} 所，其中 {m:d} 所开设心理门诊'))
def given_hospitals(world: World, kind: str, n: int, m: int) -> None:
    _hospitals(world, kind, m, psych_clinic=True, minor_station=False)
    _hospitals(world, kind, n - m, psych_clinic=False, minor_station=False)


@given(parsers.parse('全市另有{kind} {n:d} 所开设未成年人心理健康辅导站'))
def given_hospitals_station(world: World, kind: str, n: int) -> None:
    _hospitals(world, kind, n, psych_clinic=False, minor_station=True)


@given(parsers.parse('全市另有{kind} {n:d} 所未报送是否开设心理门诊或辅导站'))
def given_hospitals_unreported(world: World, kind: str, n: int) -> None:
    _hospitals(world, kind, n)


@given(parsers.parse('"{county}" 的教育督导部门于 "{day}" 开展专项督导评估 {n:d} 次'))
def given_county_supervision(world: World, county: str, day: str, n: int) -> None:
    records = world.district(county).setdefault("special_supervisions", [])
    records.extend({"date": day} for _ in range(n))


@given(parsers.parse('全市教育督导部门于 "{day}" 开展专项督导评估 {n:d} 次'))
def given_city_supervision(world: World, day: str, n: int) -> None:
    records = world.data["city"].setdefault("special_supervisions", [])
    records.extend({"date": day} for _ in range(n))
