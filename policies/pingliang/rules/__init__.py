"""Requirements of 平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）, each in the module of the clause it implements.

One module per clause: `c<slug>_<topic>.py`, where `<slug>` is the clause number as
`core.rules.clauses.clause_slug` writes it with "-" as "_" (五、1 -> c5_1). Each module declares
`PARAMETERS`, `REQUIREMENTS` and `UNMODELLED`; this package joins them in document order,
the order of `CLAUSE_MODULES`.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from . import c1_clause, c3_2_targets, c3_3_targets, c3_4_hospitals, c5_1_supervision

# Document order; listed by hand so that a module is never picked up (or dropped) by accident.
CLAUSE_MODULES = (c1_clause, c3_2_targets, c3_3_targets, c3_4_hospitals,  # 三: h-agg
                  c5_1_supervision)  # h-agg

PARAMETERS: list[Parameter] = [p for m in CLAUSE_MODULES for p in m.PARAMETERS]
REQUIREMENTS: list[Requirement] = [r for m in CLAUSE_MODULES for r in m.REQUIREMENTS]
UNMODELLED: list[ClauseNote] = [n for m in CLAUSE_MODULES for n in m.UNMODELLED]
