"""四(五)15 加大心理健康科普宣传

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（五）15.加大心理健康科普宣传：

“……结合“10·10 世界精神卫生日”“家庭教育宣传周”“心理健康教育月活动”以及新生入学、开学、毕业、升学、
 考试前后等重要时间节点和影响心理健康的重大事件发生时段开展心理健康教育活动。……”

Spec: features/nanchang/四(五)15_加大心理健康科普宣传.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, Event, EventKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import events_in
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

Q_OCCASIONS = ("结合“10·10 世界精神卫生日”“家庭教育宣传周”“心理健康教育月活动”以及新生入学、开学、毕业、升学、"
               "考试前后等重要时间节点和影响心理健康的重大事件发生时段开展心理健康教育活动")
# Activities that are 心理健康教育活动 for students: the plan's 专题活动 and 班团队会.
ACTIVITY_KINDS = (EventKind.THEMED_ACTIVITY, EventKind.THEMED_CLASS_MEETING)
WORLD_DAY_MONTH = 10  # 10·10: the month the day falls in
WORLD_DAY_WORDS = ("精神卫生日", "10·10")
MONTH_WORDS = ("心理健康教育月",)


def _titled(e: Event, words: tuple[str, ...]) -> bool:
    return e.title is not None and any(w in e.title for w in words)


def _world_day(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.events:
        return MissingData(("events",))
    period = ctx.period(PeriodKind.CALENDAR_YEAR)
    held = [e for e in events_in(inst.events, period, *ACTIVITY_KINDS)
            if e.date.month == WORLD_DAY_MONTH or _titled(e, WORLD_DAY_WORDS)]
    return Measure(observed=len(held), required=1, inputs={"年度": period.label})


WORLD_DAY = Requirement(
    id=f"{CITY}.4-5-15.world-mental-health-day", city=CITY, clause="四(五)15", quote=Q_OCCASIONS,
    title="每年结合“10·10 世界精神卫生日”开展心理健康教育活动", topic="publicity.world_mental_health_day",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=_world_day,
    observed_label="结合世界精神卫生日的心理健康教育活动次数", unit="次", gap_text="本年度未结合10·10世界精神卫生日开展活动",
    period=PeriodKind.CALENDAR_YEAR,
    reading="祈使句无情态词，列在学校开展心理健康教育活动的任务中，读作学校每年的强制义务（10·10每年一次，按自然年判定）。"
            "“结合”原文未给时间范围：本插件计当年10月（该日所在月）开展的心理教育活动或主题班团队会，"
            "以及标题写明“精神卫生日”或“10·10”的活动；不另设天数。",
)


def _month(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.events:
        return MissingData(("events",))
    period = ctx.period(PeriodKind.CALENDAR_YEAR)
    in_year = events_in(inst.events, period, *ACTIVITY_KINDS)
    held = [e for e in in_year if _titled(e, MONTH_WORDS)]
    untitled = [e for e in in_year if e.title is None]
    if not held and untitled:
        return MissingData(("events[].title",), f"{period.label}有{len(untitled)}次活动未注明标题，无法判断是否为心理健康教育月活动")
    return Measure(observed=len(held), required=1, inputs={"年度": period.label})


EDUCATION_MONTH = Requirement(
    id=f"{CITY}.4-5-15.education-month", city=CITY, clause="四(五)15", quote=Q_OCCASIONS,
    title="每年结合“心理健康教育月活动”开展心理健康教育活动", topic="publicity.education_month",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=_month,
    observed_label="心理健康教育月活动次数", unit="次", gap_text="本年度未开展心理健康教育月活动",
    period=PeriodKind.CALENDAR_YEAR,
    reading="祈使句无情态词，读作学校每年的强制义务（按自然年判定）。原文未说心理健康教育月在哪个月，不能按日期认定："
            "只计标题写明“心理健康教育月”的心理教育活动或主题班团队会；当年没有这样的活动、却有未注明标题的活动时，"
            "无法判断，判缺数据。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [WORLD_DAY, EDUCATION_MONTH]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(五)15", "多渠道、多形式科普宣传；同伴教育和互助；遴选优秀案例",
               "只有方向（“充分利用”“积极开展”），无频次或数量标准"),
    ClauseNote("四(五)15", "“家庭教育宣传周”及新生入学、开学、毕业、升学、考试前后和重大事件时段的活动",
               "家庭教育宣传周的日期原文未给、数据无从认定；特殊节点的危机排查已由四(一)4判定，重大事件时段属事件驱动"),
]
