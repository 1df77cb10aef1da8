"""三(二) 强化师资和硬件保障 — the population target (the school duties of this clause are in the
plugin's school-level modules)

《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》三、主要目标（二）：

“学校按一定比例配齐专兼职心理健康教育教师,至2025年底,配备专兼职心理健康教育教师的学校比例达到95%”

Spec: features/pingliang/三(二)_学校配备专兼职心理教师比例.feature
"""

from __future__ import annotations

from datetime import date

from mhpolicy.core.model.entities import Institution, StaffRole
from mhpolicy.core.rules.aggregate import Aggregate
from mhpolicy.core.rules.context import Context
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, MissingData, Requirement, SubjectKind

from ._shared import SCHOOL_KINDS
from ._targets import TARGET_READING, city_and_counties, param

# "至2025年底,配备专兼职心理健康教育教师的学校比例达到95%" (quoted from 配备: the PDF's comma may be cleaned)
Q_SHARE = "配备专兼职心理健康教育教师的学校比例达到95%"
SHARE = param("target.school_staffed_share", "配备专兼职心理健康教育教师的学校比例目标", "%", 95, "三(二)", Q_SHARE)
DUE = date(2025, 12, 31)


def staffed(inst: Institution, ctx: Context) -> bool | MissingData | None:
    """A school counts when its staff list has a 心理健康教育教师, full- or part-time (专兼职). Only
    schools are in the population (SCHOOL_KINDS, as the plan's school duties read it: no kindergarten). A school that reported no staff at all has not
    reported its staff list (every school has teachers): 缺数据, never counted as staffed."""
    if inst.kind not in SCHOOL_KINDS:
        return None
    if not inst.staff:
        return MissingData(("staff",))
    return any(s.role is StaffRole.PSYCH_TEACHER for s in inst.staff)


STAFFED = Aggregate(over=SubjectKind.INSTITUTION, counts=staffed, target=SHARE.id, population="所学校",
                    met="配备专兼职心理健康教育教师")

READING = (TARGET_READING + "学校：各级各类学校（中小学、中职、特殊教育学校、高校），不含幼儿园（方案所称心理健康教育"
           "教师配备针对大中小学）。专兼职：名册中有心理健康教育教师即计（专职或兼职）。未报送教职工名单的学校"
           "计入总数、不计为达标（缺数据）。比例达到95%：达标学校数不少于学校总数×95%（向上取整，20所需19所，"
           "21所需20所）。“至2025年底”：截止2025-12-31；评估日在此之前时按现状显示差距，不计逾期。")

REQUIREMENTS: list[Requirement] = city_and_counties(
    "school-staffed-share", "三(二)", Q_SHARE, "配备专兼职心理健康教育教师的学校比例达到95%",
    "staffing.school_share_with_psych_teacher", STAFFED, DUE, READING)
PARAMETERS: list[Parameter] = [SHARE]
UNMODELLED: list[ClauseNote] = []
