"""四(二)（不建模 / not modelled）

石景山区实施方案（征求意见稿）四(二)：区教委会同卫生健康、宣传、网信、公安等部门建立协作机制。

The whole clause is about district departments; nothing in it binds a school or an education group
in a way data could show. It is set aside with its reason, so lint's coverage shows it as decided.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(二)", "区教委会同卫生健康、宣传、网信、公安等部门建立协作机制", "对象为区级部门，无学校可判定的义务"),
]
