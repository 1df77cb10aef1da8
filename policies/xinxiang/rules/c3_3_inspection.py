"""三(三) 作为文明校园评审重要参考值，形成督导评优机制

“探索建立督考一体化机制，每学期以《新乡市未成年人心理健康三级辅导体系建设自查表》（附件1）为主要内容进行督查，落实情况
纳入年度考核；……每两年开展一次评优表彰……”

Spec: features/xinxiang/三(三)_督导评优机制.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY

Q_SELF_CHECK = "每学期以《新乡市未成年人心理健康三级辅导体系建设自查表》（附件1）为主要内容进行督查"

# “每学期以《……自查表》（附件1）为主要内容进行督查”
SELF_CHECK = Requirement(
    id=f"{CITY}.3-3.semester-self-check", city=CITY, clause="三(三)", quote=Q_SELF_CHECK,
    title="每学期按自查表（附件1）督查", topic="attest.semester_self_check",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION, period=PeriodKind.SEMESTER,
    reading="“每学期……进行督查”是定期任务的陈述，读作必须履行。附件1自查表的条目不在原文中，无法逐项判定："
            "每个站点每学期一项人工确认（确认日期须在该学期内），表示已按自查表完成本学期督查。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [SELF_CHECK]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(三)", "附件1自查表的各项内容", "附件1（自查表）未随原文提供，其条目无法建模；每学期督查作为每站每学期的人工确认项"),
    ClauseNote("三(三)", "探索建立督考一体化机制，落实情况纳入年度考核、作为文明校园评审参考",
               "“探索”为倡导，考核与评审是教育局的工作，不是站点的义务"),
    ClauseNote("三(三)", "每两年开展一次评优表彰（示范性站点、先进个人、优秀咨询师）",
               "评优表彰由主管部门组织，不是站点的义务，也无站点可达成的标准；不建模"),
]
