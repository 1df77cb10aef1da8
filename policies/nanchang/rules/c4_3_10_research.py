"""四(三)10 加强学生心理健康教科研

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（三）10.加强学生心理健康教科研：

“各县（区）教师发展中心至少配备 1 名心理教研员，并承担心理辅导站相关工作。……建立区域内心理健康教育教师
 专项教研常态化机制，每月至少组织 1 次辖区内的教研活动。鼓励市级心理健康教育科研课题立项……”

Spec: features/nanchang/四(三)10_加强学生心理健康教科研.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import EventKind, StaffRole
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import events_in, staff_with_role
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

Q_RESEARCHER = "各县（区）教师发展中心至少配备 1 名心理教研员"
Q_MONTHLY = "建立区域内心理健康教育教师专项教研常态化机制，每月至少组织 1 次辖区内的教研活动"
Q_RESEARCH_PROJECTS = "鼓励市级心理健康教育科研课题立项"
RESEARCHERS = param("research.researchers_per_center", "教师发展中心心理教研员人数", "名", 1, "四(三)10",
                    Q_RESEARCHER)
MONTHLY = param("research.activities_per_month", "辖区心理教研活动每月次数", "次", 1, "四(三)10", Q_MONTHLY)


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
    reading="计县（区）及其教师发展中心记录的教研活动；逐月判定（评估窗口内每个已结束的自然月各一条结论，当月为进行中）。"
            "“每月”原文不设寒暑假例外：教研活动的对象是教师，不是学生，2月、7月、8月也可组织（含线上），"
            "故寒暑假所在月份照样要求至少1次，不因假期免除或放宽。",
)
RESEARCH_PROJECTS = Requirement(
    id=f"{CITY}.4-3-10.research-projects", city=CITY, clause="四(三)10", quote=Q_RESEARCH_PROJECTS,
    title="鼓励市级心理健康教育科研课题立项", topic="attest.research_projects",
    subject=SubjectKind.CITY, applies_to=AppliesTo(text="全市"),
    modality=Modality.ADVICE, modal_word="鼓励", kind=RequirementKind.ATTESTATION,
)

PARAMETERS: list[Parameter] = [RESEARCHERS, MONTHLY]
REQUIREMENTS: list[Requirement] = [RESEARCHER, MONTHLY_RESEARCH, RESEARCH_PROJECTS]
UNMODELLED: list[ClauseNote] = []
