"""Each city's specs exercise every requirement: measured ones both ways, attestations at least once.

Statuses are read from the feature files by core.authoring.lint.statuses_by_rule (also used by
`mhpolicy lint`): literal `的结论为 "符合"` steps, and outline placeholders `的结论为 "<结论>"`
resolved through the scenario's Examples tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mhpolicy.core.authoring.lint import SpecError, statuses_by_rule
from mhpolicy.core.plugins.registry import CityPolicy, discover
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.requirement import Modality, RequirementKind

FEATURES = Path(__file__).resolve().parents[1] / "features"


POLICIES = sorted(discover().policies.values(), key=lambda p: p.code)


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.code)
def test_every_requirement_is_specified_both_ways(policy: CityPolicy) -> None:
    seen = statuses_by_rule(policy.code, FEATURES)
    problems = []
    for r in policy.requirements:
        got = seen.get(r.id, set())
        if r.kind is RequirementKind.ATTESTATION:
            if not got:
                problems.append(f"{r.id}: no scenario")
            continue
        unmet = {Modality.ADVICE: Status.ADVICE, Modality.TARGET: Status.TARGET_MISSED}.get(r.modality, Status.FAIL).value
        for needed in (Status.PASS.value, unmet):
            if needed not in got:
                problems.append(f"{r.id}: no scenario where it is {needed} (seen {sorted(got)})")
    unknown = set(seen) - {r.id for r in policy.requirements}
    assert not unknown, f"specs name rules the plugin does not have: {sorted(unknown)}"
    assert not problems, "\n".join(problems)


def test_the_coverage_reader_resolves_outline_placeholders(tmp_path: Path) -> None:
    city = tmp_path / "x"
    city.mkdir()
    (city / "a.feature").write_text(
        '# language: zh-CN\n功能: f\n  场景大纲: s\n    那么 规则 "x.r" 对 "甲" 的结论为 "<结论>"\n'
        "    例子:\n      | 人数 | 结论 |\n      | 1 | 符合 |\n      | 2 | 不符合 |\n"
        '  场景: t\n    那么 规则 "x.q" 对 "乙" 的结论为 "缺数据"\n', encoding="utf-8")
    assert statuses_by_rule("x", tmp_path) == {"x.r": {"符合", "不符合"}, "x.q": {"缺数据"}}


def test_a_placeholder_without_an_examples_column_is_a_spec_error(tmp_path: Path) -> None:
    city = tmp_path / "x"
    city.mkdir()
    (city / "a.feature").write_text(
        '# language: zh-CN\n功能: f\n  场景大纲: s\n    那么 规则 "x.r" 对 "甲" 的结论为 "<结论>"\n'
        "    例子:\n      | 人数 |\n      | 1 |\n", encoding="utf-8")
    with pytest.raises(SpecError, match="a.feature"):
        statuses_by_rule("x", tmp_path)


def test_an_examples_row_shorter_than_its_header_is_a_spec_error(tmp_path: Path) -> None:
    city = tmp_path / "x"
    city.mkdir()
    (city / "a.feature").write_text(
        '# language: zh-CN\n功能: f\n  场景大纲: s\n    那么 规则 "x.r" 对 "甲" 的结论为 "<结论>"\n'
        "    例子:\n      | 人数 | 结论 |\n      | 1 |\n", encoding="utf-8")
    with pytest.raises(SpecError, match="no 结论 column"):
        statuses_by_rule("x", tmp_path)


def test_the_coverage_reader_reads_specs_in_subfolders_as_the_collector_runs_them(tmp_path: Path) -> None:
    sub = tmp_path / "x" / "五、1"
    sub.mkdir(parents=True)
    (sub / "a.feature").write_text(
        '# language: zh-CN\n功能: f\n  场景: t\n    那么 规则 "x.q" 对 "乙" 的结论为 "缺数据"\n', encoding="utf-8")
    assert statuses_by_rule("x", tmp_path) == {"x.q": {"缺数据"}}
