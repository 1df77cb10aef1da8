"""五(三) 积极探索创新

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》五(三) 积极探索创新
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "五(三)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "支持创新工作模式，每年评选先进，探索名师工作室",
               "“支持”“探索”是倡导，且主体是市级部门，数据不含评选和工作室"),
]
