"""二(一) 完善“三级体系”站点构建，优化服务阵地

“发挥新乡市未成年人心理辅导中心（一级站点）和市属学校辅导站、县市区级辅导站（二级站点）主渠道作用，重点推进
县（市）区属学校辅导站点（三级站点）建设工作。对照《新乡市未成年人心理健康三级辅导体系建设自查表》（附件1）
完善各级站点基本功能。”

The three tiers are the shape of the data: core refuses a tree that breaks them (one 一级, each
二级 under it, each 三级 under a 二级) when the data is read. The 自查表's items are not in the
text; the semester inspection against it is the attestation of 三(三).
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(一)", "三级站点体系（一级中心、二级市属学校站和县市区站、三级县区属学校站）",
               "不是站点的义务，而是数据的结构：站点层级（tier）与上级站点（parent_id）在读入时由核心校验，"
               "违反层级（三级挂在非二级之下、两个一级、成环、缺上级）即为输入错误并指明站点"),
    ClauseNote("二(一)", "对照自查表（附件1）完善各级站点基本功能",
               "附件1自查表的条目不在原文中，无法逐项建模；其每学期督查按三(三)作为每站每学期的人工确认项"),
]
