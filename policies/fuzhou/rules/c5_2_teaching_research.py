"""五、2 强化教育教研工作

《福州市学校心理健康教育行动计划》五、主要任务 2.强化教育教研工作：

“健全完善市、县（市）区、中小幼学校三级心理健康辅导站、所、室，高校心理健康教育咨询辅导中心。”

Spec: features/fuzhou/五、2_强化教育教研工作.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import StationLevel
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import codes, no_stations
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import param

THREE_LEVELS_QUOTE = "健全完善市、县（市）区、中小幼学校三级心理健康辅导站、所、室，高校心理健康教育咨询辅导中心"
DISTRICT_STATIONS_MIN = param(
    "fuzhou.facilities.district_stations", "每个县（市）区的县级心理健康辅导站（所）数", "个", 1, "五、2",
    THREE_LEVELS_QUOTE, note="“三级……辅导站、所、室”的县（市）区一级：每个县（市）区至少1个。",
)


def _district_station(subject: Subject, ctx: Context) -> MeasureResult:
    if missing := no_stations(ctx.dataset):
        return missing
    stations = [s for s in ctx.stations_in(subject.id) if s.level is StationLevel.DISTRICT]
    return Measure(observed=len(stations), required=ctx.param(DISTRICT_STATIONS_MIN.id),
                   inputs={"县级辅导站（所）": codes([s.name for s in stations])})


DISTRICT_STATION = Requirement(
    id="fuzhou.5-2.district-station",
    city=CITY,
    clause="五、2",
    quote=THREE_LEVELS_QUOTE,
    title="县（市）区建有县级心理健康辅导站（所）",
    topic="facilities.district_station",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=_district_station,
    observed_label="县级心理健康辅导站（所）数",
    unit="个",
    gap_text="缺{gap}个县级心理健康辅导站（所）",
    parameters=(DISTRICT_STATIONS_MIN.id,),
    reading="“健全完善……三级”为“主要任务”中的陈述句，读作强制性要求；县（市）区一级读作每个县（市）区至少有1个县级辅导站（所），"
            "与南昌“县（区）级辅导站全覆盖”同法计量（按数据集中的辅导站名册）。数据集未报送任何辅导站时为缺数据，"
            "不当作0个；报送了名册而本县区没有县级站的为不符合。市级一级与学校辅导室另见五、3。",
)

# “组建心理健康教育教研室。市级依托市教育研究院所属市未成年人心理健康辅导站组建；县级依托所属教师进修学校组建，
#   配齐配强心理健康教育教研力量。”
DISTRICT_RESEARCH_OFFICE = Requirement(
    id="fuzhou.5-2.district-research-office",
    city=CITY,
    clause="五、2",
    quote="县级依托所属教师进修学校组建，配齐配强心理健康教育教研力量",
    title="县级依托教师进修学校组建心理健康教育教研室，配齐配强教研力量",
    topic="attest.research_office",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="“组建心理健康教育教研室”的县级一半，读作对各县（市）区的强制性要求；“配齐配强”未给人数或比例，"
            "数据中的教师发展中心人员无可比的阈值，故由人工确认教研室已组建、教研力量已配齐。市级一半为市级机构，不建模。",
)

PARAMETERS: list[Parameter] = [DISTRICT_STATIONS_MIN]
REQUIREMENTS: list[Requirement] = [DISTRICT_STATION, DISTRICT_RESEARCH_OFFICE]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、2", "完善专业指导管理体系（首席顾问、专家指导组、市级辅导站、高校咨询辅导中心）",
               "市级组织建设，数据中无首席顾问、专家组记录；县（市）区级辅导站（所）已由辅导站名册判定，"
               "学校辅导室见五、3"),
    ClauseNote("五、2", "组建市级心理健康教育教研室、设立市属高校心理健康教育教研组",
               "市级机构建设，数据中无其记录；县级教研室与教研力量已作县区确认项"),
]
