"""`mhpolicy lint` catches each way a plugin can misquote or miscite its document, and passes the real cities."""

from __future__ import annotations

import argparse
import io
import json
import re
import types
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mhpolicy.core.authoring.lint import EXIT_LINT, CityLint, cmd_lint, lint_policy, lint_registry
from mhpolicy.core.cli import main
from mhpolicy.core.plugins.registry import Registry, discover, hookimpl, load_modules
from mhpolicy.core.rules.outline import OutlineClause
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import CityInfo, ClauseNote, Modality, Requirement, RequirementKind
from tests.plugin_kit import requirement

FEATURES = Path(__file__).resolve().parents[1] / "features"

SOURCE = """测试市学生心理健康工作方案
一、总体要求
以育人为本。
二、主要任务
（一）队伍建设
1.学校应配备专职心理教师不少于2名。
2.鼓励学校开展心理社团活动。
（二）场所建设
原则上每校设心理辅导室。
三、保障措施
要把育德与育心统一起来。
"""

STAFF_PARAM = Parameter(id="testcity.min_staff", label="最少专职心理教师", unit="名", values={date(2024, 1, 1): 2},
                        clause="二(一)1", quote="学校应配备专职心理教师不少于2名")
SPEC = """# language: zh-CN
功能: 测试
  场景: 配备
    那么 规则 "testcity.2-1-1.staff" 对 "甲校" 的结论为 "符合"
  场景: 社团
    那么 规则 "testcity.2-1-2.club" 对 "甲校" 的结论为 "待人工确认"
"""


def staff(**kw: Any) -> Requirement:
    return requirement(**({"rid": "staff", "clause": "二(一)1"} | kw))


def club(**kw: Any) -> Requirement:
    fields: dict[str, Any] = dict(rid="club", word="鼓励", modality=Modality.ADVICE, kind=RequirementKind.ATTESTATION,
                                  clause="二(一)2")
    return requirement(**(fields | kw))


NOTES = [ClauseNote("一", "总体要求", "方向性表述"), ClauseNote("三", "保障措施", "无可由数据判定的义务")]


def city_plugin(tmp: Path, *, requirements: list[Requirement] | None = None,
                parameters: list[Parameter] | None = None, notes: list[ClauseNote] | None = None,
                source: str = SOURCE, **info: Any) -> types.ModuleType:
    """A test city whose document has numbered clauses; by default it lints clean."""
    path = tmp / "testcity.txt"
    path.write_text(source, encoding="utf-8")
    city = CityInfo(code="testcity", name="测试市", document="测试市学生心理健康工作方案", issuer="测试局",
                    issued=date(2024, 1, 1), effective=date(2024, 1, 1), source_file=str(path), version="1", **info)
    reqs = requirements if requirements is not None else [staff(), club()]
    params = parameters if parameters is not None else [STAFF_PARAM]
    unmodelled = notes if notes is not None else NOTES
    mod = types.ModuleType("testcity_plugin")
    mod.mhpolicy_city_info = hookimpl(lambda: city)  # type: ignore[attr-defined]
    mod.mhpolicy_parameters = hookimpl(lambda: params)  # type: ignore[attr-defined]
    mod.mhpolicy_requirements = hookimpl(lambda: reqs)  # type: ignore[attr-defined]
    mod.mhpolicy_unmodelled_clauses = hookimpl(lambda: unmodelled)  # type: ignore[attr-defined]
    return mod


def features(tmp: Path, spec: str = SPEC) -> Path:
    folder = tmp / "features"
    (folder / "testcity").mkdir(parents=True, exist_ok=True)
    (folder / "testcity" / "测试.feature").write_text(spec, encoding="utf-8")
    return folder


def registry(tmp: Path, **kw: Any) -> Registry:
    reg = load_modules({"testcity": city_plugin(tmp, **kw)})
    assert not reg.errors, reg.errors
    return reg


def lint(tmp: Path, spec: str = SPEC, **kw: Any) -> CityLint:
    return lint_policy(registry(tmp, **kw).get("testcity"), features(tmp, spec))


def codes(result: CityLint) -> set[tuple[str, str]]:
    return {(v.id, v.code) for v in result.violations}


def test_a_faithful_plugin_has_no_violations(tmp_path: Path) -> None:
    assert lint(tmp_path).violations == []


def test_a_quote_not_in_the_source_text_is_reported(tmp_path: Path) -> None:
    bad = staff(quote="学校应配备专职心理教师不少于3名")
    assert codes(lint(tmp_path, requirements=[bad, club()])) == {("testcity.2-1-1.staff", "quote-not-verbatim")}


def test_a_rule_that_quotes_nothing_is_reported(tmp_path: Path) -> None:
    unquoted = club(quote="", modal_word="", modality=Modality.MANDATORY, reading="示例")
    assert codes(lint(tmp_path, requirements=[staff(), unquoted])) == {("testcity.2-1-2.club", "quote-missing")}


def test_a_parameter_quote_not_in_the_source_text_is_reported(tmp_path: Path) -> None:
    param = replace(STAFF_PARAM, quote="学校须配备专职心理教师不少于2名")
    assert codes(lint(tmp_path, parameters=[param])) == {("testcity.min_staff", "quote-not-verbatim")}


def test_the_plugins_stated_normalisation_is_applied_to_the_source_before_searching(tmp_path: Path) -> None:
    paged = SOURCE.replace("专职心理教师不少于", "专职心理教\n7\n师不少于")  # a PDF page number mid-sentence
    assert ("testcity.2-1-1.staff", "quote-not-verbatim") in codes(lint(tmp_path, source=paged))

    def drop_page_numbers(text: str) -> str:
        return re.sub(r"(?m)^\d+$", "", text)

    clean = lint(tmp_path, source=paged, source_normalisation=drop_page_numbers,
                 source_normalisation_text="去掉单独成行的页码 / page-number lines dropped")
    assert clean.violations == []
    assert clean.to_json()["source_normalisation"].startswith("去掉单独成行的页码")


def test_a_normalisation_that_raises_is_reported_not_raised(tmp_path: Path) -> None:
    def broken(text: str) -> str:
        raise RuntimeError("oops")

    assert codes(lint(tmp_path, source_normalisation=broken)) == {("testcity", "source-normalisation-failed")}


def test_a_missing_modal_word_is_reported_unless_a_reading_says_why_it_binds(tmp_path: Path) -> None:
    plain = staff(word="应", modal_word="")
    assert codes(lint(tmp_path, requirements=[plain, club()])) == {("testcity.2-1-1.staff", "modal-word-missing")}
    read = staff(word="应", modal_word="", reading="任务陈述，按强制读")
    assert lint(tmp_path, requirements=[read, club()]).violations == []


def test_advice_without_its_modal_word_is_reported(tmp_path: Path) -> None:
    wordless = club(modal_word="")
    assert codes(lint(tmp_path, requirements=[staff(), wordless])) == {("testcity.2-1-2.club", "modal-word-missing")}


def test_a_modal_word_that_does_not_make_the_modality_is_reported(tmp_path: Path) -> None:
    mandatory_advice = club(modality=Modality.MANDATORY)  # quote says 鼓励, rule says 强制
    assert codes(lint(tmp_path, requirements=[staff(), mandatory_advice])) == {("testcity.2-1-2.club", "modal-word-mismatch")}


def test_a_modal_word_absent_from_the_quote_is_reported(tmp_path: Path) -> None:
    bad = staff()
    object.__setattr__(bad, "modal_word", "须")  # Requirement refuses this at construction; lint must too
    found = codes(lint(tmp_path, requirements=[bad, club()]))
    assert ("testcity.2-1-1.staff", "modal-word-not-in-quote") in found


def test_a_misspelt_clause_cannot_even_be_declared_for_rules_parameters_and_notes() -> None:
    # Spelling is checked when the plugin builds its declarations, so the plugin fails to load,
    # named; lint then checks that a well-spelt clause is one the document numbers.
    with pytest.raises(ValueError, match="二、\\(一\\)1"):
        staff(clause="二、(一)1")
    with pytest.raises(ValueError, match="testcity.min_staff"):
        replace(STAFF_PARAM, clause="二（一）1")
    with pytest.raises(ValueError, match="总体要求"):
        ClauseNote("一、", "总体要求", "方向性表述")


def test_a_clause_the_document_lacks_lists_the_clauses_it_has_near_it(tmp_path: Path) -> None:
    result = lint(tmp_path, requirements=[staff(clause="二(三)"), club()])
    assert [v.message_zh for v in result.violations if v.code == "clause-unknown"] == ["条款“二(三)”不是文件的条款编号（文件有：二、二(一)、二(一)1、二(一)2、二(二)）"]


def test_a_rule_without_a_scenario_and_a_scenario_without_a_rule_are_reported(tmp_path: Path) -> None:
    spec = SPEC.replace("testcity.2-1-2.club", "testcity.2-1-2.clubs")
    assert codes(lint(tmp_path, spec)) == {("testcity.2-1-2.club", "no-scenario"), ("testcity.2-1-2.clubs", "spec-names-unknown-rule")}


def test_an_unreadable_spec_is_reported(tmp_path: Path) -> None:
    spec = SPEC + '  场景大纲: 无例子列\n    那么 规则 "testcity.2-1-1.staff" 对 "乙校" 的结论为 "<结论>"\n'
    assert codes(lint(tmp_path, spec)) == {("testcity", "spec-unreadable")}


def test_a_not_modelled_clause_without_a_reason_is_reported(tmp_path: Path) -> None:
    notes = [ClauseNote("一", "总体要求", ""), NOTES[1]]
    result = lint(tmp_path, notes=notes)
    assert codes(result) == {("testcity:一", "unmodelled-no-reason")}
    assert "一" in result.coverage.uncovered  # a note without a reason covers nothing


def test_parameters_must_be_dated_cited_quoted_declared_and_read(tmp_path: Path) -> None:
    unused = Parameter(id="testcity.spare", label="多余", unit="名", values={}, clause="", quote="")
    reg = registry(tmp_path, parameters=[STAFF_PARAM, unused])
    policy = reg.get("testcity")
    del policy.parameters.by_id["testcity.min_staff"]  # read by testcity.2-1-1.staff: now undeclared
    found = codes(lint_policy(policy, features(tmp_path)))
    assert found == {("testcity.2-1-1.staff", "parameter-undeclared"), ("testcity.spare", "parameter-undated"),
                     ("testcity.spare", "parameter-no-clause"), ("testcity.spare", "parameter-no-quote"),
                     ("testcity.spare", "parameter-unused")}


def test_coverage_counts_leaf_clauses_and_notes_cover_the_clauses_they_enclose(tmp_path: Path) -> None:
    notes = [ClauseNote("二", "主要任务（其余）", "示例")]
    result = lint(tmp_path, notes=notes, requirements=[staff(), club(), club(rid="room", clause="二")])
    cov = result.coverage.to_json()
    assert [c["clause"] for c in cov["clauses"]] == ["一", "二(一)1", "二(一)2", "二(二)", "三"]
    assert cov["uncovered"] == ["一", "三"] and cov["covered"] == 3
    rows = {c["clause"]: c for c in cov["clauses"]}
    assert rows["二(一)1"]["measured"] == ["testcity.2-1-1.staff"] and rows["二(一)2"]["attestation"] == ["testcity.2-1-2.club"]
    assert rows["二(二)"]["unmodelled"] == ["二: 主要任务（其余）"]
    assert cov["parents_cited"] == {"二": ["testcity.2.room"]}  # a rule on 二 covers 二 only, not its items


def test_a_rule_citing_an_enclosing_clause_does_not_cover_its_items(tmp_path: Path) -> None:
    result = lint(tmp_path, notes=NOTES, requirements=[staff(), club(), club(rid="room", clause="二")])
    assert result.coverage.uncovered == ["二(二)"]


def test_a_plugin_may_give_its_own_outline_of_the_document(tmp_path: Path) -> None:
    def outline(text: str) -> list[OutlineClause]:
        return [OutlineClause("九", "全文", 1)]  # a label the generic reader would not find in SOURCE

    spec = SPEC.replace("2-1-1.staff", "9.staff").replace("2-1-2.club", "9.club")
    result = lint(tmp_path, spec, clause_outline=outline, requirements=[staff(clause="九"), club(clause="九")],
                  parameters=[replace(STAFF_PARAM, clause="九")], notes=[ClauseNote("九", "其余", "示例")])
    assert result.violations == []
    assert result.coverage.to_json()["leaf_clauses"] == 1


def test_the_command_exits_6_on_violations_and_names_them(tmp_path: Path) -> None:
    reg = registry(tmp_path, requirements=[staff(quote="学校应配备专职心理教师不少于3名"), club()])
    out = io.StringIO()
    args = argparse.Namespace(cities=[], json=False, features=str(features(tmp_path)))
    assert cmd_lint(args, registry=reg, out=out) == EXIT_LINT == 6
    assert "testcity.2-1-1.staff [quote-not-verbatim]" in out.getvalue()


def test_the_command_exits_4_when_a_plugin_fails_to_load(tmp_path: Path) -> None:
    broken = types.ModuleType("broken_plugin")
    reg = load_modules({"testcity": city_plugin(tmp_path), "broken": broken})
    args = argparse.Namespace(cities=[], json=True, features=str(features(tmp_path)))
    out = io.StringIO()
    assert cmd_lint(args, registry=reg, out=out) == 4
    assert json.loads(out.getvalue())["ok"] is False


# --- the real cities ---------------------------------------------------------------------------

REAL = discover()


def test_the_shipped_cities_lint_clean() -> None:
    results = lint_registry(REAL, [], FEATURES)
    assert {r.policy.code for r in results} >= {"fuzhou", "nanchang"}
    assert [str(v) for r in results for v in r.violations] == []


def test_the_shipped_cities_cite_clauses_their_documents_number() -> None:
    fuzhou = lint_registry(REAL, ["fuzhou"], FEATURES)[0].coverage.to_json()
    rows = {c["clause"]: c for c in fuzhou["clauses"]}
    assert len(rows["五、1"]["measured"]) > 0 and rows["六、1"]["measured"] == []
    nanchang = lint_registry(REAL, ["nanchang"], FEATURES)[0].coverage.to_json()
    assert nanchang["leaf_clauses"] == 26


def test_lint_from_the_command_line_prints_coverage_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--features", str(FEATURES)]) == 0
    out = capsys.readouterr().out
    assert "条款覆盖 / clause coverage" in out and "五、1" in out and "四(二)5" in out


def test_lint_json_is_for_machines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "nanchang", "--json", "--features", str(FEATURES)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and [c["city"] for c in data["cities"]] == ["nanchang"]
    assert data["cities"][0]["coverage"]["covered"] == data["cities"][0]["coverage"]["leaf_clauses"]


def test_lint_refuses_an_unknown_city_or_a_missing_features_folder(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "atlantis", "--features", str(FEATURES)]) == 2
    assert "atlantis" in capsys.readouterr().err
    assert main(["lint", "--features", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_lint_json_prints_a_usage_error_object_on_stdout_as_check_json_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "atlantis", "--json", "--features", str(FEATURES)]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert (error["kind"], error["code"]) == ("usage", "unknown_city") and "atlantis" in error["message"]
    assert main(["lint", "--json", "--features", str(tmp_path / "nowhere")]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert (error["kind"], error["code"]) == ("usage", "no_features") and "nowhere" in error["message"]
