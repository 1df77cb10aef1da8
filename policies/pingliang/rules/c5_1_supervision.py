"""五(一) 加强组织领导 — yearly special supervision by the city's and each county's supervision office

《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》五、工作要求（一）：

“将学生心理健康工作纳入对县级人民政府履行教育职责评价和学校督导评估体系,市、县两级教育督导部门每年至少开展1次
专项督导评估,结果作为学校办学水平评估和领导班子年度考核重要内容。”

Spec: features/pingliang/五(一)_专项督导评估.feature
"""

from __future__ import annotations

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
    SubjectKind,
)

from ..data_targets import CITY_SUPERVISIONS, COUNTY_SUPERVISIONS
from ..document import CITY
from ._targets import missing, param

# "市、县两级教育督导部门每年至少开展1次专项督导评估"
Q_SUPERVISION = "市、县两级教育督导部门每年至少开展1次专项督导评估"
PER_YEAR = param("supervision.special_per_year", "每年专项督导评估次数", "次", 1, "五(一)", Q_SUPERVISION)


def supervisions(subject: Subject, ctx: Context) -> MeasureResult:
    """Special supervisions the city's or the county's supervision office held in the year judged.
    Not reported (null) is 缺数据; an empty list is reported as none."""
    declared = CITY_SUPERVISIONS if subject.kind is SubjectKind.CITY else COUNTY_SUPERVISIONS
    records = extension(subject.entity, declared)
    if records is None:
        where = "city" if subject.kind is SubjectKind.CITY else "districts"
        return MissingData((missing(declared.label_zh + "记录", f"{where}.{declared.name}"),))
    year = ctx.period(PeriodKind.CALENDAR_YEAR)
    held = [r for r in records if year.start <= r.date <= year.end]
    return Measure(observed=len(held), required=ctx.param(PER_YEAR.id), inputs={"年度": year.label})


READING = ("“每年”按自然年（1月1日至12月31日）判定，每年一个结论，年末到期；“至少1次”为强制。市级由市教育督导部门、"
           "县级由各县（市、区）教育督导部门分别开展，各自判定。未报送督导记录为缺数据，报送为空即0次。")


def _requirement(subject: SubjectKind, rid: str, where: str) -> Requirement:
    return Requirement(
        id=f"{CITY}.5-1.{rid}", city=CITY, clause="五(一)", quote=Q_SUPERVISION,
        title=f"教育督导部门每年至少开展1次专项督导评估（{where}）", topic="governance.special_supervision",
        subject=subject, applies_to=AppliesTo(text=where), modality=Modality.MANDATORY, modal_word="至少",
        measure=supervisions, observed_label="本年专项督导评估次数", unit="次", gap_text="本年缺{gap}次专项督导评估",
        period=PeriodKind.CALENDAR_YEAR, parameters=(PER_YEAR.id,), reading=READING)


REQUIREMENTS: list[Requirement] = [
    _requirement(SubjectKind.CITY, "special-supervision", "市教育督导部门"),
    _requirement(SubjectKind.DISTRICT, "special-supervision-county", "各县（市、区）教育督导部门"),
]
PARAMETERS: list[Parameter] = [PER_YEAR]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五(一)", "成立联席会议机制、机制办公室，各县成立相应机构",
               "组织设置，由市、县两级确认；数据中无机构记录"),
    ClauseNote("五(一)", "纳入县级政府履行教育职责评价和学校督导评估体系；结果用于办学水平评估和年度考核",
               "评价体系与考核结果的使用，数据中无从判定"),
]
