"""四(一)1(3) 强化项目经费保障

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（一）1.党委政府 3）强化项目经费保障：

“市、县两级要加大统筹力度，优化支出结构，切实加强学生心理健康工作经费保障。教育部门和学校将所需经费纳入预算，
 满足学生心理健康工作需要。加强青少年心理健康服务场地和设施建设，加快推进学校心理辅导室建设，力争2024年底实现
 全市大中小学心理辅导室全覆盖。”

Spec: features/pingliang/四(一)1(3)_强化项目经费保障.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
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
from ._shared import DUE_2024, SCHOOL_KINDS

CLAUSE = "四(一)1(3)"
Q_COVERAGE = "加快推进学校心理辅导室建设，力争2024年底实现全市大中小学心理辅导室全覆盖"
Q_BUDGET = "教育部门和学校将所需经费纳入预算，满足学生心理健康工作需要"
Q_FUNDING = "市、县两级要加大统筹力度，优化支出结构，切实加强学生心理健康工作经费保障"


def _has_room(subject: Subject, ctx: Context) -> MeasureResult:
    room = subject.institution.counseling_room
    if room is None:
        return MissingData(("counseling_room",))
    if room.built is None:
        return MissingData(("counseling_room.built",), "未报心理辅导室建成日期，无法判断是否已建成")
    return Measure(observed=int(room.built <= ctx.as_of), required=1, inputs={"建成日期": room.built.isoformat()})


COVERAGE = Requirement(
    id=f"{CITY}.4-1-1-3.room-coverage-target", city=CITY, clause=CLAUSE, quote=Q_COVERAGE,
    title="力争2024年底全市大中小学心理辅导室全覆盖（目标）", topic="facilities.counseling_room",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="全市大中小学", kinds=SCHOOL_KINDS),
    modality=Modality.TARGET, modal_word="力争", measure=_has_room, observed_label="已建心理辅导室（是=1）", unit="间",
    gap_text="尚无心理辅导室，全覆盖目标未达", due=DUE_2024,
    reading="“力争”是争取达到的目标：未达报“未达目标”，永不判“不符合”（Modality.TARGET）。全覆盖 = 每所大中小学"
            "都有心理辅导室，故逐校列出尚无辅导室、使全市目标未达的学校；只看有没有，不看达标与否。同一要求作为"
            "每所学校的强制义务（符合规定标准、功能完备）由三(二)判定，两条并存：未建辅导室的学校在三(二)为不符合，"
            "在本条为未达目标。以辅导室建成日期判定：评估日当天或之前建成为已建，建成日期在评估日之后（在建、计划）"
            "为尚无；未报辅导室情况或未报建成日期为缺数据。",
)
BUDGET = Requirement(
    id=f"{CITY}.4-1-1-3.school-budget", city=CITY, clause=CLAUSE, quote=Q_BUDGET,
    title="学校将心理健康工作所需经费纳入预算", topic="attest.school_budget",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="无情态词的任务陈述，读作强制；“满足需要”无金额标准，是否纳入预算由人确认。",
)
FUNDING = Requirement(
    id=f"{CITY}.4-1-1-3.county-funding", city=CITY, clause=CLAUSE, quote=Q_FUNDING,
    title="县级加大统筹、加强学生心理健康工作经费保障", topic="attest.county_funding",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（市、区）"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="“市、县两级要……”：县级部分按县（市、区）由人确认（无金额标准）。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [FUNDING, BUDGET, COVERAGE]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "市级经费统筹、青少年心理健康服务场地和设施建设",
               "市级财政和发改部门的工作，无金额或数量标准；学校辅导室已逐校判定"),
]
