"""一(一)2 加强心理健康区校两级教研

石景山区实施方案（征求意见稿）一（一）2.加强心理健康区校两级教研（节选）：

“……以教育集团为单位，三年内推动建立联合心理教研组，形成市、区、教育集团、校四级研修机制。支持有条件的学校
建立本校心理教研组，不断提高心理健康工作科学化、专业化水平。”

Spec: features/shijingshan/一(一)2_加强心理健康区校两级教研.feature
"""

from __future__ import annotations

from datetime import date, timedelta

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    Requirement,
    SubjectKind,
)

from ..document import CITY
from ._shared import attest, param

# “以教育集团为单位，三年内推动建立联合心理教研组，形成市、区、教育集团、校四级研修机制。”
Q_GROUP = "以教育集团为单位，三年内推动建立联合心理教研组"
YEARS = param("research.group_research_years", "教育集团建立联合心理教研组的期限", "年", 3, "一(一)2", Q_GROUP,
              note="自2023年1月1日起算（见规则的解读），期满日为2025年12月31日。")
# “三年内” counted from 1 January 2023: see the rule's reading.
START = date(2023, 1, 1)


def deadline(years: float) -> date:
    """The last day of `years` whole years from START: 3 -> 2025-12-31."""
    return date(START.year + int(years), START.month, START.day) - timedelta(days=1)


DUE = deadline(3)


def _research_group(subject: Subject, ctx: Context) -> MeasureResult:
    group = subject.group
    due = deadline(ctx.param(YEARS.id))
    inputs = {"成员学校": "、".join(group.members) or "无", "起算日": START.isoformat(), "期限": due.isoformat()}
    day = group.joint_research_group_established
    if day is None and group.joint_research_group is False:
        return Measure(observed=0, required=1, inputs=inputs, note="集团报送尚未建立联合心理教研组")
    if day is None:
        return MissingData(("groups[].joint_research_group_established",), "未报送联合心理教研组建立情况")
    if day > ctx.as_of:
        return MissingData(("groups[].joint_research_group_established",), f"报送的建立日期{day.isoformat()}晚于评估日")
    inputs["建立日期"] = day.isoformat()
    on_time = day <= due
    return Measure(observed=int(on_time), required=1, inputs=inputs,
                   note="" if on_time else f"于{day.isoformat()}建立，晚于期限{due.isoformat()}")


JOINT_RESEARCH_GROUP = Requirement(
    id=f"{CITY}.1-1-2.group-research-group", city=CITY, clause="一(一)2", quote=Q_GROUP,
    title="教育集团三年内建立联合心理教研组", topic="research.group_research_group",
    subject=SubjectKind.GROUP, applies_to=AppliesTo(text="教育集团"), modality=Modality.MANDATORY, modal_word="",
    measure=_research_group, observed_label="按期建立联合心理教研组", unit="个",
    gap_text="尚未按期建立联合心理教研组", due=DUE, parameters=(YEARS.id,),
    reading=("“三年内推动建立”无情态词，读作对教育集团的强制任务（“推动”指区教委推动、集团建立；判定对象为集团）。"
             "起算日原文未定，征求意见稿亦无日期：取其所落实的国家与北京市行动计划（2023—2025年）的首日2023年1月1日，"
             "期满日2025年12月31日（含当日）；这与四(一)“2025年底前完成相关工作任务”一致。另一读法自本方案印发之日"
             "起算，因草案无日期而无从确定，且会超出计划期。已建立的报送建立日期；报送尚未建立的，期满前为不符合但不逾期，"
             "期满后为逾期；既未报建立日期也未报尚未建立的为缺数据，不作已建立。"),
)

SCHOOL_RESEARCH = attest(
    "一(一)2", "school-research-group", "支持有条件的学校建立本校心理教研组", "有条件的学校建立本校心理教研组",
    word="支持", modality=Modality.ADVICE)

PARAMETERS: list[Parameter] = [YEARS]
REQUIREMENTS: list[Requirement] = [JOINT_RESEARCH_GROUP, SCHOOL_RESEARCH]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(一)2", "区级教研员队伍、教研培训制度和视导机制、辅导站业务、特色校建设与成果推广",
               "对象为北京教育学院石景山分院和区级部门，数据不含其教研员和视导记录"),
]
