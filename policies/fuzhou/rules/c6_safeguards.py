"""六、保障措施

《福州市学校心理健康教育行动计划》六、保障措施。

No feature file: nothing in this clause is modelled; the notes below say why.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("六", "保障措施（组织保障、投入扶持、改革创新）",
               "对党委政府及编制、人社、财政、卫健等部门的职责，不以学校或县区数据判定；六、2 督导问责见 c6_2_supervision"),
]
