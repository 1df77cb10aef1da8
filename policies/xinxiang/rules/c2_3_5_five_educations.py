"""二(三)5 五育并举促进心理健康，全方位“阳光成长”

“将学生心理健康教育贯穿教育教学、管理服务和学生成长各环节，“阳光成长”活动可充分调动体育调节情绪、疏解压力作用；
美育丰富精神、温润心灵作用；劳动中磨炼意志品质的契机……”
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(三)5", "五育并举，心理健康教育贯穿各环节；“阳光成长”活动可调动体育、美育、劳动的作用",
               "理念与可选做法（“可充分调动”），无义务、数量或期限；“阳光成长”活动本身按二(三)6–7建模"),
]
