"""四(二)5 配齐配强专兼职心理健康教师队伍

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（二）5.配齐配强专兼职心理健康教师队伍：

“中小学校（含中等职业学校和技工学校）原则上按照师生比1：800配备专兼职心理健康教师，超过800名学生的
 中小学校，应采取专职教师和兼职教师相结合的方式配备，且配备至少1名专职教师。办学规模低于800名学生的
 中小学校应通过其他学校对口援助、教师定点支教等多种方式配备兼职心理健康教师，确保中小学校心理健康教育
 教师全面覆盖。学前教育、特殊教育机构要合理配备专兼职心理健康教师。各县（区）未成年人心理健康辅导站要
 配备专职心理健康教育教师。”

Spec: features/nanchang/四(二)5_配齐配强专兼职心理健康教师队伍.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, InstitutionKind, StationLevel
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import ceil_div, no_staff, psych_teachers
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
from ._shared import param

Q_RATIO = "中小学校（含中等职业学校和技工学校）原则上按照师生比1：800配备专兼职心理健康教师"
Q_LARGE = "超过800名学生的中小学校，应采取专职教师和兼职教师相结合的方式配备，且配备至少1名专职教师"
Q_SMALL = ("办学规模低于800名学生的中小学校应通过其他学校对口援助、教师定点支教等多种方式配备兼职心理健康教师，"
           "确保中小学校心理健康教育教师全面覆盖")
Q_PRESCHOOL = "学前教育、特殊教育机构要合理配备专兼职心理健康教师"
Q_STATION = "各县（区）未成年人心理健康辅导站要配备专职心理健康教育教师"

RATIO = param("staffing.students_per_psych_teacher", "中小学专兼职心理健康教师师生比", "名学生/名心理健康教师",
              800, "四(二)5", Q_RATIO)
LARGE_SCHOOL = param("staffing.large_school_students", "须配专职教师的办学规模（超过）", "名学生", 800, "四(二)5",
                     Q_LARGE)
LARGE_MIN_FULL_TIME = param("staffing.large_school_min_full_time", "超过800名学生的学校最少专职心理健康教师", "名",
                            1, "四(二)5", Q_LARGE)
LARGE_MIN_PART_TIME = param("staffing.large_school_min_part_time", "超过800名学生的学校最少兼职心理健康教师", "名",
                            1, "四(二)5", Q_LARGE, note="“专职教师和兼职教师相结合的方式配备”读作名册中专职、兼职都有，兼职至少1名。")
SMALL_MIN = param("staffing.small_school_min_psych", "低于800名学生的学校最少心理健康教师（兼职即可）", "名", 1,
                  "四(二)5", Q_SMALL, note="“配备兼职心理健康教师”“全面覆盖”读作至少1名。")
STATION_MIN_FULL_TIME = param("staffing.station_min_full_time", "县（区）辅导站最少专职心理健康教育教师", "名", 1,
                              "四(二)5", Q_STATION, note="“要配备专职心理健康教育教师”读作至少1名。")


def _ratio(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    students = inst.students
    if students is None:
        return MissingData(("enrollment",))
    if missing := no_staff(inst):
        return missing
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
    reading="专职、兼职合计；所需人数为学生数÷800向上取整（800名学生需1名，801名需2名）。"
            "未报送教职工名单是缺数据，不当作零名教师（本条及下两条同，core/rules/queries.py:no_staff）。",
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
    if missing := no_staff(inst):
        return missing
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


def _part_time_large(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if inst.students is None:
        return MissingData(("enrollment",))
    if missing := no_staff(inst):
        return missing
    return Measure(observed=len(psych_teachers(inst.staff, full_time=False)), required=ctx.param(LARGE_MIN_PART_TIME.id),
                   inputs={"学生数": inst.students, "专职": len(psych_teachers(inst.staff, full_time=True))})


STAFFING_MIXED = Requirement(
    id=f"{CITY}.4-2-5.mixed-over-800", city=CITY, clause="四(二)5", quote=Q_LARGE,
    title="超过800名学生的中小学校专兼结合配备（有兼职心理健康教师）", topic="staffing.psych_teacher_mix",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="学生数超过800名的中小学校", kinds=K12_KINDS, where=_over_800),
    modality=Modality.MANDATORY, modal_word="应", measure=_part_time_large, observed_label="兼职心理健康教师人数",
    unit="名", gap_text="缺{gap}名兼职心理健康教师（未专兼结合）", parameters=(LARGE_SCHOOL.id, LARGE_MIN_PART_TIME.id),
    reading="“应采取专职教师和兼职教师相结合的方式配备”按字面读作专职、兼职两类都要有：专职一半（至少1名）由"
            "full-time-over-800判定，本条判兼职一半（至少1名）。只配专职教师的学校即使专职人数已达1:800，"
            "也未“相结合”，本条为不符合；原文没有以专职替代兼职的例外。",
)


def _small_school(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if inst.students is None:
        return MissingData(("enrollment",))
    if missing := no_staff(inst):
        return missing
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

Q_EQUAL = "教育行政部门要落实中小学校心理健康教育教师享受班主任同等待遇政策，并计班主任工作年限"
EQUAL_TREATMENT = Requirement(
    id=f"{CITY}.4-2-5.equal-treatment", city=CITY, clause="四(二)5", quote=Q_EQUAL,
    title="教育行政部门落实心理健康教育教师享受班主任同等待遇并计班主任工作年限", topic="attest.equal_treatment",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）教育行政部门"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="主体是教育行政部门；中小学教师的待遇和工作年限按县（区）管理，故按县（区）判定，是否落实由人确认。",
)

PARAMETERS: list[Parameter] = [RATIO, LARGE_SCHOOL, LARGE_MIN_FULL_TIME, LARGE_MIN_PART_TIME, SMALL_MIN,
                              STATION_MIN_FULL_TIME]
REQUIREMENTS: list[Requirement] = [EQUAL_TREATMENT, STAFFING_RATIO, STAFFING_LARGE, STAFFING_MIXED, STAFFING_SMALL,
                                  PRESCHOOL_SPECIAL, STAFFING_STATION]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(二)5", "心理健康教育教师招聘与编制统筹",
               "主体是人社部门、编制部门（“配合”），本插件的数据不含这些部门；同等待遇已作县（区）人工确认项建模"),
]
