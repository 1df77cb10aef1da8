"""二(二) 深入探索以智“慧心”

石景山区实施方案（征求意见稿）二（二）深入探索以智“慧心”（节选）：

“优化教育教学内容和方式，有效减轻义务教育阶段学生作业负担和校外培训负担。教师在学科教学中注重维护学生心理健康……”

Spec: features/shijingshan/二(二)_深入探索以智慧心.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

WORKLOAD = attest("二(二)", "homework-burden", "有效减轻义务教育阶段学生作业负担和校外培训负担",
                  "以智慧心：减轻义务教育阶段学生作业负担和校外培训负担")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [WORKLOAD]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(二)", "学科教学中维护学生心理健康、学业和生涯指导、科学评价",
               "教学方式的方向性要求，无可计量的数据；作业负担作为人工确认项"),
]
