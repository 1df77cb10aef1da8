"""Regressions found in review, on the real city plugins: missing data must never pass or vanish."""

from __future__ import annotations

from datetime import date

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import discover

REG = discover()


def _finding(city: str, inst: dict, rule: str):  # type: ignore[no-untyped-def]
    ds = Dataset.model_validate({"city": {"code": city, "name": city}, "districts": [{"id": "D1", "name": "一区"}],
                                 "institutions": [inst]})
    return next(f for f in evaluate(ds, REG.get(city), date(2025, 9, 30)).findings if f.rule_id == rule)


def test_an_unreported_class_count_is_missing_not_no_classes() -> None:
    inst = {"id": "J", "name": "甲中", "district_id": "D1", "kind": "junior",
            "enrollment": [{"grade": 7, "stage": "junior", "students": 300}]}
    f = _finding("nanchang", inst, "nanchang.4-1-3.psych-committee-pair")
    assert f.status.value == "缺数据" and "classes" in f.gap_text


def test_an_unreported_staff_list_is_missing_for_every_training_rule() -> None:
    inst = {"id": "J", "name": "甲中", "district_id": "D1", "kind": "junior",
            "enrollment": [{"grade": 7, "stage": "junior", "students": 1200, "classes": 24}]}
    for city, rule in [("fuzhou", "fuzhou.5-1.case-practice-hours"), ("fuzhou", "fuzhou.5-1.supervision-full-time-hours"),
                       ("nanchang", "nanchang.4-2-6.psych-full-time-hours"), ("nanchang", "nanchang.4-2-6.other-teachers")]:
        assert _finding(city, inst, rule).status.value == "缺数据", rule
