"""五(二) 加强条件保障

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》五、相关要求（二）加强条件保障：

“各县（区）、学校要根据有关要求将心理健康教育工作经费纳入预算予以保障，保障心理健康教育日常运作以及设备配置、
 运维和队伍建设等经费。结合学校实际，科学合理确定开展面向学生、家长和教师的各类心理健康教育讲座、主题活动、
 个案辅导等工作量。兼职心理健康教育教师要按学校有关规定计算工作量并保障相应待遇。（市财政局、市教育局、市人社局）”

Spec: features/nanchang/五(二)_加强条件保障.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import psych_teachers
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY

Q_BUDGET = "各县（区）、学校要根据有关要求将心理健康教育工作经费纳入预算予以保障"
_BUDGET_READING = ("主语是“各县（区）、学校”，两者各自的预算都要列入心理健康教育工作经费：县（区）一条、学校一条；"
                   "数据不含预算，是否列入由人确认。")
BUDGET_DISTRICT = Requirement(
    id=f"{CITY}.5-2.budget-district", city=CITY, clause="五(二)", quote=Q_BUDGET,
    title="县（区）将心理健康教育工作经费纳入预算", topic="attest.budget",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION, reading=_BUDGET_READING,
)
BUDGET_SCHOOL = Requirement(
    id=f"{CITY}.5-2.budget-school", city=CITY, clause="五(二)", quote=Q_BUDGET,
    title="学校将心理健康教育工作经费纳入预算", topic="attest.budget",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION, reading=_BUDGET_READING,
)

Q_PART_TIME = "兼职心理健康教育教师要按学校有关规定计算工作量并保障相应待遇"


def _may_have_part_time(subject: Subject, ctx: Context) -> bool:
    """A school with part-time psychology teachers on its list, or with no list to tell (then a person says)."""
    staff = subject.institution.staff
    return not staff or bool(psych_teachers(staff, full_time=False))


PART_TIME_WORKLOAD = Requirement(
    id=f"{CITY}.5-2.part-time-workload", city=CITY, clause="五(二)", quote=Q_PART_TIME,
    title="兼职心理健康教育教师按规定计算工作量并保障相应待遇", topic="attest.part_time_workload",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="有兼职心理健康教育教师的中小学校", kinds=K12_KINDS, where=_may_have_part_time),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="“按学校有关规定”由学校执行：有兼职心理教师的学校是否计了工作量、给了相应待遇，由人确认；名册上没有兼职"
            "心理教师的学校不适用，未报名册的学校仍待人工确认（不当作没有兼职教师）。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [BUDGET_DISTRICT, BUDGET_SCHOOL, PART_TIME_WORKLOAD]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五(二)", "结合学校实际，科学合理确定讲座、主题活动、个案辅导等工作量",
               "原文把标准交给学校（“结合学校实际”），无可核对的数量；兼职教师工作量计入与待遇已作人工确认项建模"),
]
