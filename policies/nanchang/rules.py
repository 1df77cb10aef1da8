"""Requirements of 南昌市《关于加强和改进新时代学生心理健康教育工作的实施方案》((2024) 1 号).

Each parameter and requirement stands under a comment quoting the clause it implements;
clauses are numbered as the document numbers them: 四(二)5 is 四、重点任务 (二) 第5条.
"""

from __future__ import annotations

from mhpolicy.core.context import Context, Subject
from mhpolicy.core.model import (
    K12_KINDS,
    EventKind,
    Institution,
    InstitutionKind,
    ScreeningKind,
    StaffMember,
    StaffRole,
    Stage,
    StationLevel,
)
from mhpolicy.core.parameters import Parameter
from mhpolicy.core.periods import PeriodKind, school_year_code, semester_code
from mhpolicy.core.queries import (
    ceil_div,
    codes,
    enrolled_grades,
    events_in,
    fmt_num,
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
    NotApplicable,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from .document import CITY, EFFECTIVE

# 普通中小学校: K12 without the vocational and technical schools.
ORDINARY_KINDS = K12_KINDS - {InstitutionKind.SECONDARY_VOCATIONAL, InstitutionKind.TECHNICAL}
# 起始年级 of each stage of an ordinary school (the reading of 起始或关键年级, see 四(三)9).
KEY_GRADE = {Stage.PRIMARY: 1, Stage.JUNIOR: 7, Stage.SENIOR: 10}
VOCATIONAL_FIRST_GRADE = 10  # 中职一年级 in the data's grade numbering


def _param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    return Parameter(id=f"{CITY}.{pid}", label=label, unit=unit, values={EFFECTIVE: value}, clause=clause,
                     quote=quote, note=note)


def _semester(ctx: Context) -> str:
    return semester_code(ctx.period(PeriodKind.SEMESTER))


# =======================================================================================
# 四(一)3 建立定期心理健康普查和排查制度
# “建设覆盖全市的学生心理健康管理系统，在每年春、秋季学期普遍开展学生心理普查，建立学生心理健康档案。
#  对存在心理问题的学生实行红色、橙色、黄色三级预警管理，列入高关怀学生进行帮扶指导；鼓励在初中、普通高中
#  每个班级设立心理委员（男、女委员各1名）……联动家庭对高关怀学生开展跟踪帮扶。”
# =======================================================================================
Q_CENSUS = "在每年春、秋季学期普遍开展学生心理普查，建立学生心理健康档案"
CENSUS_PER_SEMESTER = _param("screening.census_per_semester", "每学期心理普查次数", "次", 1, "四(一)3", Q_CENSUS)
Q_WARNING = "对存在心理问题的学生实行红色、橙色、黄色三级预警管理，列入高关怀学生进行帮扶指导"
FOLLOW_UP_DAYS = _param(
    "warning.follow_up_days", "高关怀学生最长随访间隔", "天", 30, "四(一)3", Q_WARNING,
    note="原文未定随访频次；本插件读作每个在管预警个案至少每月（30天内）随访一次。")


def _census(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.screenings:
        return MissingData(("screenings",))
    period = ctx.period(PeriodKind.SEMESTER)
    n = sum(1 for s in inst.screenings if s.kind is ScreeningKind.CENSUS and period.contains(s.date))
    return Measure(observed=n, required=ctx.param(CENSUS_PER_SEMESTER.id), inputs={"学期": period.label})


CENSUS = Requirement(
    id=f"{CITY}.4-1-3.census-each-semester", city=CITY, clause="四(一)3", quote=Q_CENSUS,
    title="春、秋季学期各开展一次学生心理普查", topic="screening.census",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=_census, observed_label="本学期心理普查次数", unit="次",
    gap_text="本学期未开展心理普查", period=PeriodKind.SEMESTER, parameters=(CENSUS_PER_SEMESTER.id,),
    reading="“在每年春、秋季学期普遍开展”读作每个学期（春、秋）各至少一次普查，逐学期判定最近已结束的学期。",
)


ARCHIVES = Requirement(
    id=f"{CITY}.4-1-3.archives", city=CITY, clause="四(一)3", quote=Q_CENSUS,
    title="建立学生心理健康档案", topic="archives.kept",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=lambda s, c: reported_yes(s.institution.archives_kept, "archives_kept"), observed_label="已建立的学生心理健康档案（是=1）", unit="项",
    gap_text="未建立学生心理健康档案",
    reading="句中无情态词，但作为“建立定期心理健康普查和排查制度”的具体做法陈述，读作学校的强制义务；"
            "数据以 archives_kept 报告，未报即缺数据。",
)


def _follow_up(subject: Subject, ctx: Context) -> MeasureResult:
    cases = [c for c in subject.institution.warning_cases
             if c.opened <= ctx.as_of and (c.closed is None or c.closed > ctx.as_of)]
    if not cases:
        return NotApplicable("无在管预警个案")
    limit = ctx.param(FOLLOW_UP_DAYS.id)
    days: dict[str, int] = {}
    for c in cases:
        last = max((d for d in c.follow_ups if d <= ctx.as_of), default=c.opened)
        days[c.case_id] = (ctx.as_of - last).days
    late = [cid for cid, d in days.items() if d > limit]
    return Measure(observed=max(days.values()), required=limit,
                   inputs={"在管个案数": len(cases), "超期未随访个案": codes(late)})


FOLLOW_UP = Requirement(
    id=f"{CITY}.4-1-3.follow-up", city=CITY, clause="四(一)3", quote=Q_WARNING,
    title="高关怀学生（红橙黄预警个案）定期跟踪帮扶", topic="warning.follow_up",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=_follow_up, op="<=",
    observed_label="在管个案距最近一次随访（无随访则距建档）最长天数", unit="天", gap_text="有个案超期{gap}天未随访",
    parameters=(FOLLOW_UP_DAYS.id,),
    reading="原文只说“列入高关怀学生进行帮扶指导”“开展跟踪帮扶”，未定频次：读作评估日仍在管（未结案）的每个个案，"
            "距最近一次随访（尚无随访则距建档）不超过30天；已结案个案不计。",
)

Q_COMMITTEE = "鼓励在初中、普通高中每个班级设立心理委员（男、女委员各1名）"


def _committee(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    secondary = [g for g in inst.enrollment if g.stage in (Stage.JUNIOR, Stage.SENIOR) and g.students > 0]
    no_count = [g.grade for g in secondary if g.classes is None]
    if no_count:
        return MissingData(tuple(f"enrollment[grade={g}].classes" for g in no_count))
    grades = [g for g in secondary if g.classes]
    if not grades:
        return NotApplicable("无初中、普通高中班级")
    unknown = [g.grade for g in grades if g.classes_with_psych_committee_pair is None]
    if unknown:
        return MissingData(tuple(f"enrollment[grade={g}].classes_with_psych_committee_pair" for g in unknown))
    return Measure(observed=sum(g.classes_with_psych_committee_pair or 0 for g in grades),
                   required=sum(g.classes or 0 for g in grades), inputs={"初高中班级数": sum(g.classes or 0 for g in grades)})


COMMITTEE = Requirement(
    id=f"{CITY}.4-1-3.psych-committee-pair", city=CITY, clause="四(一)3", quote=Q_COMMITTEE,
    title="鼓励初中、普通高中每班设男女心理委员各1名", topic="warning.committee_members",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="有初中、普通高中学段的学校", stages=frozenset({Stage.JUNIOR, Stage.SENIOR})),
    modality=Modality.ADVICE, modal_word="鼓励", measure=_committee, observed_label="设有男女心理委员各1名的班级数",
    unit="个", gap_text="{gap}个班未设男女心理委员",
)

Q_SUPPORT_TEAM = "建立由学校德育负责人和心理老师、班主任和科任老师、学生心理委员组成的三级心理帮扶队伍"
SUPPORT_TEAM = Requirement(
    id=f"{CITY}.4-1-3.three-level-team", city=CITY, clause="四(一)3", quote=Q_SUPPORT_TEAM,
    title="建立学校三级心理帮扶队伍", topic="attest.three_level_support_team",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="句中无情态词，作为本条制度的组成部分陈述，读作学校的强制义务；是否建成由人确认。",
)

# =======================================================================================
# 四(一)4 构建预防、预警、干预“三预”工作机制 (qualitative: attested)
# =======================================================================================
Q_CRITICAL = "各县（区）和学校要加强新生群体心理适应帮扶和开学季、毕业季、考试季等特殊节点的危机排查"
CRITICAL_PERIODS = Requirement(
    id=f"{CITY}.4-1-4.critical-periods", city=CITY, clause="四(一)4", quote=Q_CRITICAL,
    title="新生适应帮扶和开学季、毕业季、考试季危机排查", topic="attest.critical_period_screening",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)
Q_GREEN = "畅通学校与属地精神卫生医疗机构的学生心理危机转介“绿色通道”"
GREEN_CHANNEL = Requirement(
    id=f"{CITY}.4-1-4.green-channel", city=CITY, clause="四(一)4", quote=Q_GREEN,
    title="学校与属地精神卫生医疗机构转介“绿色通道”畅通", topic="governance.referral_channel",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="“畅通”是否做到由人确认（通道建立日期不足以说明其畅通）。",
)

# =======================================================================================
# 四(二)5 配齐配强专兼职心理健康教师队伍
# “中小学校（含中等职业学校和技工学校）原则上按照师生比1：800配备专兼职心理健康教师，超过800名学生的
#  中小学校，应采取专职教师和兼职教师相结合的方式配备，且配备至少1名专职教师。办学规模低于800名学生的
#  中小学校应通过其他学校对口援助、教师定点支教等多种方式配备兼职心理健康教师，确保中小学校心理健康教育
#  教师全面覆盖。学前教育、特殊教育机构要合理配备专兼职心理健康教师。各县（区）未成年人心理健康辅导站要
#  配备专职心理健康教育教师。”
# =======================================================================================
Q_RATIO = "中小学校（含中等职业学校和技工学校）原则上按照师生比1：800配备专兼职心理健康教师"
Q_LARGE = "超过800名学生的中小学校，应采取专职教师和兼职教师相结合的方式配备，且配备至少1名专职教师"
Q_SMALL = ("办学规模低于800名学生的中小学校应通过其他学校对口援助、教师定点支教等多种方式配备兼职心理健康教师，"
           "确保中小学校心理健康教育教师全面覆盖")
Q_PRESCHOOL = "学前教育、特殊教育机构要合理配备专兼职心理健康教师"
Q_STATION = "各县（区）未成年人心理健康辅导站要配备专职心理健康教育教师"

RATIO = _param("staffing.students_per_psych_teacher", "中小学专兼职心理健康教师师生比", "名学生/名心理健康教师",
               800, "四(二)5", Q_RATIO)
LARGE_SCHOOL = _param("staffing.large_school_students", "须配专职教师的办学规模（超过）", "名学生", 800, "四(二)5",
                      Q_LARGE)
LARGE_MIN_FULL_TIME = _param("staffing.large_school_min_full_time", "超过800名学生的学校最少专职心理健康教师", "名",
                             1, "四(二)5", Q_LARGE)
SMALL_MIN = _param("staffing.small_school_min_psych", "低于800名学生的学校最少心理健康教师（兼职即可）", "名", 1,
                   "四(二)5", Q_SMALL, note="“配备兼职心理健康教师”“全面覆盖”读作至少1名。")
STATION_MIN_FULL_TIME = _param("staffing.station_min_full_time", "县（区）辅导站最少专职心理健康教育教师", "名", 1,
                               "四(二)5", Q_STATION, note="“要配备专职心理健康教育教师”读作至少1名。")


def _ratio(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    students = inst.students
    if students is None:
        return MissingData(("enrollment",))
    teachers = psych_teachers(inst.staff)
    return Measure(observed=len(teachers), required=ceil_div(students, ctx.param(RATIO.id)),
                   inputs={"学生数": students, "专职": sum(t.full_time for t in teachers),
                           "兼职": sum(not t.full_time for t in teachers)})


STAFFING_RATIO = Requirement(
    id=f"{CITY}.4-2-5.ratio-800", city=CITY, clause="四(二)5", quote=Q_RATIO,
    title="中小学校原则上按1:800配备专兼职心理健康教师", topic="staffing.psych_teacher_ratio",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中等职业学校和技工学校）", kinds=K12_KINDS),
    modality=Modality.IN_PRINCIPLE, modal_word="原则上", measure=_ratio, observed_label="专兼职心理健康教师人数",
    unit="名", gap_text="按1:800缺{gap}名专兼职心理健康教师", parameters=(RATIO.id,),
    allowance="原文为“原则上按照师生比1：800配备”，允许个别学校因实际情况暂不足额，差距照报、注明原则性要求。",
    reading="专职、兼职合计；所需人数为学生数÷800向上取整（800名学生需1名，801名需2名）。",
)


def _over_800(subject: Subject, ctx: Context) -> bool:
    students = subject.institution.students
    return students is None or students > ctx.param(LARGE_SCHOOL.id)


def _not_over_800(subject: Subject, ctx: Context) -> bool:
    students = subject.institution.students
    return students is None or students <= ctx.param(LARGE_SCHOOL.id)


def _full_time_large(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if inst.students is None:
        return MissingData(("enrollment",))
    return Measure(observed=len(psych_teachers(inst.staff, full_time=True)), required=ctx.param(LARGE_MIN_FULL_TIME.id),
                   inputs={"学生数": inst.students})


STAFFING_LARGE = Requirement(
    id=f"{CITY}.4-2-5.full-time-over-800", city=CITY, clause="四(二)5", quote=Q_LARGE,
    title="超过800名学生的中小学校至少配备1名专职心理健康教师", topic="staffing.psych_teacher_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="学生数超过800名的中小学校", kinds=K12_KINDS, where=_over_800),
    modality=Modality.MANDATORY, modal_word="应", measure=_full_time_large, observed_label="专职心理健康教师人数",
    unit="名", gap_text="缺{gap}名专职心理健康教师", parameters=(LARGE_SCHOOL.id, LARGE_MIN_FULL_TIME.id),
    reading="“超过800名学生”读作学生数>800；恰为800名的学校不在此条，归入下一条（至少1名心理健康教师，兼职即可）。",
)


def _small_school(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if inst.students is None:
        return MissingData(("enrollment",))
    teachers = psych_teachers(inst.staff)
    return Measure(observed=len(teachers), required=ctx.param(SMALL_MIN.id),
                   inputs={"学生数": inst.students, "专职": sum(t.full_time for t in teachers),
                           "兼职": sum(not t.full_time for t in teachers)})


STAFFING_SMALL = Requirement(
    id=f"{CITY}.4-2-5.small-school-part-time", city=CITY, clause="四(二)5", quote=Q_SMALL,
    title="800名学生及以下的中小学校至少有1名心理健康教师（对口援助、定点支教均可）",
    topic="staffing.small_school_part_time", subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="学生数不超过800名的中小学校", kinds=K12_KINDS, where=_not_over_800),
    modality=Modality.MANDATORY, modal_word="应", measure=_small_school, observed_label="心理健康教师人数（专兼职）",
    unit="名", gap_text="缺{gap}名心理健康教师", parameters=(LARGE_SCHOOL.id, SMALL_MIN.id),
    reading="“低于800名学生”与“超过800名学生”都不含恰为800名的学校；依“确保中小学校心理健康教育教师全面覆盖”，"
            "本插件把恰为800名的学校归入本条（学生数≤800）：至少1名心理健康教师。援助、支教来的教师只要在学校名册中"
            "以心理健康教师（专职或兼职）登记即计入。",
)

PRESCHOOL_SPECIAL = Requirement(
    id=f"{CITY}.4-2-5.preschool-special", city=CITY, clause="四(二)5", quote=Q_PRESCHOOL,
    title="学前教育、特殊教育机构合理配备专兼职心理健康教师", topic="staffing.preschool_special",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、特殊教育学校",
                         kinds=frozenset({InstitutionKind.KINDERGARTEN, InstitutionKind.SPECIAL_EDUCATION})),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="“合理配备”未给数量标准，由人确认。",
)


def _station_full_time(subject: Subject, ctx: Context) -> MeasureResult:
    st = subject.station
    if not st.staff:
        return MissingData(("staff",))
    return Measure(observed=len(psych_teachers(st.staff, full_time=True)), required=ctx.param(STATION_MIN_FULL_TIME.id))


STAFFING_STATION = Requirement(
    id=f"{CITY}.4-2-5.station-full-time", city=CITY, clause="四(二)5", quote=Q_STATION,
    title="县（区）未成年人心理健康辅导站配备专职心理健康教育教师", topic="staffing.station_full_time",
    subject=SubjectKind.STATION,
    applies_to=AppliesTo(text="县（区）级未成年人心理健康辅导站",
                         where=lambda s, c: s.station.level is StationLevel.DISTRICT),
    modality=Modality.MANDATORY, modal_word="要", measure=_station_full_time, observed_label="专职心理健康教育教师人数",
    unit="名", gap_text="缺{gap}名专职心理健康教育教师", parameters=(STATION_MIN_FULL_TIME.id,),
)

# =======================================================================================
# 四(二)6 强化分层分类教师专业培训
# “专职心理健康教育教师每年参加不低于 40 学时职后专题培训……班主任等思政教育骨干教师每年参加不低于 10 学时的
#  心理健康教育专题培训……其他教师每年至少参加 1 次心理健康教育专项培训……中小学校要结合全员导师制建设，
#  将心理健康教育和家校沟通等纳入专题教师培训……”
# =======================================================================================
Q_PSYCH_HOURS = "专职心理健康教育教师每年参加不低于 40 学时职后专题培训"
Q_BACKBONE_HOURS = "班主任等思政教育骨干教师每年参加不低于 10 学时的心理健康教育专题培训"
Q_OTHER = "其他教师每年至少参加 1 次心理健康教育专项培训"
Q_ALL_STAFF = "中小学校要结合全员导师制建设，将心理健康教育和家校沟通等纳入专题教师培训"
PSYCH_HOURS = _param("training.psych_full_time_hours", "专职心理健康教育教师年培训学时", "学时", 40, "四(二)6",
                     Q_PSYCH_HOURS)
BACKBONE_HOURS = _param("training.head_teacher_hours", "班主任等思政教育骨干教师年培训学时", "学时", 10, "四(二)6",
                        Q_BACKBONE_HOURS)
OTHER_TIMES = _param("training.other_teachers_times", "其他教师年培训次数", "次", 1, "四(二)6", Q_OTHER)


def _full_time_psych(inst: Institution) -> list[StaffMember]:
    return psych_teachers(inst.staff, full_time=True)


def _backbone(inst: Institution) -> list[StaffMember]:
    return [s for s in inst.staff if (s.role is StaffRole.HEAD_TEACHER or s.backbone)
            and not (s.role is StaffRole.PSYCH_TEACHER and s.full_time)]


def _others(inst: Institution) -> list[StaffMember]:
    full, backbone = set(map(id, _full_time_psych(inst))), set(map(id, _backbone(inst)))
    return [s for s in inst.staff if id(s) not in full and id(s) not in backbone and s.role is not StaffRole.RESEARCHER]


def _per_person(inst: Institution, group: list[StaffMember], ctx: Context, param: str, *, count: bool,
                who: str) -> MeasureResult:
    return per_person_training(inst.staff, group, ctx.period(PeriodKind.CALENDAR_YEAR), ctx.param(param),
                               who=who, unit="次" if count else "学时", count=count)


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
TRAINING_BACKBONE = Requirement(
    id=f"{CITY}.4-2-6.head-teacher-hours", city=CITY, clause="四(二)6", quote=Q_BACKBONE_HOURS,
    title="班主任等思政教育骨干教师每年心理健康教育专题培训不低于10学时", topic="training.head_teacher_hours",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="有班主任或思政教育骨干教师的学校"),
    modality=Modality.MANDATORY, modal_word="不低于",
    measure=lambda s, c: _per_person(s.institution, _backbone(s.institution), c, BACKBONE_HOURS.id, count=False,
                                     who="班主任等思政教育骨干教师"),
    observed_label="班主任等思政骨干教师年度培训学时（最少者）", unit="学时", gap_text="培训学时差{gap}学时",
    period=PeriodKind.CALENDAR_YEAR, parameters=(BACKBONE_HOURS.id,),
    reading="“班主任等思政教育骨干教师”= 班主任，加上名册中标为思政教育骨干（backbone）的其他教职工（专职心理教师除外）；"
            "自然年，逐人判定。",
)
TRAINING_OTHERS = Requirement(
    id=f"{CITY}.4-2-6.other-teachers", city=CITY, clause="四(二)6", quote=Q_OTHER,
    title="其他教师每年至少参加1次心理健康教育专项培训", topic="training.other_teachers",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校"),
    modality=Modality.MANDATORY, modal_word="至少",
    measure=lambda s, c: _per_person(s.institution, _others(s.institution), c, OTHER_TIMES.id, count=True, who="其他教师"),
    observed_label="其他教师年度培训次数（最少者）", unit="次", gap_text="培训次数差{gap}次",
    period=PeriodKind.CALENDAR_YEAR, parameters=(OTHER_TIMES.id,),
    reading="“其他教师”= 专职心理教师、班主任及思政骨干以外的全部教职工（兼职心理教师、干部、其他教师）；自然年，逐人判定。",
)
ALL_STAFF_TRAINING = Requirement(
    id=f"{CITY}.4-2-6.mentor-training", city=CITY, clause="四(二)6", quote=Q_ALL_STAFF,
    title="结合全员导师制将心理健康教育和家校沟通纳入专题教师培训", topic="attest.mentor_training",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)

# =======================================================================================
# 四(三)8 五育并举促进心理健康
# “要以德育心，将心理健康教育贯穿思政工作全过程……要以体强心，开齐开足上好体育与健康课，发挥课后服务主渠道
#  作用，着力保障学生每天校内、校外各1小时体育活动时间……优化课后服务内容和方式，保证开展兴趣活动和社团活动
#  时间不低于课后服务总时长的50%。”
# =======================================================================================
Q_MORAL = "要以德育心，将心理健康教育贯穿思政工作全过程，融入教育教学、管理服务和学生成长各环节"
Q_PE = "要以体强心，开齐开足上好体育与健康课，发挥课后服务主渠道作用，着力保障学生每天校内、校外各1小时体育活动时间"
Q_CLUBS = "优化课后服务内容和方式，保证开展兴趣活动和社团活动时间不低于课后服务总时长的50%"
CLUB_SHARE = _param("curriculum.after_school_club_percent", "兴趣活动和社团活动占课后服务总时长比例", "%", 50,
                    "四(三)8", Q_CLUBS)
PE_IN = _param("curriculum.pe_minutes_in_school", "每天校内体育活动时间", "分钟", 60, "四(三)8", Q_PE,
               note="“1小时”折为60分钟。")
PE_OUT = _param("curriculum.pe_minutes_out_of_school", "每天校外体育活动时间", "分钟", 60, "四(三)8", Q_PE,
                note="“1小时”折为60分钟。")

MORAL = Requirement(
    id=f"{CITY}.4-3-8.moral-and-mind", city=CITY, clause="四(三)8", quote=Q_MORAL,
    title="以德育心：心理健康教育贯穿思政工作全过程", topic="attest.moral_and_mind",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)


def _after_school_row(subject: Subject, ctx: Context):  # type: ignore[no-untyped-def]
    inst = subject.institution
    code = _semester(ctx)
    if not inst.after_school:
        return code, MissingData(("after_school",))
    row = next((a for a in inst.after_school if a.semester == code), None)
    if row is None:
        return code, MissingData((f"after_school[{code}]",))
    return code, row


def _clubs(subject: Subject, ctx: Context) -> MeasureResult:
    code, row = _after_school_row(subject, ctx)
    if isinstance(row, MissingData):
        return row
    if row.total_minutes == 0:
        return NotApplicable(f"{code}学期未提供课后服务")
    # Compared in exact minutes: a rounded percentage would let 49.998% pass as 50%.
    share = 100 * row.interest_club_minutes / row.total_minutes
    return Measure(observed=row.interest_club_minutes,
                   required=row.total_minutes * ctx.param(CLUB_SHARE.id) / 100,
                   inputs={"学期": code, "课后服务总时长(分钟)": row.total_minutes, "占比(%)": f"{share:.3f}"})


AFTER_SCHOOL_CLUBS = Requirement(
    id=f"{CITY}.4-3-8.after-school-clubs", city=CITY, clause="四(三)8", quote=Q_CLUBS,
    title="兴趣活动和社团活动时间不低于课后服务总时长的50%", topic="curriculum.after_school_clubs",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="义务教育阶段学校（小学、初中学段）", kinds=ORDINARY_KINDS,
                         stages=frozenset({Stage.PRIMARY, Stage.JUNIOR})),
    modality=Modality.MANDATORY, modal_word="不低于", measure=_clubs, observed_label="兴趣及社团活动时间", unit="分钟",
    gap_text="兴趣及社团活动时间差{gap}分钟", period=PeriodKind.SEMESTER, parameters=(CLUB_SHARE.id,),
    reading="课后服务是义务教育阶段的制度安排：本条适用于有小学或初中学段的普通学校；逐学期按分钟数计算占比。",
)


def _pe(field: str, param: str):  # type: ignore[no-untyped-def]
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        code, row = _after_school_row(subject, ctx)
        if isinstance(row, MissingData):
            return row
        value = getattr(row, field)
        if value is None:
            return MissingData((f"after_school[{code}].{field}",))
        return Measure(observed=value, required=ctx.param(param), inputs={"学期": code})
    return measure


_PE_READING = ("“要以体强心……着力保障”：句首“要”使之成为学校的义务，“着力”只说明须尽力而为，不改变要求；"
               "按强制要求判定，未达即不符合。数据未报每天体育活动分钟数即缺数据。")
PE_IN_SCHOOL = Requirement(
    id=f"{CITY}.4-3-8.pe-in-school", city=CITY, clause="四(三)8", quote=Q_PE,
    title="学生每天校内体育活动1小时", topic="curriculum.physical_activity",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.MANDATORY, modal_word="要", measure=_pe("pe_minutes_in_school_per_day", PE_IN.id),
    observed_label="每天校内体育活动时间", unit="分钟", gap_text="每天校内体育活动差{gap}分钟",
    period=PeriodKind.SEMESTER, parameters=(PE_IN.id,), reading=_PE_READING,
)
PE_OUT_OF_SCHOOL = Requirement(
    id=f"{CITY}.4-3-8.pe-out-of-school", city=CITY, clause="四(三)8", quote=Q_PE,
    title="学生每天校外体育活动1小时", topic="curriculum.physical_activity",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.MANDATORY, modal_word="要", measure=_pe("pe_minutes_out_of_school_per_day", PE_OUT.id),
    observed_label="每天校外体育活动时间", unit="分钟", gap_text="每天校外体育活动差{gap}分钟",
    period=PeriodKind.SEMESTER, parameters=(PE_OUT.id,), reading=_PE_READING,
)

# =======================================================================================
# 四(三)9 开齐开足上好心理健康教育课
# “普通中小学校各学段要在起始或关键年级每两周开设1课时心理健康活动课，各年级每学期至少开展1次以上心理健康
#  教育为主题的班团队会和1次有针对性的心理健康教育和生命教育专题活动，做到全覆盖、不断线；中等职业学校要将
#  心理健康与职业生涯作为必修课，并在一年级安排36学时。……加强生涯辅导，特别是高中学生的学涯指导……”
# =======================================================================================
Q_LESSONS = "普通中小学校各学段要在起始或关键年级每两周开设1课时心理健康活动课"
Q_EVENTS = ("各年级每学期至少开展1次以上心理健康教育为主题的班团队会和1次有针对性的心理健康教育和生命教育专题活动，"
            "做到全覆盖、不断线")
Q_VOCATIONAL = "中等职业学校要将心理健康与职业生涯作为必修课，并在一年级安排36学时"
Q_CAREER = "加强生涯辅导，特别是高中学生的学涯指导，激发学生学习与成长动力"
LESSONS = _param("curriculum.lessons_per_two_weeks", "起始年级每两周心理健康活动课课时", "课时", 1, "四(三)9",
                 Q_LESSONS)
MEETINGS = _param("curriculum.themed_class_meetings_per_semester", "各年级每学期心理主题班团队会次数", "次", 1,
                  "四(三)9", Q_EVENTS)
SPECIAL = _param("curriculum.special_activities_per_semester", "各年级每学期心理健康和生命教育专题活动次数", "次",
                 1, "四(三)9", Q_EVENTS)
VOCATIONAL_HOURS = _param("curriculum.vocational_course_hours", "中职一年级心理健康与职业生涯学时", "学时", 36,
                          "四(三)9", Q_VOCATIONAL)


def _lessons(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    enrolled = set(enrolled_grades(inst))
    keys = sorted(KEY_GRADE[s] for s in inst.stages if s in KEY_GRADE and KEY_GRADE[s] in enrolled)
    if not keys:
        return NotApplicable("各学段起始年级均无在校生")
    if not inst.lessons:
        return MissingData(("lessons",))
    year = school_year_code(ctx.period(PeriodKind.SCHOOL_YEAR))
    per = {g: max((lp.lessons_per_two_weeks for lp in inst.lessons if lp.school_year == year and lp.grade == g),
                  default=0.0) for g in keys}
    required = ctx.param(LESSONS.id)
    return Measure(observed=min(per.values()), required=required,
                   inputs={"学年": year, "起始年级": codes([str(g) for g in keys]),
                           "未达标年级": codes([str(g) for g in keys if per[g] < required])})


LESSONS_REQ = Requirement(
    id=f"{CITY}.4-3-9.lessons-per-two-weeks", city=CITY, clause="四(三)9", quote=Q_LESSONS,
    title="起始年级每两周开设1课时心理健康活动课", topic="curriculum.lessons_per_two_weeks",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.MANDATORY, modal_word="要", measure=_lessons, observed_label="起始年级每两周心理健康活动课课时（最少者）",
    unit="课时", gap_text="每两周差{gap}课时", period=PeriodKind.SCHOOL_YEAR, parameters=(LESSONS.id,),
    reading="“起始或关键年级”读作学校每个学段的起始年级（小学一年级、初中七年级、高中十年级），有在校生的才计；"
            "按最近已结束的学年的课表判定，每个起始年级都须达到。",
)


def _per_grade_events(kind: EventKind, param: str):  # type: ignore[no-untyped-def]
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        inst = subject.institution
        if not inst.enrollment:
            return MissingData(("enrollment",))
        if not inst.events:
            return MissingData(("events",))
        grades = enrolled_grades(inst)
        if not grades:
            return NotApplicable("无在校生")
        period = ctx.period(PeriodKind.SEMESTER)
        held = events_in(inst.events, period, kind)
        per = {g: sum(1 for e in held if e.grade is None or e.grade == g) for g in grades}
        required = ctx.param(param)
        return Measure(observed=min(per.values()), required=required,
                       inputs={"学期": period.label, "年级数": len(grades),
                               "未达标年级": codes([str(g) for g in grades if per[g] < required])})
    return measure


_EVENTS_READING = "逐年级判定（各年级都须达到）；未注明年级的活动视为全校性活动，计入每个年级。"
THEMED_MEETINGS = Requirement(
    id=f"{CITY}.4-3-9.themed-class-meeting", city=CITY, clause="四(三)9", quote=Q_EVENTS,
    title="各年级每学期至少1次心理健康教育主题班团队会", topic="curriculum.themed_class_meeting",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.MANDATORY, modal_word="至少",
    measure=_per_grade_events(EventKind.THEMED_CLASS_MEETING, MEETINGS.id),
    observed_label="本学期心理主题班团队会次数（最少的年级）", unit="次", gap_text="有年级差{gap}次主题班团队会",
    period=PeriodKind.SEMESTER, parameters=(MEETINGS.id,), reading=_EVENTS_READING,
)
SPECIAL_ACTIVITIES = Requirement(
    id=f"{CITY}.4-3-9.special-activity", city=CITY, clause="四(三)9", quote=Q_EVENTS,
    title="各年级每学期至少1次心理健康教育和生命教育专题活动", topic="curriculum.special_activity",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.MANDATORY, modal_word="至少",
    measure=_per_grade_events(EventKind.THEMED_ACTIVITY, SPECIAL.id),
    observed_label="本学期心理健康和生命教育专题活动次数（最少的年级）", unit="次", gap_text="有年级差{gap}次专题活动",
    period=PeriodKind.SEMESTER, parameters=(SPECIAL.id,), reading=_EVENTS_READING,
)


def _vocational(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.courses:
        return MissingData(("courses",))
    year = school_year_code(ctx.period(PeriodKind.SCHOOL_YEAR))
    rows = [c for c in inst.courses if "心理健康与职业生涯" in c.name and c.grade in (None, VOCATIONAL_FIRST_GRADE)
            and c.school_year in (None, year)]
    required_hours = sum(c.hours for c in rows if c.required)
    elective = [c for c in rows if not c.required]
    return Measure(observed=required_hours, required=ctx.param(VOCATIONAL_HOURS.id),
                   inputs={"学年": year, "一年级必修学时": required_hours},
                   note="该课程仅作选修开设，不计入" if elective and not required_hours else "")


VOCATIONAL_COURSE = Requirement(
    id=f"{CITY}.4-3-9.vocational-course", city=CITY, clause="四(三)9", quote=Q_VOCATIONAL,
    title="中职一年级开设心理健康与职业生涯必修课36学时", topic="curriculum.vocational_course",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中等职业学校", kinds=frozenset({InstitutionKind.SECONDARY_VOCATIONAL})),
    modality=Modality.MANDATORY, modal_word="要", measure=_vocational, observed_label="一年级心理健康与职业生涯必修课学时",
    unit="学时", gap_text="必修课学时差{gap}学时", period=PeriodKind.SCHOOL_YEAR, parameters=(VOCATIONAL_HOURS.id,),
    reading="只计作为必修课（required）开设、在一年级（数据中第10年级，或未注年级）的“心理健康与职业生涯”学时；"
            "第5条明列“中等职业学校和技工学校”，本条只写“中等职业学校”，故不适用于技工学校。",
)
CAREER = Requirement(
    id=f"{CITY}.4-3-9.career-guidance", city=CITY, clause="四(三)9", quote=Q_CAREER,
    title="加强生涯辅导，特别是高中学生的学涯指导", topic="attest.career_guidance",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="有普通高中学段的学校", stages=frozenset({Stage.SENIOR})),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="祈使句（“加强……”）无情态词，读作对学校、尤其是高中的强制任务；落实与否由人确认。",
)

# =======================================================================================
# 四(三)10 加强学生心理健康教科研
# “各县（区）教师发展中心至少配备 1 名心理教研员，并承担心理辅导站相关工作。……建立区域内心理健康教育教师
#  专项教研常态化机制，每月至少组织 1 次辖区内的教研活动。鼓励市级心理健康教育科研课题立项……”
# =======================================================================================
Q_RESEARCHER = "各县（区）教师发展中心至少配备 1 名心理教研员"
Q_MONTHLY = "建立区域内心理健康教育教师专项教研常态化机制，每月至少组织 1 次辖区内的教研活动"
Q_RESEARCH_PROJECTS = "鼓励市级心理健康教育科研课题立项"
RESEARCHERS = _param("research.researchers_per_center", "教师发展中心心理教研员人数", "名", 1, "四(三)10",
                     Q_RESEARCHER)
MONTHLY = _param("research.activities_per_month", "辖区心理教研活动每月次数", "次", 1, "四(三)10", Q_MONTHLY)


def _researcher(subject: Subject, ctx: Context) -> MeasureResult:
    center = subject.district.teacher_development_center
    if center is None:
        return MissingData(("teacher_development_center",))
    if not center.staff:
        return MissingData(("teacher_development_center.staff",))
    return Measure(observed=len(staff_with_role(center.staff, StaffRole.RESEARCHER)), required=ctx.param(RESEARCHERS.id),
                   inputs={"教师发展中心": center.name})


RESEARCHER = Requirement(
    id=f"{CITY}.4-3-10.researcher", city=CITY, clause="四(三)10", quote=Q_RESEARCHER,
    title="县（区）教师发展中心至少配备1名心理教研员", topic="research.researcher",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="至少", measure=_researcher, observed_label="心理教研员人数", unit="名",
    gap_text="缺{gap}名心理教研员", parameters=(RESEARCHERS.id,),
)


def _monthly(subject: Subject, ctx: Context) -> MeasureResult:
    district = subject.district
    center = district.teacher_development_center
    events = list(district.events) + (list(center.events) if center else [])
    if not events:
        return MissingData(("teacher_development_center.events",))
    period = ctx.period(PeriodKind.MONTH)
    return Measure(observed=len(events_in(events, period, EventKind.RESEARCH_ACTIVITY)), required=ctx.param(MONTHLY.id),
                   inputs={"月份": period.label})


MONTHLY_RESEARCH = Requirement(
    id=f"{CITY}.4-3-10.monthly-research", city=CITY, clause="四(三)10", quote=Q_MONTHLY,
    title="每月至少组织1次辖区心理健康教育教研活动", topic="research.monthly_activity",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="至少", measure=_monthly, observed_label="本月教研活动次数", unit="次",
    gap_text="本月差{gap}次教研活动", period=PeriodKind.MONTH, parameters=(MONTHLY.id,),
    reading="计县（区）及其教师发展中心记录的教研活动；按最近已结束的自然月判定。",
)
RESEARCH_PROJECTS = Requirement(
    id=f"{CITY}.4-3-10.research-projects", city=CITY, clause="四(三)10", quote=Q_RESEARCH_PROJECTS,
    title="鼓励市级心理健康教育科研课题立项", topic="attest.research_projects",
    subject=SubjectKind.CITY, applies_to=AppliesTo(text="全市"),
    modality=Modality.ADVICE, modal_word="鼓励", kind=RequirementKind.ATTESTATION,
)

# =======================================================================================
# 四(三)11 规范学生心理健康辅导 (partly: the qualitative duties of stations and schools)
# =======================================================================================
Q_STATION_SYSTEMS = "各级心理健康辅导站要健全心理辅导值班、预约、面谈、转介、追踪反馈等制度"
Q_ETHICS = "尊重专业设置，遵守保密原则，恪守咨询伦理，保障信息安全"
Q_MENTOR = "探索建立全体教师任职学生导师制度"
STATION_SYSTEMS = Requirement(
    id=f"{CITY}.4-3-11.station-systems", city=CITY, clause="四(三)11", quote=Q_STATION_SYSTEMS,
    title="辅导站健全值班、预约、面谈、转介、追踪反馈制度", topic="attest.station_systems",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级心理健康辅导站"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)
ETHICS = Requirement(
    id=f"{CITY}.4-3-11.ethics", city=CITY, clause="四(三)11", quote=Q_ETHICS,
    title="遵守保密原则，恪守咨询伦理，保障信息安全", topic="attest.ethics_confidentiality",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级心理健康辅导站"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="句在“各级心理健康辅导站要健全……”段内，读作辅导站的强制义务。",
)
MENTOR = Requirement(
    id=f"{CITY}.4-3-11.mentor-system", city=CITY, clause="四(三)11", quote=Q_MENTOR,
    title="探索全体教师任职学生导师制度（全员导师制）", topic="attest.mentor_system",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.ADVICE, modal_word="探索", kind=RequirementKind.ATTESTATION,
)

# =======================================================================================
# 四(四)12 完善县（区）辅导站和学校心理辅导室建设
# “各县（区）教育行政部门要联合财政等部门，统筹当地中小学学生心理辅导资源，做到县（区）级未成年人心理健康
#  辅导站全覆盖，乡镇中心小学及以上规模学校原则上均须参照……标准，配备心理辅导室。”
# =======================================================================================
Q_DISTRICT_STATION = ("各县（区）教育行政部门要联合财政等部门，统筹当地中小学学生心理辅导资源，"
                      "做到县（区）级未成年人心理健康辅导站全覆盖")
Q_ROOM = ("乡镇中心小学及以上规模学校原则上均须参照《教育部办公厅关于印发〈中小学心理辅导室建设指南〉的通知》"
          "（教基一厅函〔2015〕36号）以及《南昌市中小学心理辅导室建设标准和运行规范（试行）》（洪教健字〔2017〕1号）"
          "标准，配备心理辅导室")
STATIONS_PER_DISTRICT = _param("facilities.district_stations", "每县（区）县级辅导站数", "个", 1, "四(四)12",
                               Q_DISTRICT_STATION, note="“全覆盖”读作每个县（区）至少1个。")


def _district_station(subject: Subject, ctx: Context) -> MeasureResult:
    stations = [s for s in ctx.stations_in(subject.id) if s.level is StationLevel.DISTRICT]
    return Measure(observed=len(stations), required=ctx.param(STATIONS_PER_DISTRICT.id),
                   inputs={"县级辅导站": codes([s.name for s in stations])})


DISTRICT_STATION = Requirement(
    id=f"{CITY}.4-4-12.district-station", city=CITY, clause="四(四)12", quote=Q_DISTRICT_STATION,
    title="县（区）级未成年人心理健康辅导站全覆盖", topic="facilities.district_station",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="要", measure=_district_station, observed_label="县（区）级辅导站数",
    unit="个", gap_text="缺{gap}个县（区）级辅导站", parameters=(STATIONS_PER_DISTRICT.id,),
    reading="数据集中该县（区）的辅导站名册即全部辅导站：没有县级站即为0。",
)


def _room_scale(subject: Subject, ctx: Context) -> bool:
    inst = subject.institution
    return inst.central_primary or inst.kind is not InstitutionKind.PRIMARY or not inst.small_scale


def _room(subject: Subject, ctx: Context) -> MeasureResult:
    room = subject.institution.counseling_room
    if room is None:
        return MissingData(("counseling_room",))
    if room.meets_standard is None:
        return MissingData(("counseling_room.meets_standard",))
    return Measure(observed=int(room.meets_standard), required=1)


COUNSELING_ROOM = Requirement(
    id=f"{CITY}.4-4-12.counseling-room", city=CITY, clause="四(四)12", quote=Q_ROOM,
    title="乡镇中心小学及以上规模学校按标准配备心理辅导室", topic="facilities.counseling_room",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="乡镇中心小学及以上规模的中小学校", kinds=K12_KINDS, where=_room_scale),
    modality=Modality.IN_PRINCIPLE, modal_word="原则上", measure=_room, observed_label="按标准配备的心理辅导室", unit="个",
    gap_text="未按标准配备心理辅导室",
    allowance="原文为“原则上均须……配备”：个别学校可因条件暂缓，差距照报、注明原则性要求。",
    reading="“乡镇中心小学及以上规模学校”读作除村小、教学点（数据中标为小规模学校、又非中心小学的小学）以外的全部中小学校；"
            "辅导室须达到教基一厅函〔2015〕36号和洪教健字〔2017〕1号标准（meets_standard）；未建辅导室请填"
            "meets_standard=false，未报即缺数据。",
)

# =======================================================================================
# 四(五)14 加强家庭教育指导服务
# “……确保每学期对每个家庭至少家访 1 次，每学期至少开展 1 次面向家长的家庭教育讲座或活动……规范校内家长学校
#  建设……将分年段心理健康促进指导作为家长学校必修课……”
# =======================================================================================
Q_VISITS = "确保每学期对每个家庭至少家访 1 次"
Q_LECTURE = "每学期至少开展 1 次面向家长的家庭教育讲座或活动"
Q_PARENT_SCHOOL = "将分年段心理健康促进指导作为家长学校必修课"
VISITS = _param("family.visits_per_family_per_semester", "每学期每个家庭家访次数", "次", 1, "四(五)14", Q_VISITS)
LECTURES = _param("family.parent_lectures_per_semester", "每学期家庭教育讲座或活动次数", "次", 1, "四(五)14",
                  Q_LECTURE)


def _visits(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    code = _semester(ctx)
    if not inst.home_visits:
        return MissingData(("home_visits",))
    row = next((h for h in inst.home_visits if h.semester == code), None)
    if row is None:
        return MissingData((f"home_visits[{code}]",))
    if row.families == 0:
        return NotApplicable(f"{code}学期无在册家庭")
    per_family = ctx.param(VISITS.id)
    if per_family > 1:  # the data counts families visited at least once, nothing finer
        return MissingData((f"home_visits[{code}].visits_per_family",),
                           f"数据只记录至少家访1次的家庭数，不能判定每户{fmt_num(per_family)}次")
    return Measure(observed=row.families_visited, required=row.families,
                   inputs={"学期": code, "家庭数": row.families, "每户至少家访(次)": per_family})


HOME_VISITS = Requirement(
    id=f"{CITY}.4-5-14.home-visits", city=CITY, clause="四(五)14", quote=Q_VISITS,
    title="每学期对每个家庭至少家访1次", topic="family.home_visits",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="确保", measure=_visits, observed_label="本学期已家访家庭数", unit="户",
    gap_text="{gap}户家庭本学期未家访", period=PeriodKind.SEMESTER, parameters=(VISITS.id,),
    reading="每个家庭每学期至少1次：已家访家庭数须等于在册家庭数。",
)


def _lectures(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.events:
        return MissingData(("events",))
    period = ctx.period(PeriodKind.SEMESTER)
    return Measure(observed=len(events_in(inst.events, period, EventKind.PARENT_LECTURE)),
                   required=ctx.param(LECTURES.id), inputs={"学期": period.label})


PARENT_LECTURE = Requirement(
    id=f"{CITY}.4-5-14.parent-lecture", city=CITY, clause="四(五)14", quote=Q_LECTURE,
    title="每学期至少1次面向家长的家庭教育讲座或活动", topic="family.parent_session",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="至少", measure=_lectures, observed_label="本学期家庭教育讲座或活动次数",
    unit="次", gap_text="本学期差{gap}次家庭教育讲座或活动", period=PeriodKind.SEMESTER, parameters=(LECTURES.id,),
)
PARENT_SCHOOL = Requirement(
    id=f"{CITY}.4-5-14.parent-school", city=CITY, clause="四(五)14", quote=Q_PARENT_SCHOOL,
    title="规范家长学校，分年段心理健康促进指导列为必修课", topic="attest.parent_school",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="“将……作为家长学校必修课”无情态词，读作对举办家长学校的学校的强制任务；由人确认。",
)

# =======================================================================================
# 五(一) 加强组织领导
# “各中小學校要成立校长负责的心理健康教育领导小组、工作小组和心理危机干预小组，推动心理健康教育工作的常态化运行。”
# =======================================================================================
Q_GROUPS = "各中小學校要成立校长负责的心理健康教育领导小组、工作小组和心理危机干预小组"
GROUP_FIELDS = {"leadership_group": "心理健康教育领导小组", "working_group": "工作小组", "crisis_group": "心理危机干预小组"}


def _groups(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    unknown = tuple(f for f in GROUP_FIELDS if getattr(inst, f) is None)
    if unknown:
        return MissingData(unknown)
    absent = [label for f, label in GROUP_FIELDS.items() if not getattr(inst, f)]
    return Measure(observed=len(GROUP_FIELDS) - len(absent), required=len(GROUP_FIELDS),
                   inputs={"未成立": codes(absent)})


GROUPS = Requirement(
    id=f"{CITY}.5-1.school-groups", city=CITY, clause="五(一)", quote=Q_GROUPS,
    title="成立心理健康教育领导小组、工作小组和心理危机干预小组", topic="governance.school_groups",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", measure=_groups, observed_label="已成立的小组数", unit="个",
    gap_text="缺{gap}个小组",
)

# =======================================================================================
# 五(三) 加强评估督导
# “开展心理健康教育达标评估，每2年开展一轮示范校（站点）评估工作，对已经取得达标校和示范校实行动态评估。”
# =======================================================================================
Q_ROUND = "每2年开展一轮示范校（站点）评估工作"
ROUNDS = _param("governance.assessment_rounds_per_two_years", "每2年示范校（站点）评估轮数", "轮", 1, "五(三)", Q_ROUND)


def _rounds(subject: Subject, ctx: Context) -> MeasureResult:
    period = ctx.period(PeriodKind.TWO_YEARS)
    events = subject.city.events
    if not events:
        return MissingData(("city.events",))
    return Measure(observed=len(events_in(events, period, EventKind.ASSESSMENT_ROUND)), required=ctx.param(ROUNDS.id),
                   inputs={"评估轮次": period.label})


ASSESSMENT_ROUND = Requirement(
    id=f"{CITY}.5-3.assessment-round", city=CITY, clause="五(三)", quote=Q_ROUND,
    title="每2年开展一轮示范校（站点）评估", topic="governance.assessment_round",
    subject=SubjectKind.CITY, applies_to=AppliesTo(text="全市"),
    modality=Modality.MANDATORY, modal_word="", measure=_rounds, observed_label="本轮示范校（站点）评估次数", unit="次",
    gap_text="本轮未开展示范校（站点）评估", period=PeriodKind.TWO_YEARS, parameters=(ROUNDS.id,),
    reading="两年一轮自文件年度（2024年1月1日）起算：2024—2025年为第一轮；一轮结束后才判定。",
)

PARAMETERS = [
    CENSUS_PER_SEMESTER, FOLLOW_UP_DAYS, RATIO, LARGE_SCHOOL, LARGE_MIN_FULL_TIME, SMALL_MIN, STATION_MIN_FULL_TIME,
    PSYCH_HOURS, BACKBONE_HOURS, OTHER_TIMES, CLUB_SHARE, PE_IN, PE_OUT, LESSONS, MEETINGS, SPECIAL,
    VOCATIONAL_HOURS, RESEARCHERS, MONTHLY, STATIONS_PER_DISTRICT, VISITS, LECTURES, ROUNDS,
]
REQUIREMENTS = [
    CENSUS, ARCHIVES, FOLLOW_UP, COMMITTEE, SUPPORT_TEAM, CRITICAL_PERIODS, GREEN_CHANNEL,
    STAFFING_RATIO, STAFFING_LARGE, STAFFING_SMALL, PRESCHOOL_SPECIAL, STAFFING_STATION,
    TRAINING_PSYCH, TRAINING_BACKBONE, TRAINING_OTHERS, ALL_STAFF_TRAINING,
    MORAL, AFTER_SCHOOL_CLUBS, PE_IN_SCHOOL, PE_OUT_OF_SCHOOL,
    LESSONS_REQ, THEMED_MEETINGS, SPECIAL_ACTIVITIES, VOCATIONAL_COURSE, CAREER,
    RESEARCHER, MONTHLY_RESEARCH, RESEARCH_PROJECTS,
    STATION_SYSTEMS, ETHICS, MENTOR,
    DISTRICT_STATION, COUNSELING_ROOM,
    HOME_VISITS, PARENT_LECTURE, PARENT_SCHOOL,
    GROUPS, ASSESSMENT_ROUND,
]

UNMODELLED = [
    ClauseNote("一", "指导思想", "方向性表述，无可由数据判定的义务"),
    ClauseNote("二", "工作目标", "总体目标（四级服务体系、专家库、“四位一体”），具体义务见四、五各条"),
    ClauseNote("三", "基本原则", "原则性表述，无可由数据判定的义务"),
    ClauseNote("四(一)1", "健全优化管理机制：市级统筹调度、多部门协调、专家委员会", "对象为市级各部门，非学校或县（区）义务；无对应数据"),
    ClauseNote("四(一)2", "“市县（区）校家”四级心理服务体系、全员导师制",
               "体系建设由市教育局统筹；县级辅导站、辅导室、导师制分别由四(四)12、四(二)5、四(三)11各条判定"),
    ClauseNote("四(一)3", "建设覆盖全市的学生心理健康管理系统", "市级系统建设，见四(四)13，非学校义务"),
    ClauseNote("四(一)4", "网上网下监测预警、事后安抚、危机干预工作队、休复学机制、应急心理援助",
               "多为部门间机制或事件驱动，无逐期可测数据；新生/特殊节点排查与绿色通道作为人工确认项建模"),
    ClauseNote("四(二)5", "心理教师享受班主任同等待遇、招聘与编制", "对象为教育行政、人社、编制部门；无对应数据"),
    ClauseNote("四(二)6", "市县校三级培训体系、培训全覆盖", "体系建设由市教育局负责；逐人培训要求已建模"),
    ClauseNote("四(二)7", "打造心理健康教育骨干团队：专家团队、职称评聘、基本功大赛、名师工作室", "市级部门工作，无可测阈值"),
    ClauseNote("四(三)8", "以智慧心、以美润心、以劳健心（美术、劳动教育课开齐开足）", "属学科课程管理，超出心理健康数据范围"),
    ClauseNote("四(三)9", "线上线下教育教学资源库、精品课程、学科心育功能", "市级平台建设与教学要求，无可测阈值"),
    ClauseNote("四(三)11", "个别辅导、团体辅导、心理档案信息化、个案研讨与督导、24小时热线知晓率",
               "无频次或数量标准（“定期”未定期限），辅导站制度、伦理保密、导师制作为人工确认项建模"),
    ClauseNote("四(四)12", "全市达标学校和示范学校评估、提高辅导室使用率", "评估轮次见五(三)；使用率无标准"),
    ClauseNote("四(四)13", "建设全市学生心理健康管理系统", "市级信息化建设，非学校或县（区）义务"),
    ClauseNote("四(五)14", "家校沟通机制、家庭教育指导中心、社区家长学校、资源库、课程配送", "对象为教育行政、妇联等部门；无对应数据"),
    ClauseNote("四(五)15", "加大心理健康科普宣传", "宣传活动无频次或数量标准"),
    ClauseNote("四(五)16", "建立健全医教协同机制", "对象为卫健部门"),
    ClauseNote("四(五)17", "强化多部门协同联动", "对象为团市委、妇联、宣传、网信、民政、市场监管等部门"),
    ClauseNote("五(一)", "各级部门加强统一领导和统筹规划", "对象为各级党政部门；学校三个小组已建模"),
    ClauseNote("五(二)", "加强条件保障：经费纳入预算、兼职教师工作量与待遇", "经费与待遇无数据，也无数量标准"),
    ClauseNote("五(三)", "达标评估、动态评估、纳入督政督学和考核指标", "示范校（站点）评估轮次已建模；其余为督导部门工作"),
]
