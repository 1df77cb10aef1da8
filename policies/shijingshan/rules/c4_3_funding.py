"""四(三) 统筹安排，落实专项经费投入

石景山区实施方案（征求意见稿）四（三）统筹安排，落实专项经费投入（节选）：

“……各学校将心理健康课程建设、辅导室建设、评估干预等工作所需经费纳入年度预算，满足学生心理健康工作需要。”

Spec: features/shijingshan/四(三)_统筹安排，落实专项经费投入.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

BUDGET = attest("四(三)", "annual-budget", "各学校将心理健康课程建设、辅导室建设、评估干预等工作所需经费纳入年度预算",
                "心理健康工作所需经费纳入学校年度预算")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [BUDGET]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(三)", "区级统筹经费、多渠道投入、鼓励社会力量支持", "对象为区级财政和社会力量"),
]
