"""Shared steps that record data: counseling rooms, screenings, warning cases, lessons,
courses, home visits, after-school time, school groups, organised trainings, the teacher
development centre, and the city's own events and attestations.

First written for the 福州 and 南昌 specs (each phrase keeps the wording of the plan that
introduced it, e.g. 心理健康普查 / 学生心理普查); every city's specs can use them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pytest_bdd import given, parsers

from mhpolicy.core.model.entities import EventKind, RoomFunction, ScreeningKind

from .common import _REGISTRY, World, _d, event_kind, staff_role


def _owner(world: World, name: str) -> dict[str, Any]:
    """An institution, station or district by name, or the city itself by its name."""
    if name == world.data["city"]["name"]:
        return world.data["city"]
    return world.entity(name)


@given(parsers.parse('"{owner}" 于 "{day}" 开展{kind} 1 次，题为 "{title}"'))
def given_titled_event(world: World, owner: str, day: str, kind: str, title: str) -> None:
    """An event whose record gives its title, for rules that recognise an occasion by name."""
    _owner(world, owner).setdefault("events", []).append({"date": _d(day), "kind": event_kind(kind), "title": title})


@given(parsers.parse('"{owner}" 于 "{day}" 举办骨干提高培训 {hours:g} 课时'))
def given_backbone_training(world: World, owner: str, day: str, hours: float) -> None:
    _owner(world, owner).setdefault("events", []).append(
        {"date": date.fromisoformat(day).isoformat(), "kind": EventKind.BACKBONE_TRAINING.value, "hours": hours})


@given(parsers.parse('"{name}" 建有心理辅导室，功能为 "{functions}"'))
def given_room(world: World, name: str, functions: str) -> None:
    names = [] if functions == "无" else functions.split("、")
    world.institution(name)["counseling_room"] = {"functions": [RoomFunction.from_label(f).value for f in names]}


@given(parsers.parse('"{name}" 未报送心理辅导室'))
def given_no_room(world: World, name: str) -> None:
    world.institution(name).pop("counseling_room", None)


@given(parsers.parse('"{name}" 的心理辅导室报送建成日期为 "{day}"'))
def given_room_built(world: World, name: str, day: str) -> None:
    world.institution(name).setdefault("counseling_room", {})["built"] = date.fromisoformat(day).isoformat()


@given(parsers.parse('"{name}" 于 "{day}" 完成{kind} {n:d} 次'))
def given_screenings(world: World, name: str, day: str, kind: str, n: int) -> None:
    inst = world.institution(name)
    for _ in range(n):
        inst.setdefault("screenings", []).append({"date": date.fromisoformat(day).isoformat(),
                                                  "kind": ScreeningKind.from_label(kind).value})


@given(parsers.parse('"{name}" 于 "{day}" 建立转介绿色通道'))
def given_referral(world: World, name: str, day: str) -> None:
    world.institution(name)["referral_channel_established"] = date.fromisoformat(day).isoformat()


@given(parsers.parse('"{name}" 心理成长档案为 "{answer}"'))
def given_archives(world: World, name: str, answer: str) -> None:
    value = {"是": True, "否": False, "未报告": None}[answer]
    inst = world.institution(name)
    if value is None:
        inst.pop("archives_kept", None)
    else:
        inst["archives_kept"] = value


# Warning tiers are a city's own vocabulary: read through the labels the plugins' schemes declare.
TIERS = {label: tier for p in _REGISTRY.policies.values() if p.warning_scheme
         for tier, label in p.warning_scheme.labels.items()}
SCHOOL_FLAGS = {"心理健康档案": "archives_kept", "心理健康教育领导小组": "leadership_group",
                "工作小组": "working_group", "心理危机干预小组": "crisis_group"}
ANSWERS = {"是": True, "否": False, "未报": None}


@given(parsers.parse('"{name}" 第 {grade:d} 年级有 {n:d} 个班设有男女心理委员各1名'))
def given_committee(world: World, name: str, grade: int, n: int) -> None:
    rows = [g for g in world.institution(name).get("enrollment", []) if g["grade"] == grade]
    assert rows, f"'{name}' has no enrolment row for grade {grade}"
    rows[0]["classes_with_psych_committee_pair"] = n


@given(parsers.parse('"{owner}" 于 "{day}" 为第 {grade:d} 年级开展{kind} {n:d} 次'))
def given_grade_events(world: World, owner: str, day: str, grade: int, kind: str, n: int) -> None:
    events = world.entity(owner).setdefault("events", [])
    events.extend({"date": _d(day), "kind": event_kind(kind), "grade": grade} for _ in range(n))


@given(parsers.parse('"{name}" 于 "{day}" 开展学生心理普查'))
def given_census(world: World, name: str, day: str) -> None:
    world.institution(name).setdefault("screenings", []).append(
        {"date": _d(day), "kind": ScreeningKind.from_label("学生心理普查").value})


@given(parsers.parse('"{name}" 的{item}为 "{answer}"'))
def given_school_flag(world: World, name: str, item: str, answer: str) -> None:
    inst = world.institution(name)
    if item == "心理辅导室达标":
        inst["counseling_room"] = {"meets_standard": ANSWERS[answer]}
    else:
        inst[SCHOOL_FLAGS[item]] = ANSWERS[answer]


@given(parsers.re(r'"(?P<name>[^"]+)" 有(?P<tier>红色|橙色|黄色)预警个案 "(?P<case>[^"]+)"，于 "(?P<opened>[^"]+)" 建档'
                  r'(?:，最近随访于 "(?P<last>[^"]+)")?(?:，于 "(?P<closed>[^"]+)" 结案)?$'))
def given_warning_case(world: World, name: str, tier: str, case: str, opened: str, last: str | None,
                       closed: str | None) -> None:
    world.institution(name).setdefault("warning_cases", []).append({
        "case_id": case, "tier": TIERS[tier], "opened": _d(opened),
        "follow_ups": [_d(last)] if last else [], "closed": _d(closed) if closed else None})


@given(parsers.parse('"{name}" "{year}" 学年第 {grade:d} 年级每两周心理健康活动课 {n:g} 课时'))
def given_lessons(world: World, name: str, year: str, grade: int, n: float) -> None:
    world.institution(name).setdefault("lessons", []).append(
        {"school_year": year, "grade": grade, "lessons_per_two_weeks": n})


@given(parsers.parse('"{name}" "{year}" 学年第 {grade:d} 年级开设{kind}课 "{course}" {hours:g} 学时'))
def given_course(world: World, name: str, year: str, grade: int, kind: str, course: str, hours: float) -> None:
    world.institution(name).setdefault("courses", []).append(
        {"name": course, "required": kind == "必修", "grade": grade, "hours": hours, "school_year": year})


@given(parsers.parse('"{name}" "{sem}" 学期在册家庭 {n:d} 户，已家访 {m:d} 户'))
def given_home_visits(world: World, name: str, sem: str, n: int, m: int) -> None:
    world.institution(name).setdefault("home_visits", []).append({"semester": sem, "families": n, "families_visited": m})


def _after_school(world: World, name: str, sem: str) -> dict:  # type: ignore[type-arg]
    rows = world.institution(name).setdefault("after_school", [])
    for row in rows:
        if row["semester"] == sem:
            return row
    rows.append({"semester": sem, "total_minutes": 0, "interest_club_minutes": 0})
    return rows[-1]


@given(parsers.parse('"{name}" "{sem}" 学期课后服务 {total:d} 分钟，其中兴趣和社团活动 {club:d} 分钟'))
def given_after_school(world: World, name: str, sem: str, total: int, club: int) -> None:
    row = _after_school(world, name, sem)
    row["total_minutes"], row["interest_club_minutes"] = total, club


@given(parsers.parse('"{name}" "{sem}" 学期学生每天校内体育活动 {inside:d} 分钟、校外 {outside:d} 分钟'))
def given_pe(world: World, name: str, sem: str, inside: int, outside: int) -> None:
    row = _after_school(world, name, sem)
    row["pe_minutes_in_school_per_day"], row["pe_minutes_out_of_school_per_day"] = inside, outside


@given(parsers.parse('"{district}" 的教师发展中心有{role} {n:d} 名'))
def given_center_staff(world: World, district: str, role: str, n: int) -> None:
    center = world.district(district).setdefault("teacher_development_center", {"name": f"{district}教师发展中心"})
    r, full_time = staff_role(role)
    staff = center.setdefault("staff", [])
    staff.extend({"id": f"TDC-{r}-{len(staff) + i + 1}", "role": r, "full_time": full_time} for i in range(n))


@given(parsers.parse('"{owner}" 的{role} "{code}" 是思政教育骨干'))
def given_backbone(world: World, owner: str, role: str, code: str) -> None:
    staff = world.entity(owner).setdefault("staff", [])
    member = next((s for s in staff if s["id"] == code), None)
    if member is None:
        r, full_time = staff_role(role)
        member = {"id": code, "role": r, "full_time": full_time}
        staff.append(member)
    member["backbone"] = True


@given(parsers.parse('全市于 "{day}" 开展{kind} {n:d} 次'))
def given_city_events(world: World, day: str, kind: str, n: int) -> None:
    world.data["city"].setdefault("events", []).extend({"date": _d(day), "kind": event_kind(kind)} for _ in range(n))


@given(parsers.parse('全市经人工确认 "{item}" 为 "{answer}"'))
def given_city_attestation(world: World, item: str, answer: str) -> None:
    world.data["city"].setdefault("attestations", []).append(
        {"item": item, "value": ANSWERS[answer], "date": world.as_of.isoformat(), "by": "市教育局"})
