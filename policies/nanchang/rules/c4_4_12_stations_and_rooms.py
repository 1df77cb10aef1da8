"""四(四)12 完善县（区）辅导站和学校心理辅导室建设

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（四）12.完善县（区）辅导站和学校心理辅导室建设：

“各县（区）教育行政部门要联合财政等部门，统筹当地中小学学生心理辅导资源，做到县（区）级未成年人心理健康
 辅导站全覆盖，乡镇中心小学及以上规模学校原则上均须参照……标准，配备心理辅导室。”

Spec: features/nanchang/四(四)12_完善县区辅导站和学校心理辅导室建设.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, InstitutionKind, StationLevel
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import codes, no_stations
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
from ._shared import param

Q_DISTRICT_STATION = ("各县（区）教育行政部门要联合财政等部门，统筹当地中小学学生心理辅导资源，"
                      "做到县（区）级未成年人心理健康辅导站全覆盖")
Q_ROOM = ("乡镇中心小学及以上规模学校原则上均须参照《教育部办公厅关于印发〈中小学心理辅导室建设指南〉的通知》"
          "（教基一厅函〔2015〕36号）以及《南昌市中小学心理辅导室建设标准和运行规范（试行）》（洪教健字〔2017〕1号）"
          "标准，配备心理辅导室")
STATIONS_PER_DISTRICT = param("facilities.district_stations", "每县（区）县级辅导站数", "个", 1, "四(四)12",
                              Q_DISTRICT_STATION, note="“全覆盖”读作每个县（区）至少1个。")


def _district_station(subject: Subject, ctx: Context) -> MeasureResult:
    if missing := no_stations(ctx.dataset):
        return missing
    stations = [s for s in ctx.stations_in(subject.id) if s.level is StationLevel.DISTRICT]
    return Measure(observed=len(stations), required=ctx.param(STATIONS_PER_DISTRICT.id),
                   inputs={"县级辅导站": codes([s.name for s in stations])})


DISTRICT_STATION = Requirement(
    id=f"{CITY}.4-4-12.district-station", city=CITY, clause="四(四)12", quote=Q_DISTRICT_STATION,
    title="县（区）级未成年人心理健康辅导站全覆盖", topic="facilities.district_station",
    subject=SubjectKind.DISTRICT, applies_to=AppliesTo(text="各县（区）"),
    modality=Modality.MANDATORY, modal_word="要", measure=_district_station, observed_label="县（区）级辅导站数",
    unit="个", gap_text="缺{gap}个县（区）级辅导站", parameters=(STATIONS_PER_DISTRICT.id,),
    reading="数据集中该县（区）的辅导站名册即全部辅导站：名册中该县（区）没有县级站即为0；数据集未报送任何辅导站时为缺数据。",
)


def _room_scale(subject: Subject, ctx: Context) -> bool:
    inst = subject.institution
    return inst.central_primary or inst.kind is not InstitutionKind.PRIMARY or not inst.small_scale


def _room(subject: Subject, ctx: Context) -> MeasureResult:
    room = subject.institution.counseling_room
    if room is None:
        return MissingData(("counseling_room",))
    if room.meets_standard is None:
        return MissingData(("counseling_room.meets_standard",))
    return Measure(observed=int(room.meets_standard), required=1)


COUNSELING_ROOM = Requirement(
    id=f"{CITY}.4-4-12.counseling-room", city=CITY, clause="四(四)12", quote=Q_ROOM,
    title="乡镇中心小学及以上规模学校按标准配备心理辅导室", topic="facilities.counseling_room",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="乡镇中心小学及以上规模的中小学校", kinds=K12_KINDS, where=_room_scale),
    modality=Modality.IN_PRINCIPLE, modal_word="原则上", measure=_room, observed_label="按标准配备的心理辅导室", unit="个",
    gap_text="未按标准配备心理辅导室",
    allowance="原文为“原则上均须……配备”：个别学校可因条件暂缓，差距照报、注明原则性要求。",
    reading="“乡镇中心小学及以上规模学校”读作除村小、教学点（数据中标为小规模学校、又非中心小学的小学）以外的全部中小学校；"
            "辅导室须达到教基一厅函〔2015〕36号和洪教健字〔2017〕1号标准（meets_standard）；未建辅导室请填"
            "meets_standard=false，未报即缺数据。",
)

PARAMETERS: list[Parameter] = [STATIONS_PER_DISTRICT]
REQUIREMENTS: list[Requirement] = [DISTRICT_STATION, COUNSELING_ROOM]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(四)12", "全市达标学校和示范学校评估、提高辅导室使用率", "评估轮次见五(三)；使用率无标准"),
]
