"""一(五)1 区校协同做好学生心理健康筛查评估工作

石景山区实施方案（征求意见稿）一（五）1.区校协同做好学生心理健康筛查评估工作（节选）：

“……各中小学每年面向小学高年级（四年级及以上）、初中、高中开展1次心理健康测评，按照“一人一档”要求，建立学生
心理健康状况电子档案，做好全过程的跟踪监测。”

Spec: features/shijingshan/一(五)1_区校协同做好学生心理健康筛查评估工作.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import Institution, ScreeningKind, Stage
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import codes, reported_yes
from mhpolicy.core.rules.requirement import (
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
from ._shared import SCHOOLS, param

FIRST_SCREENED_GRADE = 4  # 小学高年级（四年级及以上）


def screened_grades(inst: Institution) -> list[int]:
    """Enrolled grades the yearly test covers: primary grade 4 and up, all of 初中 and 高中."""
    return sorted({g.grade for g in inst.enrollment if g.students > 0 and (
        (g.stage is Stage.PRIMARY and g.grade >= FIRST_SCREENED_GRADE) or g.stage in (Stage.JUNIOR, Stage.SENIOR))})


# “各中小学每年面向小学高年级（四年级及以上）、初中、高中开展1次心理健康测评”
Q_CENSUS = "各中小学每年面向小学高年级（四年级及以上）、初中、高中开展1次心理健康测评"
PER_YEAR = param("screening.tests_per_year", "每年心理健康测评次数", "次", 1, "一(五)1", Q_CENSUS)


def _census(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    grades = screened_grades(inst)
    if not grades:
        return NotApplicable("无四年级及以上学生（一至三年级不在测评范围）")
    if not inst.screenings:
        return MissingData(("screenings",))
    period = ctx.period(PeriodKind.SCHOOL_YEAR)
    tests = [s for s in inst.screenings if s.kind is ScreeningKind.CENSUS and period.contains(s.date)]
    times = {g: sum(1 for s in tests if not s.grades or g in s.grades) for g in grades}
    missing = [f"{g}年级" for g, n in times.items() if n < ctx.param(PER_YEAR.id)]
    return Measure(observed=min(times.values()), required=ctx.param(PER_YEAR.id),
                   inputs={"学年": period.label, "应测评年级": codes([f"{g}年级" for g in grades]),
                           "未测评年级": codes(missing)})


CENSUS = Requirement(
    id=f"{CITY}.1-5-1.yearly-test", city=CITY, clause="一(五)1", quote=Q_CENSUS,
    title="每年面向四年级及以上、初中、高中开展1次心理健康测评", topic="screening.census",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="",
    measure=_census, observed_label="测评次数最少年级的本学年测评次数", unit="次",
    gap_text="本学年有年级未完成心理健康测评（差{gap}次，见说明“未测评年级”）", period=PeriodKind.SCHOOL_YEAR,
    parameters=(PER_YEAR.id,),
    reading=("“每年……开展1次”无情态词，读作强制的年度任务。“每年”按学年（9月1日—8月31日）计：测评随学年组织，"
             "年级在9月变动。每个应测年级须被至少1次“心理健康普查”覆盖；测评记录未列年级的视为全校测评。"
             "一至三年级不在范围内。"),
)

# “按照“一人一档”要求，建立学生心理健康状况电子档案”
Q_ARCHIVE = "按照“一人一档”要求，建立学生心理健康状况电子档案"


def _archive(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if inst.enrollment and not screened_grades(inst):
        return NotApplicable("无四年级及以上学生（一至三年级不在测评范围）")
    return reported_yes(inst.archives_kept, "archives_kept")


ARCHIVES = Requirement(
    id=f"{CITY}.1-5-1.one-file-per-student", city=CITY, clause="一(五)1", quote=Q_ARCHIVE,
    title="按“一人一档”建立学生心理健康状况电子档案", topic="archives.kept",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="",
    measure=_archive, observed_label="已建立电子档案", unit="项", gap_text="尚未按“一人一档”建立电子档案",
    reading="无情态词的任务陈述，读作强制；适用于有受测年级的学校，按学校报送的是否建档判定，未报为缺数据。",
)

PARAMETERS: list[Parameter] = [PER_YEAR]
REQUIREMENTS: list[Requirement] = [CENSUS, ARCHIVES]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(五)1", "区级定期组织监测、与卫生健康等专业机构合作提供测评资源",
               "对象为区级部门；数据不含区级监测记录"),
]
