"""四(二)5(2) 强化涉案帮扶

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》四(二)5(2) 强化涉案帮扶
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "四(二)5(2)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "举报渠道、涉案青少年心理疏导",
               "主体是政法、司法、公检法等部门，涉案信息不进入本工具"),
]
