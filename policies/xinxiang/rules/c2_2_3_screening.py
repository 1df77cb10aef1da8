"""二(二)3 建立健全筛查预警机制，及早实施精准干预

“各站点要积极落实教育部、市教育局相关要求定时开展心理健康测评，用好开学重要时段，科学规范运用测评结果，建立
“一生一策”心理健康档案。”

Screenings of a school station are plugin-declared data (`screenings` on a station, core's
`Screening` records). Spec: features/xinxiang/二(二)3_建立健全筛查预警机制.feature
"""

from __future__ import annotations

from datetime import timedelta

from mhpolicy.core.model.entities import ScreeningKind
from mhpolicy.core.model.extensions import extension
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
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

from ..data import SCREENINGS
from ..document import CITY
from ._shared import is_school_station, param

Q_SCREENING = "各站点要积极落实教育部、市教育局相关要求定时开展心理健康测评，用好开学重要时段"
Q_ARCHIVES = ("各站点要积极落实教育部、市教育局相关要求定时开展心理健康测评，用好开学重要时段，科学规范运用测评结果，"
              "建立“一生一策”心理健康档案")

# “各站点要积极落实……定时开展心理健康测评，用好开学重要时段”
OPENING_DAYS = param("screening_opening_days", "开学测评时段（学期开始后天数）", "天", 60, "二(二)3", Q_SCREENING,
                     note="“用好开学重要时段”读作每学期开学后60天内（9–10月、2–3月）完成一次测评。")


def _screening(subject: Subject, ctx: Context) -> MeasureResult:
    records = extension(subject.station, SCREENINGS)
    if not records:
        return MissingData(("screenings",))
    sem = ctx.period(PeriodKind.SEMESTER)
    window_end = sem.start + timedelta(days=int(ctx.param(OPENING_DAYS.id)) - 1)
    in_window = [s for s in records if s.kind is ScreeningKind.CENSUS and sem.start <= s.date <= window_end]
    later = [s for s in records if s.kind is ScreeningKind.CENSUS and window_end < s.date <= sem.end]
    return Measure(observed=len(in_window), required=1,
                   inputs={"学期": sem.label, "开学时段": f"{sem.start.isoformat()}至{window_end.isoformat()}",
                           "时段内测评": len(in_window), "时段后测评": len(later)})


SCREENING = Requirement(
    id=f"{CITY}.2-2-3.term-start-screening", city=CITY, clause="二(二)3", quote=Q_SCREENING,
    title="每学期开学时段开展心理健康测评", topic="screening.census",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="学校辅导站（市属学校站、三级站点）", where=is_school_station),
    modality=Modality.MANDATORY, modal_word="要", measure=_screening, observed_label="开学时段内的测评次数", unit="次",
    gap_text="本学期开学时段未开展心理健康测评", period=PeriodKind.SEMESTER, parameters=(OPENING_DAYS.id,),
    reading="“定时”“用好开学重要时段”读作每学期开学后60天内至少一次全体学生测评（参数可改）；测评对象是学生，"
            "故适用于设在学校的站点（市属学校辅导站、三级站点），不适用于一级中心和县市区级站。没有任何测评记录为缺数据。",
)

# “建立“一生一策”心理健康档案”
ARCHIVES = Requirement(
    id=f"{CITY}.2-2-3.one-student-one-plan", city=CITY, clause="二(二)3", quote=Q_ARCHIVES,
    title="建立“一生一策”心理健康档案", topic="archives.kept",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="学校辅导站（市属学校站、三级站点）", where=is_school_station),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="“要……建立”承接句首“各站点要”。档案是否按“一生一策”建立须查阅档案本身（个案信息不进入本系统），由站点人工确认。",
)

PARAMETERS: list[Parameter] = [OPENING_DAYS]
REQUIREMENTS: list[Requirement] = [SCREENING, ARCHIVES]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(二)3", "科学规范运用测评结果", "定性要求，无可计量的标准"),
]
