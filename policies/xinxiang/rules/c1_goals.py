"""一、工作目标

《新乡市未成年人心理健康三级辅导体系建设专项行动计划（2024-2025年）》一、工作目标：“以习近平新时代中国特色
社会主义思想为指导……着力推进新乡市未成年人心理健康三级辅导体系建设，推广“新老师”志愿服务模式……”

Aims, not duties of a station: each aim is made concrete by the tasks of 二 and 三, which are modelled there.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一", "工作目标：推进三级辅导体系建设、推广“新老师”志愿服务模式、培育学生心理品质",
               "目标陈述，无可检查的义务；其具体任务见二、三各条（站点层级、月报、阳光成长活动、志愿服务分队等均已建模）"),
]
