"""四(二)3(2) 联动应急援助

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》四(二)3(2) 联动应急援助
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "四(二)3(2)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "社区心理服务平台、心理援助热线、热线人员培训、应急联动演练",
               "主体是卫健、民政、团委、妇联、应急等部门，数据不含"),
]
