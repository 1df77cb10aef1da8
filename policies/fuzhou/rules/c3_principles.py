"""三、基本原则

《福州市学校心理健康教育行动计划》三、基本原则：

“科学性与实效性相结合。……把解决思想问题、实际问题与心理问题结合起来，把育德与育心统一起来。”

Spec: features/fuzhou/三_基本原则.feature
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

MORAL_AND_MIND = Requirement(
    id="fuzhou.3.moral-and-mind",
    city=CITY,
    clause="三",
    quote="把解决思想问题、实际问题与心理问题结合起来，把育德与育心统一起来",
    title="育德与育心统一",
    topic="attest.moral_and_mind",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="基本原则以陈述句表述，读作对学校的强制性要求，由人工确认。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [MORAL_AND_MIND]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三", "基本原则（育德与育心以外各项）", "原则性表述；其中“把育德与育心统一起来”已作人工确认项"),
]
