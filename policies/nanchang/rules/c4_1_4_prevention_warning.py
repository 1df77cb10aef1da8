"""四(一)4 构建预防、预警、干预“三预”工作机制

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（一）4.构建预防、预警、干预“三预”工作机制（节选；定性要求由人工确认）。

Spec: features/nanchang/四(一)4_构建预防预警干预三预工作机制.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS
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

Q_CRITICAL = "各县（区）和学校要加强新生群体心理适应帮扶和开学季、毕业季、考试季等特殊节点的危机排查"
CRITICAL_PERIODS = Requirement(
    id=f"{CITY}.4-1-4.critical-periods", city=CITY, clause="四(一)4", quote=Q_CRITICAL,
    title="新生适应帮扶和开学季、毕业季、考试季危机排查", topic="attest.critical_period_screening",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)
Q_GREEN = "畅通学校与属地精神卫生医疗机构的学生心理危机转介“绿色通道”"
GREEN_CHANNEL = Requirement(
    id=f"{CITY}.4-1-4.green-channel", city=CITY, clause="四(一)4", quote=Q_GREEN,
    title="学校与属地精神卫生医疗机构转介“绿色通道”畅通", topic="governance.referral_channel",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="“畅通”是否做到由人确认（通道建立日期不足以说明其畅通）。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [CRITICAL_PERIODS, GREEN_CHANNEL]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(一)4", "网上网下监测预警、事后安抚、危机干预工作队、休复学机制、应急心理援助",
               "多为部门间机制或事件驱动，无逐期可测数据；新生/特殊节点排查与绿色通道作为人工确认项建模"),
]
