"""What several of 福州's clause modules share: the groups of institutions the text names,
the dated-parameter shorthand, and measures more than one clause uses.

A helper that only one clause uses lives in that clause's module; one that other cities
need belongs in core/rules/queries.py.
"""

from __future__ import annotations

from collections.abc import Callable

from mhpolicy.core.model.entities import K12_KINDS, EventKind, InstitutionKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import events_in
from mhpolicy.core.rules.requirement import Measure, MeasureResult, MissingData

from ..document import EFFECTIVE

ALL_KINDS = frozenset(InstitutionKind)
SCHOOL_KINDS = ALL_KINDS - {InstitutionKind.KINDERGARTEN}  # 学生 (not 幼儿) are screened
PRE_TERTIARY_KINDS = ALL_KINDS - {InstitutionKind.UNIVERSITY}  # schools with 家长会 / 家长学校
HEAD_TEACHER_KINDS = K12_KINDS | {InstitutionKind.SPECIAL_EDUCATION}  # 班主任 holding 主题班会
UNIVERSITY = frozenset({InstitutionKind.UNIVERSITY})
# 福州's 中小学 is primary and general secondary only. The text names 中职 apart wherever it means
# it (“中职生、高中生”, “中职校……在普通中小学建设标准的基础上”, “从小学到中学（中职）”) and never
# names 技工学校; core's K12_KINDS (中小学 with vocational, as 南昌 spells out) is wider.
ZHONGZHI = frozenset({InstitutionKind.SECONDARY_VOCATIONAL})  # 中职校 (中等职业学校), not 技工学校
GENERAL_K12_KINDS = K12_KINDS - {InstitutionKind.SECONDARY_VOCATIONAL, InstitutionKind.TECHNICAL}


def param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    """A threshold in force from the plan's effective date (the text is undated)."""
    return Parameter(id=pid, label=label, unit=unit, values={EFFECTIVE: value}, clause=clause, quote=quote, note=note)


def event_count(kind: EventKind, period_kind: PeriodKind, param_id: str, *, hours: bool = False,
                participants: bool = False) -> Callable[[Subject, Context], MeasureResult]:
    """Events of `kind` the subject (a school, a district or the city: whoever the duty names)
    held in the period under judgement: a count, or with `hours` the hours summed; with
    `participants` the explanation adds who took part."""

    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        events = subject.entity.events
        if not events:
            return MissingData(("events",), "未报送任何活动记录")
        held = events_in(events, ctx.period(period_kind), kind)
        if hours:
            return Measure(observed=sum(e.hours for e in held), required=ctx.param(param_id),
                           inputs={"场次": len(held)})
        inputs = {"参训人次": sum(e.participants or 0 for e in held)} if participants else {}
        return Measure(observed=len(held), required=ctx.param(param_id), inputs=inputs)

    return measure
