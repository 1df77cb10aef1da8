"""六、2 严格督导问责

《福州市学校心理健康教育行动计划》六、保障措施 2.严格督导问责：

“各级要将心理健康教育工作纳入督导评估指标体系，开展心理健康教育专项督导和随机检查。将心理健康教育工作
  纳入学校建设整体规划，纳入文明校园、平安校园考评，纳入校长（教师）绩效考核，纳入领导班子和领导干部目标
  管理，引入问责追责机制。”

Spec: features/fuzhou/六、2_严格督导问责.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY

SUPERVISION = Requirement(
    id="fuzhou.6-2.supervision",
    city=CITY,
    clause="六、2",
    quote="各级要将心理健康教育工作纳入督导评估指标体系，开展心理健康教育专项督导和随机检查",
    title="县（市）区将心理健康教育纳入督导评估指标体系，开展专项督导和随机检查",
    topic="attest.supervision",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="要",
    kind=RequirementKind.ATTESTATION,
    reading="“各级”读作各级教育行政部门（督导主体），数据中可判的一级是县（市）区；专项督导与随机检查未给频次，"
            "由人工确认已纳入指标体系并开展。市级一半未单列。",
)

SCHOOL_PLAN = Requirement(
    id="fuzhou.6-2.school-plan",
    city=CITY,
    clause="六、2",
    quote="将心理健康教育工作纳入学校建设整体规划",
    title="将心理健康教育工作纳入学校建设整体规划",
    topic="attest.school_plan",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="承接上句“各级要”，为保障措施中的陈述句，读作强制性要求；“学校建设整体规划”是各校自己的规划，"
            "故按校由人工确认已纳入。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [SUPERVISION, SCHOOL_PLAN]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("六、2", "纳入文明校园、平安校园考评，纳入校长（教师）绩效考核，纳入领导班子和领导干部目标管理，引入问责追责机制",
               "考评、考核与问责由上级部门和组织人事部门实施，数据中无其记录；督导与纳入学校规划已作确认项"),
]
