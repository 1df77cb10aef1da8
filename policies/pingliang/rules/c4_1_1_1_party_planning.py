"""四(一)1(1) 强化党政统筹谋划

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》四(一)1(1) 强化党政统筹谋划
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "四(一)1(1)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "纳入精神文明建设总体规划，建立健全督查考核机制",
               "主体是党委政府，无数据与数量"),
]
