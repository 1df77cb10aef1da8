"""一(四)2 规范配置和有效发挥学校心理辅导室功能

石景山区实施方案（征求意见稿）一（四）2.规范配置和有效发挥学校心理辅导室功能：

“确保中小学校均建有心理辅导室，配备沙发、茶几、沙盘、电脑、文件柜等设施设备，健全心理辅导值班、预约等制度，
学生在校期间每天开放，做好开放时间、求助方式的宣传和公示。中小学心理辅导室注重关心帮助学习遇到困难、学业表现
不佳的学生……建立辅导记录并严格保密。”

Spec: features/shijingshan/一(四)2_规范配置和有效发挥学校心理辅导室功能.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import codes, not_reported
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
from ._shared import SCHOOLS, attest

# “确保中小学校均建有心理辅导室，配备沙发、茶几、沙盘、电脑、文件柜等设施设备”
Q_EQUIPMENT = "确保中小学校均建有心理辅导室，配备沙发、茶几、沙盘、电脑、文件柜等设施设备"
EQUIPMENT = ("沙发", "茶几", "沙盘", "电脑", "文件柜")


def _equipment(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    room = inst.counseling_room
    if missing := not_reported(room, "counseling_room", "未报送心理辅导室情况"):
        return missing
    assert room is not None
    if room.built is None or room.built > ctx.as_of:
        return Measure(observed=0, required=1 + len(EQUIPMENT), inputs={"心理辅导室": "未建成", "缺少": "心理辅导室"})
    if not room.equipment:
        return MissingData(("counseling_room.equipment",), "未报送辅导室设施设备")
    listed = "、".join(room.equipment)
    absent = [item for item in EQUIPMENT if item not in listed]
    return Measure(observed=1 + len(EQUIPMENT) - len(absent), required=1 + len(EQUIPMENT),
                   inputs={"建成日期": room.built.isoformat(), "已配备": listed, "缺少": codes(absent)})


ROOM_EQUIPMENT = Requirement(
    id=f"{CITY}.1-4-2.room-and-equipment", city=CITY, clause="一(四)2", quote=Q_EQUIPMENT,
    title="建有心理辅导室，配备沙发、茶几、沙盘、电脑、文件柜", topic="facilities.counseling_room",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="确保",
    measure=_equipment, observed_label="已具备的项目数（辅导室及五项设备）", unit="项",
    gap_text="心理辅导室缺{gap}项（见说明“缺少”）",
    reading=("辅导室建成计1项，原文列举的五项设施设备各计1项，共6项；“等”表示列举未尽，但所列五项均须具备。"
             "设备按报送的设备清单中是否出现该名称判定，说明中逐项列出缺少的设备。"),
)

# “健全心理辅导值班、预约等制度，学生在校期间每天开放，做好开放时间、求助方式的宣传和公示”
Q_SYSTEMS = "健全心理辅导值班、预约等制度，学生在校期间每天开放，做好开放时间、求助方式的宣传和公示"
SYSTEMS = {"duty_system": "值班制度", "appointment_system": "预约制度", "open_every_school_day": "学生在校期间每天开放",
           "hours_published": "开放时间和求助方式公示"}


def _systems(subject: Subject, ctx: Context) -> MeasureResult:
    room = subject.institution.counseling_room
    if missing := not_reported(room, "counseling_room", "未报送心理辅导室情况"):
        return missing
    assert room is not None
    unknown = tuple(f"counseling_room.{f}" for f in SYSTEMS if getattr(room, f) is None)
    if unknown:
        return MissingData(unknown)
    absent = [label for f, label in SYSTEMS.items() if not getattr(room, f)]
    return Measure(observed=len(SYSTEMS) - len(absent), required=len(SYSTEMS), inputs={"未落实": codes(absent)})


ROOM_SYSTEMS = Requirement(
    id=f"{CITY}.1-4-2.room-systems", city=CITY, clause="一(四)2", quote=Q_SYSTEMS,
    title="辅导室值班、预约制度，在校期间每天开放，开放时间和求助方式公示", topic="facilities.room_operation",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="",
    measure=_systems, observed_label="已落实的制度和开放要求项数", unit="项",
    gap_text="心理辅导室有{gap}项制度或开放要求未落实（见说明“未落实”）",
    reading=("句首“确保”统领至本句，读作强制。四项各计1项：值班制度、预约制度、学生在校期间每天开放、开放时间和"
             "求助方式公示；任一项未报为缺数据。"),
)

RECORDS = attest("一(四)2", "counseling-records", "建立辅导记录并严格保密", "建立辅导记录并严格保密")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [ROOM_EQUIPMENT, ROOM_SYSTEMS, RECORDS]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(四)2", "注重关心帮助学业困难、家庭困难、单亲、残疾等学生",
               "关注对象为个别学生，数据不含学生个人情况（不收集敏感个人信息）"),
]
