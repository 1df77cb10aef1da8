"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo, DocumentStatus, PlanTerm

CITY = "xinxiang"
ISSUED = date(2024, 3, 19)
# The text names no effective date: read as in force from the day it was printed (印发, 2024-03-19).
EFFECTIVE = ISSUED
# “专项行动计划（2024-2025年）”: the plan's own term, 1 January 2024 to 31 December 2025. After it,
# core judges periodic duties up to its end and labels every finding "计划期已结束".
TERM = PlanTerm(start=date(2024, 1, 1), end=date(2025, 12, 31))

INFO = CityInfo(
    code=CITY,
    name="新乡市",
    document="新乡市未成年人心理健康三级辅导体系建设专项行动计划（2024-2025年）",
    issuer="新乡市教育局办公室",
    issued=ISSUED,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
    status=DocumentStatus.IN_FORCE,
    term=TERM,
    notes="三级站点体系：一级=新乡市未成年人心理辅导中心；二级=市属学校辅导站、县市区级辅导站；"
          "三级=县（市）区属学校辅导站。数据中以站点层级（tier）与上级站点（parent_id）表示。",
)
