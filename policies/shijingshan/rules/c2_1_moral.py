"""二(一) 高度重视以德“育心”

石景山区实施方案（征求意见稿）二、坚持“五育”并举，提升学生心理健康素养（一）高度重视以德“育心”（节选）：

“……将学生心理健康教育贯穿德育思政工作全过程，融入教育教学、管理服务和学生成长各环节，纳入“三全育人”大格局……”

Spec: features/shijingshan/二(一)_高度重视以德育心.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

MORAL = attest("二(一)", "moral-and-mind",
               "将学生心理健康教育贯穿德育思政工作全过程，融入教育教学、管理服务和学生成长各环节，纳入“三全育人”大格局",
               "以德育心：心理健康教育贯穿德育思政工作全过程")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [MORAL]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(一)", "爱国主义、核心价值观、理想信念教育与学生品格培育", "育人方向性要求，无可计量的数据"),
]
