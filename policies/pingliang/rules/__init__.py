"""Requirements of 平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）, each in the module of the clause it implements.

One module per clause: `c<slug>_<topic>.py`, where `<slug>` is the clause number as
`core.rules.clauses.clause_slug` writes it with "-" as "_" (四(一)2(5) -> c4_1_2_5). Each module
declares `PARAMETERS`, `REQUIREMENTS` and `UNMODELLED`; this package joins them in document
order, the order of `CLAUSE_MODULES`.

The population targets of 三(二) (95% of schools staffed), 三(三) (80% 知晓率, 60% 站点), 三(四)
(hospitals) and the yearly 专项督导评估 of 五(一) are decided for the city and each county over all
institutions: they are aggregate requirements (core/rules/aggregate.py), in the `*_targets`,
`c3_4_hospitals` and `c5_1_supervision` modules.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from . import (
    c1_guiding_ideology,
    c2_principles,
    c3_1_leadership_system,
    c3_2_counseling_room,
    c3_2_targets,
    c3_3_school_plans,
    c3_3_targets,
    c3_4_hospitals,
    c4_1_1_1_party_planning,
    c4_1_1_2_departments,
    c4_1_1_3_room_coverage,
    c4_1_2_1_organisation,
    c4_1_2_2_courses,
    c4_1_2_3_five_educations,
    c4_1_2_4_screening,
    c4_1_2_5_staffing,
    c4_1_3_family,
    c4_1_4_students,
    c4_1_5_society,
    c4_2_1_1_talent,
    c4_2_1_2_training,
    c4_2_2_1_risk_screening,
    c4_2_2_2_monitoring,
    c4_2_3_1_intervention,
    c4_2_3_2_emergency,
    c4_2_4_1_treatment,
    c4_2_4_2_follow_up,
    c4_2_4_3_regulation,
    c4_2_5_1_special_groups,
    c4_2_5_2_case_support,
    c5_1_supervision,
    c5_2_effectiveness,
    c5_3_innovation,
    c5_4_publicity,
)

# Document order; listed by hand so that a module is never picked up (or dropped) by accident.
CLAUSE_MODULES = (
    c1_guiding_ideology,
    c2_principles,
    c3_1_leadership_system,
    c3_2_counseling_room,
    c3_2_targets,
    c3_3_school_plans,
    c3_3_targets,
    c3_4_hospitals,
    c4_1_1_1_party_planning,
    c4_1_1_2_departments,
    c4_1_1_3_room_coverage,
    c4_1_2_1_organisation,
    c4_1_2_2_courses,
    c4_1_2_3_five_educations,
    c4_1_2_4_screening,
    c4_1_2_5_staffing,
    c4_1_3_family,
    c4_1_4_students,
    c4_1_5_society,
    c4_2_1_1_talent,
    c4_2_1_2_training,
    c4_2_2_1_risk_screening,
    c4_2_2_2_monitoring,
    c4_2_3_1_intervention,
    c4_2_3_2_emergency,
    c4_2_4_1_treatment,
    c4_2_4_2_follow_up,
    c4_2_4_3_regulation,
    c4_2_5_1_special_groups,
    c4_2_5_2_case_support,
    c5_1_supervision,
    c5_2_effectiveness,
    c5_3_innovation,
    c5_4_publicity,
)

PARAMETERS: list[Parameter] = [p for m in CLAUSE_MODULES for p in m.PARAMETERS]
REQUIREMENTS: list[Requirement] = [r for m in CLAUSE_MODULES for r in m.REQUIREMENTS]
UNMODELLED: list[ClauseNote] = [n for m in CLAUSE_MODULES for n in m.UNMODELLED]
