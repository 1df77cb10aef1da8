"""二(三) 充分发挥体育的“强心”功能

石景山区实施方案（征求意见稿）二（三）充分发挥体育的“强心”功能（节选）：

“深入实施学校体育固本行动，开齐开足上好体育与健康课，全覆盖、高质量开展体育课后服务，确保学生每天校内、校外
各1个小时体育活动时间，保障课间十分钟室外活动，帮助学生熟练掌握1至2项运动技能。大力推进体教融合，鼓励区、校
运动会、体育节等体育竞赛中，增加以班级为单位开展的项目……”

Spec: features/shijingshan/二(三)_充分发挥体育的强心功能.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import fmt_num
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
from ._shared import SCHOOLS, attest, param, semester

# “确保学生每天校内、校外各1个小时体育活动时间”
Q_PE = "确保学生每天校内、校外各1个小时体育活动时间"
PE_MINUTES = param("curriculum.pe_minutes_each_day", "每天校内、校外各自的体育活动时间", "分钟", 60, "二(三)", Q_PE,
                   note="“1个小时”折为60分钟，校内、校外各自不少于此。")


def _pe(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    code = semester(ctx)
    if not inst.after_school:
        return MissingData(("after_school",))
    row = next((a for a in inst.after_school if a.semester == code), None)
    if row is None:
        return MissingData((f"after_school[{code}]",))
    absent = tuple(f"after_school[{code}].{f}" for f in ("pe_minutes_in_school_per_day", "pe_minutes_out_of_school_per_day")
                   if getattr(row, f) is None)
    if absent:
        return MissingData(absent)
    inside, outside = row.pe_minutes_in_school_per_day, row.pe_minutes_out_of_school_per_day
    assert inside is not None and outside is not None
    return Measure(observed=min(inside, outside), required=ctx.param(PE_MINUTES.id),
                   inputs={"学期": code, "校内(分钟/天)": fmt_num(inside), "校外(分钟/天)": fmt_num(outside)})


PE_HOURS = Requirement(
    id=f"{CITY}.2-3.pe-hour-each", city=CITY, clause="二(三)", quote=Q_PE,
    title="学生每天校内、校外各1小时体育活动", topic="curriculum.physical_activity",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="确保",
    measure=_pe, observed_label="校内、校外中较少一方的每天体育活动时间", unit="分钟",
    gap_text="每天体育活动时间差{gap}分钟（校内、校外各须1小时）", period=PeriodKind.SEMESTER,
    parameters=(PE_MINUTES.id,),
    reading="按学期报送的每天校内、校外体育活动分钟数判定，取两者中较少的一方与60分钟比较（各须1小时，不能互补）。",
)

RECESS = attest("二(三)", "outdoor-recess", "保障课间十分钟室外活动", "保障课间十分钟室外活动",
                reading="与前句同受“确保”统领，读作强制；数据不含课间安排，由人确认。")

PARAMETERS: list[Parameter] = [PE_MINUTES]
REQUIREMENTS: list[Requirement] = [PE_HOURS, RECESS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(三)", "开齐开足体育课、体育课后服务、掌握1至2项运动技能、体教融合与班级赛事、亲子和社区锻炼",
               "数据不含体育课时、运动技能和赛事记录；班级赛事为鼓励性建议"),
]
