"""四(一)1(2) 强化部门职责落实

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》四(一)1(2) 强化部门职责落实
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "四(一)1(2)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "宣传、文明办、政法、关工委、教育、卫健、民政、公检法司、网信、公安、文旅、市场监管等部门职责",
               "部门职责分工，本插件的数据不含这些部门的工作记录"),
]
