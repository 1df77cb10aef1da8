"""四(三)11 规范学生心理健康辅导

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（三）11.规范学生心理健康辅导（节选：辅导站与学校的定性义务，由人工确认）。

Spec: features/nanchang/四(三)11_规范学生心理健康辅导.feature
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

Q_STATION_SYSTEMS = "各级心理健康辅导站要健全心理辅导值班、预约、面谈、转介、追踪反馈等制度"
Q_ETHICS = "尊重专业设置，遵守保密原则，恪守咨询伦理，保障信息安全"
Q_MENTOR = "探索建立全体教师任职学生导师制度"
STATION_SYSTEMS = Requirement(
    id=f"{CITY}.4-3-11.station-systems", city=CITY, clause="四(三)11", quote=Q_STATION_SYSTEMS,
    title="辅导站健全值班、预约、面谈、转介、追踪反馈制度", topic="attest.station_systems",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级心理健康辅导站"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)
ETHICS = Requirement(
    id=f"{CITY}.4-3-11.ethics", city=CITY, clause="四(三)11", quote=Q_ETHICS,
    title="遵守保密原则，恪守咨询伦理，保障信息安全", topic="attest.ethics_confidentiality",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级心理健康辅导站"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="句在“各级心理健康辅导站要健全……”段内，读作辅导站的强制义务。",
)
MENTOR = Requirement(
    id=f"{CITY}.4-3-11.mentor-system", city=CITY, clause="四(三)11", quote=Q_MENTOR,
    title="探索全体教师任职学生导师制度的具体形态（导师职责、内容、方式等）", topic="attest.mentor_system",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.ADVICE, modal_word="探索", kind=RequirementKind.ATTESTATION,
    reading="与四(一)2“实行全员导师制”（平述）、四(二)6“中小学校要结合全员导师制建设”并读：实行导师制本身是强制义务，"
            "由四(一)2的规则人工确认；本句的“探索”管的是导师制的具体形态（明确导师职责、内容、方式、合作联动机制等），"
            "属倡导，未落实只作提示。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [STATION_SYSTEMS, ETHICS, MENTOR]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(三)11", "个别辅导、团体辅导、心理档案信息化、个案研讨与督导、24小时热线知晓率",
               "无频次或数量标准（“定期”未定期限），辅导站制度、伦理保密、导师制作为人工确认项建模"),
]
