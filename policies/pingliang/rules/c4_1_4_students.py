"""四(一)4 学生

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》四(一)4 学生
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "四(一)4"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "提升生命安全认知、树立良好思想品德、养成健康生活习惯",
               "对学生个人的引导，不是学校或部门可核查的义务"),
]
