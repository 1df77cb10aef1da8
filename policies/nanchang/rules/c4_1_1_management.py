"""四(一)1 健全优化管理机制

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（一）1.健全优化管理机制。

No feature file: nothing in this clause is modelled; the notes below say why.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(一)1", "健全优化管理机制：市级统筹调度、多部门协调、专家委员会", "对象为市级各部门，非学校或县（区）义务；无对应数据"),
]
