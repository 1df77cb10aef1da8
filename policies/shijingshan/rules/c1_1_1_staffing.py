"""一(一)1 配齐中小学专兼职心理教师

石景山区实施方案（征求意见稿）一、健全工作体系，全面强化中小学心理健康工作（一）配齐建强心理健康工作队伍
1.配齐中小学专兼职心理教师：

“中小学每校至少配备1名专职心理健康教育教师。学生规模500人以上的学校，集团化办学、一校多址办学的学校，
适当增加专（兼）职心理教师配备，确保每个校区至少有1名心理教师。各校建立工作制度和考评机制，将专（兼）职心理
健康教育教师开展的心理健康教育教学活动和心理辅导等工作计入工作量，兼任心理咨询的专职心理教师的工作年限可
计算为班主任年限。”

Spec: features/shijingshan/一(一)1_配齐中小学专兼职心理教师.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import Institution
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import codes, no_staff, psych_teachers
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    NotApplicable,
    Requirement,
    SubjectKind,
)

from ..document import CITY
from ._shared import SCHOOL_KINDS, SCHOOLS, attest, param

# “中小学每校至少配备1名专职心理健康教育教师。”
Q_FULL_TIME = "中小学每校至少配备1名专职心理健康教育教师"
FULL_TIME_MIN = param("staffing.full_time_per_school", "每校专职心理健康教育教师最少人数", "名", 1, "一(一)1",
                      Q_FULL_TIME)


def _full_time(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if missing := no_staff(inst):
        return missing
    full = psych_teachers(inst.staff, full_time=True)
    return Measure(observed=len(full), required=ctx.param(FULL_TIME_MIN.id),
                   inputs={"专职心理教师": codes([s.id for s in full]), "学生数": inst.students or "未报"})


FULL_TIME = Requirement(
    id=f"{CITY}.1-1-1.full-time-per-school", city=CITY, clause="一(一)1", quote=Q_FULL_TIME,
    title="每校至少配备1名专职心理健康教育教师", topic="staffing.psych_teacher_ratio",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="至少",
    measure=_full_time, observed_label="专职心理健康教育教师人数", unit="名", gap_text="缺{gap}名专职心理教师",
    parameters=(FULL_TIME_MIN.id,),
    reading="按学校（法人）计，不论学生多少、校区几个：全校专职心理教师合计不少于1名；各校区另有下条要求。",
)

# “学生规模500人以上的学校，集团化办学、一校多址办学的学校，适当增加专（兼）职心理教师配备，确保每个校区至少
# 有1名心理教师。”
Q_CAMPUS = ("学生规模500人以上的学校，集团化办学、一校多址办学的学校，适当增加专（兼）职心理教师配备，"
            "确保每个校区至少有1名心理教师")
LARGE_SCHOOL = param("staffing.large_school_students", "须每个校区配备心理教师的学生规模", "人", 500, "一(一)1",
                     Q_CAMPUS, note="“500人以上”含500人（《民法典》第1259条：“以上”包括本数）。")
PER_CAMPUS_MIN = param("staffing.psych_teachers_per_campus", "每个校区心理教师最少人数", "名", 1, "一(一)1",
                       Q_CAMPUS)


def campus_duty(inst: Institution, ctx: Context) -> list[str]:
    """Why each campus of `inst` must have a psychology teacher (empty: the sentence does not reach it)."""
    why = []
    students = inst.students
    if students is not None and students >= ctx.param(LARGE_SCHOOL.id):
        why.append(f"学生规模{students}人（500人以上）")
    groups = [g.name for g in ctx.dataset.groups if inst.id in g.members]
    if groups:
        why.append(f"集团化办学（{codes(groups)}）")
    if len(inst.campuses) >= 2:
        why.append(f"一校多址（{len(inst.campuses)}个校区）")
    return why


def _per_campus(subject: Subject, ctx: Context) -> MeasureResult:
    site = subject.campus
    inst = site.school
    why = campus_duty(inst, ctx)
    if not why:
        if inst.students is None:
            return MissingData(("enrollment",), "学生规模未报，不能判定是否须每校区配备")
        return NotApplicable(f"学生{inst.students}人（不足500人）、未参加集团化办学、仅一个校区")
    if missing := no_staff(inst):
        return missing
    here = psych_teachers(site.staff)
    return Measure(observed=len(here), required=ctx.param(PER_CAMPUS_MIN.id),
                   inputs={"学校": inst.name, "校区": site.campus.name, "适用原因": "；".join(why),
                           "本校区心理教师": codes([s.id for s in here])})


PER_CAMPUS = Requirement(
    id=f"{CITY}.1-1-1.teacher-per-campus", city=CITY, clause="一(一)1", quote=Q_CAMPUS,
    title="确保每个校区至少有1名心理教师", topic="staffing.psych_teacher_per_campus",
    subject=SubjectKind.CAMPUS, applies_to=AppliesTo(text="学生500人以上、集团化办学或一校多址学校的各校区",
                                                     where=lambda s, _c: s.campus.school.kind in SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="确保", measure=_per_campus, observed_label="本校区心理教师人数",
    unit="名", gap_text="本校区缺{gap}名心理教师", parameters=(LARGE_SCHOOL.id, PER_CAMPUS_MIN.id),
    reading=("三类学校（学生500人以上；集团化办学，即为数据中某教育集团的成员校；一校多址，即报送两个以上校区）的"
             "每个校区各计；专职、兼职心理教师都算，以教职工名单中所属校区（campus）为准，未注明校区者不计入任何"
             "校区。“500人以上”含500人。只报一个校区或未报校区的学校，其唯一校址由“每校至少1名专职”一条覆盖。"),
)

WORKLOAD = attest(
    "一(一)1", "workload",
    "各校建立工作制度和考评机制，将专（兼）职心理健康教育教师开展的心理健康教育教学活动和心理辅导等工作计入工作量",
    "建立心理教师工作制度和考评机制，心理健康教育和辅导工作计入工作量")

PARAMETERS: list[Parameter] = [FULL_TIME_MIN, LARGE_SCHOOL, PER_CAMPUS_MIN]
REQUIREMENTS: list[Requirement] = [FULL_TIME, PER_CAMPUS, WORKLOAD]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(一)1", "适当增加专（兼）职心理教师配备",
               "“适当增加”未给数量，无法判定；可判定的部分（每个校区至少1名）已建模"),
    ClauseNote("一(一)1", "兼任心理咨询的专职心理教师工作年限可计算为班主任年限",
               "许可性规定（“可”），不构成学校须履行的义务"),
]
