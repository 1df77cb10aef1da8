"""The conftest guard fails a Chinese scenario that would otherwise pass without testing anything."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

FEATURE = """# language: zh-CN
功能: 守卫
  场景: 关键字拼错
    如果 评估日期为 "2024-06-30"
    如果 规则 "x" 对 "y" 的结论为 "符合"

  场景: 没有断言
    假如 评估日期为 "2024-06-30"
"""


def test_step_less_and_assertion_less_scenarios_fail(pytester: pytest.Pytester) -> None:
    pytester.makeconftest("from features.conftest import pytest_bdd_before_scenario  # noqa: F401\n"
                          "from features.steps.common import *  # noqa: F401,F403\n")
    pytester.makefile(".feature", guard=FEATURE)
    pytester.makepyfile(test_guard="from pytest_bdd import scenarios\nscenarios('guard.feature')\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    out = result.stdout.str()
    assert "'关键字拼错' has no steps of its own" in out
    assert "'没有断言' has no 那么 step" in out
