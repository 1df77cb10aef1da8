"""二、发展目标

《福州市学校心理健康教育行动计划》二、发展目标。

No feature file: nothing in this clause is modelled; the notes below say why.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二", "发展目标", "目标性表述（“四位一体”格局、意识增强等），无可计量的指标"),
]
