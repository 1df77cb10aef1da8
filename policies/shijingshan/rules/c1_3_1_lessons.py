"""一(三)1 开足开好心理健康教育课程

石景山区实施方案（征求意见稿）一（三）1.开足开好心理健康教育课程（节选）：

“将心理健康教育课纳入学校教育教学计划，发挥课堂教学主渠道作用，开设心理健康课程，做到年级全覆盖。小学阶段
四年级及以上、初高中非毕业年级心理健康教育课不少于每两周1课时，初高中毕业年级应针对性安排考前心理辅导、心理
减压等教育内容。心理课时可与综合实践活动、地方课程、校本课程、班团队会等课时以及课后服务时间统筹使用。……”

Spec: features/shijingshan/一(三)1_开足开好心理健康教育课程.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import EventKind, Institution, Stage
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import codes, events_in, fmt_num
from mhpolicy.core.rules.requirement import (
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
from ._shared import SCHOOLS, param, school_year

# Graduating years of 初中 and 高中 (六三三 system: grades 9 and 12).
GRADUATING = {Stage.JUNIOR: 9, Stage.SENIOR: 12}
FIRST_LESSON_GRADE = 4  # 小学阶段四年级及以上


def lesson_grades(inst: Institution) -> list[int]:
    """Enrolled grades owed a lesson every two weeks: primary grade 4 and up, non-graduating 初高中."""
    out = set()
    for g in inst.enrollment:
        if g.students <= 0:
            continue
        if g.stage is Stage.PRIMARY and g.grade >= FIRST_LESSON_GRADE:
            out.add(g.grade)
        elif g.stage in GRADUATING and g.grade != GRADUATING[g.stage]:
            out.add(g.grade)
    return sorted(out)


def graduating_grades(inst: Institution) -> list[int]:
    return sorted({g.grade for g in inst.enrollment
                   if g.students > 0 and g.stage in GRADUATING and g.grade == GRADUATING[g.stage]})


# “小学阶段四年级及以上、初高中非毕业年级心理健康教育课不少于每两周1课时”
Q_LESSONS = "小学阶段四年级及以上、初高中非毕业年级心理健康教育课不少于每两周1课时"
LESSONS_MIN = param("curriculum.lessons_per_two_weeks", "心理健康教育课每两周课时", "课时", 1, "一(三)1", Q_LESSONS)


def _lessons(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    grades = lesson_grades(inst)
    if not grades:
        return NotApplicable("无小学四年级及以上或初高中非毕业年级学生（一至三年级、毕业年级无此课时要求）")
    year = school_year(ctx)
    if not inst.lessons:
        return MissingData(("lessons",))
    rows = {lp.grade: lp.lessons_per_two_weeks for lp in inst.lessons if lp.school_year == year}
    if not rows:
        return MissingData((f"lessons[{year}]",), f"未报送{year}学年课时安排")
    required = ctx.param(LESSONS_MIN.id)
    per_grade = {g: rows.get(g, 0.0) for g in grades}
    short = [f"{g}年级（{fmt_num(v)}课时）" for g, v in per_grade.items() if v < required]
    return Measure(observed=min(per_grade.values()), required=required,
                   inputs={"学年": year, "应开课年级": codes([f"{g}年级" for g in grades]), "未达标年级": codes(short)})


LESSONS = Requirement(
    id=f"{CITY}.1-3-1.lessons-per-two-weeks", city=CITY, clause="一(三)1", quote=Q_LESSONS,
    title="小学四年级及以上、初高中非毕业年级每两周至少1课时心理健康教育课", topic="curriculum.lessons_per_two_weeks",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="不少于",
    measure=_lessons, observed_label="课时最少年级的每两周课时", unit="课时",
    gap_text="课时最少的年级每两周差{gap}课时", period=PeriodKind.SCHOOL_YEAR, parameters=(LESSONS_MIN.id,),
    reading=("按学年、按年级判定，取课时最少的年级与阈值比较，说明中列出未达标年级。年级按六三三学制：小学4—6年级，"
             "初中7—8年级、高中10—11年级为非毕业年级；初三（9年级）、高三（12年级）另有考前心理辅导要求，"
             "一至三年级无课时要求。已报送本学年课时安排、但未列某年级者，该年级按0课时计。"
             "原文许可与综合实践活动、班团队会等统筹使用，报送的课时即统筹后的心理课时。"),
)

# “初高中毕业年级应针对性安排考前心理辅导、心理减压等教育内容”
Q_EXAM = "初高中毕业年级应针对性安排考前心理辅导、心理减压等教育内容"


def _exam(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    grades = graduating_grades(inst)
    if not grades:
        return NotApplicable("无初三、高三毕业年级")
    if not inst.events:
        return MissingData(("events",))
    period = ctx.period(PeriodKind.SCHOOL_YEAR)
    held = {e.grade for e in events_in(inst.events, period, EventKind.EXAM_COUNSELING)}
    missing = [f"{g}年级" for g in grades if g not in held]
    return Measure(observed=len(grades) - len(missing), required=len(grades),
                   inputs={"学年": period.label, "毕业年级": codes([f"{g}年级" for g in grades]),
                           "未安排的年级": codes(missing)})


EXAM_COUNSELING = Requirement(
    id=f"{CITY}.1-3-1.graduating-exam-counseling", city=CITY, clause="一(三)1", quote=Q_EXAM,
    title="初高中毕业年级安排考前心理辅导、心理减压", topic="curriculum.graduating_exam_counseling",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="应",
    measure=_exam, observed_label="已安排考前心理辅导的毕业年级数", unit="个年级",
    gap_text="{gap}个毕业年级本学年未安排考前心理辅导", period=PeriodKind.SCHOOL_YEAR,
    reading=("毕业年级的要求不是豁免，而是另一项要求：每个毕业年级（初三、高三）每学年至少有1次为该年级开展的"
             "“考前心理辅导/心理减压”活动（活动须注明年级）。原文未给次数，“安排”读作至少1次。"),
)

COVERAGE = Requirement(
    id=f"{CITY}.1-3-1.curriculum-plan", city=CITY, clause="一(三)1",
    quote="将心理健康教育课纳入学校教育教学计划，发挥课堂教学主渠道作用，开设心理健康课程，做到年级全覆盖",
    title="心理健康教育课纳入教学计划，年级全覆盖", topic="attest.curriculum_plan", subject=SubjectKind.INSTITUTION,
    applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading=("无情态词的任务陈述，读作强制；“年级全覆盖”包括一至三年级的心理健康教育（不设课时下限），由人确认。"),
)

PARAMETERS: list[Parameter] = [LESSONS_MIN]
REQUIREMENTS: list[Requirement] = [COVERAGE, LESSONS, EXAM_COUNSELING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(三)1", "区级教研部门下校听评课、示范课和展示交流", "对象为区级教研部门，数据不含听评课记录"),
]
