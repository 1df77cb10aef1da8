"""三(二) 加强家庭教育指导服务

石景山区实施方案（征求意见稿）三（二）加强家庭教育指导服务（节选）：

“……鼓励学校开展常态化、高频次的家校协同活动……依托家长学校、家长委员会、家校社共育咨询室、心理辅导室等，通过
专题课程、讲座、团体辅导等途径，每学期面向家长至少开展1次心理健康知识教育，向家长普及心理健康知识……”

Spec: features/shijingshan/三(二)_加强家庭教育指导服务.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import EventKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import events_in
from mhpolicy.core.rules.requirement import (
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    Requirement,
    SubjectKind,
)

from ..document import CITY
from ._shared import SCHOOLS, param

# “每学期面向家长至少开展1次心理健康知识教育”
Q_PARENTS = "每学期面向家长至少开展1次心理健康知识教育"
PER_SEMESTER = param("family.parent_education_per_semester", "每学期面向家长的心理健康知识教育次数", "次", 1,
                     "三(二)", Q_PARENTS)
KINDS = (EventKind.PARENT_COUNSELING, EventKind.PARENT_MEETING)


def _parents(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.events:
        return MissingData(("events",))
    period = ctx.period(PeriodKind.SEMESTER)
    held = events_in(inst.events, period, *KINDS)
    return Measure(observed=len(held), required=ctx.param(PER_SEMESTER.id), inputs={"学期": period.label})


PARENT_EDUCATION = Requirement(
    id=f"{CITY}.3-2.parent-education", city=CITY, clause="三(二)", quote=Q_PARENTS,
    title="每学期面向家长至少1次心理健康知识教育", topic="family.parent_session",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="至少",
    measure=_parents, observed_label="本学期面向家长的心理健康知识教育次数", unit="次",
    gap_text="本学期缺{gap}次面向家长的心理健康知识教育", period=PeriodKind.SEMESTER, parameters=(PER_SEMESTER.id,),
    reading=("“专题课程、讲座、团体辅导等途径”：记为“家长心理健康教育专题辅导”或“心理专题家长会”的活动都计入；"
             "一般的家庭教育讲座不一定讲心理健康，不计入。"),
)

PARAMETERS: list[Parameter] = [PER_SEMESTER]
REQUIREMENTS: list[Requirement] = [PARENT_EDUCATION]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(二)", "区教委、妇联完善家长培训体系；鼓励学校开展常态化、高频次家校协同活动",
               "前者对象为区级部门；后者为鼓励性建议，未给频次"),
]
