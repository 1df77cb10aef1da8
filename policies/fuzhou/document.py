"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo

CITY = "fuzhou"
# The text is undated. It must be in force before its earliest deadline ("2021年前"), and it
# speaks of 统筹做好疫情防控 and 疫后综合征应对, which places it in 2020.
EFFECTIVE = date(2020, 1, 1)

INFO = CityInfo(
    code=CITY,
    name="福州市",
    document="福州市学校心理健康教育行动计划",
    issuer="福州市教育主管部门",
    issued=None,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
    notes="文件未署日期；文中有“2021年前”的期限并提及疫情防控与疫后综合征应对，按2020年1月1日起施行读。",
)
