"""四(一)2(5) 建强师资队伍

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（一）2.学校 5）建强师资队伍（引文按清理后的文本，见 cleaning.py；“1：4000”的冒号按阅读补回）：

“盘活用好教师编制资源，现有编制限额内空编优先用于补充中小学心理健康教育教师。至2024年底，各学校心理健康
 教育教师配备达到以下要求：高校按师生比例不低于1：4000配备专职心理健康教育教师，且每校至少配备2名；中小学
 每校至少配备1名专兼职心理健康教育教师，1000人以上的中小学或200人以上的寄宿制学校须配备专职教师。加大县级
 教研机构心理健康教育教研员配备力度。”

Spec: features/pingliang/四(一)2(5)_建强师资队伍.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import StaffRole
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
    SubjectKind,
)

from ..document import CITY
from ._shared import DUE_2024, K12, UNIVERSITY, param

CLAUSE = "四(一)2(5)"
Q_UNI = "高校按师生比例不低于1：4000配备专职心理健康教育教师，且每校至少配备2名"
Q_K12 = "中小学每校至少配备1名专兼职心理健康教育教师"
Q_FULL_TIME = "1000人以上的中小学或200人以上的寄宿制学校须配备专职教师"
Q_RESEARCHER = "加大县级教研机构心理健康教育教研员配备力度"

UNI_RATIO = param("staffing.university_students_per_full_time", "高校专职心理健康教育教师师生比",
                  "名学生/名专职心理健康教育教师", 4000, CLAUSE, Q_UNI,
                  note="原文抽取为“14000”，按阅读补回冒号（cleaning.RESTORED）。")
UNI_MIN = param("staffing.university_min_full_time", "高校每校最少专职心理健康教育教师", "名", 2, CLAUSE, Q_UNI)
K12_MIN = param("staffing.k12_min_psych", "中小学每校最少专兼职心理健康教育教师", "名", 1, CLAUSE, Q_K12)
LARGE_STUDENTS = param("staffing.large_school_students", "须配专职教师的中小学规模（以上，含本数）", "名学生", 1000,
                       CLAUSE, Q_FULL_TIME, note="“1000人以上”含1000人。")
BOARDERS = param("staffing.boarding_school_boarders", "须配专职教师的寄宿制学校寄宿生人数（以上，含本数）", "名寄宿生",
                 200, CLAUSE, Q_FULL_TIME, note="“200人以上的寄宿制学校”读作寄宿生200人及以上。")
FULL_TIME_MIN = param("staffing.large_school_min_full_time", "须配专职教师的学校最少专职心理健康教育教师", "名", 1,
                      CLAUSE, Q_FULL_TIME, note="“须配备专职教师”读作至少1名。")
RESEARCHER_MIN = param("research.county_researchers", "县级教研机构心理健康教育教研员（倡导）", "名", 1, CLAUSE,
                       Q_RESEARCHER, note="“加大……配备力度”未给数量；以至少1名专（兼）职教研员为提示线。")


def _uni_ratio(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if inst.students is None:
        return MissingData(("enrollment",))
    if missing := no_staff(inst):
        return missing
    return Measure(observed=len(psych_teachers(inst.staff, full_time=True)),
                   required=ceil_div(inst.students, ctx.param(UNI_RATIO.id)), inputs={"学生数": inst.students})


def _uni_min(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if missing := no_staff(inst):
        return missing
    return Measure(observed=len(psych_teachers(inst.staff, full_time=True)), required=ctx.param(UNI_MIN.id))


UNI_RATIO_RULE = Requirement(
    id=f"{CITY}.4-1-2-5.university-full-time-ratio", city=CITY, clause=CLAUSE, quote=Q_UNI,
    title="高校按不低于1:4000的师生比配备专职心理健康教育教师", topic="staffing.university_ratio",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="不低于", measure=_uni_ratio, observed_label="专职心理健康教育教师人数",
    unit="名", gap_text="按1:4000缺{gap}名专职心理健康教育教师", due=DUE_2024, parameters=(UNI_RATIO.id,),
    reading="“至2024年底……达到以下要求”：2024-12-31为期限。师生比向上取整（4000名学生需1名，4001名需2名）；"
            "只计专职。“1：4000”原文抽取为“14000”，冒号按阅读补回（cleaning.RESTORED 说明理由）。",
)
UNI_MIN_RULE = Requirement(
    id=f"{CITY}.4-1-2-5.university-full-time-minimum", city=CITY, clause=CLAUSE, quote=Q_UNI,
    title="高校每校至少配备2名专职心理健康教育教师", topic="staffing.university_ratio",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="至少", measure=_uni_min, observed_label="专职心理健康教育教师人数",
    unit="名", gap_text="缺{gap}名专职心理教师（每校至少2名）", due=DUE_2024, parameters=(UNI_MIN.id,),
    reading="“且每校至少配备2名”承接高校专职一句：与1:4000同时适用，学生不足8000人的高校也至少2名专职。",
)


def _k12_any(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if missing := no_staff(inst):
        return missing
    teachers = psych_teachers(inst.staff)
    return Measure(observed=len(teachers), required=ctx.param(K12_MIN.id),
                   inputs={"专职": sum(t.full_time for t in teachers), "兼职": sum(not t.full_time for t in teachers)})


K12_ANY_RULE = Requirement(
    id=f"{CITY}.4-1-2-5.k12-at-least-one", city=CITY, clause=CLAUSE, quote=Q_K12,
    title="中小学每校至少配备1名专兼职心理健康教育教师", topic="staffing.small_school_part_time",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职、技工学校）", kinds=K12),
    modality=Modality.MANDATORY, modal_word="至少", measure=_k12_any, observed_label="专兼职心理健康教育教师人数",
    unit="名", gap_text="缺{gap}名心理健康教育教师（专兼职均可）", due=DUE_2024, parameters=(K12_MIN.id,),
    reading="专职、兼职合计；适用于每所中小学，不论规模。中职、技工学校计入“中小学”：本文件在测评一句把中等职业学校"
            "与中小学并列为学段，配备一句没有另列，不配备的读法会让中职无任何配备要求。未报送教职工名单是缺数据。",
)


def _needs_full_time(subject: Subject, ctx: Context) -> bool:
    """1000 students or more, or a boarding school with 200 boarders or more; unknown enrolment: yes
    (so the finding asks for it instead of leaving the school out)."""
    inst = subject.institution
    students = inst.students
    large = students is None or students >= ctx.param(LARGE_STUDENTS.id)
    boarding = inst.boarding and inst.boarding_students >= ctx.param(BOARDERS.id)
    return large or boarding


def _full_time_required(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    large = inst.students is not None and inst.students >= ctx.param(LARGE_STUDENTS.id)
    boarding = inst.boarding and inst.boarding_students >= ctx.param(BOARDERS.id)
    if inst.students is None and not boarding:
        return MissingData(("enrollment",))
    if missing := no_staff(inst):
        return missing
    why = "、".join(w for w, on in (("学生1000人以上", large), ("寄宿生200人以上", boarding)) if on)
    return Measure(observed=len(psych_teachers(inst.staff, full_time=True)), required=ctx.param(FULL_TIME_MIN.id),
                   inputs={"学生数": inst.students if inst.students is not None else "未报送",
                           "寄宿生": inst.boarding_students if inst.boarding else "非寄宿制", "适用条件": why})


FULL_TIME_RULE = Requirement(
    id=f"{CITY}.4-1-2-5.full-time-large-or-boarding", city=CITY, clause=CLAUSE, quote=Q_FULL_TIME,
    title="1000人以上的中小学或寄宿生200人以上的寄宿制学校须配备专职心理健康教育教师",
    topic="staffing.psych_teacher_ratio", subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="学生1000人以上的中小学，或寄宿生200人以上的寄宿制中小学", kinds=K12,
                         where=_needs_full_time),
    modality=Modality.MANDATORY, modal_word="须", measure=_full_time_required, observed_label="专职心理健康教育教师人数",
    unit="名", gap_text="缺{gap}名专职心理健康教育教师", due=DUE_2024,
    parameters=(LARGE_STUDENTS.id, BOARDERS.id, FULL_TIME_MIN.id),
    reading="两个条件任一成立即适用：（1）在籍学生≥1000人（“以上”含本数，同《民法典》第1259条）；（2）寄宿制学校且寄宿生"
            "≥200人。“200人以上的寄宿制学校”读作寄宿生人数而非全校学生数：要专职教师的理由是学生住校、离家，"
            "住校的人数才是它的尺度；学生1000人以上的学校已由条件（1）覆盖。恰为999人、199名寄宿生的学校不适用本条"
            "（仍须至少1名专兼职教师）。未报学生数且不因寄宿生适用的学校为缺数据。",
)


def _researchers(subject: Subject, ctx: Context) -> MeasureResult:
    centre = subject.district.teacher_development_center
    if centre is None:
        return MissingData(("teacher_development_center",))
    if not centre.staff:
        return MissingData(("teacher_development_center.staff",))
    found = [s for s in centre.staff if s.role is StaffRole.RESEARCHER]
    return Measure(observed=len(found), required=ctx.param(RESEARCHER_MIN.id), inputs={"教研机构": centre.name})


RESEARCHER_RULE = Requirement(
    id=f"{CITY}.4-1-2-5.county-researcher", city=CITY, clause=CLAUSE, quote=Q_RESEARCHER,
    title="加大县级教研机构心理健康教育教研员配备力度（倡导）", topic="research.researcher",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（市、区）教研机构"),
    modality=Modality.ADVICE, modal_word="加大", measure=_researchers, observed_label="心理健康教育教研员人数",
    unit="名", gap_text="教研机构尚无心理健康教育教研员（缺{gap}名）", parameters=(RESEARCHER_MIN.id,),
    reading="“加大……配备力度”是努力方向，没有人数标准，也没有期限：按倡导判定，未配只作提示，永不判不符合；"
            "以县（市、区）教师发展中心（教研机构）名册上至少1名心理教研员为提示线。",
)

PARAMETERS: list[Parameter] = [UNI_RATIO, UNI_MIN, K12_MIN, LARGE_STUDENTS, BOARDERS, FULL_TIME_MIN, RESEARCHER_MIN]
REQUIREMENTS: list[Requirement] = [UNI_RATIO_RULE, UNI_MIN_RULE, K12_ANY_RULE, FULL_TIME_RULE, RESEARCHER_RULE]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "盘活用好教师编制资源，空编优先补充中小学心理健康教育教师",
               "主体是编制部门（市委编办），本插件的数据不含编制与空编；配备结果已逐校判定"),
]
