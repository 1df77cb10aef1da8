"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo

CITY = "xinxiang"
ISSUED = date(2024, 3, 19)
EFFECTIVE = ISSUED  # read as in force from its date; change it if the text names another

INFO = CityInfo(
    code=CITY,
    name="新乡市",
    document="新乡市未成年人心理健康三级辅导体系建设专项行动计划（2024-2025年）",
    issuer="新乡市教育局办公室",
    issued=ISSUED,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
)
