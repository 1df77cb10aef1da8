"""四、教育内容

《福州市学校心理健康教育行动计划》四、教育内容（各项要求引文见下方注释）。

Spec: features/fuzhou/四_教育内容.feature
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

# “学校及心理教师、班主任、辅导员应积极配合心理（精神）卫生机构做好这些学生的心理康复工作。”
REHABILITATION = Requirement(
    id="fuzhou.4.rehabilitation-cooperation",
    city=CITY,
    clause="四",
    quote="学校及心理教师、班主任、辅导员应积极配合心理（精神）卫生机构做好这些学生的心理康复工作",
    title="配合卫生机构做好补救性教育学生的心理康复",
    topic="attest.rehabilitation_cooperation",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="应",
    kind=RequirementKind.ATTESTATION,
)

# “各地各校要制定学段心理健康教育规划或行动计划，具体设置教育目标、内容、形式、途径、方法。”
STAGE_PLAN = Requirement(
    id="fuzhou.4.stage-plan",
    city=CITY,
    clause="四",
    quote="各地各校要制定学段心理健康教育规划或行动计划，具体设置教育目标、内容、形式、途径、方法",
    title="制定学段心理健康教育规划或行动计划",
    topic="attest.stage_plan",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="要",
    kind=RequirementKind.ATTESTATION,
    reading="“各地各校”分两半：此条对学校确认；“各地”（县区）一半见 fuzhou.4.district-stage-plan。",
)

DISTRICT_STAGE_PLAN = Requirement(
    id="fuzhou.4.district-stage-plan",
    city=CITY,
    clause="四",
    quote="各地各校要制定学段心理健康教育规划或行动计划，具体设置教育目标、内容、形式、途径、方法",
    title="县（市）区制定学段心理健康教育规划或行动计划",
    topic="attest.stage_plan",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="要",
    kind=RequirementKind.ATTESTATION,
    reading="“各地”读作各县（市）区（教育行政部门），与“各校”各自制定；规划内容（目标、内容、形式、途径、方法）无数据可判，"
            "由人工确认县区是否制定。",
)

# “……应注重引导学生心理、人格积极健康发展……；实施“倾听一刻钟”行动，鼓励学生每天至少与家人或同学有效沟通交流15分钟。”
LISTENING = Requirement(
    id="fuzhou.4.listening-quarter",
    city=CITY,
    clause="四",
    quote="实施“倾听一刻钟”行动",
    title="实施“倾听一刻钟”行动",
    topic="attest.listening_quarter",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="“实施……行动”是对学校的直接指令（与同句“心理健康教育要……应注重……”并列），读作强制性要求，由人工确认学校是否实施；"
            "“鼓励”只管后半句学生每天沟通15分钟，那一半是对学生的倡导，无数据可计，不设参数、不作不符合（见不建模条款）。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [REHABILITATION, STAGE_PLAN, DISTRICT_STAGE_PLAN, LISTENING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四", "教育内容（发展性教育、补救性教育各学段侧重内容，课程形式，朋辈教育）",
               "教学内容与方法的描述，数据模型不记录课程内容；“倾听一刻钟”、学段规划（学校与县区）、配合康复已作确认项"),
    ClauseNote("四", "鼓励学生每天至少与家人或同学有效沟通交流15分钟",
               "“鼓励”对学生个人的倡导，不是学校的义务；学生每天沟通时长不采集（学校实施该行动已作强制确认项）"),
]
