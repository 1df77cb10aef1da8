"""Reports: the action list per school, ordered by urgency, and roll-ups by clause."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mhpolicy.core.evaluate import evaluate
from mhpolicy.core.model import Dataset
from mhpolicy.core.plugins import load_modules
from mhpolicy.core.requirement import RequirementKind
from mhpolicy.reports.build import action_list, gap_report
from mhpolicy.reports.render import write_gap_report

from .plugin_kit import dataset, plugin_module, requirement, school


def _report(tmp_path: Path) -> dict:
    reqs = [requirement(rid="late", due=date(2024, 3, 1)), requirement(rid="later", due=date(2024, 12, 31)),
            requirement(rid="att", kind=RequirementKind.ATTESTATION, word="要")]
    policy = load_modules({"t": plugin_module(tmp_path, reqs)}).get("testcity")
    ev = evaluate(Dataset.model_validate(dataset(school("A", 0), school("B", 5))), policy, date(2024, 6, 1))
    return gap_report(ev, policy)


def test_actions_are_overdue_first_then_by_due_date_and_cite_the_clause(tmp_path: Path) -> None:
    r = _report(tmp_path)
    a_rows = [a for a in r["actions"] if a["subject_id"] == "A"]
    assert [a["rule_id"] for a in a_rows] == ["testcity.late", "testcity.att", "testcity.later"]
    assert a_rows[0]["overdue"] and a_rows[0]["action"] == "整改：缺2名专职心理教师" and a_rows[0]["clause"] == "一、1"
    assert not any(a["subject_id"] == "B" and a["status"] == "符合" for a in r["actions"])


def test_action_list_is_grouped_by_school_most_overdue_first(tmp_path: Path) -> None:
    groups = _report(tmp_path)["actions_by_subject"]
    assert [g["subject_id"] for g in groups] == ["A", "B"]
    assert groups[0]["overdue"] == 1 and groups[1]["overdue"] == 0
    assert [a["status"] for a in groups[1]["actions"]] == ["待人工确认"]


def test_clause_roll_up_and_files(tmp_path: Path) -> None:
    r = _report(tmp_path)
    late = next(c for c in r["by_clause"] if c["rule_id"] == "testcity.late")
    assert late["status"] == "不符合" and late["counts"]["不符合"] == 1 and late["counts"]["符合"] == 1
    html, js, csv = write_gap_report(tmp_path / "out", r, "t")
    assert "缺2名专职心理教师" in html.read_text(encoding="utf-8")
    assert csv.read_text(encoding="utf-8-sig").count("\n") == len(action_list([])) + 1 + len(r["actions"])
