"""五(一) 加强组织领导

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》五、相关要求（一）加强组织领导（节选）：

“各中小學校要成立校长负责的心理健康教育领导小组、工作小组和心理危机干预小组，推动心理健康教育工作的常态化运行。”

Spec: features/nanchang/五(一)_加强组织领导.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import codes
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

Q_GROUPS = "各中小學校要成立校长负责的心理健康教育领导小组、工作小组和心理危机干预小组"
GROUP_FIELDS = {"leadership_group": "心理健康教育领导小组", "working_group": "工作小组", "crisis_group": "心理危机干预小组"}


def _groups(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    unknown = tuple(f for f in GROUP_FIELDS if getattr(inst, f) is None)
    if unknown:
        return MissingData(unknown)
    absent = [label for f, label in GROUP_FIELDS.items() if not getattr(inst, f)]
    return Measure(observed=len(GROUP_FIELDS) - len(absent), required=len(GROUP_FIELDS),
                   inputs={"未成立": codes(absent)})


GROUPS = Requirement(
    id=f"{CITY}.5-1.school-groups", city=CITY, clause="五(一)", quote=Q_GROUPS,
    title="成立心理健康教育领导小组、工作小组和心理危机干预小组", topic="governance.school_groups",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", measure=_groups, observed_label="已成立的小组数", unit="个",
    gap_text="缺{gap}个小组",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [GROUPS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五(一)", "各级部门加强统一领导和统筹规划", "对象为各级党政部门；学校三个小组已建模"),
]
