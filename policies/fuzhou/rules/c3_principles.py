"""三、基本原则

《福州市学校心理健康教育行动计划》三、基本原则：

“科学性与实效性相结合。……把解决思想问题、实际问题与心理问题结合起来，把育德与育心统一起来。”

Nothing here is modelled: the four 基本原则 (育德与育心统一 among them) say how the plan's duties
are to be carried out, they set none of their own. An attestation item on 育德与育心 (earlier
versions had one) asked a school to confirm a principle, with nothing to check it against; the
duties that put the principle into practice are in 四 and 五 and are judged there.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三", "基本原则（含“把育德与育心统一起来”）",
               "原则性表述：规定开展工作的方针，不设学校可履行或可核查的义务（无主体之外的行为、数量、期限）；"
               "落实这些原则的具体义务见四、五各条，在那里判定"),
]
