"""一(五)2 确保心理健康筛查评估的科学性、适用性和安全性

石景山区实施方案（征求意见稿）一（五）2.确保心理健康筛查评估的科学性、适用性和安全性（节选）：

“在学生和家长知情自愿的基础上开展测评，不强迫学生接受心理测评，不使用可能损害学生身心健康的量表和仪器。区级
统筹，有序组织开展学生心理健康测评，确保建立健全学生心理健康测评实施、管理和数据安全保护机制，严格防止测评
信息泄露……”

Spec: features/shijingshan/一(五)2_确保心理健康筛查评估的科学性、适用性和安全性.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import ScreeningKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import codes
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
from ._shared import SCHOOLS, attest

# “在学生和家长知情自愿的基础上开展测评，不强迫学生接受心理测评”
Q_CONSENT = "在学生和家长知情自愿的基础上开展测评，不强迫学生接受心理测评"
TESTS = (ScreeningKind.CENSUS, ScreeningKind.FOCUS_GROUP)  # a 零报告 is a report, not a test of students


def _consent(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    period = ctx.period(PeriodKind.SCHOOL_YEAR)
    tests = [s for s in inst.screenings if s.kind in TESTS and period.contains(s.date)]
    if not tests:
        return NotApplicable(f"{period.label}未开展心理测评")
    unknown = [f"screenings[{s.date.isoformat()}].consent_obtained" for s in tests if s.consent_obtained is None]
    unknown += [f"screenings[{s.date.isoformat()}].students_refused_counted"
                for s in tests if s.students_refused_counted is None]
    if unknown:
        return MissingData(tuple(unknown), "测评是否知情同意、拒测学生是否被计入须报送")
    bad = [f"{s.date.isoformat()}（{'未记录知情同意' if not s.consent_obtained else ''}"
           f"{'、' if not s.consent_obtained and s.students_refused_counted else ''}"
           f"{f'拒测仍计入{s.students_refused_counted}人' if s.students_refused_counted else ''}）"
           for s in tests if not s.consent_obtained or s.students_refused_counted]
    return Measure(observed=len(tests) - len(bad), required=len(tests),
                   inputs={"学年": period.label, "测评次数": len(tests), "未落实知情自愿的测评": codes(bad)})


CONSENT = Requirement(
    id=f"{CITY}.1-5-2.informed-consent", city=CITY, clause="一(五)2", quote=Q_CONSENT,
    title="测评以学生和家长知情自愿为基础，不强迫测评", topic="screening.consent",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="",
    measure=_consent, observed_label="落实知情自愿的测评次数", unit="次", gap_text="{gap}次测评未落实知情自愿",
    period=PeriodKind.SCHOOL_YEAR,
    reading=("“不强迫”是禁止性规定，读作强制。本学年每次心理测评（普查、关注人群筛查）须记录已取得知情同意，且拒绝"
             "测评的学生未被测评或计入测评人数；未记录同意或计入拒测学生的测评即不符合。是否同意、拒测计入人数未报为"
             "缺数据。本学年未开展测评的不适用（是否开展由“每年1次测评”一条判定）。"),
)

SAFE_INSTRUMENTS = attest("一(五)2", "safe-instruments", "不使用可能损害学生身心健康的量表和仪器",
                          "不使用可能损害学生身心健康的量表和仪器",
                          reading="禁止性规定，读作强制；所用量表和仪器无数据可判，由人确认。")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [CONSENT, SAFE_INSTRUMENTS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(五)2", "区级统筹测评、测评实施管理和数据安全保护机制、信息告知范围",
               "对象为区级统筹部门；数据不含测评系统和数据安全管理记录"),
]
