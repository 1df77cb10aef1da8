"""二(二)4 科学归档，严守伦理

“日常心理服务内容要遵守伦理守则，建立健全测评数据、个案辅导档案安全保护机制，防止信息泄露。”

Spec: features/xinxiang/二(二)4_科学归档严守伦理.feature
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

Q_SECURITY = "建立健全测评数据、个案辅导档案安全保护机制，防止信息泄露"
Q_ETHICS = "日常心理服务内容要遵守伦理守则"

# “……建立健全测评数据、个案辅导档案安全保护机制，防止信息泄露”
DATA_SECURITY = Requirement(
    id=f"{CITY}.2-2-4.data-security", city=CITY, clause="二(二)4", quote=Q_SECURITY,
    title="建立健全测评数据、个案辅导档案安全保护机制", topic="attest.data_security",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="承接同句“要遵守伦理守则”的情态，读作必须履行；保护机制是否健全须现场查看，由站点人工确认。",
)

# “日常心理服务内容要遵守伦理守则”
ETHICS = Requirement(
    id=f"{CITY}.2-2-4.ethics", city=CITY, clause="二(二)4", quote=Q_ETHICS,
    title="日常心理服务遵守伦理守则", topic="attest.ethics",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="定性要求，由站点人工确认。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [DATA_SECURITY, ETHICS]
UNMODELLED: list[ClauseNote] = []
