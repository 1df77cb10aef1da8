"""四(二)5(1) 精准结对帮扶

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（二）5.帮扶助困 1）精准结对帮扶：

“围绕单亲、离异、留守、贫困、残疾等群体学生，在各学校建立特殊群体学生台账，全面掌握学生身心状况和家庭情况，
 建立一对一结对帮扶制度，有针对性的做好关爱、帮扶、救助等工作。”

Spec: features/pingliang/四(二)5(1)_精准结对帮扶.feature
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

CLAUSE = "四(二)5(1)"
Q_LEDGER = "在各学校建立特殊群体学生台账，全面掌握学生身心状况和家庭情况"
Q_PAIRING = "建立一对一结对帮扶制度，有针对性的做好关爱、帮扶、救助等工作"
_READING = ("无情态词的任务陈述，地点是“各学校”，读作每校的强制义务。台账和帮扶涉及学生个人信息，本工具只收汇总与化名"
            "个案，不收台账本身：是否建立、是否一对一结对，由人确认。")

LEDGER = Requirement(
    id=f"{CITY}.4-2-5-1.special-groups-ledger", city=CITY, clause=CLAUSE, quote=Q_LEDGER,
    title="建立特殊群体（单亲、离异、留守、贫困、残疾）学生台账", topic="attest.special_groups_ledger",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION, reading=_READING,
)
PAIRING = Requirement(
    id=f"{CITY}.4-2-5-1.one-to-one-pairing", city=CITY, clause=CLAUSE, quote=Q_PAIRING,
    title="建立一对一结对帮扶制度", topic="attest.one_to_one_pairing",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION, reading=_READING,
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [LEDGER, PAIRING]
UNMODELLED: list[ClauseNote] = []
