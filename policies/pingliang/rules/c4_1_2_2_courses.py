"""四(一)2(2) 开好心理健康相关课程

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（一）2.学校 2）开好心理健康相关课程（“32—36”的连接号按阅读补回，见 cleaning.py）：

“高校开设2个以上学分（32—36学时）的心理健康公共必修课；中小学将心理健康教育纳入校本课程，做到各年级有教学
 计划、教案、课件等，各班级每两周至少开设1课时的心理健康教育课程，有条件的学校将学生心理辅导纳入课后服务。
 中等职业学校按规定开足思想政治课“心理健康与职业生涯”模块学时。托幼机构应遵循儿童生理、心理特点，创设活动
 场景，培养幼儿积极心理品质。”

Spec: features/pingliang/四(一)2(2)_开好心理健康相关课程.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import Course, InstitutionKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind, school_year_code
from mhpolicy.core.rules.queries import codes, enrolled_grades, fmt_num
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
from ._shared import K12, UNIVERSITY, param

CLAUSE = "四(一)2(2)"
Q_UNI = "高校开设2个以上学分（32—36学时）的心理健康公共必修课"
Q_MATERIALS = "中小学将心理健康教育纳入校本课程，做到各年级有教学计划、教案、课件等"
Q_LESSONS = "各班级每两周至少开设1课时的心理健康教育课程"
Q_VOCATIONAL = "中等职业学校按规定开足思想政治课“心理健康与职业生涯”模块学时"
Q_KINDERGARTEN = "托幼机构应遵循儿童生理、心理特点，创设活动场景，培养幼儿积极心理品质"

UNI_CREDITS = param("curriculum.university_required_credits", "高校心理健康公共必修课学分（以上，含本数）", "学分", 2,
                    CLAUSE, Q_UNI, note="“2个以上学分”含2学分；括注的32—36学时是2学分对应的学时，不另作门槛。")
LESSONS = param("curriculum.lessons_per_two_weeks", "各班级每两周心理健康教育课课时", "课时", 1, CLAUSE, Q_LESSONS)

_MENTAL_HEALTH = "心理"


def _is_mental_health_course(c: Course) -> bool:
    return _MENTAL_HEALTH in c.name


def _uni_course(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.courses:
        return MissingData(("courses",))
    year = school_year_code(ctx.period(PeriodKind.SCHOOL_YEAR))
    required = [c for c in inst.courses if c.required and _is_mental_health_course(c)
                and (c.school_year is None or c.school_year == year)]
    best = max(required, key=lambda c: c.credits, default=None)
    return Measure(observed=best.credits if best else 0, required=ctx.param(UNI_CREDITS.id),
                   inputs={"学年": year, "必修课": best.name if best else "无心理健康必修课",
                           "学时": fmt_num(best.hours) if best else "—"})


UNI_COURSE = Requirement(
    id=f"{CITY}.4-1-2-2.university-required-course", city=CITY, clause=CLAUSE, quote=Q_UNI,
    title="高校开设2个以上学分（32—36学时）的心理健康公共必修课", topic="curriculum.university_course",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="", measure=_uni_course, observed_label="心理健康公共必修课学分",
    unit="学分", gap_text="心理健康公共必修课差{gap}学分", period=PeriodKind.SCHOOL_YEAR, parameters=(UNI_CREDITS.id,),
    reading="无情态词，但“开设……必修课”是对高校的任务陈述，读作强制。逐学年判定：该学年开设（或未注明学年）的、名称含"
            "“心理”的必修课中学分最多的一门，学分≥2（“以上”含本数）。32—36学时是2学分的折算，只作说明，不另判。"
            "未报课程设置为缺数据。",
)


def _lessons(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    grades = [g for g in enrolled_grades(inst) if 1 <= g <= 12]
    if not grades:
        return NotApplicable("无中小学年级的在校生")
    if not inst.lessons:
        return MissingData(("lessons",))
    year = school_year_code(ctx.period(PeriodKind.SCHOOL_YEAR))
    per = {g: max((lp.lessons_per_two_weeks for lp in inst.lessons if lp.school_year == year and lp.grade == g),
                  default=0.0) for g in grades}
    required = ctx.param(LESSONS.id)
    return Measure(observed=min(per.values()), required=required,
                   inputs={"学年": year, "年级数": len(grades),
                           "未开足年级": codes([f"{g}年级（{fmt_num(per[g])}课时）" for g in grades if per[g] < required])})


LESSONS_RULE = Requirement(
    id=f"{CITY}.4-1-2-2.lessons-per-two-weeks", city=CITY, clause=CLAUSE, quote=Q_LESSONS,
    title="各班级每两周至少开设1课时心理健康教育课", topic="curriculum.lessons_per_two_weeks",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）", kinds=K12),
    modality=Modality.MANDATORY, modal_word="至少", measure=_lessons,
    observed_label="每两周心理健康教育课课时（最少的年级）", unit="课时", gap_text="每两周差{gap}课时",
    period=PeriodKind.SCHOOL_YEAR, parameters=(LESSONS.id,),
    reading="“各班级”：课表按年级报送（同年级各班同一课表），故每个有在校生的年级（1—12年级）都须每两周至少1课时，"
            "取最少的年级判定，并列出未开足的年级。与南昌只要求各学段起始或关键年级不同，平凉要求每个班级。逐学年判定。",
)
MATERIALS = Requirement(
    id=f"{CITY}.4-1-2-2.grade-materials", city=CITY, clause=CLAUSE, quote=Q_MATERIALS,
    title="心理健康教育纳入校本课程，各年级有教学计划、教案、课件", topic="attest.grade_materials",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）", kinds=K12),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="“做到”是要求达到的结果，读作强制；教学计划、教案、课件的有无和质量不在数据中，逐年级由人确认。",
)
VOCATIONAL = Requirement(
    id=f"{CITY}.4-1-2-2.vocational-module", city=CITY, clause=CLAUSE, quote=Q_VOCATIONAL,
    title="中等职业学校开足“心理健康与职业生涯”模块学时", topic="curriculum.vocational_course",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中等职业学校、技工学校",
                         kinds=frozenset({InstitutionKind.SECONDARY_VOCATIONAL, InstitutionKind.TECHNICAL})),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="“按规定开足”：学时数引自国家课程标准，本文件未写出，不在此编造数字；是否开足由人确认。",
)
KINDERGARTEN = Requirement(
    id=f"{CITY}.4-1-2-2.kindergarten-activities", city=CITY, clause=CLAUSE, quote=Q_KINDERGARTEN,
    title="托幼机构遵循儿童身心特点创设活动场景，培养幼儿积极心理品质", topic="attest.kindergarten_activities",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="幼儿园", kinds=frozenset({InstitutionKind.KINDERGARTEN})),
    modality=Modality.MANDATORY, modal_word="应", kind=RequirementKind.ATTESTATION,
    reading="定性要求，无数量，由人确认。",
)

PARAMETERS: list[Parameter] = [UNI_CREDITS, LESSONS]
REQUIREMENTS: list[Requirement] = [UNI_COURSE, MATERIALS, LESSONS_RULE, VOCATIONAL, KINDERGARTEN]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "有条件的学校将学生心理辅导纳入课后服务",
               "“有条件的学校”由学校自定，没有标准可判谁“有条件”，也无数量"),
]
