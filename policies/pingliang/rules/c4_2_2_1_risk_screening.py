"""四(二)2(1) 强化排查筛查

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（二）2.监测预警 1）强化排查筛查：

“建立学生心理危机排查常态化工作机制，依据学校每年开展的学生心理健康测评结果，全面筛查心理问题高危学生。建立健全
 公安、民政、医院、学校等单位信息共享机制，建立心理问题高危青少年信息档案，做到底数清、情况明、数据准。”

Spec: features/pingliang/四(二)2(1)_强化排查筛查.feature
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
from ._shared import K12, UNIVERSITY

CLAUSE = "四(二)2(1)"
Q_SCREEN = "依据学校每年开展的学生心理健康测评结果，全面筛查心理问题高危学生"

HIGH_RISK = Requirement(
    id=f"{CITY}.4-2-2-1.high-risk-screening", city=CITY, clause=CLAUSE, quote=Q_SCREEN,
    title="依据每年测评结果全面筛查心理问题高危学生", topic="attest.high_risk_screening",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）、高校", kinds=K12 | UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="无情态词的任务陈述，读作强制。测评本身由四(一)2(4)逐学年判定；据结果“全面筛查”高危学生涉及个人信息，"
            "是否做到由人确认。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [HIGH_RISK]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "公安、民政、医院、学校等单位信息共享机制，心理问题高危青少年信息档案",
               "主体是多个部门，跨部门机制不在学校或县区数据中"),
]
