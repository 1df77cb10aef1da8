"""The 石景山 plugin as a district commission runs it: the bundled sample, the draft marking on
every finding, campus and group findings, its own warning scheme, and the group deadline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mhpolicy.core.cli import EXIT_INPUT, main
from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.source import read_dataset
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.results.findings import latest_completed
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.plan import DocumentStatus
from mhpolicy.policies.shijingshan.rules.c1_1_2_research import DUE, deadline

REG = discover()
POLICY = REG.get("shijingshan")
SAMPLE = Path(str(POLICY.sample_path()))


def _sample_findings():  # type: ignore[no-untyped-def]
    ds, _ = read_dataset(SAMPLE, REG.models())
    assert ds.as_of is not None
    return {(f.rule_id, f.subject_id): f for f in latest_completed(evaluate(ds, POLICY, ds.as_of).findings, ds.as_of)}


def test_three_years_from_the_start_of_2023_end_on_the_last_day_of_2025() -> None:
    assert deadline(3) == DUE == date(2025, 12, 31)
    assert deadline(2) == date(2024, 12, 31)


def test_the_plan_is_a_draft_and_every_finding_says_so() -> None:
    assert POLICY.info.status is DocumentStatus.DRAFT
    found = _sample_findings()
    assert found and all("依据征求意见稿" in f.basis for f in found.values())


def test_the_sample_names_the_campus_without_a_psychology_teacher_under_its_school() -> None:
    found = _sample_findings()
    west = found[("shijingshan.1-1-1.teacher-per-campus", "SJS-P01/west")]
    assert (west.status, west.gap_text, west.parent_id) == (Status.FAIL, "本校区缺1名心理教师", "SJS-P01")
    assert west.subject_name == "石景山区古城路小学·西山分校区"
    assert found[("shijingshan.1-1-1.teacher-per-campus", "SJS-P01/main")].status is Status.PASS


def test_the_sample_decides_each_education_group_from_the_header() -> None:
    found = _sample_findings()
    on_time = found[("shijingshan.1-1-2.group-research-group", "SJS-G01")]
    not_yet = found[("shijingshan.1-1-2.group-research-group", "SJS-G02")]
    assert on_time.status is Status.PASS and on_time.inputs["建立日期"] == "2024-09-10"
    assert not_yet.status is Status.FAIL and not not_yet.overdue and not_yet.due == date(2025, 12, 31)


def test_a_shijingshan_dataset_graded_red_orange_yellow_is_refused_naming_the_allowed_levels(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["institutions"][1]["warning_cases"] = [{"case_id": "P01-X", "tier": "red", "opened": "2025-03-01"}]
    path = tmp_path / "sjs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code = main(["check", "--city", "shijingshan", "--data", str(path), "--db", str(tmp_path / "s.db"),
                 "--out", str(tmp_path / "out"), "--json"])
    assert code == EXIT_INPUT
    issue = json.loads(capsys.readouterr().out)["error"]["issues"][0]
    assert issue["code"] == "tier_not_in_scheme" and "class/grade/school" in issue["message_en"]
    assert "warning_cases[0].tier" in issue["field"]
