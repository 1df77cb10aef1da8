"""Aggregate requirements (core/rules/aggregate.py): targets over a population folded over the
streamed institutions (and the header's records), decided for the city and each district after
the last chunk, through the same engine path as every rule. Tested with a throwaway plugin."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mhpolicy.core.evaluation.pipeline import run_stream
from mhpolicy.core.io.source import open_source
from mhpolicy.core.model.entities import Count, Ident, Strict
from mhpolicy.core.model.extensions import DataExtension, Entity
from mhpolicy.core.plugins.base import CityPlugin
from mhpolicy.core.plugins.registry import CityPolicy, Registry, load_modules
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.aggregate import LAGGING_LIMIT, Aggregate, Partial, Tally, merge_all, required_of
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import MissingData, Modality, SubjectKind

from .plugin_kit import MIN_STAFF, info, requirement, school

AS_OF = date(2024, 6, 1)
SHARE = Parameter(id="testcity.staffed_share", label="配备心理教师的学校比例目标", unit="%",
                  values={date(2024, 1, 1): 95}, clause="一、1", quote="学校应配备专职心理教师不少于2名")
AWARE = Parameter(id="testcity.aware_share", label="知晓率目标", unit="%", values={date(2024, 1, 1): 80},
                  clause="一、1", quote="学校应配备专职心理教师不少于2名")
CLINICS = Parameter(id="testcity.clinic_share", label="开设心理门诊的医院比例", unit="%",
                    values={date(2024, 1, 1): 50}, clause="一、1", quote="学校应配备专职心理教师不少于2名")


class Hospital(Strict):
    id: Ident
    name: str
    district_id: Ident | None = None
    psych_clinic: bool | None = None


class Survey(Strict):
    surveyed: Count
    aware: Count


HOSPITALS: DataExtension[list[Hospital]] = DataExtension(Entity.DATASET, "hospitals", list[Hospital], "医院")
SURVEY: DataExtension[Survey | None] = DataExtension(Entity.INSTITUTION, "survey", Survey, "核心知识知晓调查")


def staffed(inst: Any, ctx: Any) -> bool | None:
    """A school counts when it has a psychology teacher; kindergartens are outside the population."""
    if inst.kind.value == "kindergarten":
        return None
    return len(inst.staff) >= 1


def aware(inst: Any, ctx: Any) -> Tally | MissingData:
    s = inst.survey
    return MissingData(("survey",)) if s is None else Tally(s.aware, s.surveyed)


def clinic(h: Hospital, ctx: Any) -> bool | MissingData:
    return MissingData(("hospitals.psych_clinic",)) if h.psych_clinic is None else h.psych_clinic


def share_req(subject: SubjectKind, rid: str = "staffed", **kw: Any):  # type: ignore[no-untyped-def]
    agg = kw.pop("aggregate", Aggregate(over=SubjectKind.INSTITUTION, counts=staffed, target=SHARE.id,
                                        population="所学校", met="配备专兼职心理教师"))
    return requirement(rid=rid, measure=None, subject=subject, aggregate=agg, parameters=(agg.target,),
                       unit="所", observed_label="达标学校数", gap_text="", **kw)


def _policy(tmp_path: Path, reqs: list[Any]) -> CityPolicy:
    plugin = CityPlugin(info=info(tmp_path), requirements=reqs, parameters=[MIN_STAFF, SHARE, AWARE, CLINICS],
                        data_extensions=[HOSPITALS, SURVEY])
    reg = load_modules({"testcity": plugin})
    assert not reg.errors, reg.errors
    return reg.get("testcity")


def _data(schools: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"city": {"code": "testcity", "name": "测试市"},
            "districts": [{"id": "D1", "name": "一区"}, {"id": "D2", "name": "二区"}, {"id": "D3", "name": "三区"}],
            "institutions": schools, **extra}


def _schools(staffed_n: int, of: int, district: str = "D1", prefix: str = "S") -> list[dict[str, Any]]:
    return [school(f"{prefix}{i:03}", 1 if i < staffed_n else 0, district_id=district) for i in range(of)]


def _run(policy: CityPolicy, data: dict[str, Any], tmp_path: Path, *, workers: int = 1,
         chunk: int | None = None, only: str | None = None) -> list[list[Finding]]:
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    src = open_source(path, Registry(policies={"testcity": policy}).models())
    if only:
        src = src.restricted_to(only)
    return [part.get("testcity", []) for part in run_stream(src, [policy], AS_OF, workers=workers, chunk=chunk)]


def _agg(parts: list[list[Finding]], subject_id: str, rid: str = "staffed") -> Finding:
    found = [f for part in parts for f in part if f.rule_id == f"testcity.1-1.{rid}" and f.subject_id == subject_id]
    assert len(found) == 1, found
    return found[0]


def test_nineteen_of_twenty_schools_meet_a_95_percent_target_and_eighteen_fall_one_school_short(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT)])
    parts = _run(policy, _data(_schools(19, 20, "D1") + _schools(18, 20, "D2", "T")), tmp_path)
    at, below = _agg(parts, "D1"), _agg(parts, "D2")
    assert at.status is Status.PASS and (at.observed, at.required) == (19, 19)
    assert below.status is Status.FAIL and (below.observed, below.required, below.gap) == (18, 19, 1)
    assert below.gap_text.startswith("还差1所学校配备专兼职心理教师（18/20，目标95%）；涉及：T018 学校T018、T019 学校T019")
    assert below.inputs["比例"] == "90%" and below.inputs["未达标对象数"] == 2
    assert [x["id"] for x in below.inputs["未达标对象"]] == ["T018", "T019"]
    assert "未达标或缺数据的对象：T018 学校T018（未配备专兼职心理教师）" in below.explanation


def test_a_target_over_twenty_one_schools_needs_twenty_as_the_issue_spells_it(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.CITY)])
    f = _agg(_run(policy, _data(_schools(19, 21)), tmp_path), "testcity")
    assert f.status is Status.FAIL
    assert f.gap_text.startswith("还差1所学校配备专兼职心理教师（19/21，目标95%）")


def test_the_least_count_meeting_a_share_is_computed_exactly() -> None:
    assert [required_of(20, 95), required_of(21, 95), required_of(10, 60), required_of(3, 50)] == [19, 20, 6, 2]
    assert required_of(100, 33.3) == 34  # not 33.300000000000004 rounded the wrong way


def test_the_city_folds_every_district_and_a_district_without_schools_is_not_applicable(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.CITY, "city"), share_req(SubjectKind.DISTRICT)])
    parts = _run(policy, _data(_schools(19, 20, "D1") + _schools(20, 20, "D2", "T")), tmp_path)
    city = _agg(parts, "testcity", "city")
    assert city.status is Status.PASS and (city.observed, city.required) == (39, 38)
    assert _agg(parts, "D3").status is Status.NOT_APPLICABLE
    assert "无纳入统计的学校" in _agg(parts, "D3").explanation


def test_records_outside_the_population_are_not_counted(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT)])
    kindergartens = [school(f"K{i}", 0, kind="kindergarten") for i in range(5)]
    f = _agg(_run(policy, _data(_schools(19, 20) + kindergartens), tmp_path), "D1")
    assert f.status is Status.PASS and f.inputs["总数"] == 20


def test_missing_data_is_counted_as_not_meeting_and_leaves_the_target_undecided_when_it_could_close_the_gap(
        tmp_path: Path) -> None:
    def missing_first(inst: Any, ctx: Any) -> bool | MissingData:
        return MissingData(("staff",)) if inst.id == "S000" else len(inst.staff) >= 1

    agg = Aggregate(over=SubjectKind.INSTITUTION, counts=missing_first, target=SHARE.id,
                    population="所学校", met="配备专兼职心理教师")
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT, aggregate=agg)])
    # S000 unreported, 18 staffed, S019 not: 18 + the 1 missing could reach 19 -> 缺数据, never 符合
    f = _agg(_run(policy, _data(_schools(19, 20, "D1")), tmp_path), "D1")
    assert f.status is Status.MISSING
    assert f.gap_text.startswith("需补报：1所学校的")
    assert "按未达标计入总数，不计为达标" in f.explanation and f.inputs["缺数据"] == 1
    # S000 unreported and three not staffed: the missing one cannot close the gap -> 不符合
    f2 = _agg(_run(policy, _data(_schools(17, 20, "D1")), tmp_path), "D1")
    assert f2.status is Status.FAIL and (f2.observed, f2.required, f2.gap) == (16, 19, 3)


def test_a_share_of_sums_counts_students_and_names_the_schools_below_the_target(tmp_path: Path) -> None:
    agg = Aggregate(over=SubjectKind.INSTITUTION, counts=aware, target=AWARE.id, population="名学生",
                    met="知晓核心知识", share_of="sums")
    policy = _policy(tmp_path, [share_req(SubjectKind.CITY, "aware", aggregate=agg)])
    schools = [school("A", 1, survey={"surveyed": 100, "aware": 90}), school("B", 1, survey={"surveyed": 100, "aware": 60})]
    f = _agg(_run(policy, _data(schools), tmp_path), "testcity", "aware")
    assert f.status is Status.FAIL and (f.observed, f.required) == (150, 160)
    assert f.gap_text.startswith("还差10名学生知晓核心知识（150/200，目标80%）；涉及：B 学校B")
    schools.append(school("C", 1))  # no survey reported: the share cannot be judged
    assert _agg(_run(policy, _data(schools), tmp_path), "testcity", "aware").status is Status.MISSING


def test_hospitals_declared_by_the_plugin_fold_from_the_dataset_header(tmp_path: Path) -> None:
    agg = Aggregate(over=HOSPITALS, counts=clinic, target=CLINICS.id, population="所医院", met="开设心理门诊")
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT, "clinic", aggregate=agg)])
    hospitals = [{"id": "H1", "name": "一院", "district_id": "D1", "psych_clinic": True},
                 {"id": "H2", "name": "二院", "district_id": "D1", "psych_clinic": False},
                 {"id": "H3", "name": "三院", "district_id": "D2", "psych_clinic": False},
                 {"id": "H4", "name": "四院", "district_id": "D2", "psych_clinic": False}]
    parts = _run(policy, _data(_schools(1, 1), hospitals=hospitals), tmp_path)
    assert _agg(parts, "D1", "clinic").status is Status.PASS
    d2 = _agg(parts, "D2", "clinic")
    assert d2.status is Status.FAIL and d2.gap_text.startswith("还差1所医院开设心理门诊（0/2，目标50%）")


def test_aggregate_findings_come_last_after_every_chunk(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT), requirement(rid="staff")])
    parts = _run(policy, _data(_schools(19, 20)), tmp_path, chunk=7)
    assert len(parts) == 1 + 3 + 1  # header subjects, three chunks, the aggregates
    assert {f.rule_id for f in parts[-1]} == {"testcity.1-1.staffed"}
    assert all(f.rule_id != "testcity.1-1.staffed" for part in parts[:-1] for f in part)


def test_a_school_report_has_no_aggregate_findings(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT), requirement(rid="staff")])
    parts = _run(policy, _data(_schools(19, 20)), tmp_path, only="S003")
    assert {f.rule_id for part in parts for f in part} == {"testcity.1-1.staff"}


def test_a_counting_function_that_raises_is_an_error_naming_rule_and_record(tmp_path: Path) -> None:
    def broken(inst: Any, ctx: Any) -> bool:
        if inst.id == "S005":
            raise ZeroDivisionError("boom")
        return True

    agg = Aggregate(over=SubjectKind.INSTITUTION, counts=broken, target=SHARE.id, population="所学校", met="达标")
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT, aggregate=agg)])
    f = _agg(_run(policy, _data(_schools(20, 20)), tmp_path), "D1")
    assert f.status is Status.ERROR and "S005" in f.error and "ZeroDivisionError" in f.error


def test_an_unmet_target_of_advice_is_a_hint_never_a_non_compliance(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT, modality=Modality.ADVICE, word="鼓励")])
    f = _agg(_run(policy, _data(_schools(18, 20)), tmp_path), "D1")
    assert f.status is Status.ADVICE and f.gap_text.startswith("还差1所学校")


def test_the_fold_gives_the_same_findings_in_one_chunk_many_chunks_and_two_workers(tmp_path: Path) -> None:
    policy = _policy(tmp_path, [share_req(SubjectKind.CITY, "city"), share_req(SubjectKind.DISTRICT)])
    schools = [school(f"S{i:04}", 0 if i % 13 == 0 else 1, district_id=f"D{i % 3 + 1}") for i in range(900)]
    one = _run(policy, _data(schools), tmp_path, chunk=10_000)
    many = _run(policy, _data(schools), tmp_path, chunk=37)
    two = _run(policy, _data(schools), tmp_path, chunk=37, workers=2)
    assert len(many) == 1 + 25 + 1 and len(one) == 1 + 1 + 1
    last = [[f.to_json() for f in parts[-1]] for parts in (one, many, two)]
    assert last[0] == last[1] == last[2]
    city = _agg(one, "testcity", "city")
    assert city.status is Status.FAIL and city.inputs["未达标对象数"] == 70
    assert len(city.inputs["未达标对象"]) == LAGGING_LIMIT
    assert city.inputs["未达标对象"][0]["id"] == "S0000" and "等，共70个" in city.explanation


def test_partials_merge_associatively() -> None:
    agg = Aggregate(over=SubjectKind.INSTITUTION, counts=staffed, target=SHARE.id, population="所学校", met="达标")

    class R:
        def __init__(self, i: int) -> None:
            self.id, self.name = f"R{i}", ""

    def part(rs: range) -> Partial:
        p = Partial()
        for i in rs:
            p.add(R(i), i % 3 != 0 if i % 7 else MissingData(("staff",)), agg, 95)
        return p

    whole = part(range(200))
    left = part(range(0, 60)).merge(part(range(60, 130)).merge(part(range(130, 200))))
    right = part(range(0, 60)).merge(part(range(60, 130))).merge(part(range(130, 200)))
    assert whole == left == right
    merged = merge_all({("r", "", "city", "c"): part(range(0, 100))}, {("r", "", "city", "c"): part(range(100, 200))})
    assert merged[("r", "", "city", "c")] == whole


@pytest.mark.parametrize("bad", [
    {"subject": SubjectKind.INSTITUTION},
    {"op": "<="},
    {"parameters": ()},
])
def test_an_aggregate_requirement_checks_its_shape(bad: dict[str, Any]) -> None:
    agg = Aggregate(over=SubjectKind.INSTITUTION, counts=staffed, target=SHARE.id, population="所学校", met="达标")
    fields: dict[str, Any] = {"subject": SubjectKind.CITY, "aggregate": agg, "parameters": (SHARE.id,)} | bad
    with pytest.raises(ValueError):
        requirement(rid="x", measure=None, **fields)


def test_a_check_stores_the_aggregate_part_and_its_report_lists_the_schools_holding_the_target_back(
        tmp_path: Path) -> None:
    import csv

    from mhpolicy.core.check import CheckRequest, run_check
    from mhpolicy.core.io.store import Store

    policy = _policy(tmp_path, [share_req(SubjectKind.DISTRICT), requirement(rid="staff")])
    path = tmp_path / "data.json"
    path.write_text(json.dumps(_data(_schools(18, 20)), ensure_ascii=False), encoding="utf-8")
    reg = Registry(policies={"testcity": policy})
    out, db = tmp_path / "out", tmp_path / "s.db"
    run_check(CheckRequest(cities=["testcity"], data=path, out=out, db=str(db)), reg)
    (run,) = Store(str(db)).runs()
    stored = [r for r in Store(str(db)).findings(run.id) if r.rule_id == "testcity.1-1.staffed"]
    assert [(r.subject_id, r.status) for r in stored] == [("D1", "不符合"), ("D2", "不适用"), ("D3", "不适用")]
    assert "S018 学校S018（未配备专兼职心理教师）" in stored[0].explanation
    html = (out / "testcity.html").read_text(encoding="utf-8")
    assert "还差1所学校配备专兼职心理教师（18/20，目标95%）" in html
    assert "未达标或缺数据的对象 2 个（达标 18/20，比例 90%，目标 95%）" in html and "<td>S019</td>" in html
    with (out / "testcity-actions.csv").open(encoding="utf-8-sig") as fh:
        actions = [row["事项"] for row in csv.DictReader(fh) if row["对象编号"] == "D1"]
    assert actions == ["整改：还差1所学校配备专兼职心理教师（18/20，目标95%）；涉及：S018 学校S018、S019 学校S019，共2个"]


def test_stations_of_the_header_fold_like_institutions(tmp_path: Path) -> None:
    def staffed_station(st: Any, ctx: Any) -> bool:
        return bool(st.staff)

    agg = Aggregate(over=SubjectKind.STATION, counts=staffed_station, target=CLINICS.id, population="个站点",
                    met="配备人员")
    policy = _policy(tmp_path, [share_req(SubjectKind.CITY, "stations", aggregate=agg)])
    stations = [{"id": f"ST{i}", "name": f"站点{i}", "level": "township", "district_id": "D1",
                 "staff": [{"id": f"ST{i}-1", "role": "psych_teacher"}] if i < 1 else []} for i in range(3)]
    f = _agg(_run(policy, _data(_schools(1, 1), stations=stations), tmp_path), "testcity", "stations")
    assert f.status is Status.FAIL and f.gap_text.startswith("还差1个站点配备人员（1/3，目标50%）；涉及：ST1 站点1、ST2 站点2")


def test_a_periodic_aggregate_folds_each_period_it_judges(tmp_path: Path) -> None:
    from mhpolicy.core.rules.periods import PeriodKind

    def trained_in_period(inst: Any, ctx: Any) -> bool:
        year = ctx.period(PeriodKind.CALENDAR_YEAR)
        return any(year.start <= e.date <= year.end for e in inst.events)

    agg = Aggregate(over=SubjectKind.INSTITUTION, counts=trained_in_period, target=CLINICS.id, population="所学校",
                    met="开展活动")
    policy = _policy(tmp_path, [share_req(SubjectKind.CITY, "yearly", aggregate=agg, period=PeriodKind.CALENDAR_YEAR)])
    schools = [school("A", 1, events=[{"date": "2024-05-01", "kind": "other"}]),
               school("B", 1, events=[{"date": "2025-03-01", "kind": "other"}])]
    path = tmp_path / "data.json"
    path.write_text(json.dumps(_data(schools), ensure_ascii=False), encoding="utf-8")
    src = open_source(path, Registry(policies={"testcity": policy}).models())
    found = [f for part in run_stream(src, [policy], date(2025, 6, 1), since=date(2024, 1, 1))
             for f in part.get("testcity", []) if f.rule_id == "testcity.1-1.yearly"]
    by_period = {f.period: (f.status, f.observed, f.required) for f in found}
    assert by_period["2024年"] == (Status.PASS, 1, 1)  # only A in 2024: 1 of 2 meets 50%
    assert by_period["2025年"][0] is Status.IN_PROGRESS  # the running year: not judged yet


def test_the_city_report_lists_city_and_county_targets_worst_first_under_the_overview(tmp_path: Path) -> None:
    from mhpolicy.core.check import CheckRequest, run_check
    from mhpolicy.core.plugins.registry import discover

    out = tmp_path / "out"
    run_check(CheckRequest(cities=["pingliang"], out=out, db=str(tmp_path / "m.db")), discover())
    page = (out / "pingliang.html").read_text(encoding="utf-8")
    start = page.index("全市与各区县的目标和职责")
    section = page[start:page.index("</table>", start)]
    assert start < page.index("结论统计")  # above the counts of findings
    # the city's 95% target, not reached on the sample, names its gap before any met target
    missed = section.index("还差1所学校配备专兼职心理健康教育教师（22/24，目标95%）")
    assert missed < section.index(">符合<") and "不适用" not in section
