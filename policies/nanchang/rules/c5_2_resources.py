"""五(二) 加强条件保障

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》五、相关要求（二）加强条件保障。

No feature file: nothing in this clause is modelled; the notes below say why.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五(二)", "加强条件保障：经费纳入预算、兼职教师工作量与待遇", "经费与待遇无数据，也无数量标准"),
]
