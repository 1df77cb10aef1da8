"""The document this plugin encodes: 石景山区's implementation plan, a draft for comment (征求意见稿)."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo, DocumentStatus, WarningScheme

CITY = "shijingshan"
ISSUED = None  # the draft bears no date; the shared texts' index dates it to 2023
# Read as in force from the start of school year 2023-2024. The draft implements the national plan
# (教体艺〔2023〕1号, April 2023) and Beijing's (京教基一〔2023〕9号) and is itself of 2023; its duties
# are organised by school year, semester and quarter, and the first school year a 2023 draft can
# govern whole is 2023-2024 (1 September 2023). No final text is available: the draft is treated as
# in force, and every finding says it rests on a draft for comment (CityInfo.status).
EFFECTIVE = date(2023, 9, 1)

INFO = CityInfo(
    code=CITY,
    name="北京市石景山区",
    document="石景山区贯彻落实《关于全面加强和改进新时代中小学校学生心理健康工作行动计划（2023—2025年）》实施方案（征求意见稿）",
    issuer="北京市石景山区教育委员会",
    issued=ISSUED,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
    # A draft for comment: every finding, report and spec page says “依据征求意见稿”. No plan term:
    # the draft implements the 2023—2025 national and Beijing plans, but its duties for schools are
    # standing ones (四(一) “并常态化推进学校心理健康工作”), so they are judged after 2025 as well.
    status=DocumentStatus.DRAFT,
    notes=("征求意见稿，未署日期和发文机关：发文机关据四(一)“区教委会同相关部门……制定并发布石景山区实施方案”推定；"
           "无定稿可依，按现行文件对待，所有结论注明“依据征求意见稿”。自2023-2024学年（2023年9月1日）起算各项要求。"),
)

# 三(三)1: “各中小学建立“班级—年级—学校”三级预警机制”: warning cases are graded by the level that
# handles them, not by 红/橙/黄 colours; a dataset of this district with other tiers is refused.
WARNING_SCHEME = WarningScheme(code=CITY, tiers=("class", "grade", "school"),
                               labels={"class": "班级", "grade": "年级", "school": "学校"})
