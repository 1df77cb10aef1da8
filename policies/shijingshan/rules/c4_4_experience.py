"""四(四)（不建模 / not modelled）

石景山区实施方案（征求意见稿）四(四)：争创实验区、特色校建设、遴选推广优秀成果。

The whole clause is about district departments; nothing in it binds a school or an education group
in a way data could show. It is set aside with its reason, so lint's coverage shows it as decided.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(四)", "争创实验区、特色校建设、遴选推广优秀成果", "对象为区级部门；“支持”“探索”为鼓励性表述，无数据"),
]
