"""五、1 加强师资队伍建设 —— 突出抓好队伍专业化发展

《福州市学校心理健康教育行动计划》五、主要任务 1.加强师资队伍建设：

“市、县（市）区、高校每年分别举办中小学班主任（年段长）、高校辅导员骨干提高培训，时间不少于8课时。”

Spec: features/fuzhou/五、1_队伍专业化发展.feature
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from mhpolicy.core.model.entities import Event, EventKind, InstitutionKind, StaffMember, StaffRole
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import codes, events_in, staff_with_role
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import HEAD_TEACHER_KINDS, UNIVERSITY, param

BACKBONE_QUOTE = "市、县（市）区、高校每年分别举办中小学班主任（年段长）、高校辅导员骨干提高培训，时间不少于8课时"
BACKBONE_HOURS = param(
    "fuzhou.training.backbone_hours", "骨干提高培训每年时长", "课时", 8, "五、1", "时间不少于8课时",
)


def _backbone(events_of: Callable[[Subject], list[Event]]) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        events = events_of(subject)
        if not events:
            return MissingData(("events",), "未报送任何活动记录")
        held = events_in(events, ctx.period(PeriodKind.CALENDAR_YEAR), EventKind.BACKBONE_TRAINING)
        return Measure(
            observed=sum(e.hours for e in held),
            required=ctx.param(BACKBONE_HOURS.id),
            inputs={"骨干提高培训场次": len(held)},
        )

    return measure


_BACKBONE_READING = (
    "“分别举办”读作市、县（市）区、高校各自每个自然年举办：市、县区举办中小学班主任（年段长）骨干提高培训，"
    "高校举办辅导员骨干提高培训；“时间不少于8课时”按当年所办骨干提高培训课时合计（分次举办的累加）。"
)

BACKBONE_CITY = Requirement(
    id="fuzhou.5-1.city-backbone-training",
    city=CITY,
    clause="五、1",
    quote=BACKBONE_QUOTE,
    title="市级每年举办中小学班主任骨干提高培训不少于8课时",
    topic="training.head_teacher_hours",
    subject=SubjectKind.CITY,
    applies_to=AppliesTo(text="市教育行政部门"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_backbone(lambda s: s.city.events),
    observed_label="骨干提高培训课时",
    unit="课时",
    gap_text="骨干提高培训差{gap}课时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(BACKBONE_HOURS.id,),
    reading=_BACKBONE_READING,
)

BACKBONE_DISTRICT = Requirement(
    id="fuzhou.5-1.district-backbone-training",
    city=CITY,
    clause="五、1",
    quote=BACKBONE_QUOTE,
    title="县（市）区每年举办中小学班主任骨干提高培训不少于8课时",
    topic="training.head_teacher_hours",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_backbone(lambda s: s.district.events),
    observed_label="骨干提高培训课时",
    unit="课时",
    gap_text="骨干提高培训差{gap}课时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(BACKBONE_HOURS.id,),
    reading=_BACKBONE_READING,
)

BACKBONE_UNIVERSITY = Requirement(
    id="fuzhou.5-1.university-backbone-training",
    city=CITY,
    clause="五、1",
    quote=BACKBONE_QUOTE,
    title="高校每年举办辅导员骨干提高培训不少于8课时",
    topic="training.head_teacher_hours",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_backbone(lambda s: s.institution.events),
    observed_label="骨干提高培训课时",
    unit="课时",
    gap_text="骨干提高培训差{gap}课时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(BACKBONE_HOURS.id,),
    reading=_BACKBONE_READING,
)

# “班主任、辅导员每学期应开展不少于1次的主题心理班会或心理教育活动，同时要落实家访工作，推进家庭教育，
#   注重在教育管理中渗透心理健康教育内容……”
THEMED_QUOTE = "班主任、辅导员每学期应开展不少于1次的主题心理班会或心理教育活动"
THEMED_MIN = param(
    "fuzhou.curriculum.themed_meetings_per_semester", "每人每学期主题心理班会或心理教育活动次数", "次", 1, "五、1",
    THEMED_QUOTE,
)


def _themed(role: StaffRole) -> Callable[[Subject, Context], MeasureResult]:
    who = role.label  # 班主任 / 辅导员: the vocabulary's word for the role

    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        inst = subject.institution
        people: list[StaffMember] = staff_with_role(inst.staff, role)
        if not people:
            return MissingData((f"staff[role={role.value}]",), f"未报送{who}名单")
        if not inst.events:
            return MissingData(("events",), "未报送任何活动记录")
        period = ctx.period(PeriodKind.SEMESTER)
        held = Counter(e.held_by for e in events_in(inst.events, period, EventKind.THEMED_CLASS_MEETING,
                                                    EventKind.THEMED_ACTIVITY))
        need = ctx.param(THEMED_MIN.id)
        short = [p.id for p in people if held[p.id] < need]
        return Measure(
            observed=len(people) - len(short),
            required=len(people),
            inputs={f"{who}数": len(people), "未开展": codes(short)},
        )

    return measure


THEMED_HEAD_TEACHERS = Requirement(
    id="fuzhou.5-1.head-teacher-themed-meeting",
    city=CITY,
    clause="五、1",
    quote=THEMED_QUOTE,
    title="班主任每学期至少开展1次主题心理班会或心理教育活动",
    topic="curriculum.themed_class_meeting",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、中小学（含中职）、特殊教育学校",
                         kinds=HEAD_TEACHER_KINDS | {InstitutionKind.KINDERGARTEN}),
    modality=Modality.MANDATORY,
    modal_word="应",
    measure=_themed(StaffRole.HEAD_TEACHER),
    observed_label="本学期已开展的班主任人数",
    unit="名",
    gap_text="{gap}名班主任本学期未开展主题心理班会或心理教育活动",
    period=PeriodKind.SEMESTER,
    parameters=(THEMED_MIN.id,),
    reading="按人计：每名班主任（年段长）本人（held_by）每学期至少1次主题心理班会或心理教育活动；"
            "幼儿园也适用：文本给了“或心理教育活动”这一选项，幼儿园不开班会，班主任以心理教育活动即可满足，"
            "故不以“没有班会”为由排除幼儿园。未报送班主任名单或任何活动记录为缺数据。",
)

THEMED_COUNSELORS = Requirement(
    id="fuzhou.5-1.counselor-themed-meeting",
    city=CITY,
    clause="五、1",
    quote=THEMED_QUOTE,
    title="辅导员每学期至少开展1次主题心理班会或心理教育活动",
    topic="curriculum.themed_class_meeting",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY,
    modal_word="应",
    measure=_themed(StaffRole.COUNSELOR),
    observed_label="本学期已开展的辅导员人数",
    unit="名",
    gap_text="{gap}名辅导员本学期未开展主题心理班会或心理教育活动",
    period=PeriodKind.SEMESTER,
    parameters=(THEMED_MIN.id,),
    reading="按人计：每名高校辅导员本人每学期至少1次主题心理班会或心理教育活动。",
)

HOME_VISITS = Requirement(
    id="fuzhou.5-1.home-visits",
    city=CITY,
    clause="五、1",
    quote="同时要落实家访工作，推进家庭教育，注重在教育管理中渗透心理健康教育内容",
    title="班主任、辅导员落实家访工作，推进家庭教育",
    topic="attest.home_visits",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=HEAD_TEACHER_KINDS | UNIVERSITY),
    modality=Modality.MANDATORY,
    modal_word="要",
    kind=RequirementKind.ATTESTATION,
    reading="文本未定家访比例或次数，数据中的家访户数无可比的阈值，由人工确认是否落实。",
)

PARAMETERS: list[Parameter] = [BACKBONE_HOURS, THEMED_MIN]
REQUIREMENTS: list[Requirement] = [BACKBONE_CITY, BACKBONE_DISTRICT, BACKBONE_UNIVERSITY, THEMED_HEAD_TEACHERS, THEMED_COUNSELORS, HOME_VISITS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、1", "班主任、辅导员、专职教师为直接责任人；注重渗透、与文化艺术等有机结合",
               "责任归属与工作方法的表述，无可判定的义务"),
]
