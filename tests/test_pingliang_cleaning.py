"""平凉's source is a PDF extraction: the cleaned text quotes are checked against is produced by a
stated transformation (policies/pingliang/cleaning.py), tested here step by step."""

from __future__ import annotations

from datetime import date
from importlib.resources import files

import pytest

from mhpolicy.core.authoring.lint import searchable_source
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.rules.clauses import clause_module_prefix, clause_slug, is_clause_spelling
from mhpolicy.core.rules.outline import numbered_clauses
from mhpolicy.policies.pingliang.cleaning import (
    RESTORED,
    CleaningError,
    clean,
    cut_frame,
    drop_page_numbers,
    full_width,
    rejoin,
    restore,
)
from mhpolicy.policies.pingliang.rules.c4_2_1_2_training import rolling_window_start

PACKAGE = files("mhpolicy.policies.pingliang")
SOURCE = PACKAGE.joinpath("source.txt").read_text(encoding="utf-8")


def test_the_shipped_cleaned_text_is_exactly_the_cleaning_of_the_shipped_source() -> None:
    assert PACKAGE.joinpath("cleaned.txt").read_text(encoding="utf-8") == clean(SOURCE)


def test_the_source_is_kept_as_published_with_its_page_numbers_and_broken_lines() -> None:
    assert "至\n2024\n年底,\n9\n各学校" in SOURCE
    assert "低于\n1\n4000\n配备" in SOURCE


def test_page_numbers_2_to_18_are_dropped_in_sequence_and_nothing_else() -> None:
    lines = cut_frame(SOURCE.splitlines())[1:]
    kept, dropped = drop_page_numbers(lines, first_page=2)
    assert dropped == list(range(2, 19))
    assert len(lines) - len(kept) == 17


def test_a_number_that_opens_a_sub_item_is_not_a_page_number_even_when_it_is_the_next_page() -> None:
    kept, dropped = drop_page_numbers(["上文。", "5", ")建强师资队伍。", "5", "下文"], first_page=5)
    assert kept == ["上文。", "5", ")建强师资队伍。", "下文"] and dropped == [5]


def test_a_number_out_of_sequence_stays_in_the_text() -> None:
    kept, dropped = drop_page_numbers(["每", "3", "年参加"], first_page=9)
    assert kept == ["每", "3", "年参加"] and dropped == []


def test_the_stray_page_number_9_no_longer_breaks_the_staffing_sentence() -> None:
    cleaned = clean(SOURCE)
    assert "至2024年底，各学校心理健康教育教师配备达到以下要求" in cleaned
    assert "年底，9各学校" not in cleaned


def test_broken_lines_are_rejoined_into_paragraphs_that_end_at_a_full_stop_or_before_a_heading() -> None:
    assert rejoin(["确保心理健康教育教师每年参加一次县级以上培训、每", "3", "年参加一", "次省市级以上培训。", "责任单位:",
                   "市教育局", "2.", "监测预警"]) == [
        "确保心理健康教育教师每年参加一次县级以上培训、每3年参加一次省市级以上培训。", "责任单位:市教育局", "2.监测预警"]


def test_half_width_punctuation_becomes_full_width_and_item_dots_stay() -> None:
    assert full_width("2.学校,(一)a:b;c") == "2.学校，（一）a：b；c"


@pytest.mark.parametrize("r", RESTORED, ids=lambda r: r.restored)
def test_each_restoration_occurs_once_is_applied_and_says_why(r) -> None:  # type: ignore[no-untyped-def]
    cleaned = clean(SOURCE)
    assert r.restored in cleaned and r.broken not in cleaned and len(r.why) > 20


def test_the_ratio_reads_1_to_4000_after_cleaning() -> None:
    assert "高校按师生比例不低于1：4000配备专职心理健康教育教师，且每校至少配备2名" in clean(SOURCE)


def test_a_restoration_that_no_longer_occurs_is_an_error_not_a_silent_no_op() -> None:
    with pytest.raises(CleaningError, match="14000"):
        restore("高校按师生比例不低于1：4000配备")


def test_lint_searches_quotes_in_the_cleaned_text() -> None:
    policy = discover().get("pingliang")
    text = searchable_source(policy)
    assert "不低于1：4000" in text and "不低于14000" not in text


def test_the_outline_of_the_source_numbers_sub_items_as_the_plugin_spells_them() -> None:
    labels = [c.label for c in numbered_clauses(SOURCE)]
    assert "四(一)2(5)" in labels and "四(二)1(2)" in labels and "五(四)" in labels
    assert labels.count("四(一)2(5)") == 1


@pytest.mark.parametrize(("clause", "slug", "prefix"), [
    ("四(一)2(5)", "4-1-2-5", "c4_1_2_5"), ("四(二)1(2)", "4-2-1-2", "c4_2_1_2"), ("五、1(3)", "5-1-3", "c5_1_3")])
def test_a_sub_item_under_an_item_is_a_canonical_clause_with_a_four_level_slug(clause: str, slug: str,
                                                                               prefix: str) -> None:
    assert is_clause_spelling(clause) and clause_slug(clause) == slug and clause_module_prefix(clause) == prefix


@pytest.mark.parametrize("clause", ["四(一)(5)", "四(一)2（5）", "四(一)2(05)", "四(一)25)", "五(1)", "三(1)", "四(一)2(5)(1)"])
def test_a_sub_item_is_only_canonical_right_after_an_item_number_in_ascii_parentheses(clause: str) -> None:
    assert not is_clause_spelling(clause)


@pytest.mark.parametrize(("as_of", "start"), [
    (date(2025, 6, 30), date(2022, 7, 1)), (date(2025, 12, 31), date(2023, 1, 1)),
    (date(2024, 2, 29), date(2021, 3, 1))])
def test_the_three_year_window_starts_the_day_after_the_same_date_three_years_earlier(as_of: date,
                                                                                     start: date) -> None:
    assert rolling_window_start(as_of, 3) == start
