"""四(二)6 强化分层分类教师专业培训

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（二）6.强化分层分类教师专业培训：

“专职心理健康教育教师每年参加不低于 40 学时职后专题培训……班主任等思政教育骨干教师每年参加不低于 10 学时的
 心理健康教育专题培训……其他教师每年至少参加 1 次心理健康教育专项培训……中小学校要结合全员导师制建设，
 将心理健康教育和家校沟通等纳入专题教师培训……”

Spec: features/nanchang/四(二)6_强化分层分类教师专业培训.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import (
    K12_KINDS,
    Institution,
    StaffMember,
    StaffRole,
    Training,
    TrainingKind,
)
from mhpolicy.core.rules.context import Context
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import Period, PeriodKind
from mhpolicy.core.rules.queries import codes, fmt_num, per_person_training, psych_teachers, trainings_in
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    NotApplicable,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import param

Q_PSYCH_HOURS = "专职心理健康教育教师每年参加不低于 40 学时职后专题培训"
Q_BACKBONE_HOURS = "班主任等思政教育骨干教师每年参加不低于 10 学时的心理健康教育专题培训"
Q_OTHER = "其他教师每年至少参加 1 次心理健康教育专项培训"
Q_ALL_STAFF = "中小学校要结合全员导师制建设，将心理健康教育和家校沟通等纳入专题教师培训"
PSYCH_HOURS = param("training.psych_full_time_hours", "专职心理健康教育教师年培训学时", "学时", 40, "四(二)6",
                    Q_PSYCH_HOURS)
BACKBONE_HOURS = param("training.head_teacher_hours", "班主任等思政教育骨干教师年培训学时", "学时", 10, "四(二)6",
                       Q_BACKBONE_HOURS)
OTHER_TIMES = param("training.other_teachers_times", "其他教师年培训次数", "次", 1, "四(二)6", Q_OTHER)


def _full_time_psych(inst: Institution) -> list[StaffMember]:
    return psych_teachers(inst.staff, full_time=True)


def _backbone(inst: Institution) -> list[StaffMember]:
    return [s for s in inst.staff if (s.role is StaffRole.HEAD_TEACHER or s.backbone)
            and not (s.role is StaffRole.PSYCH_TEACHER and s.full_time)]


def _others(inst: Institution) -> list[StaffMember]:
    """Everyone but the full-time psychology teachers, the backbone (`_backbone`) and researchers."""
    return [s for s in inst.staff if s.role is not StaffRole.RESEARCHER and not (s.role is StaffRole.PSYCH_TEACHER and s.full_time)
            and not (s.role is StaffRole.HEAD_TEACHER or s.backbone)]


def _per_person(inst: Institution, group: list[StaffMember], ctx: Context, param: str, *, count: bool,
                who: str) -> MeasureResult:
    return per_person_training(inst.staff, group, ctx.period(PeriodKind.CALENDAR_YEAR), ctx.param(param),
                               who=who, unit="次" if count else "学时", count=count)


# Kinds of training that are mental-health training by what they are (the plan's 专业督导, 案例实操,
# 心理危机干预, 心理健康教育骨干培训); a 专题/岗位培训 is one only if its topic says 心理.
MENTAL_HEALTH_KINDS = frozenset({TrainingKind.CASE_PRACTICE, TrainingKind.SUPERVISION, TrainingKind.BACKBONE,
                                 TrainingKind.CRISIS})
MENTAL_HEALTH_TOPIC_WORD = "心理"


def is_mental_health(t: Training) -> bool | None:
    """True/False when the record tells; None for a 专题/岗位培训 whose topic was not reported."""
    if t.kind in MENTAL_HEALTH_KINDS:
        return True
    if t.topic is None:
        return None
    return MENTAL_HEALTH_TOPIC_WORD in t.topic


_MENTAL_HEALTH_ONLY = ("只计心理健康教育培训：骨干提高、案例实操、专业督导、危机干预培训按其类别计入；专题/岗位培训须主题含“心理”才计入，主题为别的（如师德、安全）不计；未注明主题的专题培训无从判断，只在它决定结论时（只算已知心理培训不达标、连它算上又达标）判缺数据。")


def _mental_health_training(inst: Institution, group: list[StaffMember], period: Period, required: float, *,
                            who: str, count: bool) -> MeasureResult:
    """Each member of `group` must reach `required` 学时 (or, with `count`, trainings) of mental-health
    training in `period`. A 专题培训 without a topic may or may not be one: it decides nothing when
    the member reaches the threshold on known mental-health training alone, or falls short even if it
    counted; in between, the finding is 缺数据 (the topic is missing), never 符合 or 不符合 by a guess."""
    if not inst.staff:
        return MissingData(("staff",), "未报送教职工名单")
    if not group:
        return NotApplicable(f"无{who}，无培训对象")
    if not any(p.trainings for p in group):
        return MissingData(("staff[].trainings",), f"{who}均无培训记录")
    unit = "次" if count else "学时"
    known: dict[str, float] = {}
    unsure: dict[str, float] = {}
    for p in group:  # one pass over each member's year: run for most of a school's staff, every year judged
        sure: float = 0  # an int while nothing counts, as sum() of nothing is: the finding shows 0, not 0.0
        maybe: float = 0
        for t in trainings_in(p.trainings, period):
            counts = is_mental_health(t)
            if counts is not False:
                size = 1.0 if count else float(t.hours)
                if counts:
                    sure += size
                else:
                    maybe += size
        known[p.id], unsure[p.id] = sure, maybe
    short = [p.id for p in group if known[p.id] + unsure[p.id] < required]
    undecided = [p.id for p in group if known[p.id] < required <= known[p.id] + unsure[p.id]]
    inputs = {"年度": period.label, f"{who}人数": len(group),
              "未达标": codes([f"{i}（{fmt_num(known[i])}{unit}）" for i in short]),
              "培训未注明主题": codes(undecided)}
    if not short and undecided:
        return MissingData(("staff[].trainings[].topic",),
                           f"{codes(undecided)}的专题培训未注明主题，无法判断是否为心理健康教育培训")
    return Measure(observed=min(known.values()), required=required, inputs=inputs)


TRAINING_PSYCH = Requirement(
    id=f"{CITY}.4-2-6.psych-full-time-hours", city=CITY, clause="四(二)6", quote=Q_PSYCH_HOURS,
    title="专职心理健康教育教师每年职后专题培训不低于40学时", topic="training.psych_full_time_hours",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="有专职心理健康教育教师的学校"),
    modality=Modality.MANDATORY, modal_word="不低于",
    measure=lambda s, c: _per_person(s.institution, _full_time_psych(s.institution), c, PSYCH_HOURS.id, count=False,
                                     who="专职心理健康教育教师"),
    observed_label="专职心理健康教育教师年度培训学时（最少者）", unit="学时", gap_text="培训学时差{gap}学时",
    period=PeriodKind.CALENDAR_YEAR, parameters=(PSYCH_HOURS.id,),
    reading="“每年”读作自然年，逐人判定；任一人不足即不符合，列出不足者代码。",
)
TRAINING_STATION_PSYCH = Requirement(
    id=f"{CITY}.4-2-6.station-psych-full-time-hours", city=CITY, clause="四(二)6", quote=Q_PSYCH_HOURS,
    title="辅导站专职心理健康教育教师每年职后专题培训不低于40学时", topic="training.psych_full_time_hours",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="有专职心理健康教育教师的心理健康辅导站（中心）"),
    modality=Modality.MANDATORY, modal_word="不低于",
    measure=lambda s, c: per_person_training(
        s.station.staff, psych_teachers(s.station.staff, full_time=True), c.period(PeriodKind.CALENDAR_YEAR),
        c.param(PSYCH_HOURS.id), who="专职心理健康教育教师", unit="学时"),
    observed_label="辅导站专职心理健康教育教师年度培训学时（最少者）", unit="学时", gap_text="培训学时差{gap}学时",
    period=PeriodKind.CALENDAR_YEAR, parameters=(PSYCH_HOURS.id,),
    reading="原文“专职心理健康教育教师”不限于学校：四(二)5要求各县（区）辅导站配备的专职心理健康教育教师同样每年"
            "不低于40学时；适用于各级辅导站（中心）名册上的专职心理教师，自然年，逐人判定。",
)
TRAINING_BACKBONE = Requirement(
    id=f"{CITY}.4-2-6.head-teacher-hours", city=CITY, clause="四(二)6", quote=Q_BACKBONE_HOURS,
    title="班主任等思政教育骨干教师每年心理健康教育专题培训不低于10学时", topic="training.head_teacher_hours",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="有班主任或思政教育骨干教师的学校"),
    modality=Modality.MANDATORY, modal_word="不低于",
    measure=lambda s, c: _mental_health_training(
        s.institution, _backbone(s.institution), c.period(PeriodKind.CALENDAR_YEAR), c.param(BACKBONE_HOURS.id),
        who="班主任等思政教育骨干教师", count=False),
    observed_label="班主任等思政骨干教师年度培训学时（最少者）", unit="学时", gap_text="培训学时差{gap}学时",
    period=PeriodKind.CALENDAR_YEAR, parameters=(BACKBONE_HOURS.id,),
    reading="“班主任等思政教育骨干教师”= 班主任，加上名册中标为思政教育骨干（backbone）的其他教职工（专职心理教师除外）；"
            "自然年，逐人判定。原文是“心理健康教育专题培训”，不是任何培训：" + _MENTAL_HEALTH_ONLY,
)
TRAINING_OTHERS = Requirement(
    id=f"{CITY}.4-2-6.other-teachers", city=CITY, clause="四(二)6", quote=Q_OTHER,
    title="其他教师每年至少参加1次心理健康教育专项培训", topic="training.other_teachers",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校"),
    modality=Modality.MANDATORY, modal_word="至少",
    measure=lambda s, c: _mental_health_training(
        s.institution, _others(s.institution), c.period(PeriodKind.CALENDAR_YEAR), c.param(OTHER_TIMES.id),
        who=StaffRole.OTHER_TEACHER.label, count=True),
    observed_label="其他教师年度培训次数（最少者）", unit="次", gap_text="培训次数差{gap}次",
    period=PeriodKind.CALENDAR_YEAR, parameters=(OTHER_TIMES.id,),
    reading="“其他教师”= 专职心理教师、班主任及思政骨干以外的全部教职工（兼职心理教师、干部、其他教师）；自然年，逐人判定。"
            "原文是“心理健康教育专项培训”，不是任何培训：" + _MENTAL_HEALTH_ONLY,
)
ALL_STAFF_TRAINING = Requirement(
    id=f"{CITY}.4-2-6.mentor-training", city=CITY, clause="四(二)6", quote=Q_ALL_STAFF,
    title="结合全员导师制将心理健康教育和家校沟通纳入专题教师培训", topic="attest.mentor_training",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)

PARAMETERS: list[Parameter] = [PSYCH_HOURS, BACKBONE_HOURS, OTHER_TIMES]
REQUIREMENTS: list[Requirement] = [TRAINING_PSYCH, TRAINING_STATION_PSYCH, TRAINING_BACKBONE, TRAINING_OTHERS, ALL_STAFF_TRAINING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(二)6", "市县校三级培训体系、培训全覆盖", "体系建设由市教育局负责；逐人培训要求已建模"),
]
