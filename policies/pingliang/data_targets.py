"""Data 平凉's population targets and county duties read, declared by the plugin (core/model/extensions.py).

- 三(三) "青少年学生心理健康核心知识知晓率达到80%": each school reports its latest survey of the
  core knowledge (`core_knowledge_survey`: students surveyed, students answering as aware); the
  city's and each county's rate is the sum of the aware over the sum of the surveyed.
- 三(三) "开展心理健康教育的家庭教育指导服务站点比例达到60%": the register of family-education
  guidance service points (`family_guidance_points`, dataset-level records, each in a county).
- 五(一) "市、县两级教育督导部门每年至少开展1次专项督导评估": the special supervisions the city's and
  each county's education supervision office carried out (`special_supervisions`). Not reported
  (null, the default) is 缺数据; an empty list means reported as none.

No other shipped plan reads these, so they are this plugin's data, not core's.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from mhpolicy.core.model.entities import Count, Ident, Strict
from mhpolicy.core.model.extensions import DataExtension, Entity


class CoreKnowledgeSurvey(Strict):
    """A school's latest survey of students' core mental-health knowledge (核心知识知晓情况调查)."""

    date: date
    surveyed: Count  # students surveyed
    aware: Count  # of whom judged aware of the core knowledge


class FamilyGuidancePoint(Strict):
    """A 家庭教育指导服务站点, and whether it carries out mental-health education (None: not reported)."""

    id: Ident
    name: str
    district_id: Ident | None = None  # the county; None: run by the city
    mental_health_education: bool | None = None  # 开展心理健康教育


class SpecialSupervision(Strict):
    """One 专项督导评估 of students' mental-health work by an education supervision office."""

    date: date
    title: Annotated[str | None, Field(max_length=200)] = None


CORE_KNOWLEDGE_SURVEY: DataExtension[CoreKnowledgeSurvey | None] = DataExtension(
    Entity.INSTITUTION, "core_knowledge_survey", CoreKnowledgeSurvey, "心理健康核心知识知晓调查",
    description="学校最近一次学生心理健康核心知识知晓情况调查：调查人数、知晓人数（平凉 三(三)）")
FAMILY_GUIDANCE_POINTS: DataExtension[list[FamilyGuidancePoint]] = DataExtension(
    Entity.DATASET, "family_guidance_points", list[FamilyGuidancePoint], "家庭教育指导服务站点",
    description="家庭教育指导服务站点名册及其是否开展心理健康教育（平凉 三(三)）")
CITY_SUPERVISIONS: DataExtension[list[SpecialSupervision] | None] = DataExtension(
    Entity.CITY, "special_supervisions", list[SpecialSupervision] | None, "市级专项督导评估",
    description="市教育督导部门开展的学生心理健康专项督导评估；未报送为空（null）（平凉 五(一)）")
COUNTY_SUPERVISIONS: DataExtension[list[SpecialSupervision] | None] = DataExtension(
    Entity.DISTRICT, "special_supervisions", list[SpecialSupervision] | None, "县级专项督导评估",
    description="县（市、区）教育督导部门开展的学生心理健康专项督导评估；未报送为空（null）（平凉 五(一)）")

TARGET_EXTENSIONS = (CORE_KNOWLEDGE_SURVEY, FAMILY_GUIDANCE_POINTS, CITY_SUPERVISIONS, COUNTY_SUPERVISIONS)
