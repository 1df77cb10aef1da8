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
CRITICAL_PERIODS_DISTRICT = Requirement(
    id=f"{CITY}.4-1-4.critical-periods-district", city=CITY, clause="四(一)4", quote=Q_CRITICAL,
    title="县（区）加强新生适应帮扶和开学季、毕业季、考试季危机排查", topic="attest.critical_period_screening",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="句子的主语是“各县（区）和学校”：学校一半见critical-periods，本条是县（区）一半（组织、督促辖区排查），由人确认。",
)
Q_AFTERCARE = "建立健全心理极端事件事后安抚疏导机制，帮助可能受事件影响的师生渡过心理难关"
AFTERCARE = Requirement(
    id=f"{CITY}.4-1-4.aftercare-mechanism", city=CITY, clause="四(一)4", quote=Q_AFTERCARE,
    title="建立健全心理极端事件事后安抚疏导机制", topic="attest.crisis_aftercare",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="祈使句无情态词，在“各县（区）和学校要……”同段，所帮助的是“可能受事件影响的师生”，读作学校须常设的机制"
            "（强制）；机制是否建立健全由人确认，不以是否发生过极端事件为前提。",
)
Q_CRISIS_TEAMS = "发挥市、县（区）两级心理危机干预工作队的作用"
_CRISIS_TEAMS_READING = ("平述句无情态词，但以两级工作队已经组建为前提，读作市、县（区）各须有一支心理危机干预工作队"
                         "并发挥作用（强制）；由人确认。")
CRISIS_TEAM_DISTRICT = Requirement(
    id=f"{CITY}.4-1-4.crisis-team-district", city=CITY, clause="四(一)4", quote=Q_CRISIS_TEAMS,
    title="县（区）心理危机干预工作队组建并发挥作用", topic="attest.crisis_team",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION, reading=_CRISIS_TEAMS_READING,
)
CRISIS_TEAM_CITY = Requirement(
    id=f"{CITY}.4-1-4.crisis-team-city", city=CITY, clause="四(一)4", quote=Q_CRISIS_TEAMS,
    title="市级心理危机干预工作队组建并发挥作用", topic="attest.crisis_team",
    subject=SubjectKind.CITY, applies_to=AppliesTo(text="全市"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION, reading=_CRISIS_TEAMS_READING,
)
Q_EMERGENCY = ("将国家或地区性重大紧急事件发生时的学生心理防护和应急心理援助工作纳入危机预防干预管理，"
               "做到有预案、有队伍、有干预、有指导")
EMERGENCY_PREPAREDNESS = Requirement(
    id=f"{CITY}.4-1-4.emergency-plan-and-team", city=CITY, clause="四(一)4", quote=Q_EMERGENCY,
    title="重大紧急事件学生心理防护与应急心理援助：常备预案和队伍", topic="attest.emergency_preparedness",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="“纳入危机预防干预管理，做到……”无情态词，作为本条机制的具体要求读作强制；承担危机预防干预管理的是"
            "教育部门，按县（区）判定。“有预案、有队伍”是平时就须常备的，由人确认；“有干预、有指导”只在重大紧急"
            "事件发生时才可判断，不在本条（见未建模说明）。",
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
REQUIREMENTS: list[Requirement] = [CRITICAL_PERIODS, CRITICAL_PERIODS_DISTRICT, AFTERCARE, CRISIS_TEAM_DISTRICT,
                                  CRISIS_TEAM_CITY, GREEN_CHANNEL, EMERGENCY_PREPAREDNESS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(一)4", "网上网下监测预警与物防技防、用好《南昌市学校心理工作手册》",
               "只有方向（“强化”“提升”“用好”），无可确认的具体产出或标准"),
    ClauseNote("四(一)4", "休、复学机制",
               "主体是教育部门会同卫生健康等部门的跨部门机制，本插件的数据不含市级部门间协作记录"),
    ClauseNote("四(一)4", "重大紧急事件时“有干预、有指导”；重要时间节点和重大事件时及时发现、妥善应对",
               "事件驱动：只在事件发生时才可判断，无逐期义务；常备的预案和队伍已作人工确认项建模"),
]
