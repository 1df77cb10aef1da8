"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo

CITY = "pingliang"
ISSUED = date(2023, 6, 22)
EFFECTIVE = ISSUED  # read as in force from its date; change it if the text names another

INFO = CityInfo(
    code=CITY,
    name="平凉市",
    document="平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）",
    issuer="中共平凉市委教育工作领导小组",
    issued=ISSUED,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
)
