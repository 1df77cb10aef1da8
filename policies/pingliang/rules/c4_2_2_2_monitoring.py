"""四(二)2(2) 跟进研判预警

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》四(二)2(2) 跟进研判预警
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "四(二)2(2)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "数据采集平台、精神卫生监测网络、电子档案、定期分析研判",
               "市级平台和部门工作，“定期”未定频次，不在学校数据中"),
]
