"""One dataset under two plans: where 福州 and 南昌 differ for the same school."""

from __future__ import annotations

from datetime import date

from mhpolicy.core.evaluate import evaluate_many
from mhpolicy.core.model import Dataset
from mhpolicy.core.plugins import discover
from mhpolicy.core.status import Status
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
    rows = [r for r in _compare(1600, 2)["rows"] if r["topic"] == "archives.kept"]
    assert rows and all(not r["differs"] for r in rows)
    assert {c["status"] for r in rows for c in r["cities"].values()} == {"符合"}
    # while 1600 students need 2 teachers under both ratios, 南昌 adds its own full-time minimum
    row = _ratio_row(_compare(1600, 2))
    assert row["cities"]["fuzhou"]["status"] == row["cities"]["nanchang"]["status"] == "符合"
    assert _rule(row["cities"]["nanchang"], "nanchang.4-2-5.ratio-800")["required"] == 2


def test_data_only_the_other_plan_needs_is_missing_never_compliant() -> None:
    comp = _compare(1700, 2)
    nanchang_only = [rule["status"] for r in comp["rows"] if r["cities"]["nanchang"]
                     for rule in r["cities"]["nanchang"]["rules"]]
    assert Status.MISSING.value in nanchang_only
    assert all(r["cities"]["nanchang"]["status"] != "符合" for r in comp["rows"]
               if r["topic"] in ("training.head_teacher_hours", "family.home_visits") and r["cities"]["nanchang"])
