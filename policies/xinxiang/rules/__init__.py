"""Requirements of 新乡市未成年人心理健康三级辅导体系建设专项行动计划（2024-2025年）, each in the module of the clause it implements.

One module per clause: `c<slug>_<topic>.py`, where `<slug>` is the clause number as
`core.rules.clauses.clause_slug` writes it with "-" as "_" (二(二)1 -> c2_2_1). Each module declares
`PARAMETERS`, `REQUIREMENTS` and `UNMODELLED`; this package joins them in document order,
the order of `CLAUSE_MODULES`.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from . import (
    c1_goals,
    c2_1_stations,
    c2_2_1_counseling,
    c2_2_2_prevention,
    c2_2_3_screening,
    c2_2_4_ethics,
    c2_3_5_five_educations,
    c2_3_6_sunshine_series,
    c2_3_7_participants,
    c3_1_1_volunteers,
    c3_1_2_staffing,
    c3_2_funding,
    c3_3_inspection,
)

# Document order; listed by hand so that a module is never picked up (or dropped) by accident.
CLAUSE_MODULES = (c1_goals, c2_1_stations, c2_2_1_counseling, c2_2_2_prevention, c2_2_3_screening, c2_2_4_ethics,
                  c2_3_5_five_educations, c2_3_6_sunshine_series, c2_3_7_participants, c3_1_1_volunteers,
                  c3_1_2_staffing, c3_2_funding, c3_3_inspection)

PARAMETERS: list[Parameter] = [p for m in CLAUSE_MODULES for p in m.PARAMETERS]
REQUIREMENTS: list[Requirement] = [r for m in CLAUSE_MODULES for r in m.REQUIREMENTS]
UNMODELLED: list[ClauseNote] = [n for m in CLAUSE_MODULES for n in m.UNMODELLED]
