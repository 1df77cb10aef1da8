"""二(三)7 以“阳光成长”系列活动为纽带，形成站点、家庭和社会心理健康教育合力

“活动参与群体要包含学生、教师、家长及相关人员。……各学科教师均将心理健康教育作为必修内容予以重点安排，及时缓解职业
倦怠，全员参与“阳光成长”系列活动。”

Spec: features/xinxiang/二(三)7_活动参与群体.feature
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

from ..data import ACTIVITIES, REQUIRED_GROUPS
from ..document import CITY

Q_GROUPS = "活动参与群体要包含学生、教师、家长及相关人员"


def _groups(subject: Subject, ctx: Context) -> MeasureResult:
    activities = extension(subject.station, ACTIVITIES)
    if not activities:
        return MissingData((ACTIVITIES.name,))
    sem = ctx.period(PeriodKind.SEMESTER)
    held = sorted((a for a in activities if sem.contains(a.date)), key=lambda a: a.date)
    short = []
    for a in held:
        missing = [g.label for g in REQUIRED_GROUPS if g not in a.groups]
        if missing:
            short.append(f"《{a.title}》（{a.date.isoformat()}）缺{'、'.join(missing)}")
    return Measure(observed=len(short), required=0, inputs={"学期": sem.label, "本学期活动": len(held)},
                   gap_text="；".join(short))


GROUPS = Requirement(
    id=f"{CITY}.2-3-7.participant-groups", city=CITY, clause="二(三)7", quote=Q_GROUPS,
    title="“阳光成长”活动参与群体包含学生、教师、家长", topic="family.parent_session",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="要", measure=_groups, op="<=",
    observed_label="参与群体不全的活动", unit="次", gap_text="{gap}次活动参与群体不全", period=PeriodKind.SEMESTER,
    reading="读作每一次“阳光成长”活动的参与群体都要有学生、教师、家长三者（“相关人员”视情况，不作要求）；"
            "缺一即不符合，差距逐项写明活动与所缺群体。本学期没有活动时为0次不全（活动次数见二(三)6）；"
            "站点没有任何活动记录为缺数据。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [GROUPS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(三)7", "了解学生早期心理创伤等情况、家长学校必修内容、媒体宣传、各学科教师全员参与",
               "定性或属其他主体（家长学校、社区、各学科教师个人）的要求，无站点层面可计量的标准"),
]
