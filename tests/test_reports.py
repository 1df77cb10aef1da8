"""Reports: the action list per school, ordered by urgency, and roll-ups by clause."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import load_modules
from mhpolicy.core.rules.requirement import RequirementKind
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
    assert [a["rule_id"] for a in a_rows] == ["testcity.1-1.late", "testcity.1-1.att", "testcity.1-1.later"]
    assert a_rows[0]["overdue"] and a_rows[0]["action"] == "整改：缺2名专职心理教师" and a_rows[0]["clause"] == "一、1"
    assert not any(a["subject_id"] == "B" and a["status"] == "符合" for a in r["actions"])


def test_action_list_is_grouped_by_school_most_overdue_first(tmp_path: Path) -> None:
    groups = _report(tmp_path)["actions_by_subject"]
    assert [g["subject_id"] for g in groups] == ["A", "B"]
    assert groups[0]["overdue"] == 1 and groups[1]["overdue"] == 0
    assert [a["status"] for a in groups[1]["actions"]] == ["待人工确认"]


def test_clause_roll_up_and_files(tmp_path: Path) -> None:
    r = _report(tmp_path)
    late = next(c for c in r["by_clause"] if c["rule_id"] == "testcity.1-1.late")
    assert late["status"] == "不符合" and late["counts"]["不符合"] == 1 and late["counts"]["符合"] == 1
    html, js, districts, csv = write_gap_report(tmp_path / "out", r, "t")
    assert districts.is_dir() and [p.name for p in districts.iterdir()]  # a drill-down page per district
    assert "缺2名专职心理教师" in html.read_text(encoding="utf-8")
    assert csv.read_text(encoding="utf-8-sig").count("\n") == len(action_list([])) + 1 + len(r["actions"])


def _many(tmp_path: Path, n: int):  # type: ignore[no-untyped-def]
    reqs = [requirement(rid="late", due=date(2024, 3, 1))]
    policy = load_modules({"t": plugin_module(tmp_path, reqs)}).get("testcity")
    ev = evaluate(Dataset.model_validate(dataset(*(school(f"S{i:03d}", i % 3) for i in range(n)))), policy,
                  date(2024, 6, 1))
    return policy, ev


def test_past_the_detail_limit_a_report_keeps_roll_ups_and_the_most_overdue(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    import mhpolicy.reports.build as build

    monkeypatch.setattr(build, "DETAIL_LIMIT", 10)
    monkeypatch.setattr(build, "TOP_SUBJECTS", 4)
    policy, ev = _many(tmp_path, 30)
    csv_out = io.StringIO()
    b = build.ReportBuilder(policy, ev, csv_out)
    for start in range(0, 30, 7):  # chunks, as the pipeline feeds them
        b.add(ev.findings[start : start + 7])
    r = b.report(1)
    assert not r["meta"]["detail"] and len(r["subjects"]) == 30
    assert all("findings" not in s for s in r["subjects"])
    assert r["summary"]["counts"]["不符合"] == 20 and r["summary"]["overdue"] == 20  # S with 0 or 1 teacher of 2
    assert len(r["actions_by_subject"]) == 4 and all(g["overdue"] == 1 for g in r["actions_by_subject"])
    assert csv_out.getvalue().count("\n") == 1 + 20  # the full action list still goes to the CSV
    # A check's last use lets each subject's tally go as its row is made: the same report, then none kept.
    assert b.report(1, release=True) == r and not b.subjects and b.counts[build.Status.FAIL] == 20


def test_comparison_keeps_topic_totals_and_prefers_differing_rows_past_its_limit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import mhpolicy.reports.build as build

    monkeypatch.setattr(build, "ROW_LIMIT", 3)
    from mhpolicy.core.results.findings import Finding
    from mhpolicy.core.results.status import Status
    from mhpolicy.core.rules.requirement import Modality

    def f(city: str, sid: str, status: Status) -> Finding:
        return Finding(rule_id=f"{city}.r", city=city, clause="一", title="t", topic="staffing.x",
                       subject_kind="institution", subject_id=sid, subject_name=sid, district_id=None,
                       status=status, modality=Modality.MANDATORY, required=1, unit="名")

    c = build.ComparisonBuilder(["a", "b"])
    for k in range(6):  # S0..S2 agree, S3..S5 differ
        differ = k >= 3
        c.add({"a": [f("a", f"S{k}", Status.PASS)], "b": [f("b", f"S{k}", Status.FAIL if differ else Status.PASS)]})
    r = c.result()
    assert (r["compared"], r["differing"], r["truncated"]) == (6, 3, True)
    assert {row["subject_id"] for row in r["rows"]} == {"S3", "S4", "S5"}
    assert all(row["differs"] for row in r["rows"])
    (topic,) = r["topics"]
    assert topic["outcomes"] == {"符合 / 符合": 3, "符合 / 不符合": 3}


def test_every_action_reads_once_without_a_doubled_prefix(tmp_path: Path) -> None:
    r = _report(tmp_path)
    pending = [a["action"] for a in r["actions"] if a["status"] == "待人工确认"]
    assert pending and all(a.startswith("待人工确认：") and a.count("确认") == 1 for a in pending)
    assert all(not a["action"].startswith("整改：整改") for a in r["actions"])


def test_subjects_are_shown_with_the_label_of_their_kind(tmp_path: Path) -> None:
    r = _report(tmp_path)
    assert {(s["id"], s["kind"], s["kind_label"]) for s in r["subjects"]} == {("A", "institution", "学校"),
                                                                              ("B", "institution", "学校")}
    (html,) = [p for p in write_gap_report(tmp_path / "out", r, "t") if p.suffix == ".html"]
    assert "学校 学校A（A）" in html.read_text(encoding="utf-8")  # the kind's label, then the school's name


def test_a_line_of_the_actions_csv_is_its_action_in_column_order_with_overdue_in_words(tmp_path: Path) -> None:
    from mhpolicy.reports.build import ACTION_COLUMNS, _action, _csv_row, calling_for_action

    reqs = [requirement(rid="late", due=date(2024, 3, 1)), requirement(rid="later", due=date(2024, 12, 31)),
            requirement(rid="att", kind=RequirementKind.ATTESTATION, word="要")]
    policy = load_modules({"t": plugin_module(tmp_path, reqs)}).get("testcity")
    ev = evaluate(Dataset.model_validate(dataset(school("A", 0), school("B", 5))), policy, date(2024, 6, 1))
    due = calling_for_action(ev.findings)
    assert {f.overdue for f in due} == {True, False}  # both ways of writing 是否逾期 are seen
    for f in due:
        action = _action(f) | {"overdue": "是" if f.overdue else "否"}
        assert _csv_row(f) == [action[c] for c in ACTION_COLUMNS]
