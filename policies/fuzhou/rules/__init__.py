"""Requirements of 福州市学校心理健康教育行动计划, each in the module of the clause it implements.

One module per clause as the specs are split: a feature file
`features/fuzhou/<clause>_<title>.feature` is implemented by `rules/c<slug>_<topic>.py`,
where `<slug>` is `core.rules.clauses.clause_slug(<clause>)` with "-" written "_"
(`clause_module_prefix`). A clause with several feature files (五、1) has one module per file;
a clause with nothing modelled has a module holding only its `UNMODELLED` notes.

| clause | feature file                        | module                          |
|--------|-------------------------------------|---------------------------------|
| 一     | —                                   | c1_guiding_ideology             |
| 二     | —                                   | c2_goals                        |
| 三     | —                                   | c3_principles                   |
| 四     | 四_教育内容                          | c4_content                      |
| 五、1  | 五、1_配齐配强心理教师                | c5_1_staffing                   |
| 五、1  | 五、1_心理教师培训                    | c5_1_teacher_training           |
| 五、1  | 五、1_队伍专业化发展                  | c5_1_professional_development   |
| 五、1  | 五、1_实施全员育心计划                | c5_1_whole_staff                |
| 五、2  | 五、2_强化教育教研工作                | c5_2_teaching_research          |
| 五、3  | 五、3_提升场所建设水平                | c5_3_facilities                 |
| 五、4  | 五、4_健全危机干预体系                | c5_4_crisis_intervention        |
| 五、5  | 五、5_家校社网协同育人一体化          | c5_5_home_school                |
| 六     | —                                   | c6_safeguards                   |
| 六、2  | 六、2_严格督导问责                    | c6_2_supervision                |

Each module declares `PARAMETERS`, `REQUIREMENTS` and `UNMODELLED`; this package joins them in
document order (the order of `CLAUSE_MODULES`). Helpers several modules share are in
`_shared.py`. Thresholds are dated `Parameter`s keyed by `EFFECTIVE` (the text is undated)
unless the text dates them.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from . import (
    c1_guiding_ideology,
    c2_goals,
    c3_principles,
    c4_content,
    c5_1_professional_development,
    c5_1_staffing,
    c5_1_teacher_training,
    c5_1_whole_staff,
    c5_2_teaching_research,
    c5_3_facilities,
    c5_4_crisis_intervention,
    c5_5_home_school,
    c6_2_supervision,
    c6_safeguards,
)

# Document order; listed by hand so that a module is never picked up (or dropped) by accident.
CLAUSE_MODULES = (
    c1_guiding_ideology,
    c2_goals,
    c3_principles,
    c4_content,
    c5_1_staffing,
    c5_1_teacher_training,
    c5_1_professional_development,
    c5_1_whole_staff,
    c5_2_teaching_research,
    c5_3_facilities,
    c5_4_crisis_intervention,
    c5_5_home_school,
    c6_safeguards,
    c6_2_supervision,
)

PARAMETERS: list[Parameter] = [p for m in CLAUSE_MODULES for p in m.PARAMETERS]
REQUIREMENTS: list[Requirement] = [r for m in CLAUSE_MODULES for r in m.REQUIREMENTS]
UNMODELLED: list[ClauseNote] = [n for m in CLAUSE_MODULES for n in m.UNMODELLED]
