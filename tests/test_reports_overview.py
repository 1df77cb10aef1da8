"""The city overview counts schools, not findings; the school feedback shows a school's own
duties in plain Chinese; the CSV speaks Chinese."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import load_modules
from mhpolicy.core.rules.requirement import RequirementKind
from mhpolicy.reports.build import ReportBuilder, gap_report, report_meta
from mhpolicy.reports.plain import plain
from mhpolicy.reports.render import write_gap_report
from mhpolicy.reports.school import SchoolPages, school_view

from .plugin_kit import dataset, plugin_module, requirement, school


def _evaluated(tmp_path: Path):  # type: ignore[no-untyped-def]
    reqs = [requirement(rid="late", due=date(2024, 3, 1)),
            requirement(rid="att", kind=RequirementKind.ATTESTATION, word="要")]
    policy = load_modules({"t": plugin_module(tmp_path, reqs)}).get("testcity")
    data = dataset(school("A", 0), school("B", 5), school("C", 2), school("D", 0, district_id="D2"))
    data["districts"].append({"id": "D2", "name": "二区"})
    return policy, evaluate(Dataset.model_validate(data), policy, date(2024, 6, 1))


NAMES = {"D1": "一区", "D2": "二区"}  # what a check passes from the data's districts


def test_the_overview_counts_schools_meeting_each_indicator_by_district(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    o = gap_report(ev, policy, district_names=NAMES)["overview"]
    (late,) = o["indicators"]  # the attestation is no indicator: nothing is measured until confirmed
    assert (late["applicable"], late["met"], late["rate"]) == (4, 2, 0.5)
    assert late["by_district"]["D1"] == {"applicable": 3, "met": 2, "rate": 2 / 3}
    assert late["weakest"][0] == {"id": "D2", "name": "二区", "rate": 0.0}
    assert [(d["name"], d["schools"], d["with_fail"], d["overdue"]) for d in o["districts"]] == [
        ("二区", 1, 1, 1), ("一区", 3, 1, 1)]  # equal failures: the lower 达标率 first
    assert (o["city"]["schools"], o["city"]["all_met"], o["city"]["with_fail"]) == (4, 2, 2)


def test_schools_are_listed_worst_first(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    schools = gap_report(ev, policy, district_names=NAMES)["overview"]["schools"]
    assert [s["id"] for s in schools] == ["A", "D", "B", "C"]
    assert schools[0]["counts"]["不符合"] == 1 and schools[0]["overdue"] == 1 and schools[0]["rate"] == 0.0


def test_the_city_page_links_a_page_per_district_with_its_own_schools(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    html, _, districts, _ = write_gap_report(tmp_path / "out", gap_report(ev, policy, district_names=NAMES), "t")
    page = html.read_text(encoding="utf-8")
    assert 'href="t-districts/D2.html"' in page and "<svg" in page and "各项指标达标率" in page
    d2 = (districts / "D2.html").read_text(encoding="utf-8")
    assert "学校D（D）" in d2 and "学校A（A）" not in d2


def test_the_actions_csv_has_chinese_headers_and_yes_no(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    *_, csv = write_gap_report(tmp_path / "out", gap_report(ev, policy, district_names=NAMES), "t")
    head, first = csv.read_text(encoding="utf-8-sig").splitlines()[:2]
    assert head == "对象编号,对象名称,事项,条款,规则编号,结论,严重程度,截止日期,是否逾期,周期"
    assert first.startswith("A,学校A,整改：缺2名专职心理教师,") and ",是," in first


def test_a_school_feedback_lists_its_own_duties_and_a_checklist_without_not_applicable(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    view = school_view([f for f in ev.findings if f.subject_id == "A"], ev.as_of, report_meta(policy, ev), "一区")
    assert [r["gap"] for r in view["to_fix"]] == ["缺2名专职心理教师"] and view["overdue"] == 1
    assert [r["title"] for r in view["attest"]] == ["测试要求 att"] and "一区教育局" in view["send_back"]
    assert [n["rule_id"] for n in view["notes"]] == ["testcity.1-1.late", "testcity.1-1.att"]


def test_one_pass_writes_a_page_per_school_and_an_index(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    builder = ReportBuilder(policy, ev)
    builder.school_pages = SchoolPages(tmp_path / "s", ev.as_of, report_meta(policy, ev), builder.overview.district_names)
    builder.add(ev.findings)
    builder.school_pages.close()
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["A.html", "B.html", "C.html", "D.html", "index.html"]
    page = (tmp_path / "s" / "A.html").read_text(encoding="utf-8")
    assert "<title>学校A学生心理健康工作检查反馈</title>" in page and "学校B" not in page
    assert 'name="viewport"' in page and "@media print" in page


def test_plain_text_names_records_and_semesters_without_data_paths() -> None:
    assert plain("需补报：课后服务情况（after_school[2024-2025-2]）") == "需补报：课后服务情况（2024-2025学年第二学期）"
    assert plain("缺少数据：活动记录（events）（未报送任何活动记录）") == "缺少数据：活动记录（未报送任何活动记录）"
    assert plain("需补报：教职工培训记录（staff[].trainings）") == "需补报：教职工培训记录"
    assert plain("不适用于kindergarten类机构（适用：小学）") == "不适用于幼儿园（适用：小学）"
    assert plain("缺2名专职心理教师（按1:1000）") == "缺2名专职心理教师（按1:1000）"  # ordinary brackets stay
