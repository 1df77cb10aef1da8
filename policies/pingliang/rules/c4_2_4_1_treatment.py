"""四(二)4(1) 规范诊疗服务

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》四(二)4(1) 规范诊疗服务
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "四(二)4(1)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "心理门诊和临床心理学科建设，乡镇卫生院配备诊疗人员，转介学生免挂号直通车",
               "主体是卫健部门；县综合医院开设心理门诊的目标由三(四)的医院名册判定（汇总要求）"),
]
