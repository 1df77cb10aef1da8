"""四(一)2 构建“市县（区）校家”四级心理服务体系

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（一）2.构建“市县（区）校家”四级心理服务体系：

“……建设以学校德育领导和心理教师、班主任和科任教师为核心的校级心理工作队伍，实行全员导师制，推行“人人都是
 自己心理健康第一责任人”理念。（市教育局）”

Spec: features/nanchang/四(一)2_构建市县区校家四级心理服务体系.feature
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

Q_MENTOR = "实行全员导师制"
MENTOR_SYSTEM = Requirement(
    id=f"{CITY}.4-1-2.mentor-system", city=CITY, clause="四(一)2", quote=Q_MENTOR,
    title="实行全员导师制", topic="attest.mentor_system_in_place",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="四(一)2平实地写“实行全员导师制”（与校级心理工作队伍同句，落在学校），四(二)6“中小学校要结合全员导师制建设”"
            "又以学校已有导师制为前提；四(三)11的“探索建立全体教师任职学生导师制度，明确导师职责、内容、方式、合作联动机制等”"
            "读作导师制具体形态的探索，不取消实行导师制本身。故：学校实行全员导师制是强制义务（由人确认）；"
            "导师职责、内容、方式等细化属倡导，见四(三)11。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [MENTOR_SYSTEM]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(一)2", "“市县（区）校家”四级心理服务体系",
               "体系建设由市教育局统筹；县级辅导站、辅导室、专职教师分别由四(四)12、四(二)5各条判定，"
               "学校实行全员导师制见本条规则"),
]
