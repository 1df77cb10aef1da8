"""三(四) 构建部门协同工作体系 — the hospital targets

《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》三、主要目标（四）：

“2025年底,…全市精神专科医院和50%以上的妇幼保健医院、二级以上综合医院开设心理门诊或未成年人心理健康辅导站”

Spec: features/pingliang/三(四)_医院开设心理门诊或辅导站.feature
"""

from __future__ import annotations

from datetime import date

from mhpolicy.core.rules.aggregate import Aggregate
from mhpolicy.core.rules.context import Context
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, MissingData, Requirement

from ..data import HOSPITALS, Hospital, HospitalKind
from ._targets import TARGET_READING, city_and_counties, missing, param

DUE = date(2025, 12, 31)
Q_HOSPITALS = "全市精神专科医院和50%以上的妇幼保健医院、二级以上综合医院开设心理门诊或未成年人心理健康辅导站"
ALL = param("target.psychiatric_hospitals_share", "开设心理门诊或辅导站的精神专科医院比例目标", "%", 100, "三(四)",
            Q_HOSPITALS, note="“全市精神专科医院”：全部，即100%")
HALF = param("target.hospitals_share", "开设心理门诊或辅导站的妇幼保健医院、二级以上综合医院比例目标", "%", 50,
             "三(四)", Q_HOSPITALS, note="“50%以上”含50%")


LABELS = {"psych_clinic": "是否开设心理门诊", "minor_station": "是否开设未成年人心理健康辅导站"}


def _opened(kind: HospitalKind):  # type: ignore[no-untyped-def]
    def opened(h: Hospital, ctx: Context) -> bool | MissingData | None:
        """A hospital of `kind` counts when it has opened a 心理门诊 or a 未成年人心理健康辅导站; when
        neither is reported open and one of the two is not reported, its data is missing."""
        if h.kind is not kind:
            return None
        if h.psych_clinic or h.minor_station:
            return True
        if h.psych_clinic is None or h.minor_station is None:
            return MissingData(tuple(missing(LABELS[f], f"{HOSPITALS.name}.{f}")
                                     for f in ("psych_clinic", "minor_station") if getattr(h, f) is None))
        return False
    return opened


def _agg(kind: HospitalKind, share: Parameter) -> Aggregate:
    return Aggregate(over=HOSPITALS, counts=_opened(kind), target=share.id, population=f"所{kind.label}",
                     met="开设心理门诊或未成年人心理健康辅导站")


READING = (TARGET_READING + "“全市”：按全市判定（不分县）。精神专科医院须全部开设（目标100%）。“50%以上的妇幼保健医院、"
           "二级以上综合医院”按两类医院分别计算，各自达到50%（“以上”含本数）：合并计算会让一类医院全部开设而另一类一所"
           "未开也算达标，与并列两类医院的本意不符。开设心理门诊或未成年人心理健康辅导站任一即计；两项都未报送开设、"
           "且至少一项未报送的医院计入总数、不计为达标（缺数据）。")

REQUIREMENTS: list[Requirement] = [
    *city_and_counties("psychiatric-hospitals", "三(四)", Q_HOSPITALS, "全市精神专科医院开设心理门诊或辅导站",
                       "medical.psychiatric_hospitals_clinics", _agg(HospitalKind.PSYCHIATRIC, ALL), DUE, READING,
                       counties=False),
    *city_and_counties("maternal-child-hospitals", "三(四)", Q_HOSPITALS,
                       "50%以上的妇幼保健医院开设心理门诊或辅导站", "medical.maternal_child_hospitals_clinics",
                       _agg(HospitalKind.MATERNAL_CHILD, HALF), DUE, READING, counties=False),
    *city_and_counties("general-hospitals", "三(四)", Q_HOSPITALS,
                       "50%以上的二级以上综合医院开设心理门诊或辅导站", "medical.general_hospitals_clinics",
                       _agg(HospitalKind.GENERAL_SECONDARY, HALF), DUE, READING, counties=False),
]
PARAMETERS: list[Parameter] = [ALL, HALF]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(四)", "面向青少年学生开展心理问题和精神障碍预防干预", "卫健部门的服务内容，数据中无从判定"),
]
