"""三(三) 完善常态化工作机制 — the two population targets

《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》三、主要目标（三）：

“2023年底,…青少年学生心理健康核心知识知晓率达到80%建立心理健康家庭教育活动机制,开展心理健康教育的家庭教育
指导服务站点比例达到60%”

Spec: features/pingliang/三(三)_知晓率和家庭教育指导服务站点比例.feature
"""

from __future__ import annotations

from datetime import date

from mhpolicy.core.model.entities import Institution
from mhpolicy.core.model.extensions import extension
from mhpolicy.core.rules.aggregate import Aggregate, Tally
from mhpolicy.core.rules.context import Context
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, MissingData, Requirement, SubjectKind

from ..data_targets import CORE_KNOWLEDGE_SURVEY, FAMILY_GUIDANCE_POINTS, FamilyGuidancePoint
from ._shared import SCHOOL_KINDS
from ._targets import TARGET_READING, city_and_counties, missing, param

DUE = date(2023, 12, 31)  # "2023年底," heads the paragraph and dates each of its targets
DUE_READING = "“2023年底”领起本段，段内各项目标均以2023-12-31为期（方案各段均以“某年底”开头）。"

# "青少年学生心理健康核心知识知晓率达到80%"
Q_AWARE = "青少年学生心理健康核心知识知晓率达到80%"
AWARE_SHARE = param("target.core_knowledge_awareness", "心理健康核心知识知晓率目标", "%", 80, "三(三)", Q_AWARE)


def surveyed(inst: Institution, ctx: Context) -> Tally | MissingData | None:
    """Students aware of the core knowledge, of students surveyed, at the school's latest survey.
    Kindergartens are outside (青少年学生); a school without a survey reported is 缺数据."""
    if inst.kind not in SCHOOL_KINDS:
        return None
    survey = extension(inst, CORE_KNOWLEDGE_SURVEY)
    if survey is None or survey.date > ctx.as_of:
        return MissingData((missing(CORE_KNOWLEDGE_SURVEY.label_zh, CORE_KNOWLEDGE_SURVEY.name),))
    if survey.aware > survey.surveyed:
        raise ValueError(f"知晓人数 {survey.aware} 大于调查人数 {survey.surveyed}")
    return Tally(survey.aware, survey.surveyed)


AWARE = Aggregate(over=SubjectKind.INSTITUTION, counts=surveyed, target=AWARE_SHARE.id, population="名学生",
                  met="知晓心理健康核心知识", share_of="sums", record="所学校")
AWARE_READING = (TARGET_READING + DUE_READING + "知晓率＝各校最近一次核心知识知晓调查的知晓人数之和÷调查人数之和"
                 "（按人数加权，不是各校比率的平均）；幼儿园不计。任何一所学校未报送调查即无法得出知晓率：缺数据。")

# "开展心理健康教育的家庭教育指导服务站点比例达到60%"
Q_POINTS = "开展心理健康教育的家庭教育指导服务站点比例达到60%"
POINTS_SHARE = param("target.family_guidance_points_share", "开展心理健康教育的家庭教育指导服务站点比例目标", "%",
                     60, "三(三)", Q_POINTS)


def educating(point: FamilyGuidancePoint, ctx: Context) -> bool | MissingData:
    if point.mental_health_education is None:
        return MissingData((missing("站点是否开展心理健康教育", f"{FAMILY_GUIDANCE_POINTS.name}.mental_health_education"),))
    return point.mental_health_education


POINTS = Aggregate(over=FAMILY_GUIDANCE_POINTS, counts=educating, target=POINTS_SHARE.id, population="个站点",
                   met="开展心理健康教育")
POINTS_READING = (TARGET_READING + DUE_READING + "站点：数据中家庭教育指导服务站点名册的全部站点；未报送是否开展"
                  "心理健康教育的站点计入总数、不计为达标（缺数据）。")

REQUIREMENTS: list[Requirement] = [
    *city_and_counties("core-knowledge-awareness", "三(三)", Q_AWARE, "青少年学生心理健康核心知识知晓率达到80%",
                       "outcomes.core_knowledge_awareness", AWARE, DUE, AWARE_READING),
    *city_and_counties("family-guidance-points-share", "三(三)", Q_POINTS,
                       "开展心理健康教育的家庭教育指导服务站点比例达到60%", "family.guidance_points_share", POINTS, DUE,
                       POINTS_READING),
]
PARAMETERS: list[Parameter] = [AWARE_SHARE, POINTS_SHARE]
UNMODELLED: list[ClauseNote] = []
