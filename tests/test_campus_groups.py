"""Campuses and education groups as subjects of their own, with a throwaway plugin: any plan may
decide a duty per campus of a school (校区) or per education group (教育集团)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.loading import InputError
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import CityPolicy, load_modules
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.requirement import Measure, MeasureResult, MissingData, SubjectKind
from mhpolicy.reports.build import gap_report, only_subject

from .plugin_kit import dataset, plugin_module, requirement, school

AS_OF = date(2025, 6, 1)


def _teachers_at_campus(subject: Subject, ctx: Context) -> MeasureResult:
    return Measure(observed=len(subject.campus.staff), required=1, inputs={"学校": subject.campus.school.name})


def _group_has_research_group(subject: Subject, ctx: Context) -> MeasureResult:
    day = subject.group.joint_research_group_established
    if day is None:
        return MissingData(("groups[].joint_research_group_established",))
    return Measure(observed=int(day <= ctx.as_of), required=1, inputs={"成员学校": len(subject.group.members)})


def _policy(tmp_path: Path) -> CityPolicy:
    reqs = [requirement(rid="campus", subject=SubjectKind.CAMPUS, measure=_teachers_at_campus, parameters=()),
            requirement(rid="group", subject=SubjectKind.GROUP, measure=_group_has_research_group, parameters=())]
    reg = load_modules({"testcity": plugin_module(tmp_path, reqs)})
    assert not reg.errors, reg.errors
    return reg.get("testcity")


def _two_campus_school() -> dict[str, Any]:
    return school("A", 0, campuses=[{"id": "east", "name": "东校区"}, {"id": "west", "name": "西校区"}],
                  staff=[{"id": "T1", "role": "psych_teacher", "campus": "east"}])


def _data(**header: Any) -> dict[str, Any]:
    data = dataset(_two_campus_school(), school("B", 1), school("C", 1))
    data.update(header)
    return data


def test_each_campus_of_a_school_is_decided_and_the_campus_without_a_teacher_is_named(tmp_path: Path) -> None:
    ev = evaluate(Dataset.model_validate(_data()), _policy(tmp_path), AS_OF)
    campus = {f.subject_id: f for f in ev.findings if f.subject_kind == "campus"}
    assert set(campus) == {"A/east", "A/west"}
    assert campus["A/east"].status is Status.PASS
    assert campus["A/west"].status is Status.FAIL
    assert campus["A/west"].subject_name == "学校A·西校区"
    assert campus["A/west"].parent_id == "A" and campus["A/west"].gap_text == "缺1名专职心理教师"


def test_a_schools_report_includes_its_campuses_and_no_other_school(tmp_path: Path) -> None:
    ev = evaluate(Dataset.model_validate(_data()), _policy(tmp_path), AS_OF)
    own = only_subject(ev.findings, "A")
    assert {(f.subject_kind, f.subject_id) for f in own} >= {("campus", "A/east"), ("campus", "A/west")}
    assert all(f.subject_id in ("A", "A/east", "A/west") for f in own)
    rows = {r["id"]: r for r in gap_report(ev, _policy(tmp_path))["subjects"]}
    assert rows["A/west"]["kind_label"] == "校区" and rows["A/west"]["parent_id"] == "A"
    assert any(a["subject_id"] == "A/west" for a in gap_report(ev, _policy(tmp_path))["actions"])


def test_an_education_group_is_decided_from_the_header(tmp_path: Path) -> None:
    groups = [{"id": "G1", "name": "一集团", "district_id": "D1", "members": ["A", "B"],
               "joint_research_group_established": "2025-05-31"},
              {"id": "G2", "name": "二集团", "members": ["C"]}]
    ev = evaluate(Dataset.model_validate(_data(groups=groups)), _policy(tmp_path), AS_OF)
    by_group = {f.subject_id: f for f in ev.findings if f.subject_kind == "group"}
    assert by_group["G1"].status is Status.PASS and by_group["G1"].inputs == {"成员学校": 2}
    assert by_group["G2"].status is Status.MISSING


def test_a_group_member_the_data_does_not_have_is_an_input_error(tmp_path: Path) -> None:
    groups = [{"id": "G1", "name": "一集团", "members": ["A", "NOPE"]}]
    with pytest.raises(Exception, match="NOPE"):
        Dataset.model_validate(_data(groups=groups))  # the whole dataset at once
    header = _data(groups=groups)
    policy = _policy(tmp_path)
    ds = Dataset.model_validate({**header, "groups": []}).model_copy(
        update={"groups": Dataset.model_validate({**header, "institutions": [], "groups": groups}).groups})
    with pytest.raises(InputError) as err:  # streamed: checked once every row is read
        evaluate(ds, policy, AS_OF)
    issue = err.value.issues[0]
    assert (issue.code, issue.field) == ("unknown_reference", "members") and "NOPE" in str(issue.slots)


def test_staff_tied_to_a_campus_the_school_does_not_list_is_refused() -> None:
    bad = school("A", 0, campuses=[{"id": "east", "name": "东校区"}],
                 staff=[{"id": "T1", "role": "psych_teacher", "campus": "north"}])
    with pytest.raises(Exception, match="north"):
        Dataset.model_validate(dataset(bad))
