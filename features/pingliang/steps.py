"""Steps only 平凉's specs need: trainings by level (县级以上 / 省市级以上), screenings of named grades,
university courses by credits; and the data its plugin declares for the population targets and
county duties (policies/pingliang/data.py, data_targets.py): knowledge surveys, family-education guidance
service points, hospitals, special supervisions. Loaded by features/conftest.py; the shared steps do the rest."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers

from mhpolicy.core.model.entities import ScreeningKind, TrainingLevel
from mhpolicy.policies.pingliang.data import HospitalKind

from ..steps.common import World, staff_role


@given(parsers.parse('"{owner}" 的{role} "{code}" 于 "{day}" 参加{level}培训 1 次'))
def given_training_at_level(world: World, owner: str, role: str, code: str, day: str, level: str) -> None:
    staff = world.entity(owner).setdefault("staff", [])
    member = next((s for s in staff if s["id"] == code), None)
    if member is None:
        r, full_time = staff_role(role)
        member = {"id": code, "role": r, "full_time": full_time}
        staff.append(member)
    member.setdefault("trainings", []).append({"date": date.fromisoformat(day).isoformat(), "hours": 6,
                                               "level": TrainingLevel.from_label(level).value})


@given(parsers.parse('"{name}" 于 "{day}" 对第 "{grades}" 年级开展心理健康测评'))
def given_screening_of_grades(world: World, name: str, day: str, grades: str) -> None:
    world.institution(name).setdefault("screenings", []).append(
        {"date": date.fromisoformat(day).isoformat(), "kind": ScreeningKind.CENSUS.value,
         "grades": [int(g) for g in grades.split("、")]})


@given(parsers.parse('"{name}" "{year}" 学年开设{kind}课 "{course}" {credits:g} 学分'))
def given_course_credits(world: World, name: str, year: str, kind: str, course: str, credits: float) -> None:
    world.institution(name).setdefault("courses", []).append(
        {"name": course, "required": kind == "必修", "credits": credits, "hours": credits * 16, "school_year": year})


@given(parsers.parse('"{name}" 的心理辅导室建成日期为 "{day}"'))
def given_room_built_on(world: World, name: str, day: str) -> None:
    world.institution(name).setdefault("counseling_room", {})["built"] = date.fromisoformat(day).isoformat()


# ---- population targets (三(二)、三(三)、三(四)) and special supervisions (五(一)) ----


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
