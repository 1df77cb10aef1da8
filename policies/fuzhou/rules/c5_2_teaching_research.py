"""五、2 强化教育教研工作

《福州市学校心理健康教育行动计划》五、主要任务 2.强化教育教研工作。

No feature file: nothing in this clause is modelled; the notes below say why.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、2", "完善专业指导管理体系（首席顾问、专家指导组、三级辅导站所室、高校咨询辅导中心）",
               "市级组织建设，数据中无首席顾问、专家组记录"),
    ClauseNote("五、2", "组建心理健康教育教研室（市级、县级依托教师进修学校）、市属高校教研组",
               "数据模型无教研室实体与“配齐配强教研力量”的阈值"),
]
