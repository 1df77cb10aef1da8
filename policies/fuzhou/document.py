"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo

CITY = "fuzhou"
# The text is undated. It must be in force before its earliest deadline ("2021年前"), and it
# speaks of 统筹做好疫情防控 and 疫后综合征应对: written after the first wave of the epidemic, so
# not in force for the spring semester of 2020, when schools were shut. Read as in force from the
# first school year after schools reopened, 2020-2021 (1 September 2020): the first semester,
# school year and calendar year judged are autumn 2020, 2020-2021 and 2021 (the engine judges a
# period only if the plan governed at least nine tenths of it).
EFFECTIVE = date(2020, 9, 1)

INFO = CityInfo(
    code=CITY,
    name="福州市",
    document="福州市学校心理健康教育行动计划",
    issuer="福州市教育主管部门",
    issued=None,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
    notes="文件未署日期；文中有“2021年前”的期限并提及“统筹做好疫情防控”与“疫后综合征应对”，成文于疫情首轮之后，"
          "不能管到停课的2020年春季学期；按复学后的第一个学年起施行读，即2020年9月1日起（首个评判的学期、学年、"
          "自然年为2020年秋季学期、2020—2021学年、2021年）。",
)
