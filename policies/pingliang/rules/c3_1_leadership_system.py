"""三(一) 健全组织领导体制

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》三(一) 健全组织领导体制
（全文见 cleaned.txt）。本条不建模，理由见 UNMODELLED。
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

CLAUSE = "三(一)"

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "2024年底健全“五位一体”责任体系、“五道防线”服务体系",
               "体系建设的总目标，没有可计量的产出；其具体任务分列于四(一)、四(二)"),
]
