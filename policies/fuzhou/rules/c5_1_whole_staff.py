"""五、1 加强师资队伍建设 —— 实施全员育心计划

《福州市学校心理健康教育行动计划》五、主要任务 1.加强师资队伍建设：

“福州教育研究院、各县（市）区教师进修校要将心理健康教育纳入教师培训计划。”

Spec: features/fuzhou/五、1_实施全员育心计划.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import EventKind
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import SCHOOL_KINDS, event_count, param

TEACHER_TRAINING_PLAN = Requirement(
    id="fuzhou.5-1.teacher-training-plan",
    city=CITY,
    clause="五、1",
    quote="福州教育研究院、各县（市）区教师进修校要将心理健康教育纳入教师培训计划",
    title="县（市）区教师进修校将心理健康教育纳入教师培训计划",
    topic="attest.teacher_training_plan",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区（教师进修校）"),
    modality=Modality.MANDATORY,
    modal_word="要",
    kind=RequirementKind.ATTESTATION,
    reading="对县区（其教师进修校）确认；福州教育研究院一半为市级机构，未单列。",
)

# “学校每学年召开一次心理工作联席会，分析研究部署工作，其中教职工全员培训教育活动不少于2课时。”
JOINT_QUOTE = "学校每学年召开一次心理工作联席会，分析研究部署工作，其中教职工全员培训教育活动不少于2课时"
JOINT_MIN = param(
    "fuzhou.governance.joint_meetings_per_school_year", "每学年心理工作联席会次数", "次", 1, "五、1",
    "学校每学年召开一次心理工作联席会",
)
ALL_STAFF_HOURS = param(
    "fuzhou.training.all_staff_hours_per_school_year", "每学年教职工全员培训教育活动课时", "课时", 2, "五、1",
    "其中教职工全员培训教育活动不少于2课时",
)
CADRE_MIN = param(
    "fuzhou.training.cadre_trainings_per_year", "每年干部业务培训（或以会代训）次数", "次", 1, "五、1",
    "各地各校每年要组织德育、团队、学工、安全等干部进行业务培训或以会代训",
    note="“每年要组织”：每年至少1次。",
)


JOINT_MEETING = Requirement(
    id="fuzhou.5-1.joint-meeting",
    city=CITY,
    clause="五、1",
    quote=JOINT_QUOTE,
    title="学校每学年召开一次心理工作联席会",
    topic="governance.joint_meeting",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=event_count(EventKind.JOINT_MEETING, PeriodKind.SCHOOL_YEAR, JOINT_MIN.id),
    observed_label="本学年心理工作联席会次数",
    unit="次",
    gap_text="本学年缺{gap}次心理工作联席会",
    period=PeriodKind.SCHOOL_YEAR,
    parameters=(JOINT_MIN.id,),
    reading="“每学年召开一次”为“主要任务”中的陈述句，读作强制性要求，且读作至少一次（多开不违反）。",
)

ALL_STAFF_TRAINING = Requirement(
    id="fuzhou.5-1.all-staff-training",
    city=CITY,
    clause="五、1",
    quote=JOINT_QUOTE,
    title="教职工全员培训教育活动每学年不少于2课时",
    topic="training.all_staff",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=event_count(EventKind.ALL_STAFF_TRAINING, PeriodKind.SCHOOL_YEAR, ALL_STAFF_HOURS.id, hours=True),
    observed_label="本学年教职工全员培训课时",
    unit="课时",
    gap_text="教职工全员培训差{gap}课时",
    period=PeriodKind.SCHOOL_YEAR,
    parameters=(ALL_STAFF_HOURS.id,),
    reading="“其中”读作每学年的全员培训教育活动合计不少于2课时，不限于联席会当场举行。",
)

# “各地各校每年要组织德育、团队、学工、安全等干部进行业务培训或以会代训，帮助干部教职工了解掌握
#   心理咨询辅导和危机干预的基本常识和技能。”
CADRE_TRAINING = Requirement(
    id="fuzhou.5-1.cadre-training",
    city=CITY,
    clause="五、1",
    quote="各地各校每年要组织德育、团队、学工、安全等干部进行业务培训或以会代训",
    title="学校每年组织德育、团队、学工、安全等干部业务培训或以会代训",
    topic="training.other_teachers",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="要",
    measure=event_count(EventKind.CADRE_TRAINING, PeriodKind.CALENDAR_YEAR, CADRE_MIN.id),
    observed_label="本年度干部业务培训次数",
    unit="次",
    gap_text="本年度缺{gap}次干部业务培训",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(CADRE_MIN.id,),
    reading="“每年要组织”读作每个自然年至少1次；以会代训记作干部业务培训。“各地”（县区）一半见 fuzhou.5-1.district-cadre-training。",
)


DISTRICT_CADRE_TRAINING = Requirement(
    id="fuzhou.5-1.district-cadre-training",
    city=CITY,
    clause="五、1",
    quote="各地各校每年要组织德育、团队、学工、安全等干部进行业务培训或以会代训",
    title="县（市）区每年组织德育、团队、学工、安全等干部业务培训或以会代训",
    topic="training.other_teachers",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="要",
    measure=event_count(EventKind.CADRE_TRAINING, PeriodKind.CALENDAR_YEAR, CADRE_MIN.id),
    observed_label="本年度县区组织的干部业务培训次数",
    unit="次",
    gap_text="本年度缺{gap}次干部业务培训",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(CADRE_MIN.id,),
    reading="“各地”读作各县（市）区（教育行政部门），与“各校”各自组织：按县区自己的活动记录中的干部业务培训计，"
            "每个自然年至少1次；学校自办的不计入县区。县区未报送任何活动记录为缺数据。",
)

# “全体学科教师应发挥教师人格魅力和课程育人的作用，建立民主、平等、相互尊重的师生关系，
#   做到学科知识传播与心理品质培养有机融合。”
SUBJECT_TEACHERS = Requirement(
    id="fuzhou.5-1.subject-teachers",
    city=CITY,
    clause="五、1",
    quote="全体学科教师应发挥教师人格魅力和课程育人的作用，建立民主、平等、相互尊重的师生关系，做到学科知识传播与心理品质培养有机融合",
    title="学科教师课程育人、学科知识传播与心理品质培养有机融合",
    topic="attest.subject_teachers",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY,
    modal_word="应",
    kind=RequirementKind.ATTESTATION,
)

PARAMETERS: list[Parameter] = [JOINT_MIN, ALL_STAFF_HOURS, CADRE_MIN]
REQUIREMENTS: list[Requirement] = [TEACHER_TRAINING_PLAN, JOINT_MEETING, ALL_STAFF_TRAINING, CADRE_TRAINING,
                                   DISTRICT_CADRE_TRAINING, SUBJECT_TEACHERS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、1", "福州教育研究院将心理健康教育纳入教师培训计划", "市级机构，数据中无其记录；县区教师进修校部分已作确认项"),
]
