"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo, WarningScheme

CITY = "nanchang"
ISSUED = date(2024, 1, 4)
EFFECTIVE = ISSUED  # the plan names no separate effective date: read as in force from its date

INFO = CityInfo(
    code=CITY,
    name="南昌市",
    document="关于加强和改进新时代学生心理健康教育工作的实施方案",
    issuer="中共南昌市委教育工作领导小组",
    issued=ISSUED,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
    document_number="(2024) 1 号",
    notes="2024年1月4日成文，1月8日印发；文件未另定施行日期，自成文日起算其各项要求。",
)

# 四(一)3: “对存在心理问题的学生实行红色、橙色、黄色三级预警管理”; data must use these tiers.
WARNING_SCHEME = WarningScheme(code=CITY, tiers=("red", "orange", "yellow"),
                               labels={"red": "红色", "orange": "橙色", "yellow": "黄色"})
