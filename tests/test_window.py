"""Every period in the evaluation window: one finding per completed period, the running one as 进行中."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mhpolicy.core.cli import main
from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.evaluation.pipeline import run_stream
from mhpolicy.core.io.source import open_source
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import CityPolicy, load_modules
from mhpolicy.core.results.findings import Finding, latest_completed
from mhpolicy.core.results.status import Status, roll_up
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import Measure, MeasureResult, MissingData
from mhpolicy.reports.build import action_list, gap_report

from .plugin_kit import dataset, plugin_module, requirement, school


def _census(subject: Subject, ctx: Context) -> MeasureResult:
    """Censuses in the semester under judgement, as a plugin writes it (no knowledge of windows)."""
    screenings = subject.institution.screenings
    if not screenings:
        return MissingData(("screenings",))
    period = ctx.period(PeriodKind.SEMESTER)
    return Measure(observed=sum(period.contains(s.date) for s in screenings), required=1,
                   inputs={"学期": period.label})


def _research(subject: Subject, ctx: Context) -> MeasureResult:
    period = ctx.period(PeriodKind.MONTH)
    return Measure(observed=sum(period.contains(e.date) for e in subject.institution.events), required=1)


CENSUS = requirement(rid="census", measure=_census, period=PeriodKind.SEMESTER, unit="次",
                     gap_text="本学期未开展心理普查", parameters=())
MONTHLY = requirement(rid="monthly", measure=_research, period=PeriodKind.MONTH, unit="次",
                      gap_text="本月差{gap}次教研活动", parameters=())


def _policy(tmp_path: Path, *reqs) -> CityPolicy:  # type: ignore[no-untyped-def]
    reg = load_modules({"testcity": plugin_module(tmp_path, list(reqs))})
    assert not reg.errors, reg.errors
    return reg.get("testcity")


def _findings(policy: CityPolicy, data: dict, as_of: date, rule: str, **kw) -> list[Finding]:  # type: ignore[no-untyped-def]
    """The findings of `rule` for school A, latest period first."""
    ev = evaluate(Dataset.model_validate(data), policy, as_of, **kw)
    return sorted((f for f in ev.findings if f.rule_id == f"testcity.1-1.{rule}" and f.subject_id == "A"),
                  key=lambda f: f.due or date.min, reverse=True)


def _census_school(*days: str) -> dict:
    return school("A", 0, screenings=[{"date": d, "kind": "census"} for d in days])


def _monthly_school(*days: str) -> dict:
    return school("A", 0, events=[{"date": d, "kind": "research_activity"} for d in days])


def test_a_census_done_in_spring_but_missed_in_autumn_shows_both_semesters(tmp_path: Path) -> None:
    got = _findings(_policy(tmp_path, CENSUS), dataset(_census_school("2024-03-10")), date(2025, 3, 1), "census")
    completed = [f for f in got if f.status is not Status.IN_PROGRESS]
    assert [(f.period, f.status) for f in completed] == [("2024-2025学年秋季学期", Status.FAIL),
                                                         ("2023-2024学年春季学期", Status.PASS)]
    autumn = completed[0]
    assert (autumn.due, autumn.overdue, autumn.gap_text) == (date(2025, 1, 31), True, "本学期未开展心理普查")
    assert completed[1].due == date(2024, 8, 31) and not completed[1].overdue


def test_the_running_period_is_in_progress_with_what_is_still_owed_and_days_left(tmp_path: Path) -> None:
    running = _findings(_policy(tmp_path, CENSUS), dataset(_census_school("2024-03-10")), date(2025, 3, 1),
                        "census")[0]
    assert (running.period, running.status, running.overdue) == ("2024-2025学年春季学期", Status.IN_PROGRESS, False)
    assert running.gap == 1
    assert running.gap_text == "本期尚需1次，已完成0次（剩余183天，截止2025-08-31）"
    assert running.explanation.startswith("本期进行中，截至2025-03-01：")


def test_a_running_period_already_met_says_so_and_is_never_a_non_compliance(tmp_path: Path) -> None:
    got = _findings(_policy(tmp_path, CENSUS), dataset(_census_school("2025-02-20")), date(2025, 3, 1), "census")
    running = got[0]
    assert running.status is Status.IN_PROGRESS
    assert running.gap_text == "本期已完成（剩余183天，截止2025-08-31）" and running.gap == 0
    # no census record at all: the running period still owes the data, not a non-compliance
    missing = _findings(_policy(tmp_path, CENSUS), dataset(school("A", 0)), date(2025, 3, 1), "census")
    assert missing[0].status is Status.IN_PROGRESS and missing[0].gap_text.startswith("本期尚需补报：")
    assert [f.status for f in missing[1:]] == [Status.MISSING, Status.MISSING]


def test_a_monthly_duty_over_twelve_months_gives_twelve_findings_and_one_in_progress(tmp_path: Path) -> None:
    data = dataset(_monthly_school("2024-03-26", "2024-11-26", "2025-01-10"))
    got = _findings(_policy(tmp_path, MONTHLY), data, date(2025, 1, 15), "monthly")
    assert len(got) == 13
    assert [f.status for f in got].count(Status.IN_PROGRESS) == 1 and got[0].period == "2025年1月"
    completed = got[1:]
    assert [f.period for f in completed] == [f"2024年{m}月" for m in range(12, 0, -1)]
    assert {f.period for f in completed if f.status is Status.PASS} == {"2024年3月", "2024年11月"}
    assert sum(f.status is Status.FAIL for f in completed) == 10
    assert got[0].gap_text == "本期已完成（剩余16天，截止2025-01-31）"


def test_nothing_is_judged_for_a_period_before_the_plan_took_effect(tmp_path: Path) -> None:
    # the test plan takes effect on 2024-01-01: December 2023 lies inside the window but before it
    got = _findings(_policy(tmp_path, MONTHLY), dataset(_monthly_school("2023-12-05")), date(2024, 6, 15),
                    "monthly")
    assert [f.period for f in got] == ["2024年6月", "2024年5月", "2024年4月", "2024年3月", "2024年2月", "2024年1月"]
    # autumn 2023 began before the plan: only the spring semester is judged, then the running autumn
    sem = _findings(_policy(tmp_path, CENSUS), dataset(_census_school("2024-03-10")), date(2024, 12, 1), "census")
    assert [(f.period, f.status) for f in sem] == [("2024-2025学年秋季学期", Status.IN_PROGRESS),
                                                   ("2023-2024学年春季学期", Status.PASS)]


def test_since_widens_the_window_but_never_narrows_it(tmp_path: Path) -> None:
    policy, data = _policy(tmp_path, MONTHLY), dataset(_monthly_school("2024-03-26"))
    as_of = date(2025, 6, 15)

    def months(**kw) -> list[str]:  # type: ignore[no-untyped-def]
        return [f.period or "" for f in _findings(policy, data, as_of, "monthly", **kw)
                if f.status is not Status.IN_PROGRESS]

    assert len(months()) == 12 and months()[-1] == "2024年6月"
    wide = months(since=date(2024, 1, 1))
    assert len(wide) == 17 and wide[-1] == "2024年1月" and "2024年3月" in wide
    assert months(since=date(2025, 5, 1)) == months()  # a later `since` keeps the default year
    assert months(since=date(2020, 1, 1))[-1] == "2024年1月"  # still nothing before the plan


@pytest.mark.parametrize(("as_of", "latest", "running", "days_left"), [
    (date(2025, 1, 31), "2024-2025学年秋季学期", None, None),  # last day: the period is completed
    (date(2025, 2, 1), "2024-2025学年秋季学期", "2024-2025学年春季学期", 211),  # first day of the next
])
def test_a_period_is_completed_on_its_last_day_and_the_next_runs_from_its_first(
        tmp_path: Path, as_of: date, latest: str, running: str | None, days_left: int | None) -> None:
    got = _findings(_policy(tmp_path, CENSUS), dataset(_census_school("2024-10-10")), as_of, "census")
    in_progress = [f for f in got if f.status is Status.IN_PROGRESS]
    done = [f for f in got if f.status is not Status.IN_PROGRESS]
    assert done[0].period == latest and done[0].status is Status.PASS and done[0].due == date(2025, 1, 31)
    assert [f.period for f in in_progress] == ([running] if running else [])
    if days_left is not None:
        assert f"剩余{days_left}天" in in_progress[0].gap_text


def test_an_earlier_period_is_held_to_the_threshold_in_force_when_it_ended(tmp_path: Path) -> None:
    # min_staff is 2 until 2024-12-31 and 3 from 2025-01-01 (tests/plugin_kit.py)
    yearly = requirement(rid="yearly", period=PeriodKind.CALENDAR_YEAR)
    got = _findings(_policy(tmp_path, yearly), dataset(school("A", 2)), date(2025, 6, 1), "yearly")
    running, year_2024 = got
    assert (year_2024.period, year_2024.status, year_2024.required) == ("2024年", Status.PASS, 2)
    assert "最少专职心理教师=2名" in year_2024.explanation
    assert (running.period, running.required, running.gap) == ("2025年", 3, 1)


def test_latest_completed_picks_the_latest_completed_period_per_rule_and_subject(tmp_path: Path) -> None:
    policy = _policy(tmp_path, CENSUS, requirement(rid="plain"))
    ev = evaluate(Dataset.model_validate(dataset(_census_school("2024-03-10"))), policy, date(2025, 3, 1))
    latest = {f.rule_id: f for f in latest_completed(ev.findings, date(2025, 3, 1))}
    assert set(latest) == {"testcity.1-1.census", "testcity.1-1.plain"}
    assert latest["testcity.1-1.census"].period == "2024-2025学年秋季学期"


def test_a_streamed_check_judges_the_same_periods_as_the_in_memory_path(tmp_path: Path) -> None:
    policy = _policy(tmp_path, CENSUS, MONTHLY)
    data = dataset(_census_school("2024-03-10"), _monthly_school("2024-03-26"))
    data["institutions"][1]["id"] = "B"
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    as_of, since = date(2025, 3, 1), date(2023, 9, 1)
    streamed = [f.to_json() for part in run_stream(open_source(path), [policy], as_of, since=since)
                for f in part["testcity"]]
    in_memory = [f.to_json() for f in evaluate(Dataset.model_validate(data), policy, as_of, since=since).findings]

    def key(f: dict) -> tuple:
        return f["rule_id"], f["subject_id"], f["due"]

    assert sorted(streamed, key=key) == sorted(in_memory, key=key)
    forked = [f.to_json() for part in run_stream(open_source(path), [policy], as_of, since=since, workers=2, chunk=1)
              for f in part["testcity"]]
    assert sorted(forked, key=key) == sorted(in_memory, key=key)  # workers get `since` too
    assert sum(f["rule_id"] == "testcity.1-1.monthly" and f["subject_id"] == "B" for f in streamed) == 15


def test_in_progress_never_outweighs_a_judged_outcome_in_a_roll_up() -> None:
    assert roll_up([Status.PASS, Status.IN_PROGRESS]) is Status.PASS
    assert roll_up([Status.IN_PROGRESS, Status.NOT_APPLICABLE]) is Status.IN_PROGRESS
    assert roll_up([Status.FAIL, Status.IN_PROGRESS]) is Status.FAIL


def test_reports_lead_with_the_latest_period_and_keep_earlier_misses_in_the_action_list(tmp_path: Path) -> None:
    policy = _policy(tmp_path, MONTHLY)
    as_of = date(2024, 4, 15)
    ev = evaluate(Dataset.model_validate(dataset(_monthly_school("2024-03-26", "2024-04-02"))), policy, as_of)
    report = gap_report(ev, policy)
    (subject,) = report["subjects"]
    assert subject["status"] == "不符合"  # January and February were missed, though March was met
    assert [f["period"] for f in subject["findings"]] == ["2024年4月", "2024年3月", "2024年2月", "2024年1月"]
    actions = action_list(ev.findings)
    assert [(a["period"], a["overdue"]) for a in actions] == [("2024年1月", True), ("2024年2月", True)]
    # a running period that still owes something is listed after the overdue ones
    owed = evaluate(Dataset.model_validate(dataset(_monthly_school("2024-03-26"))), policy, as_of)
    assert [(a["period"], a["status"]) for a in action_list(owed.findings)][-1] == ("2024年4月", "进行中")
    assert action_list(owed.findings)[-1]["action"] == "本期尚需1次，已完成0次（剩余15天，截止2024-04-30）"


def test_the_check_command_reads_since_and_rejects_a_bad_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)

    def count(*extra: str) -> int:
        assert main(["check", "--city", "nanchang", "--db", "s.db", "--json", "--out", "o", *extra]) == 0
        return len(json.loads(capsys.readouterr().out))

    assert count("--since", "2020-01-01") > count()
    assert main(["check", "--city", "nanchang", "--db", "bad.db", "--since", "2024-02-30"]) == 2
    assert "--since" in capsys.readouterr().err and not (tmp_path / "bad.db").exists()


def test_a_comparison_of_plans_leaves_out_running_periods_that_are_not_yet_judged() -> None:
    from mhpolicy.core.io.source import read_dataset
    from mhpolicy.core.plugins.registry import discover
    from mhpolicy.reports.build import comparison

    reg = discover()
    ds, _ = read_dataset(Path(str(reg.get("nanchang").sample_path())))
    evs = [evaluate(ds, reg.get(c), ds.as_of) for c in ("fuzhou", "nanchang")]
    assert any(f.status is Status.IN_PROGRESS for ev in evs for f in ev.findings)
    rows = comparison(evs)["rows"]
    statuses = {r["status"] for row in rows for cell in row["cities"].values() if cell for r in cell["rules"]}
    assert rows and "进行中" not in statuses
