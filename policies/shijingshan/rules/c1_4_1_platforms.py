"""一(四)1 建好用好市区级心理辅导平台

石景山区实施方案（征求意见稿）一（四）1.建好用好市区级心理辅导平台（节选）：

“中小学用好北京市中小学数字德育网师生在线心理咨询服务平台、12355青少年心理咨询热线服务等资源，确保全校师生、
家长建立求助意识，知晓求助方法。强化提升区级心理辅导服务功能，建好用好“石景山区未成年人心理健康辅导站”……”

Spec: features/shijingshan/一(四)1_建好用好市区级心理辅导平台.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

HELP_SEEKING = attest("一(四)1", "help-seeking", "确保全校师生、家长建立求助意识，知晓求助方法",
                      "全校师生、家长知晓求助方法（在线平台、12355热线等）", word="确保")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [HELP_SEEKING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(四)1", "区未成年人心理健康辅导站的四种服务形式、课后周末节假日服务、邮箱全天24小时受理",
               "对象为区辅导站；数据中无其服务时段和受理记录"),
]
