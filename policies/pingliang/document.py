"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo, DocumentStatus, PlanTerm

from .cleaning import SUMMARY, clean

CITY = "pingliang"
ISSUED = date(2023, 6, 22)  # 中共平凉市委教育工作领导小组 2023年6月22日印发 (平教领发〔2023〕1号)
# The notice says the plan was adopted and is issued for implementation; no other start is named.
EFFECTIVE = ISSUED
# “（2023—2025年）”: the plan covers the years 2023 to 2025; it is judged from EFFECTIVE, and after
# 2025-12-31 core marks every finding 计划期已结束.
TERM = PlanTerm(start=date(2023, 1, 1), end=date(2025, 12, 31))

INFO = CityInfo(
    code=CITY,
    name="平凉市",
    document="平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）",
    issuer="中共平凉市委教育工作领导小组",
    issued=ISSUED,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
    document_number="平教领发〔2023〕1号",
    notes="source.txt 是网页所载 PDF 的抽取文本，原样保存；引文按清理后的文本（cleaned.txt，由 cleaning.clean 生成）核对。",
    status=DocumentStatus.IN_FORCE,  # the final text (定稿), published by the city's education bureau
    term=TERM,
    source_normalisation=clean,
    source_normalisation_text=SUMMARY,
)
