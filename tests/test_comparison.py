"""One dataset under two plans: where 福州 and 南昌 differ for the same school."""

from __future__ import annotations

from datetime import date

from mhpolicy.core.evaluation.evaluate import evaluate_many
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.results.findings import latest_completed
from mhpolicy.core.results.status import Status
from mhpolicy.reports.build import comparison


def _school(students: int, full_time: int) -> dict:
    return {"id": "S", "name": "甲中", "district_id": "D1", "kind": "junior", "archives_kept": True,
            "enrollment": [{"grade": 7, "stage": "junior", "students": students, "classes": 30}],
            "staff": [{"id": f"T{i}", "role": "psych_teacher", "full_time": True, "qualified": True}
                      for i in range(full_time)]}


def _compare(students: int, full_time: int) -> dict:
    reg = discover()
    ds = Dataset.model_validate({"city": {"code": "fuzhou", "name": "福州市"},
                                 "districts": [{"id": "D1", "name": "一区"}],
                                 "institutions": [_school(students, full_time)]})
    evs = evaluate_many(ds, [reg.get("fuzhou"), reg.get("nanchang")], date(2025, 9, 30))
    return comparison(evs)


def _ratio_row(comp: dict) -> dict:
    return next(r for r in comp["rows"] if r["topic"] == "staffing.psych_teacher_ratio" and r["subject_id"] == "S")


def _rule(cell: dict, rule_id: str) -> dict:
    return next(r for r in cell["rules"] if r["rule_id"] == rule_id)


def test_ratio_1_to_1000_against_1_to_800_for_the_same_school() -> None:
    row = _ratio_row(_compare(1700, 2))
    fz, nc = row["cities"]["fuzhou"], row["cities"]["nanchang"]
    assert fz["status"] == "符合" and _rule(fz, "fuzhou.5-1.k12-full-time-ratio")["required"] == 2
    ratio = _rule(nc, "nanchang.4-2-5.ratio-800")
    assert (ratio["status"], ratio["required"], ratio["modality"]) == ("不符合", 3, "原则上")
    assert nc["status"] == "不符合" and row["differs"]


def test_plans_demanding_the_same_with_the_same_outcome_do_not_differ() -> None:
    # 500 students: 福州 wants 1 qualified part-time teacher (<1000), 南昌 1 teacher of any kind (<800)
    rows = [r for r in _compare(500, 1)["rows"] if r["topic"] == "staffing.small_school_part_time"]
    assert len(rows) == 1 and rows[0]["cities"]["fuzhou"]["status"] == rows[0]["cities"]["nanchang"]["status"] == "符合"
    assert not rows[0]["differs"]


def test_the_same_demand_with_another_force_is_a_difference() -> None:
    (row,) = [r for r in _compare(500, 1)["rows"] if r["topic"] == "archives.kept"]
    assert {r["modality"] for c in row["cities"].values() for r in c["rules"]} == {"倡导", "强制"}
    assert row["differs"]


def test_data_only_the_other_plan_needs_is_missing_never_compliant() -> None:
    reg = discover()
    ds = Dataset.model_validate({"city": {"code": "fuzhou", "name": "福州市"},
                                 "districts": [{"id": "D1", "name": "一区"}], "institutions": [_school(1700, 2)]})
    (fz, nc) = evaluate_many(ds, [reg.get("fuzhou"), reg.get("nanchang")], date(2025, 9, 30))
    by_rule = {f.rule_id: f.status for f in latest_completed(nc.findings, date(2025, 9, 30)) if f.subject_id == "S"}
    # 福州-shaped data has no home visits, after-school time or lesson plans: 南昌 cannot pass them
    for rule in ("nanchang.4-5-14.home-visits", "nanchang.4-3-8.after-school-clubs",
                 "nanchang.4-3-9.lessons-per-two-weeks", "nanchang.4-1-3.census-each-semester"):
        assert by_rule[rule] is Status.MISSING, (rule, by_rule[rule])
    census = next(r for r in comparison([fz, nc])["rows"] if r["topic"] == "screening.census")
    assert census["cities"]["nanchang"]["status"] == "缺数据"
