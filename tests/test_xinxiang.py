"""新乡's bundled sample: the planted deviations are found, each named as the 一级 centre needs it."""

from __future__ import annotations

from pathlib import Path

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.source import read_dataset
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status

REG = discover()
POLICY = REG.get("xinxiang")
DATA, _ = read_dataset(Path(str(POLICY.sample_path())), REG.models())
FINDINGS = evaluate(DATA, POLICY, DATA.as_of).findings  # type: ignore[arg-type]


def _failed(rule: str) -> dict[tuple[str, str], Finding]:
    return {(f.subject_id, f.period or ""): f for f in FINDINGS if f.rule_id == rule and f.status is Status.FAIL}


def test_the_sample_is_a_tree_of_one_centre_three_middle_and_six_lower_stations() -> None:
    tiers = sorted(s.tier or 0 for s in DATA.stations)
    assert tiers == [1, 2, 2, 2, 3, 3, 3, 3, 3, 3]
    assert any(s.tier == 2 and s.level.value == "school" for s in DATA.stations)  # the 市属学校辅导站


def test_the_late_the_misdirected_and_the_missing_sheet_are_the_only_monthly_failures() -> None:
    got = _failed("xinxiang.2-2-1.monthly-sheet")
    assert sorted(got) == [("XX-H1", "2025年3月"), ("XX-H2", "2025年1月"), ("XX-W1", "2024年11月")]
    assert "迟报2天" in got[("XX-H1", "2025年3月")].gap_text
    assert "报给了卫滨区未成年人心理辅导站（XX-W）" in got[("XX-H2", "2025年1月")].gap_text
    assert "未报送" in got[("XX-W1", "2024年11月")].gap_text


def test_a_sheet_sent_on_the_26th_is_on_time_in_the_sample() -> None:
    (f,) = [f for f in FINDINGS if f.rule_id == "xinxiang.2-2-1.monthly-sheet" and f.subject_id == "XX-H3"
            and f.period == "2025年4月"]
    assert f.status is Status.PASS and "报送日期=2025-04-26" in f.explanation


def test_the_month_not_yet_due_on_the_data_date_is_in_progress_for_every_lower_station() -> None:
    june = [f for f in FINDINGS if f.rule_id == "xinxiang.2-2-1.monthly-sheet" and f.period == "2025年6月"]
    assert len(june) == 6 and {f.status for f in june} == {Status.IN_PROGRESS}


def test_the_late_forwarding_of_a_county_station_is_found() -> None:
    assert sorted(_failed("xinxiang.2-2-1.forward-summary")) == [("XX-W", "2024年12月")]


def test_the_advice_on_psychology_committees_is_never_non_compliance() -> None:
    statuses = {f.status for f in FINDINGS if f.rule_id == "xinxiang.2-2-2.psych-committee"}
    assert Status.FAIL not in statuses and Status.ADVICE in statuses
