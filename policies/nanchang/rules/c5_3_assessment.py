"""五(三) 加强评估督导

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》五、相关要求（三）加强评估督导：

“开展心理健康教育达标评估，每2年开展一轮示范校（站点）评估工作，对已经取得达标校和示范校实行动态评估。”

Spec: features/nanchang/五(三)_加强评估督导.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import EventKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import events_in
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
from ._shared import param

Q_ROUND = "每2年开展一轮示范校（站点）评估工作"
ROUNDS = param("governance.assessment_rounds_per_two_years", "每2年示范校（站点）评估轮数", "轮", 1, "五(三)", Q_ROUND)


def _rounds(subject: Subject, ctx: Context) -> MeasureResult:
    period = ctx.period(PeriodKind.TWO_YEARS)
    events = subject.city.events
    if not events:
        return MissingData(("city.events",))
    return Measure(observed=len(events_in(events, period, EventKind.ASSESSMENT_ROUND)), required=ctx.param(ROUNDS.id),
                   inputs={"评估轮次": period.label})


ASSESSMENT_ROUND = Requirement(
    id=f"{CITY}.5-3.assessment-round", city=CITY, clause="五(三)", quote=Q_ROUND,
    title="每2年开展一轮示范校（站点）评估", topic="governance.assessment_round",
    subject=SubjectKind.CITY, applies_to=AppliesTo(text="全市"),
    modality=Modality.MANDATORY, modal_word="", measure=_rounds, observed_label="本轮示范校（站点）评估次数", unit="次",
    gap_text="本轮未开展示范校（站点）评估", period=PeriodKind.TWO_YEARS, parameters=(ROUNDS.id,),
    reading="两年一轮自文件年度（2024年1月1日）起算：2024—2025年为第一轮；一轮结束后才判定。",
)

PARAMETERS: list[Parameter] = [ROUNDS]
REQUIREMENTS: list[Requirement] = [ASSESSMENT_ROUND]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五(三)", "达标评估、动态评估、纳入督政督学和考核指标", "示范校（站点）评估轮次已建模；其余为督导部门工作"),
]
