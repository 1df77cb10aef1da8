"""Data only 平凉's plan needs, declared by the plugin (core/model/extensions.py).

三(四) sets a target over hospitals: "全市精神专科医院和50%以上的妇幼保健医院、二级以上综合医院
开设心理门诊或未成年人心理健康辅导站". No other shipped plan counts hospitals, so the hospital
register is this plugin's dataset-level record, not a core entity. `district_id` places a
hospital in a county (县/市/区) for the county figures; a hospital run by the city itself has
none. `psych_clinic` / `minor_station` are None when not reported: a measure reads that as
缺数据, never as "no clinic".
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from mhpolicy.core.model.entities import Ident, Strict
from mhpolicy.core.model.errors import DataCheck
from mhpolicy.core.model.extensions import DataExtension, Entity
from mhpolicy.core.model.vocabulary import LabelledEnum, check_labels_unique

from .data_targets import TARGET_EXTENSIONS


class HospitalKind(LabelledEnum):
    """The three kinds of hospital 三(四) names."""

    PSYCHIATRIC = "psychiatric", "精神专科医院"
    MATERNAL_CHILD = "maternal_child", "妇幼保健医院"
    GENERAL_SECONDARY = "general_secondary", "二级以上综合医院", "综合医院"


check_labels_unique(HospitalKind)


class Hospital(Strict):
    """One hospital of the register: its kind, county and what it has opened for young people."""

    id: Ident
    name: str
    kind: HospitalKind
    district_id: Ident | None = None  # the county (县/市/区); None: run by the city
    psych_clinic: bool | None = None  # 开设心理门诊
    minor_station: bool | None = None  # 开设未成年人心理健康辅导站


def _unique_ids(hospitals: list[Hospital]) -> list[Hospital]:
    """One row per hospital: a repeated id would count a hospital twice in the 三(四) share.

    (That `district_id` names a county of the data is checked by whoever reads it by county:
    a field of the dataset cannot see the dataset's districts.)"""
    seen: set[str] = set()
    for h in hospitals:
        if h.id in seen:
            raise DataCheck("duplicate_id", id=h.id, table="hospitals")
        seen.add(h.id)
    return hospitals


HospitalRegister = Annotated[list[Hospital], AfterValidator(_unique_ids)]

HOSPITALS: DataExtension[list[Hospital]] = DataExtension(
    Entity.DATASET, "hospitals", HospitalRegister, "医院名册",
    description="精神专科医院、妇幼保健医院、二级以上综合医院及其是否开设心理门诊或未成年人心理健康辅导站（平凉 三(四)）")

DATA_EXTENSIONS = (HOSPITALS, *TARGET_EXTENSIONS)  # the targets of 三(三) and the supervisions of 五(一)
