"""四(五)14 加强家庭教育指导服务

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（五）14.加强家庭教育指导服务（节选）：

“……确保每学期对每个家庭至少家访 1 次，每学期至少开展 1 次面向家长的家庭教育讲座或活动……规范校内家长学校
 建设……将分年段心理健康促进指导作为家长学校必修课……”

Spec: features/nanchang/四(五)14_加强家庭教育指导服务.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, EventKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import events_in, fmt_num
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
from ._shared import param, semester

Q_VISITS = "确保每学期对每个家庭至少家访 1 次"
Q_LECTURE = "每学期至少开展 1 次面向家长的家庭教育讲座或活动"
Q_PARENT_SCHOOL = "将分年段心理健康促进指导作为家长学校必修课"
VISITS = param("family.visits_per_family_per_semester", "每学期每个家庭家访次数", "次", 1, "四(五)14", Q_VISITS)
LECTURES = param("family.parent_lectures_per_semester", "每学期家庭教育讲座或活动次数", "次", 1, "四(五)14",
                 Q_LECTURE)


def _visits(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    code = semester(ctx)
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

PARAMETERS: list[Parameter] = [VISITS, LECTURES]
REQUIREMENTS: list[Requirement] = [HOME_VISITS, PARENT_LECTURE, PARENT_SCHOOL]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(五)14", "家校沟通机制、家庭教育指导中心、社区家长学校、资源库、课程配送", "对象为教育行政、妇联等部门；无对应数据"),
]
