"""三(三) 完善常态化工作机制

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
三、主要目标（三）完善常态化工作机制：

“2023年底，各学校将心理健康教育纳入学校整体发展规划和年度工作计划，开足开好心理健康教育校本课程，健全心理健康
 测评、反馈、监测和干预的常态化工作机制，青少年学生心理健康核心知识知晓率达到80%建立心理健康家庭教育活动机制，
 开展心理健康教育的家庭教育指导服务站点比例达到60%”

This module holds the duties of each school. The 80% awareness rate and the 60% share of
service points are population targets: aggregate requirements (issue 9), not written here.

Spec: features/pingliang/三(三)_完善常态化工作机制.feature
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
from ._shared import SCHOOL_KINDS

CLAUSE = "三(三)"
Q_PLANS = "2023年底，各学校将心理健康教育纳入学校整体发展规划和年度工作计划"
Q_MECHANISM = "健全心理健康测评、反馈、监测和干预的常态化工作机制"

PLANS = Requirement(
    id=f"{CITY}.3-3.school-plans", city=CITY, clause=CLAUSE, quote=Q_PLANS,
    title="2023年底各学校将心理健康教育纳入整体发展规划和年度工作计划", topic="attest.school_plans",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="写成期限的结果（2023年底），读作每所学校的强制义务；规划和计划的内容由人确认。",
)
MECHANISM = Requirement(
    id=f"{CITY}.3-3.screening-feedback-mechanism", city=CITY, clause=CLAUSE, quote=Q_MECHANISM,
    title="健全心理健康测评、反馈、监测和干预的常态化工作机制", topic="attest.screening_mechanism",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="同句主语“各学校”、期限2023年底，读作强制；机制是否健全由人确认（测评本身由四(一)2(4)逐学年判定）。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [PLANS, MECHANISM]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "开足开好心理健康教育校本课程",
               "课时标准由四(一)2(2)给出（每两周至少1课时）并逐校判定，此处不重复"),
]
