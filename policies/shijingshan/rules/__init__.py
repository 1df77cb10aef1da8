"""Requirements of 石景山区贯彻落实《关于全面加强和改进新时代中小学校学生心理健康工作行动计划（2023—2025年）》
实施方案（征求意见稿）, each in the module of the clause it implements.

One module per leaf clause: `c<slug>_<topic>.py`, where `<slug>` is the clause number as
`core.rules.clauses.clause_slug` writes it with "-" as "_" (一(一)1 -> c1_1_1). A module with requirements
names its spec (features/shijingshan/<clause>_<title>.feature); a clause with nothing a school or group
could be held to holds only its `UNMODELLED` notes. Each module declares `PARAMETERS`, `REQUIREMENTS`
and `UNMODELLED`; this package joins them in document order, the order of `CLAUSE_MODULES`.
Helpers several modules share are in `_shared.py`; the data this plan alone needs in `../data.py`.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from . import (
    c1_1_1_staffing,
    c1_1_2_research,
    c1_2_1_whole_school,
    c1_2_2_training,
    c1_3_1_lessons,
    c1_3_2_themed,
    c1_4_1_platforms,
    c1_4_2_room,
    c1_5_1_screening,
    c1_5_2_consent,
    c2_1_moral,
    c2_2_intellect,
    c2_3_pe,
    c2_4_arts,
    c2_5_labour,
    c3_1_home_visits,
    c3_2_parents,
    c3_3_1_warning,
    c3_3_2_crisis,
    c3_4_medical,
    c4_1_leadership,
    c4_2_departments,
    c4_3_funding,
    c4_4_experience,
    c4_5_inspection,
)

# Document order; listed by hand so that a module is never picked up (or dropped) by accident.
CLAUSE_MODULES = (
    c1_1_1_staffing,
    c1_1_2_research,
    c1_2_1_whole_school,
    c1_2_2_training,
    c1_3_1_lessons,
    c1_3_2_themed,
    c1_4_1_platforms,
    c1_4_2_room,
    c1_5_1_screening,
    c1_5_2_consent,
    c2_1_moral,
    c2_2_intellect,
    c2_3_pe,
    c2_4_arts,
    c2_5_labour,
    c3_1_home_visits,
    c3_2_parents,
    c3_3_1_warning,
    c3_3_2_crisis,
    c3_4_medical,
    c4_1_leadership,
    c4_2_departments,
    c4_3_funding,
    c4_4_experience,
    c4_5_inspection,
)

PARAMETERS: list[Parameter] = [p for m in CLAUSE_MODULES for p in m.PARAMETERS]
REQUIREMENTS: list[Requirement] = [r for m in CLAUSE_MODULES for r in m.REQUIREMENTS]
UNMODELLED: list[ClauseNote] = [n for m in CLAUSE_MODULES for n in m.UNMODELLED]
