"""三(三)2 家校协同形成分层干预机制

石景山区实施方案（征求意见稿）三（三）2.家校协同形成分层干预机制（节选）：

“区教委、教育分院指导各中小学成立学校心理危机干预小组，制定心理干预方案。……”

Spec: features/shijingshan/三(三)2_家校协同形成分层干预机制.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import reported_yes
from mhpolicy.core.rules.requirement import ClauseNote, MeasureResult, Modality, Requirement, SubjectKind

from ..document import CITY
from ._shared import SCHOOLS, attest

Q_CRISIS = "区教委、教育分院指导各中小学成立学校心理危机干预小组，制定心理干预方案"


def _crisis_group(subject: Subject, ctx: Context) -> MeasureResult:
    return reported_yes(subject.institution.crisis_group, "crisis_group")


CRISIS_GROUP = Requirement(
    id=f"{CITY}.3-3-2.crisis-group", city=CITY, clause="三(三)2", quote=Q_CRISIS,
    title="成立学校心理危机干预小组", topic="governance.school_groups",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="",
    measure=_crisis_group, observed_label="已成立心理危机干预小组", unit="个", gap_text="尚未成立心理危机干预小组",
    reading="区教委“指导各中小学成立”，成立的是学校：读作对学校的强制任务；未报为缺数据。",
)
CRISIS_PLAN = attest("三(三)2", "intervention-plan", Q_CRISIS, "制定学校心理干预方案",
                     reading="“制定心理干预方案”与成立小组同句，读作对学校的强制任务；方案是否完备由人确认。")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [CRISIS_GROUP, CRISIS_PLAN]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(三)2", "一般、较严重、严重心理问题的分层处置与转介",
               "个案处置过程，数据只含化名预警个案，不判定每个个案的处置路径"),
]
