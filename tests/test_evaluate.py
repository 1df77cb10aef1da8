"""The evaluation path: dated thresholds, missing data, rule errors, modality, attestations, due dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.model.entities import Dataset, InstitutionKind
from mhpolicy.core.plugins.registry import CityPolicy, load_modules
from mhpolicy.core.results.findings import latest_completed
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import AppliesTo, Measure, MissingData, Modality, RequirementKind

from .plugin_kit import dataset, plugin_module, requirement, school


def _policy(tmp_path: Path, *reqs) -> CityPolicy:  # type: ignore[no-untyped-def]
    reg = load_modules({"testcity": plugin_module(tmp_path, list(reqs))})
    assert not reg.errors, reg.errors
    return reg.get("testcity")


def _run(policy: CityPolicy, data: dict, as_of: date) -> dict[tuple[str, str], object]:
    """The latest completed period's finding per (rule, subject); see tests/test_window.py for the others."""
    ev = evaluate(Dataset.model_validate(data), policy, as_of)
    return {(f.rule_id, f.subject_id): f for f in latest_completed(ev.findings, as_of)}


def test_threshold_comes_from_the_parameter_value_in_force_on_the_evaluation_date(tmp_path: Path) -> None:
    policy = _policy(tmp_path, requirement())
    data = dataset(school("A", 2), school("B", 3))
    before = _run(policy, data, date(2024, 6, 1))
    after = _run(policy, data, date(2025, 6, 1))  # the parameter rises from 2 to 3 on 2025-01-01
    assert before[("testcity.1-1.staff", "A")].status is Status.PASS
    assert after[("testcity.1-1.staff", "A")].status is Status.FAIL
    assert after[("testcity.1-1.staff", "A")].gap_text == "缺1名专职心理教师"
    assert after[("testcity.1-1.staff", "B")].status is Status.PASS
    assert "最少专职心理教师=3名" in after[("testcity.1-1.staff", "A")].explanation


def test_missing_data_is_never_compliant(tmp_path: Path) -> None:
    def needs_enrolment(subject, ctx):  # type: ignore[no-untyped-def]
        return MissingData(("enrollment",)) if subject.institution.students is None else requirement().measure(subject, ctx)

    policy = _policy(tmp_path, requirement(measure=needs_enrolment, parameters=("testcity.min_staff",)))
    got = _run(policy, dataset(school("A", 5, students=None)), date(2024, 6, 1))
    f = got[("testcity.1-1.staff", "A")]
    assert f.status is Status.MISSING
    assert f.gap_text == "需补报：在籍学生数（enrollment）"


def test_a_rule_that_raises_is_an_error_naming_rule_and_subject_and_others_still_run(tmp_path: Path) -> None:
    def broken(subject, ctx):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    policy = _policy(tmp_path, requirement(rid="broken", measure=broken), requirement(rid="fine"))
    got = _run(policy, dataset(school("A", 2)), date(2024, 6, 1))
    err = got[("testcity.1-1.broken", "A")]
    assert err.status is Status.ERROR
    assert "testcity.1-1.broken" in err.error and "A" in err.error and "ZeroDivisionError" in err.error
    assert got[("testcity.1-1.fine", "A")].status is Status.PASS


def test_advice_unmet_is_reported_as_advice_and_in_principle_keeps_its_allowance(tmp_path: Path) -> None:
    policy = _policy(
        tmp_path,
        requirement(rid="advice", modality=Modality.ADVICE, word="鼓励"),
        requirement(rid="principle", modality=Modality.IN_PRINCIPLE, word="原则上", allowance="规模小的学校可共享"),
    )
    got = _run(policy, dataset(school("A", 0)), date(2024, 6, 1))
    assert got[("testcity.1-1.advice", "A")].status is Status.ADVICE
    assert got[("testcity.1-1.advice", "A")].modality is Modality.ADVICE
    principle = got[("testcity.1-1.principle", "A")]
    assert principle.status is Status.FAIL and principle.modality is Modality.IN_PRINCIPLE
    assert principle.allowance == "规模小的学校可共享"


def test_attestation_is_pending_until_someone_attests_before_the_evaluation_date(tmp_path: Path) -> None:
    item = requirement(rid="att", kind=RequirementKind.ATTESTATION, word="要")
    policy = _policy(tmp_path, item)
    yes = {"item": "testcity.1-1.att", "value": True, "date": "2024-03-01", "by": "校长"}
    no = {"item": "testcity.1-1.att", "value": False, "date": "2024-05-01"}
    data = dataset(school("A", 0), school("B", 0, attestations=[yes]), school("C", 0, attestations=[yes, no]))
    got = _run(policy, data, date(2024, 4, 1))
    assert got[("testcity.1-1.att", "A")].status is Status.PENDING
    assert got[("testcity.1-1.att", "B")].status is Status.PASS
    assert got[("testcity.1-1.att", "C")].status is Status.PASS  # the later "no" is after the evaluation date
    assert _run(policy, data, date(2024, 6, 1))[("testcity.1-1.att", "C")].status is Status.FAIL


def test_due_date_and_overdue_follow_the_evaluation_date(tmp_path: Path) -> None:
    policy = _policy(tmp_path, requirement(due=date(2024, 12, 31)))
    data = dataset(school("A", 1), school("B", 2))
    early, late = _run(policy, data, date(2024, 6, 1)), _run(policy, data, date(2025, 1, 1))
    assert early[("testcity.1-1.staff", "A")].status is Status.FAIL and not early[("testcity.1-1.staff", "A")].overdue
    assert late[("testcity.1-1.staff", "A")].overdue
    assert late[("testcity.1-1.staff", "A")].due == date(2024, 12, 31)
    assert not early[("testcity.1-1.staff", "B")].overdue


def test_periodic_requirement_is_due_at_the_end_of_the_last_completed_period(tmp_path: Path) -> None:
    policy = _policy(tmp_path, requirement(period=PeriodKind.SEMESTER))
    got = _run(policy, dataset(school("A", 0)), date(2025, 9, 30))
    f = got[("testcity.1-1.staff", "A")]
    assert (f.due, f.period, f.overdue) == (date(2025, 8, 31), "2024-2025学年春季学期", True)
    # the autumn semester 2023 began before the plan (2024-01-01) took effect: not judged
    early = _run(policy, dataset(school("A", 0)), date(2024, 3, 1))[("testcity.1-1.staff", "A")]
    assert early.period == "2023-2024学年秋季学期"
    assert early.status is Status.NOT_APPLICABLE and "施行不足九成" in early.explanation


def test_a_period_is_judged_when_the_plan_was_in_force_for_nine_tenths_of_it(tmp_path: Path) -> None:
    from mhpolicy.core.evaluation.decide import _not_in_force
    from mhpolicy.core.rules.periods import last_completed

    year = last_completed(PeriodKind.CALENDAR_YEAR, date(2025, 3, 1))  # 2024
    assert not _not_in_force(year, date(2024, 1, 4))  # in force 363 of 366 days
    assert _not_in_force(year, date(2024, 3, 1))  # 306 of 366 days: under nine tenths
    month = last_completed(PeriodKind.MONTH, date(2024, 2, 1))  # January 2024
    assert not _not_in_force(month, date(2024, 1, 4)) and _not_in_force(month, date(2024, 1, 5))


def test_nothing_is_judged_before_the_plan_takes_effect(tmp_path: Path) -> None:
    item = requirement(rid="att", kind=RequirementKind.ATTESTATION, word="要")
    undated = requirement(rid="plain", measure=lambda s, c: Measure(0, 1))
    got = _run(_policy(tmp_path, item, undated), dataset(school("A", 0)), date(2023, 12, 31))
    for rid in ("testcity.1-1.att", "testcity.1-1.plain"):
        assert got[(rid, "A")].status is Status.NOT_APPLICABLE
        assert "早于文件生效日" in got[(rid, "A")].explanation


def test_applies_to_restricts_by_kind_with_the_reason(tmp_path: Path) -> None:
    only_kg = requirement(applies_to=AppliesTo(text="幼儿园", kinds=frozenset({InstitutionKind.KINDERGARTEN})))
    got = _run(_policy(tmp_path, only_kg), dataset(school("A", 0)), date(2024, 6, 1))
    assert got[("testcity.1-1.staff", "A")].status is Status.NOT_APPLICABLE
    assert "幼儿园" in got[("testcity.1-1.staff", "A")].explanation


def test_parameter_not_yet_in_force_makes_the_rule_not_applicable(tmp_path: Path) -> None:
    got = _run(_policy(tmp_path, requirement()), dataset(school("A", 0)), date(2023, 6, 1))
    assert got[("testcity.1-1.staff", "A")].status is Status.NOT_APPLICABLE


@pytest.mark.parametrize("bad", [{"modal_word": "必须"}, {"id": "other.staff"}])
def test_requirement_checks_its_own_citation(bad: dict) -> None:
    with pytest.raises(ValueError):
        requirement(**{"rid": "x"}).__class__(**{**_fields(requirement()), **bad})


def _fields(req) -> dict:  # type: ignore[no-untyped-def]
    return {k: getattr(req, k) for k in req.__dataclass_fields__}


def test_forked_workers_give_the_same_findings_as_one_process(tmp_path: Path) -> None:
    import json

    from mhpolicy.core.evaluation.pipeline import run_stream
    from mhpolicy.core.io.source import open_source

    policy = _policy(tmp_path, requirement(rid="a"), requirement(rid="b", op="<="))
    path = tmp_path / "d.json"
    path.write_text(json.dumps(dataset(*(school(f"S{i}", i % 4) for i in range(250)))), encoding="utf-8")
    src = open_source(path)

    def run(workers: int) -> list[dict]:
        return [f.to_json() for part in run_stream(src, [policy], date(2024, 6, 1), workers=workers, chunk=40)
                for f in part["testcity"]]

    one, two = run(1), run(2)
    assert one == two and len(one) == 500


def test_an_attestation_reading_a_parameter_not_yet_in_force_does_not_crash_the_run(tmp_path: Path) -> None:
    item = requirement(rid="att", kind=RequirementKind.ATTESTATION, word="要", parameters=("testcity.later",))
    later = requirement(rid="n", measure=lambda s, c: Measure(0, c.param("testcity.later")), parameters=("testcity.later",))
    got = _run(_policy(tmp_path, item, later), dataset(school("A", 2)), date(2024, 6, 1))
    assert got[("testcity.1-1.att", "A")].status is Status.PENDING
    assert got[("testcity.1-1.n", "A")].status is Status.NOT_APPLICABLE
    assert "参数尚未生效" in got[("testcity.1-1.n", "A")].explanation


def test_a_finding_that_cannot_be_built_is_an_error_not_a_crash(tmp_path: Path) -> None:
    got = _run(_policy(tmp_path, requirement(gap_text="缺{gaps}名")), dataset(school("A", 0), school("B", 5)),
               date(2024, 6, 1))
    assert got[("testcity.1-1.staff", "A")].status is Status.ERROR and "KeyError" in got[("testcity.1-1.staff", "A")].error
    assert got[("testcity.1-1.staff", "B")].status is Status.PASS


@pytest.mark.parametrize("bad", [lambda s, c: None, lambda s, c: Measure(observed=None, required=1),  # type: ignore[arg-type]
                                 lambda s, c: Measure(observed=float("nan"), required=1), lambda s, c: 3,
                                 lambda s, c: Measure(observed=True, required=1),
                                 lambda s, c: Measure(observed=1, required=float("inf"))])
def test_a_measure_returning_a_malformed_result_is_an_error_naming_the_rule(tmp_path: Path, bad) -> None:  # type: ignore[no-untyped-def]
    policy = _policy(tmp_path, requirement(rid="bad", measure=bad, period=PeriodKind.SEMESTER), requirement(rid="ok"))
    got = _run(policy, dataset(school("A", 3)), date(2025, 9, 30))
    err = got[("testcity.1-1.bad", "A")]
    assert err.status is Status.ERROR and "testcity.1-1.bad" in err.error and "TypeError" in err.error
    assert err.period == "2024-2025学年春季学期"  # an error keeps the period it was about
    assert got[("testcity.1-1.ok", "A")].status is Status.PASS


def test_a_rule_that_raises_on_the_running_period_is_an_error_never_in_progress(tmp_path: Path) -> None:
    def broken_while_running(subject, ctx):  # type: ignore[no-untyped-def]
        if ctx.period(PeriodKind.SEMESTER).end > ctx.as_of:
            raise ZeroDivisionError("running")
        return Measure(observed=1, required=1)

    policy = _policy(tmp_path, requirement(rid="r", measure=broken_while_running, period=PeriodKind.SEMESTER))
    ev = evaluate(Dataset.model_validate(dataset(school("A", 0))), policy, date(2025, 3, 1))
    by_period = {f.period: f for f in ev.findings}
    assert by_period["2024-2025学年春季学期"].status is Status.ERROR
    assert "ZeroDivisionError" in by_period["2024-2025学年春季学期"].error
    assert by_period["2024-2025学年秋季学期"].status is Status.PASS
    assert Status.IN_PROGRESS not in {f.status for f in ev.findings}
