"""四(二)7 打造心理健康教育骨干团队

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（二）7.打造心理健康教育骨干团队。

No feature file: nothing in this clause is modelled; the notes below say why.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(二)7", "打造心理健康教育骨干团队：专家团队、职称评聘、基本功大赛、名师工作室", "市级部门工作，无可测阈值"),
]
