"""The outline reader finds each document's numbered clauses, spelt as the plugins cite them."""

from __future__ import annotations

from pathlib import Path

import pytest

from mhpolicy.core.rules.outline import (
    ancestors,
    chinese_number,
    chinese_numeral,
    leaves,
    numbered_clauses,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "policy-texts"
POLICIES = Path(__file__).resolve().parents[1] / "policies"


def _text(name: str) -> str:
    """The shared policy text; the two shipped cities also carry theirs in the plugin."""
    shared = SHARED / f"{name}.txt"
    if shared.is_file():
        return shared.read_text(encoding="utf-8")
    shipped = POLICIES / name / "source.txt"
    if not shipped.is_file():
        pytest.skip(f"{name}.txt is neither in shared/policy-texts nor shipped")
    return shipped.read_text(encoding="utf-8")


def _labels(name: str) -> list[str]:
    return [c.label for c in numbered_clauses(_text(name))]


def test_chinese_numbers_read_and_write_both_ways() -> None:
    for n in (1, 9, 10, 11, 17, 20, 23):
        assert chinese_number(chinese_numeral(n)) == n
    assert chinese_numeral(12) == "十二" and chinese_number("二十") == 20


def test_fuzhou_items_directly_under_a_section_are_written_with_a_comma() -> None:
    labels = _labels("fuzhou")
    assert labels[:4] == ["一", "二", "三", "四"]
    assert {"四、1", "四、2", "五、1", "五、5", "六、4"} <= set(labels)
    assert "五、6" not in labels


def test_fuzhou_first_section_misnumbered_1_is_read_as_section_one() -> None:
    first = numbered_clauses(_text("fuzhou"))[0]
    assert (first.label, first.heading) == ("一", "指导思想")


def test_nanchang_items_run_on_through_its_markdown_sub_sections() -> None:
    labels = _labels("nanchang")
    assert {"四(二)5", "四(三)10", "四(五)17", "五(一)", "五(三)", "三(四)"} <= set(labels)
    assert [lbl for lbl in labels if lbl.startswith("四(") and lbl[-1].isdigit()] == [
        "四(一)1", "四(一)2", "四(一)3", "四(一)4", "四(二)5", "四(二)6", "四(二)7", "四(三)8", "四(三)9",
        "四(三)10", "四(三)11", "四(四)12", "四(四)13", "四(五)14", "四(五)15", "四(五)16", "四(五)17"]


def test_nanchang_header_and_bold_markup_make_no_clause() -> None:
    clauses = numbered_clauses(_text("nanchang"))
    assert clauses[0].label == "一"  # "(2024) 1 号" above it is a document number, not a clause
    by_label = {c.label: c for c in clauses}
    assert by_label["五(一)"].heading == "加强组织领导"
    assert by_label["四(二)5"].heading == "配齐配强专兼职心理健康教师队伍"


def test_shijingshan_has_three_ranks() -> None:
    labels = _labels("shijingshan")
    assert {"一(一)1", "四(一)", "三(二)", "三(三)2", "四(五)"} <= set(labels)
    assert len(labels) == 35  # 4 sections, 19 sub-sections, 12 items


def test_xinxiang_items_continue_across_sub_sections_and_the_annex_is_not_read() -> None:
    labels = _labels("xinxiang")
    assert {"二(二)1", "二(三)5", "三(一)2", "三(三)"} <= set(labels)
    assert labels[-1] == "三(三)"  # "附件：1.… 2.…" lists attachments, not clauses


def test_pingliang_pdf_lines_give_sub_items_and_skip_page_numbers_and_dates() -> None:
    clauses = numbered_clauses(_text("pingliang"))
    by_label = {c.label: c for c in clauses}
    assert by_label["四(一)1"].heading == "党委政府"
    assert by_label["四(一)1(1)"].heading == "强化党政统筹谋划"
    assert by_label["四(二)5(2)"].heading == "强化涉案帮扶"
    assert [c.label for c in clauses if c.rank == 0] == ["一", "二", "三", "四", "五"]
    assert len(clauses) == 59  # 5 sections, 15 sub-sections, 10 items, 29 sub-items


@pytest.mark.parametrize("name", ["fuzhou", "nanchang", "shijingshan", "xinxiang", "pingliang"])
def test_every_document_labels_each_clause_once_with_a_heading(name: str) -> None:
    clauses = numbered_clauses(_text(name))
    labels = [c.label for c in clauses]
    assert len(labels) == len(set(labels))
    assert all(c.heading for c in clauses), [c.label for c in clauses if not c.heading]
    assert [c.line for c in clauses] == sorted(c.line for c in clauses)


def test_dates_figures_and_decimals_at_line_start_are_not_clauses() -> None:
    text = "一、总则\n1.第一项\n2024\n年底完成\n1.5倍于上年\n3.不连续的编号\n2.第二项\n(1)细目\n7\n页码\n"
    assert [c.label for c in numbered_clauses(text)] == ["一", "一、1", "一、2", "一、2(1)"]


def test_leaves_are_clauses_with_no_children_and_ancestors_walk_up() -> None:
    clauses = numbered_clauses("一、甲\n（一）乙\n1.丙\n（二）丁\n二、戊\n")
    assert [c.label for c in leaves(clauses)] == ["一(一)1", "一(二)", "二"]
    assert ancestors("一(一)1", clauses) == ["一(一)", "一"]


def test_when_sections_start_again_the_plan_after_its_cover_notice_is_kept() -> None:
    text = "一、通知事项\n二、其他\n方案全文\n一、指导思想\n二、任务\n（一）甲\n"
    clauses = numbered_clauses(text)
    assert [c.label for c in clauses] == ["一", "二", "二(一)"]
    assert clauses[0].heading == "指导思想"
