"""三(一)1 推广“新老师”志愿服务模式

“各县（市）、区站点要积极成立“新老师”志愿服务分队，形成严谨的进、出、评优志愿服务制度，所有心理健康服务活动以公益
形式开展，不得收取任何费用。”

Spec: features/xinxiang/三(一)1_推广新老师志愿服务模式.feature
"""

from __future__ import annotations

from mhpolicy.core.model.extensions import extension
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import fmt_num
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

from ..data import ACTIVITIES, VOLUNTEER_TEAM
from ..document import CITY
from ._shared import is_county_station

Q_TEAM = "各县（市）、区站点要积极成立“新老师”志愿服务分队"
Q_FREE = "所有心理健康服务活动以公益形式开展，不得收取任何费用"


def _team(subject: Subject, ctx: Context) -> MeasureResult:
    formed = extension(subject.station, VOLUNTEER_TEAM)
    if formed is None:
        return MissingData((VOLUNTEER_TEAM.name,))
    return Measure(observed=int(formed), required=1)


VOLUNTEERS = Requirement(
    id=f"{CITY}.3-1-1.volunteer-team", city=CITY, clause="三(一)1", quote=Q_TEAM,
    title="县（市）、区站点成立“新老师”志愿服务分队", topic="staffing.volunteer_team",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="县（市）、区站点（县市区级辅导站）", where=is_county_station),
    modality=Modality.MANDATORY, modal_word="要", measure=_team, observed_label="“新老师”志愿服务分队", unit="支",
    gap_text="尚未成立“新老师”志愿服务分队",
    reading="“县（市）、区站点”读作县市区级辅导站（二级站点中由县区设立的），市属学校辅导站、三级站点不适用。",
)


def _free(subject: Subject, ctx: Context) -> MeasureResult:
    activities = extension(subject.station, ACTIVITIES)
    if not activities:
        return MissingData((ACTIVITIES.name,))
    sem = ctx.period(PeriodKind.SEMESTER)
    charged = sorted((a for a in activities if sem.contains(a.date) and (a.fee_yuan or 0) > 0), key=lambda a: a.date)
    total = sum(a.fee_yuan or 0 for a in charged)
    words = "；".join(f"《{a.title}》（{a.date.isoformat()}）收费{fmt_num(a.fee_yuan or 0)}元" for a in charged)
    return Measure(observed=total, required=0, inputs={"学期": sem.label, "收费活动": len(charged)},
                   gap_text=f"违规收费：{words}" if charged else "")


FREE_OF_CHARGE = Requirement(
    id=f"{CITY}.3-1-1.free-of-charge", city=CITY, clause="三(一)1", quote=Q_FREE,
    title="所有心理健康服务活动公益开展、不得收取任何费用", topic="governance.free_services",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="不得", measure=_free, op="<=", observed_label="本学期所收费用",
    unit="元", gap_text="收取费用{gap}元", period=PeriodKind.SEMESTER,
    reading="“不得收取任何费用”：活动记录中任何大于0的收费即不符合，差距列出收费的活动与金额；"
            "未记录收费（空）读作未收费。站点没有任何活动记录为缺数据。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [VOLUNTEERS, FREE_OF_CHARGE]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(一)1", "形成严谨的进、出、评优志愿服务制度", "制度内容原文未定，无可计量标准"),
]
