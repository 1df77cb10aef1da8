"""四(五)（不建模 / not modelled）

石景山区实施方案（征求意见稿）四(五)：区教育督导部门将学生心理健康工作纳入督导评估。

The whole clause is about district departments; nothing in it binds a school or an education group
in a way data could show. It is set aside with its reason, so lint's coverage shows it as decided.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(五)", "区教育督导部门将学生心理健康工作纳入督导评估", "对象为督导部门；本工具的检查结论可作为督导的依据，其本身不判定督导是否开展"),
]
