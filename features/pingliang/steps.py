"""Steps only 平凉's specs need: trainings by level (县级以上 / 省市级以上), screenings of named grades,
university courses by credits. Loaded by features/conftest.py; the shared steps do the rest."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers

from mhpolicy.core.model.entities import ScreeningKind, TrainingLevel

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
