"""四(一)2(1) 健全组织机构

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（一）2.学校 1）健全组织机构：

“建立全市学生心理健康教育指导委员会，对大中小学心理健康教育提供专业指导。健全市、县两级教育行政部门和各大中小学
 心理健康教育工作领导小组，加强学生心理健康工作领导。”

Spec: features/pingliang/四(一)2(1)_健全组织机构.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import reported_yes
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

CLAUSE = "四(一)2(1)"
Q_GROUPS = "健全市、县两级教育行政部门和各大中小学心理健康教育工作领导小组"
Q_COMMITTEE = "建立全市学生心理健康教育指导委员会，对大中小学心理健康教育提供专业指导"

SCHOOL_GROUP = Requirement(
    id=f"{CITY}.4-1-2-1.school-leadership-group", city=CITY, clause=CLAUSE, quote=Q_GROUPS,
    title="各大中小学健全心理健康教育工作领导小组", topic="governance.leadership_group",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各大中小学", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="",
    measure=lambda s, c: reported_yes(s.institution.leadership_group, "leadership_group"),
    observed_label="已设心理健康教育工作领导小组（是=1）", unit="项", gap_text="未设心理健康教育工作领导小组",
    reading="无情态词，但列在“学校”的任务下、以“健全”陈述，读作每所大中小学的强制义务；以 leadership_group 报告，"
            "未报即缺数据。",
)
COUNTY_GROUP = Requirement(
    id=f"{CITY}.4-1-2-1.county-leadership-group", city=CITY, clause=CLAUSE, quote=Q_GROUPS,
    title="县级教育行政部门健全心理健康教育工作领导小组", topic="attest.county_leadership_group",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（市、区）教育行政部门"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="同句的县级部分；数据不含县级机构设置，由人确认。",
)
CITY_COMMITTEE = Requirement(
    id=f"{CITY}.4-1-2-1.city-guidance-committee", city=CITY, clause=CLAUSE, quote=Q_COMMITTEE,
    title="建立全市学生心理健康教育指导委员会（并健全市级领导小组）", topic="attest.city_guidance_committee",
    subject=SubjectKind.CITY, applies_to=AppliesTo(text="平凉市（市教育局）"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="任务陈述，责任单位为市教育局，读作强制；委员会是否建立、是否提供指导由人确认。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [CITY_COMMITTEE, COUNTY_GROUP, SCHOOL_GROUP]
UNMODELLED: list[ClauseNote] = []
