"""A plan's standing is always visible: a draft for comment, an expired text, a term that has
ended. And a target striven for (力争) that is not reached is 未达目标, never 不符合."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.store import Store
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import CityPolicy, load_modules
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import ACTIONABLE, Status, roll_up
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import (
    DocumentStatus,
    Measure,
    MeasureResult,
    Modality,
    PlanTerm,
)
from mhpolicy.reports.build import action_list, gap_report

from .plugin_kit import dataset, info, plugin_module, requirement, school

TERM = PlanTerm(date(2024, 1, 1), date(2025, 12, 31))


def _monthly_events(subject: Subject, ctx: Context) -> MeasureResult:
    period = ctx.period(PeriodKind.MONTH)
    return Measure(observed=sum(period.contains(e.date) for e in subject.institution.events), required=1)


def _semester_events(subject: Subject, ctx: Context) -> MeasureResult:
    period = ctx.period(PeriodKind.SEMESTER)
    return Measure(observed=sum(period.contains(e.date) for e in subject.institution.events), required=1)


MONTHLY = requirement(rid="monthly", measure=_monthly_events, period=PeriodKind.MONTH, unit="次",
                      gap_text="本月差{gap}次活动", parameters=())
SEMESTER = requirement(rid="semester", measure=_semester_events, period=PeriodKind.SEMESTER, unit="次",
                       gap_text="本学期差{gap}次活动", parameters=())


def _policy(tmp_path: Path, *reqs, **info_changes) -> CityPolicy:  # type: ignore[no-untyped-def]
    reg = load_modules({"testcity": plugin_module(tmp_path, list(reqs), info_changes=info_changes)})
    assert not reg.errors, reg.errors
    return reg.get("testcity")


def _findings(policy: CityPolicy, as_of: date, rule: str, *event_days: str) -> list[Finding]:
    data = dataset(school("A", 2, events=[{"date": d, "kind": "research_activity"} for d in event_days]))
    ev = evaluate(Dataset.model_validate(data), policy, as_of)
    return sorted((f for f in ev.findings if f.rule_id == f"testcity.1-1.{rule}"),
                  key=lambda f: f.due or date.min, reverse=True)


def test_a_plan_in_force_within_its_term_adds_no_note_to_its_findings(tmp_path: Path) -> None:
    got = _findings(_policy(tmp_path, MONTHLY, term=TERM), date(2025, 6, 15), "monthly")
    assert got and {f.basis for f in got} == {""}


def test_a_draft_for_comment_is_named_on_every_finding(tmp_path: Path) -> None:
    got = _findings(_policy(tmp_path, MONTHLY, status=DocumentStatus.DRAFT), date(2025, 6, 15), "monthly")
    assert got and all(f.basis.startswith("依据征求意见稿") for f in got)


def test_after_the_term_monthly_duties_are_judged_up_to_its_last_month_and_labelled(tmp_path: Path) -> None:
    got = _findings(_policy(tmp_path, MONTHLY, term=TERM), date(2026, 12, 2), "monthly", "2025-12-10")
    # the twelve months of the window ending with the term, none of 2026, none running
    assert [f.period for f in got] == [f"2025年{m}月" for m in range(12, 0, -1)]
    assert Status.IN_PROGRESS not in {f.status for f in got}
    assert got[0].status is Status.PASS and got[1].status is Status.FAIL
    assert {f.basis for f in got} == {"计划期已结束（2024-01-01至2025-12-31）：周期性要求评判至计划期末"}


def test_on_the_terms_last_day_the_term_has_not_ended(tmp_path: Path) -> None:
    got = _findings(_policy(tmp_path, MONTHLY, term=TERM), date(2025, 12, 31), "monthly")
    assert got[0].period == "2025年12月" and got[0].basis == ""
    after = _findings(_policy(tmp_path, MONTHLY, term=TERM), date(2026, 1, 1), "monthly")
    assert after[0].period == "2025年12月" and after[0].basis.startswith("计划期已结束")


def test_a_semester_the_term_governs_less_than_nine_tenths_of_is_not_judged(tmp_path: Path) -> None:
    # autumn 2025 runs 1 Sept 2025 - 31 Jan 2026: the term covers 122 of its 153 days
    got = _findings(_policy(tmp_path, SEMESTER, term=TERM), date(2026, 12, 2), "semester")
    assert [f.period for f in got] == ["2024-2025学年春季学期", "2024-2025学年秋季学期"]


def test_without_a_term_the_same_date_judges_the_last_twelve_months(tmp_path: Path) -> None:
    got = _findings(_policy(tmp_path, MONTHLY), date(2026, 12, 2), "monthly")
    assert got[0].status is Status.IN_PROGRESS and got[0].period == "2026年12月"
    assert got[1].period == "2026年11月"


def test_the_store_keeps_the_basis_of_a_run_once(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    run_id = store.record_run(city="testcity", plugin="testcity", plugin_version="9.9", as_of=date(2026, 1, 1),
                              data_hash="h", dataset_city="testcity", dataset_as_of=None, source="x", raw=b"{}",
                              institutions=0, findings=[], before_commit=None)
    assert [r.basis for r in store.runs() if r.id == run_id] == [""]


def test_a_store_from_before_the_basis_column_gains_it_and_keeps_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = Store(f"sqlite:///{path}")
    store.record_run(city="testcity", plugin="testcity", plugin_version="9.9", as_of=date(2026, 1, 1),
                     data_hash="h", dataset_city="testcity", dataset_as_of=None, source="x", raw=b"{}",
                     institutions=0, findings=[], before_commit=None)
    store.engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE run DROP COLUMN basis")  # the run table as it was
    reopened = Store(f"sqlite:///{path}")
    assert [r.basis for r in reopened.runs()] == [""]


def test_the_plan_standing_reads_in_chinese_with_its_term(tmp_path: Path) -> None:
    import dataclasses

    city = dataclasses.replace(info(tmp_path), status=DocumentStatus.DRAFT, term=TERM)
    assert city.status_text == "征求意见稿（计划期2024-01-01至2025-12-31）"
    assert city.basis(date(2026, 1, 1)) == ("依据征求意见稿（尚无正式文本，按现行要求评判）；"
                                             "计划期已结束（2024-01-01至2025-12-31）：周期性要求评判至计划期末")
    with pytest.raises(ValueError, match="before it starts"):
        PlanTerm(date(2025, 1, 1), date(2024, 1, 1))


def test_a_report_of_a_draft_names_it_at_the_top(tmp_path: Path) -> None:
    policy = _policy(tmp_path, MONTHLY, status=DocumentStatus.DRAFT)
    ev = evaluate(Dataset.model_validate(dataset(school("A", 2))), policy, date(2025, 6, 15))
    meta = gap_report(ev, policy)["meta"]
    assert meta["document_status"] == "征求意见稿" and meta["basis"].startswith("依据征求意见稿")


# --- 力争: a target striven for ---------------------------------------------------------------

def _staff(subject: Subject, ctx: Context) -> MeasureResult:
    return Measure(observed=sum(s.full_time for s in subject.institution.staff), required=2)


def test_an_unreached_target_is_target_missed_with_its_gap_never_a_non_compliance(tmp_path: Path) -> None:
    target = requirement(rid="target", modality=Modality.TARGET, word="应", measure=_staff, parameters=())
    duty = requirement(rid="duty", measure=_staff, parameters=())
    policy = _policy(tmp_path, target, duty)
    ev = evaluate(Dataset.model_validate(dataset(school("A", 1), school("B", 2))), policy, date(2025, 6, 15))
    by = {(f.rule_id.rsplit(".", 1)[1], f.subject_id): f for f in ev.findings}
    assert by[("target", "A")].status is Status.TARGET_MISSED
    assert by[("target", "A")].gap == 1 and by[("target", "A")].gap_text == "缺1名专职心理教师"
    assert by[("target", "B")].status is Status.PASS
    assert by[("duty", "A")].status is Status.FAIL  # the same gap under a duty is 不符合
    assert Status.TARGET_MISSED in ACTIONABLE
    assert roll_up([Status.TARGET_MISSED, Status.ADVICE, Status.PASS]) is Status.TARGET_MISSED
    assert roll_up([Status.TARGET_MISSED, Status.FAIL]) is Status.FAIL
    actions = [a for a in action_list(ev.findings) if a["status"] == "未达目标"]
    assert [a["action"] for a in actions] == ["力争达成：缺1名专职心理教师"]


def test_the_policies_command_shows_each_documents_standing(capsys: pytest.CaptureFixture[str]) -> None:
    from mhpolicy.core.cli import main

    assert main(["policies"]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith(("fuzhou", "nanchang"))]
    assert len(lines) == 2 and all("[现行有效]" in ln for ln in lines)
