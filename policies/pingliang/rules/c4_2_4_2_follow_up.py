"""四(二)4(2) 动态跟踪监护

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（二）4.治疗跟踪 2）动态跟踪监护：

“对曾接受过精神卫生专业机构治疗的学生，定期抽取一定比例对象进行随访；对曾有较严重心理问题的学生，定期跟踪随访，
 防止问题复发；对曾有轻生意念或自杀未遂的学生，密切跟踪随访，做好心理重建工作。”

Spec: features/pingliang/四(二)4(2)_动态跟踪监护.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import SCHOOL_KINDS

CLAUSE = "四(二)4(2)"
Q_FOLLOW = "对曾有较严重心理问题的学生，定期跟踪随访，防止问题复发"


def _has_cases(subject: Subject, ctx: Context) -> bool:
    """A school with any warning case opened on or before the evaluation date has students to follow up."""
    return any(c.opened <= ctx.as_of for c in subject.institution.warning_cases)


FOLLOW_UP = Requirement(
    id=f"{CITY}.4-2-4-2.follow-up", city=CITY, clause=CLAUSE, quote=Q_FOLLOW,
    title="对曾有较严重心理问题的学生定期跟踪随访", topic="warning.follow_up",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="有预警个案记录的学校", kinds=SCHOOL_KINDS, where=_has_cases),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="无情态词的任务陈述，读作强制。“定期”“密切”未给间隔，本插件不编造天数：随访是否到位由人确认；"
            "只对有化名预警个案记录（含已结案，“曾有”）的学校适用。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [FOLLOW_UP]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "对曾接受精神卫生专业机构治疗的学生定期抽取一定比例随访",
               "主体是卫健部门，“一定比例”“定期”均未给数字；治疗记录不在学校数据中"),
]
