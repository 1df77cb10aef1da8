"""四(一) 加强领导，建立区校领导机制

石景山区实施方案（征求意见稿）四、落实保障措施，确保心理健康工作成效（一）加强领导，建立区校领导机制：

“建立多部门齐抓共管的工作机制，区教委会同相关部门加强统筹指导、监督检查和工作调度，制定并发布石景山区实施方案，
加强统筹指导，狠抓落实，2025年底前完成相关工作任务，并常态化推进学校心理健康工作。中小学落实心理健康工作主体
责任，成立党政主要领导牵头的心理健康工作领导小组，建立健全规章制度，每季度至少研究1次学生心理健康工作情况，并
将其作为学校教育高质量发展、健康学校建设的重要内容。探索建立区级统筹、集团为基地、学校布点的学生心理健康分级
管理体系。”

Spec: features/shijingshan/四(一)_加强领导，建立区校领导机制.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import EventKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import events_in, reported_yes
from mhpolicy.core.rules.requirement import (
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    Requirement,
    SubjectKind,
)

from ..document import CITY
from ._shared import SCHOOLS, param

# “中小学落实心理健康工作主体责任，成立党政主要领导牵头的心理健康工作领导小组”
Q_GROUP = "中小学落实心理健康工作主体责任，成立党政主要领导牵头的心理健康工作领导小组"


def _group(subject: Subject, ctx: Context) -> MeasureResult:
    return reported_yes(subject.institution.leadership_group, "leadership_group")


LEADERSHIP_GROUP = Requirement(
    id=f"{CITY}.4-1.leadership-group", city=CITY, clause="四(一)", quote=Q_GROUP,
    title="成立党政主要领导牵头的心理健康工作领导小组", topic="governance.school_groups",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="",
    measure=_group, observed_label="已成立领导小组", unit="个", gap_text="尚未成立心理健康工作领导小组",
    reading="无情态词的任务陈述（“落实主体责任，成立……”），读作强制；未报为缺数据。",
)

# “每季度至少研究1次学生心理健康工作情况”
Q_QUARTERLY = "每季度至少研究1次学生心理健康工作情况"
PER_QUARTER = param("governance.leadership_meetings_per_quarter", "领导小组每季度研究学生心理健康工作次数", "次", 1,
                    "四(一)", Q_QUARTERLY)


def _quarterly(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.events:
        return MissingData(("events",))
    quarter = ctx.period(PeriodKind.QUARTER)
    held = events_in(inst.events, quarter, EventKind.LEADERSHIP_MEETING)
    return Measure(observed=len(held), required=ctx.param(PER_QUARTER.id),
                   inputs={"季度": quarter.label, "会议日期": "、".join(e.date.isoformat() for e in held) or "无"})


QUARTERLY = Requirement(
    id=f"{CITY}.4-1.quarterly-review", city=CITY, clause="四(一)", quote=Q_QUARTERLY,
    title="领导小组每季度至少研究1次学生心理健康工作", topic="governance.leadership_review",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="至少",
    measure=_quarterly, observed_label="本季度领导小组研究次数", unit="次", gap_text="本季度缺{gap}次领导小组专题研究",
    period=PeriodKind.QUARTER, parameters=(PER_QUARTER.id,),
    reading=("按自然季度（1—3月、4—6月、7—9月、10—12月）判定，季度末日当天的会议计入该季度；评估窗口内每个已结束的"
             "季度各一条结论，最近结束的季度最先列出，进行中的季度显示为进行中。会议记为“心理健康工作领导小组会议”活动。"),
)

PARAMETERS: list[Parameter] = [PER_QUARTER]
REQUIREMENTS: list[Requirement] = [LEADERSHIP_GROUP, QUARTERLY]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(一)", "区教委统筹指导、监督检查，2025年底前完成相关工作任务",
               "对象为区教委；“相关工作任务”未列明，无法作为学校的期限判定（教育集团联合教研组的期限见一(一)2）"),
    ClauseNote("四(一)", "学校建立健全规章制度；探索区级统筹、集团为基地、学校布点的分级管理体系",
               "规章制度未列明具体内容；分级管理体系为探索性表述，对象为区级"),
]
