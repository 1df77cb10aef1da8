"""一(二)2 提高全体教师的心理健康教育能力

石景山区实施方案（征求意见稿）一（二）2.提高全体教师的心理健康教育能力（节选）：

“……各中小学把心理健康教育内容纳入全员校本培训体系，帮助全体教师掌握心理保健、家庭教育、心理危机识别与干预
等基本知识和基本方法，每学期至少组织1次面向全体教职工的心理健康教育培训。”

Spec: features/shijingshan/一(二)2_提高全体教师的心理健康教育能力.feature
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

# “每学期至少组织1次面向全体教职工的心理健康教育培训”
Q_TRAINING = "每学期至少组织1次面向全体教职工的心理健康教育培训"
PER_SEMESTER = param("training.all_staff_per_semester", "每学期面向全体教职工的心理健康教育培训次数", "次", 1,
                     "一(二)2", Q_TRAINING)


def _all_staff(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.events:
        return MissingData(("events",))
    period = ctx.period(PeriodKind.SEMESTER)
    held = events_in(inst.events, period, EventKind.ALL_STAFF_TRAINING)
    return Measure(observed=len(held), required=ctx.param(PER_SEMESTER.id),
                   inputs={"学期": period.label, "培训日期": "、".join(e.date.isoformat() for e in held) or "无"})


ALL_STAFF_TRAINING = Requirement(
    id=f"{CITY}.1-2-2.all-staff-training", city=CITY, clause="一(二)2", quote=Q_TRAINING,
    title="每学期至少1次面向全体教职工的心理健康教育培训", topic="training.all_staff",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="至少",
    measure=_all_staff, observed_label="本学期全员心理健康教育培训次数", unit="次",
    gap_text="本学期缺{gap}次全员心理健康教育培训", period=PeriodKind.SEMESTER, parameters=(PER_SEMESTER.id,),
    reading="学期按秋季（9月1日—1月31日）、春季（2月1日—8月31日）计，培训记为“教职工全员培训”活动。",
)

PARAMETERS: list[Parameter] = [PER_SEMESTER]
REQUIREMENTS: list[Requirement] = [ALL_STAFF_TRAINING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(二)2", "北京教育学院石景山分院在各类培训中安排心理健康教育必修内容",
               "对象为分院，数据不含其培训计划；学校的全员培训已建模"),
]
