"""Steps only 石景山's specs need: campuses, education groups, class-level home visits, screening
consent, the counseling room's equipment and systems, and a dataset refused at input.

Loaded for every installed city by features/conftest.py; the shared steps are in features/steps/.
"""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then, when

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.loading import InputError, parse_dataset

from ..steps.common import _REGISTRY, World, staff_role

_ANSWER = {"是": True, "否": False, "未报": None}


@given(parsers.parse('"{school}" 有校区 "{campus}"'))
def given_campus(world: World, school: str, campus: str) -> None:
    world.institution(school).setdefault("campuses", []).append({"id": campus, "name": campus})


@given(parsers.re(r'"(?P<school>[^"]+)" 的校区 "(?P<campus>[^"]+)" 有(?P<role>(?:专职|兼职)?心理教师) (?P<n>\d+) 名$'))
def given_campus_staff(world: World, school: str, campus: str, role: str, n: str) -> None:
    inst = world.institution(school)
    r, full_time = staff_role(role)
    staff = inst.setdefault("staff", [])
    base = len(staff)
    staff.extend({"id": f"{campus}-{r}-{base + i + 1}", "role": r, "full_time": full_time, "campus": campus}
                 for i in range(int(n)))


@given(parsers.parse('教育集团 "{group}" 由 "{members}" 组成'))
def given_group(world: World, group: str, members: str) -> None:
    ids = [world.institution(m)["id"] for m in members.split("、")]
    world.data.setdefault("groups", []).append({"id": group, "name": group, "district_id": "D1", "members": ids})


def _group(world: World, name: str) -> dict:  # type: ignore[type-arg]
    for g in world.data.get("groups", []):
        if g["name"] == name:
            return g  # type: ignore[no-any-return]
    raise AssertionError(f"spec names an education group '{name}' that no step created")


@given(parsers.parse('教育集团 "{group}" 于 "{day}" 建立联合心理教研组'))
def given_group_research(world: World, group: str, day: str) -> None:
    _group(world, group)["joint_research_group_established"] = date.fromisoformat(day).isoformat()


@given(parsers.parse('教育集团 "{group}" 报送尚未建立联合心理教研组'))
def given_group_no_research(world: World, group: str) -> None:
    _group(world, group)["joint_research_group"] = False


@given(parsers.parse('"{school}" "{year}" 学年 "{klass}" 班（第 {grade:d} 年级）有学生 {n:d} 名，已家访 {m:d} 名'))
def given_class_visits(world: World, school: str, year: str, klass: str, grade: int, n: int, m: int) -> None:
    world.institution(school).setdefault("home_visits_by_class", []).append(
        {"school_year": year, "grade": grade, "class_id": klass, "students": n, "students_visited": m})


@given(parsers.parse('"{school}" 于 "{day}" 对第 "{grades}" 年级开展心理健康普查'))
def given_graded_census(world: World, school: str, day: str, grades: str) -> None:
    world.institution(school).setdefault("screenings", []).append(
        {"date": date.fromisoformat(day).isoformat(), "kind": "census", "grades": [int(g) for g in grades.split(",")],
         "consent_obtained": True, "students_refused_counted": 0})


@given(parsers.parse('"{school}" 于 "{day}" 开展心理测评，知情同意为 "{consent}"，拒测仍计入 "{refused}" 人'))
def given_consented_test(world: World, school: str, day: str, consent: str, refused: str) -> None:
    row = {"date": date.fromisoformat(day).isoformat(), "kind": "census"}
    if _ANSWER[consent] is not None:
        row["consent_obtained"] = _ANSWER[consent]
    if refused != "未报":
        row["students_refused_counted"] = int(refused)
    world.institution(school).setdefault("screenings", []).append(row)


@given(parsers.parse('"{school}" 的心理辅导室于 "{day}" 建成，配备 "{items}"'))
def given_room(world: World, school: str, day: str, items: str) -> None:
    room = world.institution(school).setdefault("counseling_room", {})
    room["built"] = date.fromisoformat(day).isoformat()
    room["equipment"] = [] if items == "无" else items.split("、")


_ROOM_SYSTEMS = {"值班制度": "duty_system", "预约制度": "appointment_system", "每天开放": "open_every_school_day",
                 "开放时间公示": "hours_published"}


@given(parsers.parse('"{school}" 的心理辅导室值班制度 "{duty}"、预约制度 "{booking}"、每天开放 "{daily}"、'
                     '开放时间公示 "{published}"'))
def given_room_systems(world: World, school: str, duty: str, booking: str, daily: str, published: str) -> None:
    room = world.institution(school).setdefault("counseling_room", {"built": "2020-09-01"})
    for field, answer in zip(_ROOM_SYSTEMS.values(), (duty, booking, daily, published), strict=True):
        if _ANSWER[answer] is None:
            room.pop(field, None)
        else:
            room[field] = _ANSWER[answer]


@given(parsers.parse('"{school}" 有预警个案 "{case}"，等级为 "{tier}"，于 "{day}" 建档'))
def given_raw_tier_case(world: World, school: str, case: str, tier: str, day: str) -> None:
    world.institution(school).setdefault("warning_cases", []).append(
        {"case_id": case, "tier": tier, "opened": date.fromisoformat(day).isoformat()})


@when(parsers.parse('把数据按 "{city}" 的政策检查'))
def when_check_or_refuse(world: World, city: str) -> None:
    """The check, keeping an input error instead of raising it (a spec of what is refused)."""
    world.data["city"]["code"] = city
    try:
        dataset = parse_dataset(world.data, "spec", _REGISTRY.models())
        world.findings = evaluate(dataset, _REGISTRY.get(city), world.as_of).findings
    except InputError as exc:
        world.error = exc


@then(parsers.parse('数据被拒绝，错误代码为 "{code}"，允许的取值为 "{allowed}"'))
def then_refused(world: World, code: str, allowed: str) -> None:
    assert isinstance(world.error, InputError), f"the data was accepted ({len(world.findings)} findings)"
    issue = world.error.issues[0]
    assert issue.code == code, issue
    assert issue.slots.get("allowed") == allowed, issue.slots


@then("数据被接受")
def then_accepted(world: World) -> None:
    assert world.error is None, world.error
    assert world.findings


@then(parsers.parse('该结论属于学校 "{school}" 的报告'))
def then_campus_of(world: World, school: str) -> None:
    """A campus finding names its school and carries it as parent, so the school's report shows it."""
    assert world.current is not None and world.current.subject_kind == "campus", world.current
    assert world.current.subject_name.startswith(f"{school}·")
    assert world.current.parent_id == world.institution(school)["id"]


@then(parsers.parse('结论注明 "{text}"'))
def then_basis(world: World, text: str) -> None:
    """The standing of the text the finding rests on (a draft for comment), shown with every finding."""
    assert world.current is not None, "a 结论注明 step must follow a 结论 step"
    assert text in world.current.basis, world.current.basis
