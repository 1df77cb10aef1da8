"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.requirement import CityInfo

CITY = "fuzhou"
EFFECTIVE = date(2021, 1, 1)  # the text is undated; its earliest deadline is "2021年前"

INFO = CityInfo(
    code=CITY,
    name="福州市",
    document="福州市学校心理健康教育行动计划",
    issuer="福州市教育主管部门",
    issued=None,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
    notes="文件未署日期；以文中最早时间节点（2021年前）起算其各项要求。",
)
