"""Requirements of 南昌市《关于加强和改进新时代学生心理健康教育工作的实施方案》((2024) 1 号),
each in the module of the clause it implements.

One module per clause as the specs are split: a feature file
`features/nanchang/<clause>_<title>.feature` is implemented by `rules/c<slug>_<topic>.py`,
where `<slug>` is `core.rules.clauses.clause_slug(<clause>)` with "-" written "_"
(`clause_module_prefix`): 四(二)5 is 四、重点任务 (二) 第5条, slug 4-2-5, module c4_2_5_staffing.
A clause with nothing modelled has a module holding only its `UNMODELLED` notes.

| clause | feature file | module |
|--------|--------------|--------|
| 一 | — | c1_guiding_ideology |
| 二 | — | c2_goals |
| 三 | — | c3_principles |
| 四(一)1 | — | c4_1_1_management |
| 四(一)2 | 四(一)2_构建市县区校家四级心理服务体系 | c4_1_2_service_system |
| 四(一)3 | 四(一)3_建立定期心理健康普查和排查制度 | c4_1_3_screening |
| 四(一)4 | 四(一)4_构建预防预警干预三预工作机制 | c4_1_4_prevention_warning |
| 四(二)5 | 四(二)5_配齐配强专兼职心理健康教师队伍 | c4_2_5_staffing |
| 四(二)6 | 四(二)6_强化分层分类教师专业培训 | c4_2_6_teacher_training |
| 四(二)7 | — | c4_2_7_backbone_team |
| 四(三)8 | 四(三)8_五育并举促进心理健康 | c4_3_8_five_educations |
| 四(三)9 | 四(三)9_开齐开足上好心理健康教育课 | c4_3_9_lessons |
| 四(三)10 | 四(三)10_加强学生心理健康教科研 | c4_3_10_research |
| 四(三)11 | 四(三)11_规范学生心理健康辅导 | c4_3_11_counseling |
| 四(四)12 | 四(四)12_完善县区辅导站和学校心理辅导室建设 | c4_4_12_stations_and_rooms |
| 四(四)13 | — | c4_4_13_management_system |
| 四(五)14 | 四(五)14_加强家庭教育指导服务 | c4_5_14_family |
| 四(五)15 | 四(五)15_加大心理健康科普宣传 | c4_5_15_publicity |
| 四(五)16 | — | c4_5_16_medical_education |
| 四(五)17 | — | c4_5_17_departments |
| 五(一) | 五(一)_加强组织领导 | c5_1_leadership |
| 五(二) | 五(二)_加强条件保障 | c5_2_resources |
| 五(三) | 五(三)_加强评估督导 | c5_3_assessment |

Each module declares `PARAMETERS`, `REQUIREMENTS` and `UNMODELLED`; this package joins them in
document order (the order of `CLAUSE_MODULES`). Helpers several modules share are in
`_shared.py`.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from . import (
    c1_guiding_ideology,
    c2_goals,
    c3_principles,
    c4_1_1_management,
    c4_1_2_service_system,
    c4_1_3_screening,
    c4_1_4_prevention_warning,
    c4_2_5_staffing,
    c4_2_6_teacher_training,
    c4_2_7_backbone_team,
    c4_3_8_five_educations,
    c4_3_9_lessons,
    c4_3_10_research,
    c4_3_11_counseling,
    c4_4_12_stations_and_rooms,
    c4_4_13_management_system,
    c4_5_14_family,
    c4_5_15_publicity,
    c4_5_16_medical_education,
    c4_5_17_departments,
    c5_1_leadership,
    c5_2_resources,
    c5_3_assessment,
)

# Document order; listed by hand so that a module is never picked up (or dropped) by accident.
CLAUSE_MODULES = (
    c1_guiding_ideology,
    c2_goals,
    c3_principles,
    c4_1_1_management,
    c4_1_2_service_system,
    c4_1_3_screening,
    c4_1_4_prevention_warning,
    c4_2_5_staffing,
    c4_2_6_teacher_training,
    c4_2_7_backbone_team,
    c4_3_8_five_educations,
    c4_3_9_lessons,
    c4_3_10_research,
    c4_3_11_counseling,
    c4_4_12_stations_and_rooms,
    c4_4_13_management_system,
    c4_5_14_family,
    c4_5_15_publicity,
    c4_5_16_medical_education,
    c4_5_17_departments,
    c5_1_leadership,
    c5_2_resources,
    c5_3_assessment,
)

PARAMETERS: list[Parameter] = [p for m in CLAUSE_MODULES for p in m.PARAMETERS]
REQUIREMENTS: list[Requirement] = [r for m in CLAUSE_MODULES for r in m.REQUIREMENTS]
UNMODELLED: list[ClauseNote] = [n for m in CLAUSE_MODULES for n in m.UNMODELLED]
