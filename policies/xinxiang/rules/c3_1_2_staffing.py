"""三(一)2 形成“新老师”品牌力量

“二级站点至少要配备1名专职心理健康教育教师负责站点工作，畅通教师发展渠道。支持专业教师、班主任及各学科教师参加心理学
专业相关的业务进修、日常培训等各类学习。鼓励站点负责教师加入国家级临床与咨询心理学注册系统，用严格的职业规范接受专业督导。”

Spec: features/xinxiang/三(一)2_形成新老师品牌力量.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import StaffRole
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import codes
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
from ._shared import MIDDLE, param, tier_is

Q_FULL_TIME = "二级站点至少要配备1名专职心理健康教育教师负责站点工作"

# “二级站点至少要配备1名专职心理健康教育教师负责站点工作”
FULL_TIME_MIN = param("station_full_time", "二级站点专职心理健康教育教师", "名", 1, "三(一)2", Q_FULL_TIME)


def _full_time(subject: Subject, ctx: Context) -> MeasureResult:
    staff = subject.station.staff
    if not staff:
        return MissingData(("staff",))
    full = [s for s in staff if s.role is StaffRole.PSYCH_TEACHER and s.full_time]
    return Measure(observed=len(full), required=ctx.param(FULL_TIME_MIN.id),
                   inputs={"专职心理健康教育教师": codes([s.id for s in full])})


FULL_TIME = Requirement(
    id=f"{CITY}.3-1-2.full-time-teacher", city=CITY, clause="三(一)2", quote=Q_FULL_TIME,
    title="二级站点至少配备1名专职心理健康教育教师", topic="staffing.station_full_time",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="二级站点", where=tier_is(MIDDLE)),
    modality=Modality.MANDATORY, modal_word="至少", measure=_full_time, observed_label="专职心理健康教育教师",
    unit="名", gap_text="缺{gap}名专职心理健康教育教师", parameters=(FULL_TIME_MIN.id,),
    reading="只对二级站点（市属学校辅导站、县市区级辅导站）；一级中心、三级站点原文未作要求，不适用。"
            "站点教职工名单未报为缺数据。",
)

PARAMETERS: list[Parameter] = [FULL_TIME_MIN]
REQUIREMENTS: list[Requirement] = [FULL_TIME]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(一)2", "支持教师参加心理学专业进修培训；鼓励站点负责教师加入国家级注册系统、接受专业督导",
               "支持与鼓励（倡导），对象是教师个人，原文未定数量；不作站点义务"),
    ClauseNote("三(一)2", "畅通教师发展渠道", "定性要求，无可计量标准"),
]
