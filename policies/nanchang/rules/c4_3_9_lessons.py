"""四(三)9 开齐开足上好心理健康教育课

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（三）9.开齐开足上好心理健康教育课：

“普通中小学校各学段要在起始或关键年级每两周开设1课时心理健康活动课，各年级每学期至少开展1次以上心理健康
 教育为主题的班团队会和1次有针对性的心理健康教育和生命教育专题活动，做到全覆盖、不断线；中等职业学校要将
 心理健康与职业生涯作为必修课，并在一年级安排36学时。……加强生涯辅导，特别是高中学生的学涯指导……”

Spec: features/nanchang/四(三)9_开齐开足上好心理健康教育课.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import EventKind, InstitutionKind, Stage
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind, school_year_code
from mhpolicy.core.rules.queries import codes, enrolled_grades, events_in
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
from ._shared import ORDINARY_KINDS, param

# The 各学段 of an ordinary school, by the data's grade numbers (起始年级 1, 7, 10; the school may
# choose another 关键年级 of the same stage instead, see the reading).
STAGE_GRADES = {Stage.PRIMARY: range(1, 7), Stage.JUNIOR: range(7, 10), Stage.SENIOR: range(10, 13)}
VOCATIONAL_FIRST_GRADE = 10  # 中职一年级 in the data's grade numbering
Q_LESSONS = "普通中小学校各学段要在起始或关键年级每两周开设1课时心理健康活动课"
Q_EVENTS = ("各年级每学期至少开展1次以上心理健康教育为主题的班团队会和1次有针对性的心理健康教育和生命教育专题活动，"
            "做到全覆盖、不断线")
Q_VOCATIONAL = "中等职业学校要将心理健康与职业生涯作为必修课，并在一年级安排36学时"
Q_CAREER = "加强生涯辅导，特别是高中学生的学涯指导，激发学生学习与成长动力"
LESSONS = param("curriculum.lessons_per_two_weeks", "起始年级每两周心理健康活动课课时", "课时", 1, "四(三)9",
                Q_LESSONS)
MEETINGS = param("curriculum.themed_class_meetings_per_semester", "各年级每学期心理主题班团队会次数", "次", 1,
                 "四(三)9", Q_EVENTS)
SPECIAL = param("curriculum.special_activities_per_semester", "各年级每学期心理健康和生命教育专题活动次数", "次",
                1, "四(三)9", Q_EVENTS)
VOCATIONAL_HOURS = param("curriculum.vocational_course_hours", "中职一年级心理健康与职业生涯学时", "学时", 36,
                         "四(三)9", Q_VOCATIONAL)


def _lessons(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    by_stage: dict[Stage, set[int]] = {}
    for grade in enrolled_grades(inst):
        stage = next((st for st, grades in STAGE_GRADES.items() if grade in grades), None)
        if stage is not None:
            by_stage.setdefault(stage, set()).add(grade)
    if not by_stage:
        return NotApplicable("无小学、初中、高中学段在校生")
    if not inst.lessons:
        return MissingData(("lessons",))
    year = school_year_code(ctx.period(PeriodKind.SCHOOL_YEAR))
    # Per stage, the grade with the most lessons is the one the school teaches it in (起始 or 关键).
    best: dict[Stage, tuple[int, float]] = {}
    for stage, grades in by_stage.items():
        per = {g: max((lp.lessons_per_two_weeks for lp in inst.lessons if lp.school_year == year and lp.grade == g),
                      default=0.0) for g in sorted(grades)}
        grade = max(per, key=lambda g: (per[g], -g))
        best[stage] = (grade, per[grade])
    required = ctx.param(LESSONS.id)
    return Measure(observed=min(v for _, v in best.values()), required=required,
                   inputs={"学年": year,
                           "各学段开课年级": codes([f"{st.label}{g}年级" for st, (g, v) in best.items() if v > 0]),
                           "未开足学段": codes([st.label for st, (_, v) in best.items() if v < required])})


LESSONS_REQ = Requirement(
    id=f"{CITY}.4-3-9.lessons-per-two-weeks", city=CITY, clause="四(三)9", quote=Q_LESSONS,
    title="各学段在起始或关键年级每两周开设1课时心理健康活动课", topic="curriculum.lessons_per_two_weeks",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.MANDATORY, modal_word="要", measure=_lessons,
    observed_label="各学段开课最多年级的每两周心理健康活动课课时（最少的学段）",
    unit="课时", gap_text="每两周差{gap}课时", period=PeriodKind.SCHOOL_YEAR, parameters=(LESSONS.id,),
    reading="“各学段要在起始或关键年级”：“或”让学校在起始年级与关键年级之间选择，原文未定义关键年级，"
            "故该学段任一有在校生的年级开足即可（初中在九年级而非七年级开课也符合）；每个有在校生的学段"
            "（小学、初中、高中）都须有一个年级每两周至少1课时，取各学段开课最多的年级判定。逐学年按该学年的课表判定。",
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

PARAMETERS: list[Parameter] = [LESSONS, MEETINGS, SPECIAL, VOCATIONAL_HOURS]
REQUIREMENTS: list[Requirement] = [LESSONS_REQ, THEMED_MEETINGS, SPECIAL_ACTIVITIES, VOCATIONAL_COURSE, CAREER]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(三)9", "线上线下教育教学资源库、精品课程、学科心育功能", "市级平台建设与教学要求，无可测阈值"),
]
