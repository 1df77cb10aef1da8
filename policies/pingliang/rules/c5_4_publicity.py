"""五(四) 强化宣传引导

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
五、工作要求（四）强化宣传引导：

“充分利用世界精神卫生日、国际家庭日宣传周等时间节点，广泛组织开展形式多样、内容丰富、实效性强的心理健康宣传教育
 活动，推动心理健康教育知识进校园、进机关、进社区、进家庭。充分运用各级主流媒体和网站、两微一端等渠道，大力宣传
 和推广先进经验和典型案例，不断扩大辐射面，增强影响力。”

Spec: features/pingliang/五(四)_强化宣传引导.feature
"""

from __future__ import annotations

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

CLAUSE = "五(四)"
Q_DAYS = "充分利用世界精神卫生日、国际家庭日宣传周等时间节点，广泛组织开展形式多样、内容丰富、实效性强的心理健康宣传教育活动"

PUBLICITY = Requirement(
    id=f"{CITY}.5-4.mental-health-days", city=CITY, clause=CLAUSE, quote=Q_DAYS,
    title="利用世界精神卫生日、国际家庭日宣传周等节点开展心理健康宣传教育活动", topic="attest.publicity_days",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（市、区）"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="“工作要求”的任务陈述，读作强制；五(二)把落实交给“各县（市、区）、市直各有关部门”，故按县（市、区）由人确认。"
            "原文未给次数，不按学校逐一计活动。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [PUBLICITY]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "运用主流媒体和网站、两微一端宣传推广先进经验和典型案例",
               "主体是宣传和教育部门，媒体宣传不在数据中"),
]
