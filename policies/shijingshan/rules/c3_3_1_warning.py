"""三(三)1 家校协同形成预警防控机制

石景山区实施方案（征求意见稿）三（三）1.家校协同形成预警防控机制（节选）：

“各中小学建立“班级—年级—学校”三级预警机制，发现学生思想有重大变化、学业有较大波动……等情况，及时与家长联系沟通，
共同进行心理疏导，帮助学生渡过难关。学校对于在日常工作和心理测评中发现的有心理问题的学生，组织校内外专业力量
进一步评估研判，协同家长对学生表现实施动态管理。”

The three levels are also this plan's warning scheme (document.WARNING_SCHEME): a 石景山 dataset whose
warning cases use other tiers (红/橙/黄) is refused at input, naming the allowed values.

Spec: features/shijingshan/三(三)1_家校协同形成预警防控机制.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

THREE_LEVELS = attest("三(三)1", "three-level-warning", "各中小学建立“班级—年级—学校”三级预警机制",
                      "建立“班级—年级—学校”三级预警机制")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [THREE_LEVELS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(三)1", "发现异常及时与家长沟通、组织专业力量评估研判、动态管理",
               "个案处置过程无时限或数量要求；预警个案只按化名编号和等级记录，不判定处置是否及时"),
]
