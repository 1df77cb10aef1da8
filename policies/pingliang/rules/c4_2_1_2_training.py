"""四(二)1(2) 加大培训力度

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（二）1.教育培训 2）加大培训力度：

“面向中小学校班主任和少先队辅导员、高校辅导员等开展个体心理发展、健康教育基本知识和技能全覆盖培训。在各级
 教师培训项目中加大心理健康教育专题培训，确保心理健康教育教师每年参加一次县级以上培训、每3年参加一次省市级
 以上培训。”

Spec: features/pingliang/四(二)1(2)_加大培训力度.feature
"""

from __future__ import annotations

from datetime import date, timedelta

from mhpolicy.core.model.entities import TrainingLevel
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import codes, psych_teachers
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
from ._shared import K12, SCHOOL_KINDS, UNIVERSITY, param

CLAUSE = "四(二)1(2)"
Q_TRAINING = "确保心理健康教育教师每年参加一次县级以上培训、每3年参加一次省市级以上培训"
Q_COVERAGE = "面向中小学校班主任和少先队辅导员、高校辅导员等开展个体心理发展、健康教育基本知识和技能全覆盖培训"

YEARLY_TIMES = param("training.psych_county_times", "心理健康教育教师每年县级以上培训次数", "次", 1, CLAUSE, Q_TRAINING)
ROLLING_YEARS = param("training.psych_municipal_window_years", "省市级以上培训的回溯年数", "年", 3, CLAUSE, Q_TRAINING,
                      note="自评估日回溯3年（含评估日，不含3年前的同一日）。")
ROLLING_TIMES = param("training.psych_municipal_times", "心理健康教育教师每3年省市级以上培训次数", "次", 1, CLAUSE,
                      Q_TRAINING)

COUNTY_OR_ABOVE = frozenset({TrainingLevel.COUNTY, TrainingLevel.MUNICIPAL, TrainingLevel.PROVINCIAL,
                             TrainingLevel.NATIONAL})
MUNICIPAL_OR_ABOVE = frozenset({TrainingLevel.MUNICIPAL, TrainingLevel.PROVINCIAL, TrainingLevel.NATIONAL})


def rolling_window_start(as_of: date, years: int) -> date:
    """The first day of the `years` years that end on `as_of`: 2025-06-30 and 3 -> 2022-07-01.

    29 February falls back to 28 February when the year it lands in has none."""
    try:
        anniversary = as_of.replace(year=as_of.year - years)
    except ValueError:  # 29 Feb in a year that has none
        anniversary = as_of.replace(year=as_of.year - years, day=28)
    return anniversary + timedelta(days=1)


def _each_teacher(subject: Subject, levels: frozenset[TrainingLevel], start: date, end: date, required: float,
                  label: str) -> MeasureResult:
    inst = subject.institution
    if not inst.staff:
        return MissingData(("staff",), "未报送教职工名单")
    teachers = psych_teachers(inst.staff)
    if not teachers:
        return NotApplicable("名册上没有心理健康教育教师")
    if not any(t.trainings for t in teachers):
        return MissingData(("staff[].trainings",), "心理健康教育教师均无培训记录")
    done = {t.id: sum(1 for x in t.trainings if x.level in levels and start <= x.date <= end) for t in teachers}
    short = [i for i, n in done.items() if n < required]
    return Measure(observed=min(done.values()), required=required,
                   inputs={"区间": f"{start.isoformat()}至{end.isoformat()}", "心理健康教育教师人数": len(teachers),
                           f"未参加{label}者": codes(short)})


def _yearly(subject: Subject, ctx: Context) -> MeasureResult:
    year = ctx.period(PeriodKind.CALENDAR_YEAR)
    return _each_teacher(subject, COUNTY_OR_ABOVE, year.start, year.end, ctx.param(YEARLY_TIMES.id), "县级以上培训")


def rolling_window_end(ctx: Context) -> date:
    """The evaluation date, or the plan's last day once its term has ended (as core judges periods)."""
    term = ctx.city.term
    return min(ctx.as_of, term.end) if term is not None else ctx.as_of


def _rolling(subject: Subject, ctx: Context) -> MeasureResult:
    end = rolling_window_end(ctx)
    start = rolling_window_start(end, int(ctx.param(ROLLING_YEARS.id)))
    return _each_teacher(subject, MUNICIPAL_OR_ABOVE, start, end, ctx.param(ROLLING_TIMES.id), "省市级以上培训")


YEARLY = Requirement(
    id=f"{CITY}.4-2-1-2.psych-county-training-yearly", city=CITY, clause=CLAUSE, quote=Q_TRAINING,
    title="心理健康教育教师每年参加一次县级以上培训", topic="training.psych_full_time_hours",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="有心理健康教育教师的学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="确保", measure=_yearly, observed_label="县级以上培训次数（最少者）",
    unit="次", gap_text="有心理健康教育教师本年度未参加县级以上培训（差{gap}次）", period=PeriodKind.CALENDAR_YEAR,
    parameters=(YEARLY_TIMES.id,),
    reading="“每年”读作自然年，逐年判定；逐人：名册上每名心理健康教育教师（专职、兼职都算，原文未限专职）本年至少"
            "1次县级、市级、省级或国家级培训，校级培训不计。培训主题不限：原文只说层级。",
)
ROLLING = Requirement(
    id=f"{CITY}.4-2-1-2.psych-municipal-training-3-years", city=CITY, clause=CLAUSE, quote=Q_TRAINING,
    title="心理健康教育教师每3年参加一次省市级以上培训", topic="training.psych_full_time_hours",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="有心理健康教育教师的学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="确保", measure=_rolling,
    observed_label="近3年省市级以上培训次数（最少者）", unit="次",
    gap_text="有心理健康教育教师近3年未参加省市级以上培训（差{gap}次）",
    parameters=(ROLLING_YEARS.id, ROLLING_TIMES.id),
    reading="“每3年参加一次”读作自评估日回溯的滚动3年：评估日为2025-06-30时，区间为2022-07-01至2025-06-30（含两端），"
            "区间内至少1次市级、省级或国家级培训（“省市级以上”= 市级及以上）。不按自方案印发日起算的3年一轮："
            "方案期为2023—2025年，第一轮到2026-06-21才结束，方案期内一轮也判不到；滚动窗口回答官员要问的"
            "“每名教师近3年是否参加过省市级培训”，方案印发前的培训也计入，方案印发前已久未培训的教师同样判不符合。"
            "方案期（2023—2025年）结束后评估，窗口截至方案期最后一日（2025-12-31，回溯至2023-01-01），与 core 对"
            "周期性义务的处理一致：方案不约束期满之后。",
)
COVERAGE = Requirement(
    id=f"{CITY}.4-2-1-2.head-teacher-counselor-coverage", city=CITY, clause=CLAUSE, quote=Q_COVERAGE,
    title="班主任、少先队辅导员、高校辅导员心理健康基本知识和技能全覆盖培训", topic="attest.head_teacher_coverage",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校、高校", kinds=K12 | UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="无情态词，但作为“加大培训力度”的任务陈述，读作对每所学校的强制义务。原文未给学时、次数或期限，"
            "培训记录也不标明是否“个体心理发展、健康教育基本知识和技能”培训：是否全覆盖由人确认。",
)

PARAMETERS: list[Parameter] = [YEARLY_TIMES, ROLLING_YEARS, ROLLING_TIMES]
REQUIREMENTS: list[Requirement] = [COVERAGE, YEARLY, ROLLING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "在各级教师培训项目中加大心理健康教育专题培训",
               "主体是举办培训项目的教育部门，“加大”无数量；教师实际参训已逐人判定"),
]
