"""A monthly duty due on a day of the month (core `DueDay`), with a test city, not 新乡: a month
is judged once its due day is over, shown 进行中 until then, due on that day; a later month's
due day can fall in the following month; reports go to the station's own parent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.base import CityPlugin
from mhpolicy.core.plugins.registry import CityPolicy, load_plugins
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import Period, PeriodKind, due_on_day
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    DueDay,
    Measure,
    MeasureResult,
    Modality,
    Requirement,
    SubjectKind,
)

from .plugin_kit import info

DAY = Parameter(id="testcity.due_day", label="报送截止日", unit="日", values={date(2024, 1, 1): 26}, clause="一、1",
                quote="学校应配备专职心理教师不少于2名")


def _sent_to_parent(subject: Subject, ctx: Context) -> MeasureResult:
    """1 if the month's report reached the station's own parent by the due day, else 0."""
    st = subject.station
    month = ctx.period(PeriodKind.MONTH)
    due = due_on_day(month, int(ctx.param(DAY.id)))
    code = f"{month.start:%Y-%m}"
    ok = [r for r in st.reports_sent if r.month == code and r.recipient_id == st.parent_id and r.sent <= due]
    return Measure(observed=1 if ok else 0, required=1, gap_text="" if ok else f"{code}未按时报送")


def _req(months_after: int = 0) -> Requirement:
    return Requirement(
        id="testcity.1-1.monthly", city="testcity", clause="一、1", quote="学校应配备专职心理教师不少于2名",
        title="每月报送", topic="test.monthly", subject=SubjectKind.STATION, applies_to=AppliesTo(text="下级站点",
        where=lambda s, _c: s.station.parent_id is not None), modality=Modality.MANDATORY, modal_word="应",
        measure=_sent_to_parent, unit="份", period=PeriodKind.MONTH, due_day=DueDay(DAY.id, months_after),
        parameters=(DAY.id,))


def _policy(tmp_path: Path, months_after: int = 0) -> CityPolicy:
    plugin = CityPlugin(info=info(tmp_path), requirements=[_req(months_after)], parameters=[DAY])
    reg = load_plugins({"testcity": plugin})
    assert not reg.errors, reg.errors
    return reg.get("testcity")


def _data(*reports: tuple[str, str, str]) -> Dataset:
    sent = [{"month": m, "sent": d, "recipient_id": to} for m, d, to in reports]
    return Dataset.model_validate({"city": {"code": "testcity", "name": "测试市"}, "stations": [
        {"id": "TOP", "name": "中心", "level": "city", "tier": 1},
        {"id": "MID", "name": "县站", "level": "district", "tier": 2, "parent_id": "TOP"},
        {"id": "OTHER", "name": "另一县站", "level": "district", "tier": 2, "parent_id": "TOP"},
        {"id": "LOW", "name": "校站", "level": "school", "tier": 3, "parent_id": "MID", "reports_sent": sent}]})


def _months(policy: CityPolicy, data: Dataset, as_of: date) -> dict[str, Finding]:
    ev = evaluate(data, policy, as_of)
    return {f.period or "": f for f in ev.findings if f.subject_id == "LOW"}


@pytest.mark.parametrize(("day", "months_after", "due"), [
    (26, 0, date(2024, 5, 26)), (5, 1, date(2024, 6, 5)), (31, 0, date(2024, 5, 31)), (5, 8, date(2025, 1, 5))])
def test_the_due_day_is_counted_in_the_periods_last_month_or_a_later_one(day: int, months_after: int, due: date) -> None:
    may = Period(date(2024, 5, 1), date(2024, 5, 31), PeriodKind.MONTH, "2024年5月")
    assert due_on_day(may, day, months_after) == due


def test_a_due_day_past_the_months_end_is_its_last_day() -> None:
    feb = Period(date(2024, 2, 1), date(2024, 2, 29), PeriodKind.MONTH, "2024年2月")
    assert due_on_day(feb, 31) == date(2024, 2, 29)


def test_a_month_whose_due_day_is_over_is_judged_before_the_month_ends(tmp_path: Path) -> None:
    got = _months(_policy(tmp_path), _data(), date(2024, 5, 27))
    may = got["2024年5月"]
    assert (may.status, may.due, may.overdue, may.gap_text) == (Status.FAIL, date(2024, 5, 26), True, "2024-05未按时报送")


def test_on_its_due_day_a_month_is_still_in_progress_with_no_days_left(tmp_path: Path) -> None:
    may = _months(_policy(tmp_path), _data(), date(2024, 5, 26))["2024年5月"]
    assert may.status is Status.IN_PROGRESS and "剩余0天，截止2024-05-26" in may.gap_text


def test_a_report_sent_on_the_due_day_is_on_time_and_the_day_after_is_late(tmp_path: Path) -> None:
    policy = _policy(tmp_path)
    on_time = _months(policy, _data(("2024-05", "2024-05-26", "MID")), date(2024, 6, 10))["2024年5月"]
    late = _months(policy, _data(("2024-05", "2024-05-27", "MID")), date(2024, 6, 10))["2024年5月"]
    assert (on_time.status, late.status) == (Status.PASS, Status.FAIL)


def test_a_report_to_a_station_that_is_not_the_parent_does_not_count(tmp_path: Path) -> None:
    got = _months(_policy(tmp_path), _data(("2024-05", "2024-05-20", "OTHER")), date(2024, 6, 10))["2024年5月"]
    assert got.status is Status.FAIL


def test_a_sent_report_of_a_month_not_yet_due_is_shown_done_never_judged(tmp_path: Path) -> None:
    got = _months(_policy(tmp_path), _data(("2024-06", "2024-06-03", "MID")), date(2024, 6, 10))
    assert got["2024年6月"].status is Status.IN_PROGRESS and got["2024年6月"].gap_text.startswith("本期已完成")


def test_with_a_due_day_in_the_next_month_a_finished_month_waits_until_then(tmp_path: Path) -> None:
    got = _months(_policy(tmp_path, months_after=1), _data(), date(2024, 6, 3))
    # May ended, but is due on 26 June: 进行中; April was due on 26 May: judged.
    assert got["2024年5月"].status is Status.IN_PROGRESS and got["2024年5月"].due == date(2024, 6, 26)
    assert got["2024年4月"].status is Status.FAIL and got["2024年4月"].due == date(2024, 5, 26)
    assert got["2024年6月"].status is Status.IN_PROGRESS


def test_months_are_judged_over_the_window_and_not_before_the_plan(tmp_path: Path) -> None:
    got = _months(_policy(tmp_path), _data(), date(2024, 8, 27))
    judged = sorted(p for p, f in got.items() if f.status is Status.FAIL)
    assert judged == [f"2024年{m}月" for m in range(1, 9)]  # the plan is in force from 1 January 2024


def test_a_due_day_without_its_parameter_listed_is_refused() -> None:
    with pytest.raises(ValueError, match="due day's parameter"):
        Requirement(id="x.1-1.m", city="x", clause="一、1", quote="应", title="t", topic="t",
                    subject=SubjectKind.STATION, applies_to=AppliesTo(text="t"), modality=Modality.MANDATORY,
                    modal_word="应", measure=_sent_to_parent, period=PeriodKind.MONTH, due_day=DueDay("x.day"))




def test_after_the_plans_term_months_of_the_term_are_judged_and_later_ones_not(tmp_path: Path) -> None:
    from dataclasses import replace

    from mhpolicy.core.rules.requirement import PlanTerm

    plugin = CityPlugin(info=replace(info(tmp_path), term=PlanTerm(date(2024, 1, 1), date(2024, 12, 31))),
                        requirements=[_req()], parameters=[DAY])
    policy = load_plugins({"testcity": plugin}).get("testcity")
    got = _months(policy, _data(("2024-12", "2024-12-26", "MID")), date(2025, 3, 10))
    assert got["2024年12月"].status is Status.PASS and "计划期已结束" in got["2024年12月"].basis
    assert "2025年1月" not in got and "2025年3月" not in got  # after the term: not judged, not running
    assert sorted(got) == sorted(f"2024年{m}月" for m in range(1, 13))


def test_the_report_shows_the_station_tree_with_gaps_and_a_month_grid(tmp_path: Path) -> None:
    from mhpolicy.reports.build import gap_report
    from mhpolicy.reports.render import write_gap_report

    policy = _policy(tmp_path)
    data = _data(("2024-05", "2024-05-27", "MID"), ("2024-06", "2024-06-20", "OTHER"))
    ev = evaluate(data, policy, date(2024, 7, 10))
    report = gap_report(ev, policy, stations=data.stations)
    tree = report["stations"]["tree"]
    assert [(n["id"], n["depth"]) for n in tree] == [("TOP", 0), ("MID", 1), ("LOW", 2), ("OTHER", 1)]
    low = next(n for n in tree if n["id"] == "LOW")
    assert low["status"] == "不符合" and {"2024年5月", "2024年6月"} <= {g["period"] for g in low["gaps"]}
    (grid,) = report["stations"]["monthly"]
    row = next(r for r in grid["rows"] if r["id"] == "LOW")
    cells = dict(zip(grid["months"], row["cells"], strict=True))
    assert cells["2024-05"]["status"] == "不符合" and cells["2024-07"]["status"] == "进行中"
    assert "截止2024-05-26" in cells["2024-05"]["title"] and "未按时报送" in cells["2024-05"]["title"]
    html = next(p for p in write_gap_report(tmp_path / "out", report, "t") if p.suffix == ".html")
    text = html.read_text(encoding="utf-8")
    assert "站点层级与各站点差距" in text and "逐月报送：每月报送" in text


def test_a_plan_without_station_tiers_has_no_station_views(tmp_path: Path) -> None:
    from mhpolicy.reports.build import gap_report

    policy = _policy(tmp_path)
    data = Dataset.model_validate({"city": {"code": "testcity", "name": "测试市"},
                                   "stations": [{"id": "A", "name": "甲", "level": "district"}]})
    assert gap_report(evaluate(data, policy, date(2024, 7, 10)), policy, stations=data.stations)["stations"] is None
