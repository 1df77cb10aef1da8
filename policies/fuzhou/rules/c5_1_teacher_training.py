"""五、1 加强师资队伍建设 —— 心理教师实操训练与专业督导

《福州市学校心理健康教育行动计划》五、主要任务 1.加强师资队伍建设：

“强化心理教师队伍全员培训、梯级培养……每年组织专兼职心理教师接触病（案）例实操训练不少于2小时，接受专业督导分别不少于8小时、4小时。”

Spec: features/fuzhou/五、1_心理教师培训.feature
"""

from __future__ import annotations

from collections.abc import Callable

from mhpolicy.core.model.entities import TrainingKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import per_person_training, psych_teachers
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    MeasureResult,
    Modality,
    Requirement,
    SubjectKind,
)

from ..document import CITY
from ._shared import param

CASE_HOURS = param(
    "fuzhou.training.case_practice_hours", "每年接触病（案）例实操训练时长", "小时", 2, "五、1",
    "每年组织专兼职心理教师接触病（案）例实操训练不少于2小时",
)
SUPERVISION_FULL = param(
    "fuzhou.training.supervision_full_time_hours", "专职心理教师每年专业督导时长", "小时", 8, "五、1",
    "接受专业督导分别不少于8小时、4小时",
)
SUPERVISION_PART = param(
    "fuzhou.training.supervision_part_time_hours", "兼职心理教师每年专业督导时长", "小时", 4, "五、1",
    "接受专业督导分别不少于8小时、4小时",
)
TRAINING_QUOTE = "每年组织专兼职心理教师接触病（案）例实操训练不少于2小时，接受专业督导分别不少于8小时、4小时"


def _per_person(full_time: bool | None, kind: TrainingKind, param_id: str, who: str
                ) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        staff = subject.institution.staff
        return per_person_training(staff, psych_teachers(staff, full_time=full_time),
                                   ctx.period(PeriodKind.CALENDAR_YEAR), ctx.param(param_id),
                                   who=who, unit="小时", kinds=[kind])

    return measure


CASE_PRACTICE = Requirement(
    id="fuzhou.5-1.case-practice-hours",
    city=CITY,
    clause="五、1",
    quote=TRAINING_QUOTE,
    title="专兼职心理教师每年接触病（案）例实操训练不少于2小时",
    topic="training.case_practice",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="配有心理教师的各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_per_person(None, TrainingKind.CASE_PRACTICE, CASE_HOURS.id, "心理教师"),
    observed_label="心理教师实操训练时长最少者",
    unit="小时",
    gap_text="实操训练时长差{gap}小时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(CASE_HOURS.id,),
    reading="“每年组织……不少于2小时”读作每名专兼职心理教师每个自然年的时长；按人计，取最少者与要求比较。"
            "无心理教师为不适用；有心理教师但无任何培训记录为缺数据。",
)

SUPERVISION_FULL_TIME = Requirement(
    id="fuzhou.5-1.supervision-full-time-hours",
    city=CITY,
    clause="五、1",
    quote=TRAINING_QUOTE,
    title="专职心理教师每年接受专业督导不少于8小时",
    topic="training.supervision",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="配有专职心理教师的各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_per_person(True, TrainingKind.SUPERVISION, SUPERVISION_FULL.id, "专职心理教师"),
    observed_label="专职心理教师督导时长最少者",
    unit="小时",
    gap_text="专业督导时长差{gap}小时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(SUPERVISION_FULL.id,),
    reading="“分别不少于8小时、4小时”按“专兼职”的次序读：专职8小时、兼职4小时，按人按自然年计。",
)

SUPERVISION_PART_TIME = Requirement(
    id="fuzhou.5-1.supervision-part-time-hours",
    city=CITY,
    clause="五、1",
    quote=TRAINING_QUOTE,
    title="兼职心理教师每年接受专业督导不少于4小时",
    topic="training.supervision",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="配有兼职心理教师的各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="不少于",
    measure=_per_person(False, TrainingKind.SUPERVISION, SUPERVISION_PART.id, "兼职心理教师"),
    observed_label="兼职心理教师督导时长最少者",
    unit="小时",
    gap_text="专业督导时长差{gap}小时",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(SUPERVISION_PART.id,),
    reading="“分别不少于8小时、4小时”按“专兼职”的次序读：专职8小时、兼职4小时，按人按自然年计。",
)

PARAMETERS: list[Parameter] = [CASE_HOURS, SUPERVISION_FULL, SUPERVISION_PART]
REQUIREMENTS: list[Requirement] = [CASE_PRACTICE, SUPERVISION_FULL_TIME, SUPERVISION_PART_TIME]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、1", "心理教师全员培训、梯级培养、岗位大练兵、技能竞赛、送教送培等活动",
               "未给出次数或学时，无可判定的阈值"),
]
