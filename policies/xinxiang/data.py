"""Data only 新乡's plan asks for, declared as extensions of the core station
(core/model/extensions.py): its 阳光成长 activities with the groups that took part and any fee
charged, its screenings, its 新老师 volunteer team and its yearly budget line.

The monthly sheets are not here: reports sent up a station tree are core (`Station.reports_sent`),
so their recipient is checked against the stations like any reference, and the reports show
them as a month-by-month grid for any plan with a station network.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from mhpolicy.core.model.entities import MAX_PARTICIPANTS, Screening, Strict, bounded
from mhpolicy.core.model.extensions import DataExtension, Entity
from mhpolicy.core.model.vocabulary import LabelledEnum

MAX_FEE_YUAN = 100_000  # one activity's fee; a typo with many zeros is refused
MAX_BUDGET_YUAN = 1_000_000_000


class Group(LabelledEnum):
    STUDENTS = "students", "学生"
    TEACHERS = "teachers", "教师"
    PARENTS = "parents", "家长"
    OTHERS = "others", "相关人员"


REQUIRED_GROUPS = (Group.STUDENTS, Group.TEACHERS, Group.PARENTS)


class SunshineActivity(Strict):
    """One activity of a station's “阳光成长” series."""

    date: date
    title: str = Field(min_length=1, max_length=200)
    groups: list[Group] = Field(default_factory=list, title="参与群体")
    participants: Annotated[int | None, bounded(MAX_PARTICIPANTS, "人", "people", "参加人数",
                                                "people who took part")] = None
    # None: no fee recorded. Any amount above zero is a fee the plan forbids (三(一)1).
    fee_yuan: Annotated[float | None, bounded(MAX_FEE_YUAN, "元", "yuan", "向参与者收取的费用",
                                              "fee charged to participants", title="收费金额")] = None


class BudgetLine(Strict):
    """The station's line for mental-health work in one year's budget (年度预算)."""

    year: Annotated[int, Field(ge=2000, le=2100, title="预算年度")]
    amount_yuan: Annotated[float, bounded(MAX_BUDGET_YUAN, "元", "yuan", "年度预算中的心理健康教育经费",
                                          "mental-health funds in the year's budget", title="经费金额")]


ACTIVITIES: DataExtension[list[SunshineActivity]] = DataExtension(
    entity=Entity.STATION, name="sunshine_activities", type=list[SunshineActivity], label_zh="“阳光成长”系列活动",
    description="站点开展的“阳光成长”心理健康教育活动：日期、题目、参与群体、收费（二(三)6–7、三(一)1）")
SCREENINGS: DataExtension[list[Screening]] = DataExtension(
    entity=Entity.STATION, name="screenings", type=list[Screening], label_zh="站点心理健康测评",
    description="设在学校的站点开展的心理健康测评（二(二)3）")
VOLUNTEER_TEAM: DataExtension[bool | None] = DataExtension(
    entity=Entity.STATION, name="volunteer_team", type=bool, label_zh="已成立“新老师”志愿服务分队",
    description="县（市）、区站点是否已成立“新老师”志愿服务分队（三(一)1）；未报为缺数据")
BUDGETS: DataExtension[list[BudgetLine]] = DataExtension(
    entity=Entity.STATION, name="budget_lines", type=list[BudgetLine], label_zh="年度预算中的心理健康教育经费",
    description="各年度预算中安排的心理健康教育经费（三(二)）")

EXTENSIONS = [ACTIVITIES, SCREENINGS, VOLUNTEER_TEAM, BUDGETS]


