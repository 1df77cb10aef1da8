"""Step definitions shared by every city's specs.

The steps build a dataset as plain JSON-like data, then validate it with the same pydantic
model and run it through the same evaluation path (`evaluate`) the CLI uses. Values in step
text are ASCII (digits, quotes, dates as 2024-06-30) so the parsers can read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.loading import parse_dataset
from mhpolicy.core.model.entities import (
    KIND_STAGES,
    EventKind,
    InstitutionKind,
    StaffRole,
    Stage,
    StationLevel,
    TrainingKind,
)
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.results.findings import Finding, latest_completed

# The Chinese words of the steps are the labels (or aliases) the model's enums declare
# (core/model/vocabulary.py): steps read them with from_label and keep no tables of their own.
FIRST_GRADE = {
    Stage.PRESCHOOL: 0, Stage.PRIMARY: 1, Stage.JUNIOR: 7, Stage.SENIOR: 10,
    Stage.VOCATIONAL: 10, Stage.HIGHER: 13, Stage.SPECIAL: 1,
}
# A 心理教研员 holds a full-time post at the teacher development centre; other roles are
# full-time only when the step says 专职.
_FULL_TIME_POSTS = {StaffRole.RESEARCHER}


def staff_role(text: str) -> tuple[str, bool]:
    """"专职心理教师" -> ("psych_teacher", True): the role's label, with 专职/兼职 in front or not."""
    role = StaffRole.from_label(text.removeprefix("专职").removeprefix("兼职"))
    return role.value, text.startswith("专职") or role in _FULL_TIME_POSTS


def event_kind(text: str) -> str:
    return EventKind.from_label(text).value

_REGISTRY = discover()


@dataclass
class World:
    as_of: date = date(2024, 12, 31)
    data: dict[str, Any] = field(default_factory=lambda: {
        "city": {"code": "spec", "name": "规格城市"},
        "districts": [{"id": "D1", "name": "测试区"}],
        "institutions": [], "stations": [],
    })
    findings: list[Finding] = field(default_factory=list)
    current: Finding | None = None
    error: Exception | None = None

    def institution(self, name: str) -> dict[str, Any]:
        for inst in self.data["institutions"]:
            if inst["name"] == name:
                return inst
        raise AssertionError(f"spec names an institution '{name}' that no step created")

    def station(self, name: str) -> dict[str, Any]:
        for st in self.data["stations"]:
            if st["name"] == name:
                return st
        raise AssertionError(f"spec names a station '{name}' that no step created")

    def district(self, name: str) -> dict[str, Any]:
        for d in self.data["districts"]:
            if d["name"] == name:
                return d
        raise AssertionError(f"spec names a district '{name}' that no step created")

    def entity(self, name: str) -> dict[str, Any]:
        for group in ("institutions", "stations", "districts"):
            for e in self.data[group]:
                if e["name"] == name:
                    return e
        raise AssertionError(f"spec names '{name}' that no step created")

    def staff_member(self, owner: dict[str, Any], code: str) -> dict[str, Any]:
        for s in owner.setdefault("staff", []):
            if s["id"] == code:
                return s
        raise AssertionError(f"spec names a staff member '{code}' that no step created")


@pytest.fixture
def world() -> World:
    return World()


def _d(text: str) -> str:
    return date.fromisoformat(text).isoformat()


# ---- Given: the evaluation date and the subjects --------------------------------------

@given(parsers.parse('评估日期为 "{day}"'))
def given_as_of(world: World, day: str) -> None:
    world.as_of = date.fromisoformat(day)


@given(parsers.parse('一所{kind} "{name}"'))
def given_institution(world: World, kind: str, name: str) -> None:
    k = InstitutionKind.from_label(kind)
    world.data["institutions"].append({"id": name, "name": name, "district_id": "D1", "kind": k.value})


@given(parsers.parse('"{name}" 有学生 {n:d} 名'))
def given_students(world: World, name: str, n: int) -> None:
    inst = world.institution(name)
    stage = sorted(KIND_STAGES[InstitutionKind(inst["kind"])])[0]
    inst["enrollment"] = [{"grade": FIRST_GRADE[stage], "stage": stage.value, "students": n, "classes": max(1, n // 45)}]


@given(parsers.parse('"{name}" 第 {grade:d} 年级有学生 {n:d} 名、班级 {classes:d} 个'))
def given_grade(world: World, name: str, grade: int, n: int, classes: int) -> None:
    inst = world.institution(name)
    inst.setdefault("enrollment", []).append({"grade": grade, "stage": _stage_of(inst["kind"], grade).value,
                                              "students": n, "classes": classes})


def _stage_of(kind: str, grade: int) -> Stage:
    """The stage a grade belongs to in a school of `kind`: grade 8 of a nine-year school is 初中;
    a school with one stage (中职, 特殊教育 …) puts every grade in it."""
    stages = KIND_STAGES[InstitutionKind(kind)]
    by_grade = (Stage.PRESCHOOL if grade == 0 else Stage.PRIMARY if grade <= 6 else Stage.JUNIOR if grade <= 9
                else Stage.SENIOR if grade <= 12 else Stage.HIGHER)
    return by_grade if by_grade in stages else sorted(stages)[0]


@given(parsers.parse('"{name}" 是寄宿制学校，寄宿生 {n:d} 名'))
def given_boarding(world: World, name: str, n: int) -> None:
    inst = world.institution(name)
    inst["boarding"], inst["boarding_students"] = True, n


@given(parsers.parse('"{name}" 被标记为 "{flag}"'))
def given_flag(world: World, name: str, flag: str) -> None:
    flags = {"小学中心校": "central_primary", "中学一类校": "class1_middle", "小规模学校": "small_scale",
             "民办": "public", "公办": "public"}
    world.institution(name)[flags[flag]] = flag != "民办"


_ROLE_WORDS = sorted({w for r in StaffRole for w in (r.label, *r.aliases)}, key=len, reverse=True)
_ROLE_RE = "(?:有资质的)?(?:专职|兼职)?(?:" + "|".join(_ROLE_WORDS) + ")"


@given(parsers.re(rf'"(?P<owner>[^"]+)" 有(?P<role>{_ROLE_RE}) (?P<n>\d+) 名$'))
def given_staff(world: World, owner: str, role: str, n: str) -> None:
    ent = world.entity(owner)
    qualified = role.startswith("有资质的")
    r, full_time = staff_role(role.removeprefix("有资质的"))
    staff = ent.setdefault("staff", [])
    base = len(staff)
    for i in range(int(n)):
        staff.append({"id": f"{r}-{base + i + 1}", "role": r, "full_time": full_time, "qualified": qualified})


@given(parsers.parse('"{owner}" 的{role} "{code}" 于 "{day}" 参加{kind} {hours:g} 学时'))
def given_training(world: World, owner: str, role: str, code: str, day: str, kind: str, hours: float) -> None:
    ent = world.entity(owner)
    r, full_time = staff_role(role)
    staff = ent.setdefault("staff", [])
    member = next((s for s in staff if s["id"] == code), None)
    if member is None:
        member = {"id": code, "role": r, "full_time": full_time, "qualified": True}
        staff.append(member)
    member.setdefault("trainings", []).append({"date": _d(day), "hours": hours,
                                               "kind": TrainingKind.from_label(kind).value})


@given(parsers.parse('"{owner}" 的{role} "{code}" 于 "{day}" 参加{kind} {hours:g} 学时，主题为 "{topic}"'))
def given_training_on(world: World, owner: str, role: str, code: str, day: str, kind: str, hours: float,
                      topic: str) -> None:
    """A training whose record names its topic (e.g. 心理健康教育, 师德), for rules that count only some."""
    given_training(world, owner, role, code, day, kind, hours)
    member = next(s for s in world.entity(owner)["staff"] if s["id"] == code)
    member["trainings"][-1]["topic"] = topic


@given(parsers.parse('"{owner}" 于 "{day}" 开展{kind} {n:d} 次'))
def given_events(world: World, owner: str, day: str, kind: str, n: int) -> None:
    ent = world.entity(owner)
    for _ in range(n):
        ent.setdefault("events", []).append({"date": _d(day), "kind": event_kind(kind)})


@given(parsers.parse('"{owner}" 于 "{day}" 开展{kind} {hours:g} 课时'))
def given_event_hours(world: World, owner: str, day: str, kind: str, hours: float) -> None:
    world.entity(owner).setdefault("events", []).append({"date": _d(day), "kind": event_kind(kind), "hours": hours})


@given(parsers.parse('"{owner}" 的{role} "{code}" 于 "{day}" 开展{kind} {n:d} 次'))
def given_staff_events(world: World, owner: str, role: str, code: str, day: str, kind: str, n: int) -> None:
    ent = world.entity(owner)
    r, full_time = staff_role(role)
    staff = ent.setdefault("staff", [])
    if not any(s["id"] == code for s in staff):
        staff.append({"id": code, "role": r, "full_time": full_time})
    for _ in range(n):
        ent.setdefault("events", []).append({"date": _d(day), "kind": event_kind(kind), "held_by": code})


@given(parsers.parse('"{owner}" 经人工确认 "{item}" 为 "{answer}"'))
def given_attestation(world: World, owner: str, item: str, answer: str) -> None:
    value = {"是": True, "否": False}[answer]
    world.entity(owner).setdefault("attestations", []).append(
        {"item": item, "value": value, "date": world.as_of.isoformat(), "by": "校长"})


@given(parsers.parse('一个{level}辅导站 "{name}"'))
def given_station(world: World, level: str, name: str) -> None:
    world.data["stations"].append({"id": name, "name": name, "level": StationLevel.from_label(level).value,
                                   "district_id": "D1"})


# ---- When: the one evaluation path ------------------------------------------------------

@when(parsers.parse('按 "{city}" 的政策检查'))
def when_check(world: World, city: str) -> None:
    policy = _REGISTRY.get(city)
    world.data["city"]["code"] = city  # the spec's data belongs to the city whose plan it tests
    dataset = parse_dataset(world.data, "spec", _REGISTRY.models())  # with the fields plugins declare
    # The streamed check's own path: rows validated again, warning tiers checked, then decided.
    world.findings = evaluate(dataset, policy, world.as_of).findings


# ---- Then: assertions on computed findings -----------------------------------------------

def _finding(world: World, rule: str, subject: str) -> Finding:
    """The finding of `rule` for `subject`: of a periodic duty, the latest completed period's
    (the one the specs describe; earlier periods and the running one have findings of their own)."""
    hits = [f for f in world.findings if f.rule_id == rule and (f.subject_name == subject or f.subject_id == subject)]
    assert hits, f"no finding for rule {rule} and subject {subject}; rules seen: {sorted({f.rule_id for f in world.findings})}"
    hits = latest_completed(hits, world.as_of)
    assert len(hits) == 1, f"{len(hits)} findings for {rule} × {subject}"
    return hits[0]


@then(parsers.parse('规则 "{rule}" 对 "{subject}" 的结论为 "{status}"'))
def then_status(world: World, rule: str, subject: str, status: str) -> None:
    world.current = _finding(world, rule, subject)
    assert world.current.status.value == status, (
        f"{rule} × {subject}: expected {status}, got {world.current.status.value} ({world.current.explanation})")


@then(parsers.parse('差距为 "{gap}"'))
def then_gap(world: World, gap: str) -> None:
    assert world.current is not None, "a 差距 step must follow a 结论 step"
    expected = "" if gap == "无" else gap
    assert world.current.gap_text == expected, f"gap: expected {expected!r}, got {world.current.gap_text!r}"


@then(parsers.parse('是否逾期为 "{answer}"'))
def then_overdue(world: World, answer: str) -> None:
    assert world.current is not None
    assert world.current.overdue is {"是": True, "否": False}[answer], world.current.explanation


@then(parsers.parse('截止日期为 "{day}"'))
def then_due(world: World, day: str) -> None:
    assert world.current is not None
    assert world.current.due == date.fromisoformat(day), f"due {world.current.due}"


@then(parsers.parse('说明中包含 "{text}"'))
def then_explains(world: World, text: str) -> None:
    assert world.current is not None
    assert text in world.current.explanation, world.current.explanation


@then(parsers.parse('严重程度为 "{modality}"'))
def then_modality(world: World, modality: str) -> None:
    assert world.current is not None
    assert world.current.modality.value == modality
