"""二(四) 注重利用美育的“润心”作用

石景山区实施方案（征求意见稿）二（四）注重利用美育的“润心”作用（节选）：

“深入实施学校美育浸润行动……倡导“生生有兴趣、班班有活动”，办好学生艺术节、戏剧节、音乐会、四联展、墨香书法等
各级各类艺术实践活动（展演）……组织开展教育戏剧、沙盘游戏辅导、绘画心理辅导等培训，探索艺术实践与心理辅导、
心理咨询等活动相结合，缓解学生的消极情绪。”

Spec: features/shijingshan/二(四)_注重利用美育的润心作用.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Modality, Requirement

from ._shared import attest

ARTS = attest("二(四)", "arts-and-counseling", "探索艺术实践与心理辅导、心理咨询等活动相结合",
              "探索艺术实践与心理辅导、心理咨询相结合", word="探索", modality=Modality.ADVICE)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [ARTS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(四)", "美育浸润行动、艺术节等艺术实践活动、教育戏剧和沙盘游戏辅导等培训",
               "倡导性、综合性的美育要求，未给数量，数据不含艺术活动记录"),
]
