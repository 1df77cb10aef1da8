"""三(二) 强化师资和硬件保障

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
三、主要目标（二）强化师资和硬件保障：

“2024年底，各学校建有符合规定标准、功能完备的心理辅导室，有心理拓展训练等功能场所及相应的设备设施，专人负责
 定期开展学生心理健康辅导。学校按一定比例配齐专兼职心理健康教育教师，至2025年底，配备专兼职心理健康教育教师的
 学校比例达到95%”

This module holds the duty of each school (the room). The 95% share of schools is a target over
all schools of the city and of each county: an aggregate requirement (issue 9, written with the
core aggregate capability, not here).

Spec: features/pingliang/三(二)_强化师资和硬件保障.feature
"""

from __future__ import annotations

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
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import DUE_2024, SCHOOL_KINDS

CLAUSE = "三(二)"
Q_ROOM = "2024年底，各学校建有符合规定标准、功能完备的心理辅导室"
Q_FACILITIES = "有心理拓展训练等功能场所及相应的设备设施，专人负责定期开展学生心理健康辅导"


def _room(subject: Subject, ctx: Context) -> MeasureResult:
    room = subject.institution.counseling_room
    if room is None:
        return MissingData(("counseling_room",))
    if room.meets_standard is None:
        return MissingData(("counseling_room.meets_standard",))
    return Measure(observed=int(room.meets_standard), required=1,
                   inputs={"建成日期": room.built.isoformat() if room.built else "未报", "功能": len(room.functions)})


ROOM = Requirement(
    id=f"{CITY}.3-2.counseling-room", city=CITY, clause=CLAUSE, quote=Q_ROOM,
    title="2024年底各学校建有符合规定标准、功能完备的心理辅导室", topic="facilities.counseling_room",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校（中小学、中职、高校、特殊教育学校）",
                                                          kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=_room, observed_label="达标心理辅导室（是=1）", unit="间",
    gap_text="未建成符合规定标准的心理辅导室", due=DUE_2024,
    reading="“主要目标”里写成期限的结果（“2024年底，各学校建有”），是对每所学校的强制义务，不是“力争”："
            "同一要求在四(一)1(3)写作“力争2024年底实现全市大中小学心理辅导室全覆盖”，那是全市的目标（未达目标），"
            "本条是逐校义务（不符合）。“符合规定标准、功能完备”以学校报告的达标情况（counseling_room.meets_standard）"
            "判定；未报辅导室情况或达标情况为缺数据。“各学校”不含托幼机构（本文件另称托幼机构）。",
)
FACILITIES = Requirement(
    id=f"{CITY}.3-2.room-facilities-and-staff", city=CITY, clause=CLAUSE, quote=Q_FACILITIES,
    title="有心理拓展训练等功能场所和设备，专人负责定期开展心理健康辅导", topic="attest.room_facilities",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="与上句同为2024年底各学校应达到的状态，读作强制；“定期”未定频次，场所、设备、专人由人确认。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [ROOM, FACILITIES]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "学校按一定比例配齐专兼职心理健康教育教师",
               "“一定比例”未给数字；配备标准由四(一)2(5)给出并逐校判定"),
]
