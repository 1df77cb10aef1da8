"""平凉's bundled sample, checked under its own plan: the findings a bureau official would look for."""

from __future__ import annotations

from pathlib import Path

import pytest

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.source import read_dataset
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.results.findings import Finding, latest_completed
from mhpolicy.core.rules.requirement import Modality

REG = discover()
POLICY = REG.get("pingliang")


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    dataset, _ = read_dataset(Path(str(POLICY.sample_path())), REG.models())
    assert dataset.as_of is not None
    return latest_completed(evaluate(dataset, POLICY, dataset.as_of).findings, dataset.as_of)


def _status(findings: list[Finding], rule: str, subject: str) -> str:
    (hit,) = [f for f in findings if f.rule_id == f"pingliang.{rule}" and f.subject_id == subject]
    return hit.status.value


def test_the_sample_spans_several_counties_every_kind_of_school_boarders_a_university_and_hospitals() -> None:
    dataset, _ = read_dataset(Path(str(POLICY.sample_path())), REG.models())
    assert len(dataset.districts) >= 5 and len(dataset.institutions) >= 20
    kinds = {i.kind.value for i in dataset.institutions}
    assert kinds >= {"kindergarten", "primary", "junior", "senior", "nine_year", "secondary_vocational", "university",
                     "special_education"}
    assert sum(i.boarding_students >= 200 for i in dataset.institutions) >= 5
    assert any(i.boarding and i.boarding_students < 200 for i in dataset.institutions)
    hospitals = dataset.hospitals  # type: ignore[attr-defined]
    assert {h.kind.value for h in hospitals} == {"psychiatric", "maternal_child", "general_secondary"}
    assert {h.district_id for h in hospitals} >= {d.id for d in dataset.districts} | {None}


def test_a_boarding_school_under_1000_students_with_210_boarders_must_have_a_full_time_teacher(findings) -> None:  # type: ignore[no-untyped-def]
    assert _status(findings, "4-1-2-5.full-time-large-or-boarding", "HT-N01") == "不符合"
    assert _status(findings, "4-1-2-5.full-time-large-or-boarding", "JC-N01") == "不适用"  # 190 boarders


def test_the_university_of_8400_students_with_2_full_time_teachers_falls_short_of_1_to_4000(findings) -> None:  # type: ignore[no-untyped-def]
    assert _status(findings, "4-1-2-5.university-full-time-ratio", "KT-U01") == "不符合"
    assert _status(findings, "4-1-2-5.university-full-time-minimum", "KT-U01") == "符合"


def test_schools_without_a_room_miss_the_target_and_fail_the_school_duty_but_the_target_is_never_a_fail(findings) -> None:  # type: ignore[no-untyped-def]
    target = [f for f in findings if f.rule_id == "pingliang.4-1-1-3.room-coverage-target"]
    assert {f.subject_id for f in target if f.status.value == "未达目标"} == {"HT-J01", "ZL-N01"}
    assert not [f for f in target if f.status.value == "不符合"]
    assert _status(findings, "3-2.counseling-room", "HT-J01") == "不符合"


def test_the_teacher_without_county_or_municipal_training_is_named(findings) -> None:  # type: ignore[no-untyped-def]
    (hit,) = [f for f in findings if f.rule_id == "pingliang.4-2-1-2.psych-municipal-training-3-years"
              and f.subject_id == "JC-S01"]
    assert hit.status.value == "不符合" and "JC-S01-X02" in hit.explanation


def test_a_school_that_reported_nothing_is_missing_data_never_compliant(findings) -> None:  # type: ignore[no-untyped-def]
    for rule in ("3-2.counseling-room", "4-1-2-4.yearly-screening", "4-1-2-2.lessons-per-two-weeks",
                 "4-2-3-1.referral-channel", "4-1-2-1.school-leadership-group"):
        assert _status(findings, rule, "JC-J01") == "缺数据", rule


def test_advice_and_targets_never_give_a_fail(findings) -> None:  # type: ignore[no-untyped-def]
    soft = {r.id for r in POLICY.requirements if r.modality in (Modality.ADVICE, Modality.TARGET)}
    assert soft and not [f for f in findings if f.rule_id in soft and f.status.value == "不符合"]
