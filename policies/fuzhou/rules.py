"""Requirements of 福州市学校心理健康教育行动计划, each under the clause it implements.

Order follows the document: 三 基本原则, 四 教育内容, 五、1 师资队伍, 五、3 场所建设,
五、4 危机干预, 五、5 家校社网协同. Thresholds are dated `Parameter`s keyed by `EFFECTIVE`
(the text is undated) unless the text dates them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from mhpolicy.core.context import Context, Subject
from mhpolicy.core.model import (
    K12_KINDS,
    Event,
    EventKind,
    Institution,
    InstitutionKind,
    RoomFunction,
    ScreeningKind,
    StaffMember,
    StaffRole,
    TrainingKind,
)
from mhpolicy.core.parameters import Parameter, ParameterNotInForce
from mhpolicy.core.periods import PeriodKind
from mhpolicy.core.queries import (
    ceil_div,
    codes,
    events_in,
    per_person_training,
    psych_teachers,
    reported_yes,
    staff_with_role,
)
from mhpolicy.core.requirement import (
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

from .document import CITY, EFFECTIVE

DOC = "福州市学校心理健康教育行动计划"

STAFFING_DUE = date(2023, 12, 31)  # “至2023年年底”
# “2021年前”: read as before 1 January 2021, i.e. established on or before 31 December 2020.
REFERRAL_DUE = date(2020, 12, 31)

ALL_KINDS = frozenset(InstitutionKind)
SCHOOL_KINDS = ALL_KINDS - {InstitutionKind.KINDERGARTEN}  # 学生 (not 幼儿) are screened
PRE_TERTIARY_KINDS = ALL_KINDS - {InstitutionKind.UNIVERSITY}  # schools with 家长会 / 家长学校
HEAD_TEACHER_KINDS = K12_KINDS | {InstitutionKind.SPECIAL_EDUCATION}  # 班主任 holding 主题班会
UNIVERSITY = frozenset({InstitutionKind.UNIVERSITY})
VOCATIONAL_KINDS = frozenset({InstitutionKind.SECONDARY_VOCATIONAL, InstitutionKind.TECHNICAL})

FUNCTION_LABELS = {
    RoomFunction.OFFICE: "教师办公",
    RoomFunction.ARCHIVES: "档案管理",
    RoomFunction.INDIVIDUAL: "个体咨询",
    RoomFunction.GROUP: "团体辅导",
    RoomFunction.ASSESSMENT: "心理测评",
    RoomFunction.RELAXATION: "宣泄放松",
}


def _param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    return Parameter(id=pid, label=label, unit=unit, values={EFFECTIVE: value}, clause=clause, quote=quote, note=note)


def _no_staff(inst: Institution) -> MissingData | None:
    """An institution that reported no staff at all has not reported: never counted as zero."""
    return MissingData(("staff",), "未报送教职工名单") if not inst.staff else None


# =======================================================================================
# 三、基本原则
# “科学性与实效性相结合。……把解决思想问题、实际问题与心理问题结合起来，把育德与育心统一起来。”
# =======================================================================================
MORAL_AND_MIND = Requirement(
    id="fuzhou.3.moral-and-mind",
    city=CITY,
    clause="三",
    quote="把解决思想问题、实际问题与心理问题结合起来，把育德与育心统一起来",
    title="育德与育心统一",
    topic="attest.moral_and_mind",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="基本原则以陈述句表述，读作对学校的强制性要求，由人工确认。",
)

# =======================================================================================
# 四、教育内容
# =======================================================================================
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
    reading="“各地”一半（县区制定规划）未单列；此处只对学校确认。",
)

# “实施“倾听一刻钟”行动，鼓励学生每天至少与家人或同学有效沟通交流15分钟。”
LISTENING = Requirement(
    id="fuzhou.4.listening-quarter",
    city=CITY,
    clause="四",
    quote="实施“倾听一刻钟”行动，鼓励学生每天至少与家人或同学有效沟通交流15分钟",
    title="实施“倾听一刻钟”行动",
    topic="attest.listening_quarter",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.ADVICE,
    modal_word="鼓励",
    kind=RequirementKind.ATTESTATION,
    reading="学生每天沟通的时长无数据可计，15分钟不设参数；“鼓励”为倡导性要求，学校确认是否实施该行动，未实施为提示。",
)

# =======================================================================================
# 五、1 加强师资队伍建设 — 配齐配强心理教师
# “至2023年年底，在核定的教师编制总量内，高校按不低于1：4000的师生比配齐配强专职心理教师，
#   每校至少配备2名；中小学按不低于1：1000的师生比配齐配强专职心理教师；学生数不足1000的
#   中小学、幼儿园至少配备1名有资质的兼职心理教师。”
# =======================================================================================
STAFFING_QUOTE = (
    "至2023年年底，在核定的教师编制总量内，高校按不低于1：4000的师生比配齐配强专职心理教师，每校至少配备2名；"
    "中小学按不低于1：1000的师生比配齐配强专职心理教师"
)

UNI_RATIO = _param(
    "fuzhou.staffing.university_students_per_full_time", "高校专职心理教师师生比", "名学生/名专职心理教师", 4000,
    "五、1", "高校按不低于1：4000的师生比配齐配强专职心理教师",
)
UNI_MIN = _param(
    "fuzhou.staffing.university_min_full_time", "高校专职心理教师最少人数", "名", 2, "五、1", "每校至少配备2名",
)
K12_RATIO = Parameter(
    id="fuzhou.staffing.k12_students_per_full_time",
    label="中小学专职心理教师师生比",
    unit="名学生/名专职心理教师",
    values={EFFECTIVE: 1000},
    clause="五、1",
    quote="中小学按不低于1：1000的师生比配齐配强专职心理教师",
)
SMALL_SCHOOL = _param(
    "fuzhou.staffing.small_school_students", "“学生数不足”的界限", "名学生", 1000, "五、1",
    "学生数不足1000的中小学、幼儿园至少配备1名有资质的兼职心理教师",
)
SMALL_PART_TIME = _param(
    "fuzhou.staffing.small_school_min_qualified", "小规模中小学、幼儿园有资质心理教师最少人数", "名", 1, "五、1",
    "学生数不足1000的中小学、幼儿园至少配备1名有资质的兼职心理教师",
)


def _small_limit(c: Context) -> float | None:
    """The 1000-student line, or None before it is in force (the measure then reports 参数尚未生效)."""
    try:
        return c.param(SMALL_SCHOOL.id)
    except ParameterNotInForce:
        return None


def _k12_large(s: Subject, c: Context) -> bool:
    students, limit = s.institution.students, _small_limit(c)
    return students is None or limit is None or students >= limit


def _small_or_kindergarten(s: Subject, c: Context) -> bool:
    inst, limit = s.institution, _small_limit(c)
    if inst.kind is InstitutionKind.KINDERGARTEN or limit is None:
        return True
    return inst.students is not None and inst.students < limit


def _full_time_ratio(param_id: str) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        inst = subject.institution
        if inst.students is None:
            return MissingData(("enrollment",))
        if missing := _no_staff(inst):
            return missing
        return Measure(
            observed=len(psych_teachers(inst.staff, full_time=True)),
            required=ceil_div(inst.students, ctx.param(param_id)),
            inputs={"学生数": inst.students},
        )

    return measure


def _uni_minimum(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if missing := _no_staff(inst):
        return missing
    return Measure(observed=len(psych_teachers(inst.staff, full_time=True)), required=ctx.param(UNI_MIN.id))


def _qualified_any(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if missing := _no_staff(inst):
        return missing
    teachers = psych_teachers(inst.staff)
    qualified = [t for t in teachers if t.qualified]
    return Measure(
        observed=len(qualified),
        required=ctx.param(SMALL_PART_TIME.id),
        inputs={"学生数": inst.students if inst.students is not None else "未报送", "心理教师数": len(teachers),
                "其中有资质": codes([t.id for t in qualified])},
    )


STAFFING_UNI_RATIO = Requirement(
    id="fuzhou.5-1.university-full-time-ratio",
    city=CITY,
    clause="五、1",
    quote=STAFFING_QUOTE,
    title="高校专职心理教师按1:4000配齐",
    topic="staffing.university_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY,
    modal_word="不低于",
    measure=_full_time_ratio(UNI_RATIO.id),
    observed_label="专职心理教师人数",
    unit="名",
    gap_text="缺{gap}名专职心理教师",
    due=STAFFING_DUE,
    parameters=(UNI_RATIO.id,),
    reading="师生比向上取整：学生数÷4000有余数即多需1名（“不低于”）。",
)

STAFFING_UNI_MIN = Requirement(
    id="fuzhou.5-1.university-full-time-minimum",
    city=CITY,
    clause="五、1",
    quote=STAFFING_QUOTE,
    title="高校每校至少配备2名专职心理教师",
    topic="staffing.university_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=_uni_minimum,
    observed_label="专职心理教师人数",
    unit="名",
    gap_text="缺{gap}名专职心理教师",
    due=STAFFING_DUE,
    parameters=(UNI_MIN.id,),
    reading="“每校至少配备2名”承接高校师生比一句，读作高校专职心理教师的下限，与1:4000同时适用。",
)

STAFFING_K12 = Requirement(
    id="fuzhou.5-1.k12-full-time-ratio",
    city=CITY,
    clause="五、1",
    quote=STAFFING_QUOTE,
    title="中小学专职心理教师按1:1000配齐",
    topic="staffing.psych_teacher_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（学生数≥1000）", kinds=K12_KINDS, where=_k12_large),
    modality=Modality.MANDATORY,
    modal_word="不低于",
    measure=_full_time_ratio(K12_RATIO.id),
    op=">=",
    observed_label="专职心理教师人数",
    unit="名",
    gap_text="缺{gap}名专职心理教师",
    due=STAFFING_DUE,
    parameters=(K12_RATIO.id, SMALL_SCHOOL.id),
    reading="1:1000只对学生数≥1000的中小学（含中职）适用：不足1000名的中小学归入“至少配备1名有资质的兼职心理教师”一款；"
            "师生比向上取整。未报送学生数的中小学在此条记为缺数据。",
)

STAFFING_SMALL = Requirement(
    id="fuzhou.5-1.small-school-qualified-part-time",
    city=CITY,
    clause="五、1",
    quote="学生数不足1000的中小学、幼儿园至少配备1名有资质的兼职心理教师",
    title="不足1000人的中小学、幼儿园至少配备1名有资质的兼职心理教师",
    topic="staffing.small_school_part_time",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="学生数不足1000的中小学、幼儿园", kinds=K12_KINDS | {InstitutionKind.KINDERGARTEN},
                         where=_small_or_kindergarten),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=_qualified_any,
    observed_label="有资质的心理教师人数",
    unit="名",
    gap_text="缺{gap}名有资质的兼职心理教师",
    due=STAFFING_DUE,
    parameters=(SMALL_PART_TIME.id, SMALL_SCHOOL.id),
    reading="有资质的专职心理教师举重以明轻地满足“至少配备1名有资质的兼职”；无资质的心理教师（专职或兼职）不计。"
            "幼儿园不论规模均适用。",
)

# ---------------------------------------------------------------------------------------
# 五、1 “每年组织专兼职心理教师接触病（案）例实操训练不少于2小时，接受专业督导分别不少于8小时、4小时。”
# ---------------------------------------------------------------------------------------
CASE_HOURS = _param(
    "fuzhou.training.case_practice_hours", "每年接触病（案）例实操训练时长", "小时", 2, "五、1",
    "每年组织专兼职心理教师接触病（案）例实操训练不少于2小时",
)
SUPERVISION_FULL = _param(
    "fuzhou.training.supervision_full_time_hours", "专职心理教师每年专业督导时长", "小时", 8, "五、1",
    "接受专业督导分别不少于8小时、4小时",
)
SUPERVISION_PART = _param(
    "fuzhou.training.supervision_part_time_hours", "兼职心理教师每年专业督导时长", "小时", 4, "五、1",
    "接受专业督导分别不少于8小时、4小时",
)
TRAINING_QUOTE = "每年组织专兼职心理教师接触病（案）例实操训练不少于2小时，接受专业督导分别不少于8小时、4小时"


def _per_person(full_time: bool | None, kind: TrainingKind, param_id: str, who: str
                ) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        staff = subject.institution.staff
        return per_person_training(staff, psych_teachers(staff, full_time=full_time),
                                   ctx.period(PeriodKind.CALENDAR_YEAR), ctx.param(param_id),
                                   who=who, unit="小时", kinds=[kind])

    return measure


CASE_PRACTICE = Requirement(
    id="fuzhou.5-1.case-practice-hours",
    city=CITY,
    clause="五、1",
    quote=TRAINING_QUOTE,
    title="专兼职心理教师每年接触病（案）例实操训练不少于2小时",
    topic="training.case_practice",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="配有心理教师的各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_per_person(None, TrainingKind.CASE_PRACTICE, CASE_HOURS.id, "心理教师"),
    observed_label="心理教师实操训练时长最少者",
    unit="小时",
    gap_text="实操训练时长差{gap}小时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(CASE_HOURS.id,),
    reading="“每年组织……不少于2小时”读作每名专兼职心理教师每个自然年的时长；按人计，取最少者与要求比较。"
            "无心理教师为不适用；有心理教师但无任何培训记录为缺数据。",
)

SUPERVISION_FULL_TIME = Requirement(
    id="fuzhou.5-1.supervision-full-time-hours",
    city=CITY,
    clause="五、1",
    quote=TRAINING_QUOTE,
    title="专职心理教师每年接受专业督导不少于8小时",
    topic="training.supervision",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="配有专职心理教师的各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_per_person(True, TrainingKind.SUPERVISION, SUPERVISION_FULL.id, "专职心理教师"),
    observed_label="专职心理教师督导时长最少者",
    unit="小时",
    gap_text="专业督导时长差{gap}小时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(SUPERVISION_FULL.id,),
    reading="“分别不少于8小时、4小时”按“专兼职”的次序读：专职8小时、兼职4小时，按人按自然年计。",
)

SUPERVISION_PART_TIME = Requirement(
    id="fuzhou.5-1.supervision-part-time-hours",
    city=CITY,
    clause="五、1",
    quote=TRAINING_QUOTE,
    title="兼职心理教师每年接受专业督导不少于4小时",
    topic="training.supervision",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="配有兼职心理教师的各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_per_person(False, TrainingKind.SUPERVISION, SUPERVISION_PART.id, "兼职心理教师"),
    observed_label="兼职心理教师督导时长最少者",
    unit="小时",
    gap_text="专业督导时长差{gap}小时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(SUPERVISION_PART.id,),
    reading="“分别不少于8小时、4小时”按“专兼职”的次序读：专职8小时、兼职4小时，按人按自然年计。",
)

# ---------------------------------------------------------------------------------------
# 五、1 突出抓好队伍专业化发展
# “市、县（市）区、高校每年分别举办中小学班主任（年段长）、高校辅导员骨干提高培训，时间不少于8课时。”
# ---------------------------------------------------------------------------------------
BACKBONE_QUOTE = "市、县（市）区、高校每年分别举办中小学班主任（年段长）、高校辅导员骨干提高培训，时间不少于8课时"
BACKBONE_HOURS = _param(
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
THEMED_MIN = _param(
    "fuzhou.curriculum.themed_meetings_per_semester", "每人每学期主题心理班会或心理教育活动次数", "次", 1, "五、1",
    THEMED_QUOTE,
)


def _themed(role: StaffRole, who: str) -> Callable[[Subject, Context], MeasureResult]:
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
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校", kinds=HEAD_TEACHER_KINDS),
    modality=Modality.MANDATORY,
    modal_word="应",
    measure=_themed(StaffRole.HEAD_TEACHER, "班主任"),
    observed_label="本学期已开展的班主任人数",
    unit="名",
    gap_text="{gap}名班主任本学期未开展主题心理班会或心理教育活动",
    period=PeriodKind.SEMESTER,
    parameters=(THEMED_MIN.id,),
    reading="按人计：每名班主任（年段长）本人（held_by）每学期至少1次主题心理班会或心理教育活动；"
            "幼儿园不举行“班会”，不适用。未报送班主任名单或任何活动记录为缺数据。",
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
    measure=_themed(StaffRole.COUNSELOR, "辅导员"),
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

# ---------------------------------------------------------------------------------------
# 五、1 实施全员育心计划
# “福州教育研究院、各县（市）区教师进修校要将心理健康教育纳入教师培训计划。”
# ---------------------------------------------------------------------------------------
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
JOINT_MIN = _param(
    "fuzhou.governance.joint_meetings_per_school_year", "每学年心理工作联席会次数", "次", 1, "五、1",
    "学校每学年召开一次心理工作联席会",
)
ALL_STAFF_HOURS = _param(
    "fuzhou.training.all_staff_hours_per_school_year", "每学年教职工全员培训教育活动课时", "课时", 2, "五、1",
    "其中教职工全员培训教育活动不少于2课时",
)
CADRE_MIN = _param(
    "fuzhou.training.cadre_trainings_per_year", "每年干部业务培训（或以会代训）次数", "次", 1, "五、1",
    "各地各校每年要组织德育、团队、学工、安全等干部进行业务培训或以会代训",
    note="“每年要组织”：每年至少1次。",
)


def _event_count(kind: EventKind, period_kind: PeriodKind, param_id: str, *, hours: bool = False
                 ) -> Callable[[Subject, Context], MeasureResult]:
    """Events of `kind` an institution held in the latest completed period (count, or hours summed)."""

    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        events = subject.institution.events
        if not events:
            return MissingData(("events",), "未报送任何活动记录")
        held = events_in(events, ctx.period(period_kind), kind)
        if hours:
            return Measure(observed=sum(e.hours for e in held), required=ctx.param(param_id),
                           inputs={"场次": len(held)})
        return Measure(observed=len(held), required=ctx.param(param_id))

    return measure


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
    measure=_event_count(EventKind.JOINT_MEETING, PeriodKind.SCHOOL_YEAR, JOINT_MIN.id),
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
    measure=_event_count(EventKind.ALL_STAFF_TRAINING, PeriodKind.SCHOOL_YEAR, ALL_STAFF_HOURS.id, hours=True),
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
    measure=_event_count(EventKind.CADRE_TRAINING, PeriodKind.CALENDAR_YEAR, CADRE_MIN.id),
    observed_label="本年度干部业务培训次数",
    unit="次",
    gap_text="本年度缺{gap}次干部业务培训",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(CADRE_MIN.id,),
    reading="“每年要组织”读作每个自然年至少1次；以会代训记作干部业务培训。“各地”（县区）一半未单列。",
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

# =======================================================================================
# 五、3 提升场所建设水平
# “各级各类学校应选择相对独立、安全、静谧、便于学生进出的场所建好心理辅导室（中心）”
# =======================================================================================
def _room(subject: Subject, ctx: Context) -> MeasureResult:
    room = subject.institution.counseling_room
    built = room is not None and (room.built is None or room.built <= ctx.as_of)
    return Measure(observed=int(built), required=1, inputs={"心理辅导室": "已建" if built else "未建"})


COUNSELING_ROOM = Requirement(
    id="fuzhou.5-3.counseling-room",
    city=CITY,
    clause="五、3",
    quote="各级各类学校应选择相对独立、安全、静谧、便于学生进出的场所建好心理辅导室（中心）",
    title="建好心理辅导室（中心）",
    topic="facilities.counseling_room",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="应",
    measure=_room,
    observed_label="心理辅导室",
    unit="间",
    gap_text="未建心理辅导室（中心）",
    reading="未报送心理辅导室记为未建（不符合）；建成日期晚于评估日期的不计。选址条件（独立、安全、静谧）不由数据判定。",
)

ORDINARY_FUNCTIONS = (RoomFunction.OFFICE, RoomFunction.ARCHIVES, RoomFunction.INDIVIDUAL, RoomFunction.GROUP,
                      RoomFunction.ASSESSMENT, RoomFunction.RELAXATION)
SMALL_FUNCTIONS = (RoomFunction.OFFICE, RoomFunction.ARCHIVES, RoomFunction.ASSESSMENT, RoomFunction.INDIVIDUAL)


def _functions(wanted: tuple[RoomFunction, ...]) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        room = subject.institution.counseling_room
        have = set(room.functions) if room is not None else set()
        lacking = [FUNCTION_LABELS[f] for f in wanted if f not in have]
        return Measure(
            observed=len(wanted) - len(lacking),
            required=len(wanted),
            inputs={"缺少功能": codes(lacking)},
            note="" if room is not None else "未建心理辅导室",
        )

    return measure


ROOM_FUNCTIONS = Requirement(
    id="fuzhou.5-3.room-functions",
    city=CITY,
    clause="五、3",
    quote="普通中小学心理辅导室须具备教师办公、档案管理、个体咨询、团体辅导、心理测评、宣泄放松等功能",
    title="普通中小学心理辅导室具备六项功能",
    topic="facilities.room_functions",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="普通中小学（含中职，不含小规模学校）", kinds=K12_KINDS,
                         where=lambda s, c: not s.institution.small_scale),
    modality=Modality.MANDATORY,
    modal_word="须",
    measure=_functions(ORDINARY_FUNCTIONS),
    observed_label="具备的规定功能项数",
    unit="项",
    gap_text="心理辅导室缺{gap}项规定功能",
    reading="中职校在“普通中小学建设标准的基础上”提升，故至少须具备普通中小学的六项功能；未建辅导室按缺全部功能计。",
)

ROOM_FUNCTIONS_SMALL = Requirement(
    id="fuzhou.5-3.room-functions-small",
    city=CITY,
    clause="五、3",
    quote="小规模中小学校、幼儿园应保证心理辅导室具备教师办公、档案管理、心理测评、个体咨询等功能",
    title="小规模中小学校、幼儿园心理辅导室具备四项功能",
    topic="facilities.room_functions",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="小规模中小学校、幼儿园", kinds=K12_KINDS | {InstitutionKind.KINDERGARTEN},
                         where=lambda s, c: s.institution.kind is InstitutionKind.KINDERGARTEN
                         or s.institution.small_scale),
    modality=Modality.MANDATORY,
    modal_word="应",
    measure=_functions(SMALL_FUNCTIONS),
    observed_label="具备的规定功能项数",
    unit="项",
    gap_text="心理辅导室缺{gap}项规定功能",
    reading="“小规模”以数据中主管部门的小规模学校标记（small_scale）为准，不以学生数推断。",
)

UPGRADED_STANDARD = Requirement(
    id="fuzhou.5-3.upgraded-standard",
    city=CITY,
    clause="五、3",
    quote="中职校、中学一类校、小学中心校在普通中小学建设标准的基础上，提升建设标准，拓展场所服务功能",
    title="中职校、中学一类校、小学中心校提升辅导室建设标准",
    topic="attest.upgraded_room_standard",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(
        text="中职校、中学一类校、小学中心校",
        where=lambda s, c: s.institution.kind in VOCATIONAL_KINDS or s.institution.class1_middle
        or s.institution.central_primary,
    ),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="“提升”“拓展”未给出具体标准，由人工确认；普通中小学六项功能另由 fuzhou.5-3.room-functions 判定。",
)

PROFESSIONAL_ETHICS = Requirement(
    id="fuzhou.5-3.professional-ethics",
    city=CITY,
    clause="五、3",
    quote="开展心理辅导应恪守职业伦理规范",
    title="开展心理辅导恪守职业伦理规范",
    topic="attest.professional_ethics",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="应",
    kind=RequirementKind.ATTESTATION,
)

# =======================================================================================
# 五、4 健全危机干预体系
# “建立学生每学年心理健康普查、每学期关注人群心理筛查、重要节点心理问题零报告等制度，
#   加强早期预警工作，有效预防可能出现的心理危机事件。”
# =======================================================================================
SCREEN_QUOTE = "建立学生每学年心理健康普查、每学期关注人群心理筛查、重要节点心理问题零报告等制度"
CENSUS_MIN = _param(
    "fuzhou.screening.census_per_school_year", "每学年心理健康普查次数", "次", 1, "五、4", SCREEN_QUOTE,
    note="“每学年心理健康普查”：每学年至少1次。",
)
FOCUS_MIN = _param(
    "fuzhou.screening.focus_group_per_semester", "每学期关注人群心理筛查次数", "次", 1, "五、4", SCREEN_QUOTE,
    note="“每学期关注人群心理筛查”：每学期至少1次。",
)


def _screenings(kind: ScreeningKind, period_kind: PeriodKind, param_id: str
                ) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        screenings = subject.institution.screenings
        if not screenings:
            return MissingData(("screenings",), "未报送任何筛查记录")
        period = ctx.period(period_kind)
        done = [s for s in screenings if s.kind is kind and period.contains(s.date)]
        return Measure(observed=len(done), required=ctx.param(param_id),
                       inputs={"筛查学生数": sum(s.students_screened or 0 for s in done)})

    return measure


CENSUS = Requirement(
    id="fuzhou.5-4.census",
    city=CITY,
    clause="五、4",
    quote=SCREEN_QUOTE,
    title="每学年开展学生心理健康普查",
    topic="screening.census",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=_screenings(ScreeningKind.CENSUS, PeriodKind.SCHOOL_YEAR, CENSUS_MIN.id),
    observed_label="本学年心理健康普查次数",
    unit="次",
    gap_text="本学年未开展心理健康普查",
    period=PeriodKind.SCHOOL_YEAR,
    parameters=(CENSUS_MIN.id,),
    reading="“建立……制度”读作按制度实际开展：每学年至少1次普查。对象为“学生”，幼儿园不适用。",
)

FOCUS_GROUP = Requirement(
    id="fuzhou.5-4.focus-group-screening",
    city=CITY,
    clause="五、4",
    quote=SCREEN_QUOTE,
    title="每学期开展关注人群心理筛查",
    topic="screening.focus_group",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=_screenings(ScreeningKind.FOCUS_GROUP, PeriodKind.SEMESTER, FOCUS_MIN.id),
    observed_label="本学期关注人群心理筛查次数",
    unit="次",
    gap_text="本学期未开展关注人群心理筛查",
    period=PeriodKind.SEMESTER,
    parameters=(FOCUS_MIN.id,),
    reading="“建立……制度”读作按制度实际开展：每学期至少1次关注人群筛查。幼儿园不适用。",
)

ZERO_REPORT = Requirement(
    id="fuzhou.5-4.zero-report",
    city=CITY,
    clause="五、4",
    quote=SCREEN_QUOTE,
    title="建立重要节点心理问题零报告制度",
    topic="attest.zero_report",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="“重要节点”未在文中界定，无法从零报告记录的日期判定是否覆盖，由人工确认制度建立并执行。",
)

# “2021年前，各地各校建立对有严重心理问题、心理障碍或心理危机学生转介的“绿色通道”。”
def _referral(subject: Subject, ctx: Context) -> MeasureResult:
    established = subject.institution.referral_channel_established
    if established is not None and established > ctx.as_of:
        established = None  # not yet, on the evaluation date
    note = ""
    if established is not None and established > REFERRAL_DUE:
        note = f"已于{established.isoformat()}建立，晚于“2021年前”的期限"
    return Measure(
        observed=int(established is not None),
        required=1,
        inputs={"建立日期": established.isoformat() if established else "未建立"},
        note=note,
    )


REFERRAL = Requirement(
    id="fuzhou.5-4.referral-channel",
    city=CITY,
    clause="五、4",
    quote="2021年前，各地各校建立对有严重心理问题、心理障碍或心理危机学生转介的“绿色通道”",
    title="2021年前建立心理危机学生转介“绿色通道”",
    topic="governance.referral_channel",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=_referral,
    observed_label="按期建立转介“绿色通道”",
    unit="项",
    gap_text="未于2021年前建立转介“绿色通道”",
    due=REFERRAL_DUE,
    reading="“2021年前”读作2021年1月1日之前，即不晚于2020-12-31建立（而非2021年底前）；"
            "此后才建立的，评估日已建立即为符合（义务已履行），说明中注明晚于期限及实际日期；尚未建立的为不符合，期限后逾期。“各地”（县区）一半未单列。",
)

# “统一编写心理危机干预教材，每年分层分类组织开展心理危机预防和干预培训，提升各级干部、全体教师
#   心理危机预防和干预意识。”
CRISIS_TRAINING = Requirement(
    id="fuzhou.5-4.crisis-training",
    city=CITY,
    clause="五、4",
    quote="每年分层分类组织开展心理危机预防和干预培训，提升各级干部、全体教师心理危机预防和干预意识",
    title="县（市）区每年分层分类组织心理危机预防和干预培训",
    topic="attest.crisis_training",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="文本未写明组织主体；读作各级教育行政部门的职责，对县区确认是否“分层分类”组织。",
)

# =======================================================================================
# 五、5 家校社网协同育人一体化
# “学校应通过入户家访、校园来访、网络访谈、家长会、家长学校、家长开放日等活动，持续加强家校沟通交流，
#   育德与育心有机融合，不断提升家长心理健康教育意识和能力。每学年学校至少组织1次家长心理健康教育
#   专题辅导，每学期至少召开1次心理专题家长会。”
# =======================================================================================
PARENT_COUNSELING_MIN = _param(
    "fuzhou.family.parent_counseling_per_school_year", "每学年家长心理健康教育专题辅导次数", "次", 1, "五、5",
    "每学年学校至少组织1次家长心理健康教育专题辅导",
)
PARENT_MEETING_MIN = _param(
    "fuzhou.family.parent_meetings_per_semester", "每学期心理专题家长会次数", "次", 1, "五、5",
    "每学期至少召开1次心理专题家长会",
)

HOME_SCHOOL = Requirement(
    id="fuzhou.5-5.home-school-communication",
    city=CITY,
    clause="五、5",
    quote="学校应通过入户家访、校园来访、网络访谈、家长会、家长学校、家长开放日等活动，持续加强家校沟通交流",
    title="通过多种活动持续加强家校沟通交流",
    topic="attest.home_school_communication",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、中小学（含中职）、特殊教育学校", kinds=PRE_TERTIARY_KINDS),
    modality=Modality.MANDATORY,
    modal_word="应",
    kind=RequirementKind.ATTESTATION,
)

PARENT_COUNSELING = Requirement(
    id="fuzhou.5-5.parent-counseling",
    city=CITY,
    clause="五、5",
    quote="每学年学校至少组织1次家长心理健康教育专题辅导",
    title="每学年至少组织1次家长心理健康教育专题辅导",
    topic="family.parent_session",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、中小学（含中职）、特殊教育学校", kinds=PRE_TERTIARY_KINDS),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=_event_count(EventKind.PARENT_COUNSELING, PeriodKind.SCHOOL_YEAR, PARENT_COUNSELING_MIN.id),
    observed_label="本学年家长心理健康教育专题辅导次数",
    unit="次",
    gap_text="本学年缺{gap}次家长心理健康教育专题辅导",
    period=PeriodKind.SCHOOL_YEAR,
    parameters=(PARENT_COUNSELING_MIN.id,),
    reading="“狠抓家庭教育”一段以家长会、家长学校为载体，读作对高校以外的学校的要求。",
)

PARENT_MEETING = Requirement(
    id="fuzhou.5-5.parent-meeting",
    city=CITY,
    clause="五、5",
    quote="每学期至少召开1次心理专题家长会",
    title="每学期至少召开1次心理专题家长会",
    topic="family.parent_meeting",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、中小学（含中职）、特殊教育学校", kinds=PRE_TERTIARY_KINDS),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=_event_count(EventKind.PARENT_MEETING, PeriodKind.SEMESTER, PARENT_MEETING_MIN.id),
    observed_label="本学期心理专题家长会次数",
    unit="次",
    gap_text="本学期缺{gap}次心理专题家长会",
    period=PeriodKind.SEMESTER,
    parameters=(PARENT_MEETING_MIN.id,),
    reading="读作对高校以外的学校的要求（同上）。",
)


# “实现“一生一档e心健”。支持建立全市中小学生心理成长档案及心理大数据分析管理与服务平台……”
ARCHIVES = Requirement(
    id="fuzhou.5-5.archives",
    city=CITY,
    clause="五、5",
    quote="支持建立全市中小学生心理成长档案及心理大数据分析管理与服务平台",
    title="建立中小学生心理成长档案（一生一档）",
    topic="archives.kept",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）", kinds=K12_KINDS),
    modality=Modality.ADVICE,
    modal_word="支持",
    measure=lambda s, c: reported_yes(s.institution.archives_kept, "archives_kept"),
    observed_label="已建立心理成长档案",
    unit="项",
    gap_text="未建立学生心理成长档案",
    reading="“支持”为倡导性表述：学校未建档为提示，非不符合。全市平台建设为市级事项，未单列。",
)

PARAMETERS = [
    UNI_RATIO, UNI_MIN, K12_RATIO, SMALL_SCHOOL, SMALL_PART_TIME, CASE_HOURS, SUPERVISION_FULL,
    SUPERVISION_PART, BACKBONE_HOURS, THEMED_MIN, JOINT_MIN, ALL_STAFF_HOURS, CADRE_MIN, CENSUS_MIN, FOCUS_MIN,
    PARENT_COUNSELING_MIN, PARENT_MEETING_MIN,
]

REQUIREMENTS = [
    # 三、四
    MORAL_AND_MIND, REHABILITATION, STAGE_PLAN, LISTENING,
    # 五、1
    STAFFING_UNI_RATIO, STAFFING_UNI_MIN, STAFFING_K12, STAFFING_SMALL, CASE_PRACTICE, SUPERVISION_FULL_TIME,
    SUPERVISION_PART_TIME, BACKBONE_CITY, BACKBONE_DISTRICT, BACKBONE_UNIVERSITY, THEMED_HEAD_TEACHERS,
    THEMED_COUNSELORS, HOME_VISITS, TEACHER_TRAINING_PLAN, JOINT_MEETING, ALL_STAFF_TRAINING, CADRE_TRAINING,
    SUBJECT_TEACHERS,
    # 五、3
    COUNSELING_ROOM, ROOM_FUNCTIONS, ROOM_FUNCTIONS_SMALL, UPGRADED_STANDARD, PROFESSIONAL_ETHICS,
    # 五、4
    CENSUS, FOCUS_GROUP, ZERO_REPORT, REFERRAL, CRISIS_TRAINING,
    # 五、5
    HOME_SCHOOL, PARENT_COUNSELING, PARENT_MEETING, ARCHIVES,
]

UNMODELLED = [
    ClauseNote("一", "指导思想", "方向性表述，无可由数据判定的义务"),
    ClauseNote("二", "发展目标", "目标性表述（“四位一体”格局、意识增强等），无可计量的指标"),
    ClauseNote("三", "基本原则（育德与育心以外各项）", "原则性表述；其中“把育德与育心统一起来”已作人工确认项"),
    ClauseNote("四", "教育内容（发展性教育、补救性教育各学段侧重内容，课程形式，朋辈教育）",
               "教学内容与方法的描述，数据模型不记录课程内容；“倾听一刻钟”、学段规划、配合康复已作确认项"),
    ClauseNote("五、1", "心理教师全员培训、梯级培养、岗位大练兵、技能竞赛、送教送培等活动",
               "未给出次数或学时，无可判定的阈值"),
    ClauseNote("五、1", "专兼职心理教师待遇（享受班主任同等待遇、绩效工资统筹）",
               "数据模型不含薪酬与待遇数据；“兼职……可从……统筹”为授权性表述"),
    ClauseNote("五、1", "班主任、辅导员、专职教师为直接责任人；注重渗透、与文化艺术等有机结合",
               "责任归属与工作方法的表述，无可判定的义务"),
    ClauseNote("五、1", "福州教育研究院将心理健康教育纳入教师培训计划", "市级机构，数据中无其记录；县区教师进修校部分已作确认项"),
    ClauseNote("五、1", "“各地”每年组织干部业务培训（县区层面）", "只对学校判定；县区层面未单列"),
    ClauseNote("五、2", "完善专业指导管理体系（首席顾问、专家指导组、三级辅导站所室、高校咨询辅导中心）",
               "市级组织建设，数据中无首席顾问、专家组记录"),
    ClauseNote("五、2", "组建心理健康教育教研室（市级、县级依托教师进修学校）、市属高校教研组",
               "数据模型无教研室实体与“配齐配强教研力量”的阈值"),
    ClauseNote("五、3", "新（扩）建福州市未成年人心理健康辅导站", "市级一次性建设任务，无时限与标准数值"),
    ClauseNote("五、3", "实施特色培育工程（考评体系、每年遴选达标校特色校示范校、示范区与名师工作室）",
               "市级评选工作；“支持评选”为倡导性表述"),
    ClauseNote("五、4", "会同卫健部门探索医教融合；改造升级24小时心理支持热线和网络辅导体系",
               "市级及部门间工作，“探索”为倡导性表述；热线无服务指标"),
    ClauseNote("五、4", "统一编写心理危机干预教材", "市级一次性任务；培训部分已作县区确认项"),
    ClauseNote("五、5", "心理大数据平台、市属高校协作中心网络平台、家长微课等平台载体",
               "市级平台建设；学校建档部分已作倡导项"),
    ClauseNote("五、5", "优化教育生态（不单纯以考试成绩评价、减负、教师心理关护、探索招聘心理测试）",
               "原则性与倡导性表述，无可判定的阈值"),
    ClauseNote("五、5", "群策群力群防（部门协同机制、适时召开联席会议、关注特殊群体学生）",
               "对多部门的要求；“适时”无频次；个体学生数据不采集"),
    ClauseNote("六", "保障措施（组织保障、督导问责、投入扶持、改革创新）",
               "对党委政府及编制、人社、财政、卫健等部门的职责，不以学校或县区数据判定"),
    ClauseNote("五、1", "特殊教育学校的心理教师配备", "五、1 配备标准只列高校、中小学、幼儿园，特殊教育学校不在其列"),
]
