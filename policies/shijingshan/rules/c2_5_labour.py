"""二(五) 积极挖掘劳动“健心”途径

石景山区实施方案（征求意见稿）二（五）积极挖掘劳动“健心”途径（节选）：

“丰富、拓展劳动教育实施途径，磨炼意志品质，引导学生形成正确的劳动观。上好劳动教育课，用好课堂教学主渠道；
落实卫生、值日等校园劳动实践……”

Spec: features/shijingshan/二(五)_积极挖掘劳动健心途径.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

LABOUR = attest("二(五)", "labour-education", "上好劳动教育课，用好课堂教学主渠道；落实卫生、值日等校园劳动实践",
                "上好劳动教育课，落实校园劳动实践")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [LABOUR]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(五)", "家庭和社会劳动实践、劳动教育周、劳动精神培养", "方向性要求，无可计量的数据"),
]
