"""三(四) 积极争取专业机构协作支持

石景山区实施方案（征求意见稿）三（四）积极争取专业机构协作支持（节选）：

“……各中小学主动与精神卫生医疗机构、妇幼保健机构等建立健全协同机制，聘请相关专家进校园，深入开展学生心理健康
宣传教育，及早发现学生心理健康问题……畅通预防转介干预就医通道，及时转介、诊断、治疗。”

Spec: features/shijingshan/三(四)_积极争取专业机构协作支持.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

MEDICAL = attest("三(四)", "medical-cooperation", "各中小学主动与精神卫生医疗机构、妇幼保健机构等建立健全协同机制",
                 "与精神卫生医疗机构、妇幼保健机构建立协同机制")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [MEDICAL]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(四)", "利用高校和区内医院资源、畅通精神卫生诊治绿色通道",
               "对象为区级部门和医疗机构；学校的协同机制作为人工确认项"),
]
