"""三(二) 落实管理和经费保障

“站点要健全校长牵头、主管校长主抓、站点负责老师主管、心理专业教师、班主任等全校师生参与的心理保障系统。应在年度预算中
安排经费保障心理健康教育工作，并视情况建立增长机制。”

Spec: features/xinxiang/三(二)_落实管理和经费保障.feature
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
    RequirementKind,
    SubjectKind,
)

from ..data import BUDGETS
from ..document import CITY

Q_SYSTEM = "站点要健全校长牵头、主管校长主抓、站点负责老师主管、心理专业教师、班主任等全校师生参与的心理保障系统"
Q_BUDGET = "应在年度预算中安排经费保障心理健康教育工作"

# “站点要健全校长牵头……全校师生参与的心理保障系统”
SYSTEM = Requirement(
    id=f"{CITY}.3-2.support-system", city=CITY, clause="三(二)", quote=Q_SYSTEM,
    title="健全全校师生参与的心理保障系统", topic="governance.school_groups",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="系统的组成是定性的，由站点人工确认。",
)


def _budget(subject: Subject, ctx: Context) -> MeasureResult:
    lines = extension(subject.station, BUDGETS)
    if not lines:
        return MissingData((BUDGETS.name,))
    year = ctx.period(PeriodKind.CALENDAR_YEAR).start.year
    amount = sum(b.amount_yuan for b in lines if b.year == year)
    return Measure(observed=1 if amount > 0 else 0, required=1, inputs={"年度": year, "预算经费": f"{fmt_num(amount)}元"})


BUDGET = Requirement(
    id=f"{CITY}.3-2.annual-budget", city=CITY, clause="三(二)", quote=Q_BUDGET,
    title="年度预算中安排心理健康教育经费", topic="governance.budget",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="应", measure=_budget, observed_label="年度预算中的经费项", unit="项",
    gap_text="本年度预算未安排心理健康教育经费", period=PeriodKind.CALENDAR_YEAR,
    reading="每个自然年（预算年度）的预算中须有金额大于0的心理健康教育经费；金额多少原文未定，不设下限。"
            "站点没有任何预算记录为缺数据。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [SYSTEM, BUDGET]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(二)", "视情况建立经费增长机制", "“视情况”：原文未定条件与幅度，不作义务"),
]
