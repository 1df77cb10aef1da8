"""二(三)6 各站点要主题鲜明的以“阳光成长”为题开展系列心理健康教育活动

“各站点要主题鲜明的以“阳光成长”为题开展系列心理健康教育活动。广泛开展传统“阳光成长”心理健康教育活动，如：讲座、
心理健康知识展板、心理素质训练、团体活动等；鼓励结合站点自身文化特色，创新拓展活动形式……”

Spec: features/xinxiang/二(三)6_阳光成长系列活动.feature
"""

from __future__ import annotations

from mhpolicy.core.model.extensions import extension
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
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

from ..data import ACTIVITIES
from ..document import CITY
from ._shared import param

Q_SERIES = "各站点要主题鲜明的以“阳光成长”为题开展系列心理健康教育活动"
THEME = "阳光成长"

# “各站点要主题鲜明的以“阳光成长”为题开展系列心理健康教育活动”
SERIES_MIN = param("sunshine_series_per_semester", "每学期“阳光成长”系列活动次数", "次", 2, "二(三)6", Q_SERIES,
                   note="“系列”读作不止一次：每学期至少2次以“阳光成长”为题的活动（与三(三)每学期督查同一节奏）。")


def _series(subject: Subject, ctx: Context) -> MeasureResult:
    activities = extension(subject.station, ACTIVITIES)
    if not activities:
        return MissingData((ACTIVITIES.name,))
    sem = ctx.period(PeriodKind.SEMESTER)
    titled = [a for a in activities if sem.contains(a.date) and THEME in a.title]
    untitled = [a for a in activities if sem.contains(a.date) and THEME not in a.title]
    return Measure(observed=len(titled), required=ctx.param(SERIES_MIN.id),
                   inputs={"学期": sem.label, "以“阳光成长”为题的活动": len(titled), "其他题目的活动": len(untitled)})


SERIES = Requirement(
    id=f"{CITY}.2-3-6.sunshine-series", city=CITY, clause="二(三)6", quote=Q_SERIES,
    title="各站点以“阳光成长”为题开展系列心理健康教育活动", topic="curriculum.special_activity",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="要", measure=_series, observed_label="本学期“阳光成长”为题的活动",
    unit="次", gap_text="本学期“阳光成长”系列活动缺{gap}次", period=PeriodKind.SEMESTER, parameters=(SERIES_MIN.id,),
    reading="“系列”读作每学期至少2次（参数可改）；“以‘阳光成长’为题”读作活动题目含“阳光成长”四字。"
            "站点没有任何活动记录为缺数据。",
)

PARAMETERS: list[Parameter] = [SERIES_MIN]
REQUIREMENTS: list[Requirement] = [SERIES]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(三)6", "鼓励结合站点文化特色创新活动形式；培养学生珍视生命、热爱生活的心理品质",
               "倡导与目标，活动形式列举（讲座、展板等）为例示，不设数量"),
]
