"""What 平凉's population targets (三、主要目标) and county duties share: the dated-parameter
shorthand and the pair of requirements a target makes, one for the city and one per county.

A target of 三、主要目标 ("配备专兼职心理健康教育教师的学校比例达到95%") is stated for the whole
city, and the plan charges each county (各县(市、区)) with carrying it out (五(一)、(二)), so every
target is decided for the city and, the same way, for each county: a county's figure tells the
bureau where the city's shortfall lies.
"""

from __future__ import annotations

from datetime import date

from mhpolicy.core.rules.aggregate import Aggregate
from mhpolicy.core.rules.clauses import clause_slug
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import AppliesTo, Modality, Requirement, SubjectKind

from ..document import CITY, EFFECTIVE

# Why the targets of 三、主要目标 are TARGET (未达目标), not mandatory (不符合).
TARGET_READING = ("三、主要目标所列为方案的工作目标，原文无“须/应”，且是对全市（各县）总体比例的期望，"
                  "不是对某一单位的义务：按力争目标（未达目标，不计为不符合）判定；对学校的相应义务另有规则。")


def missing(label: str, path: str) -> str:
    """A data path a finding asks for, named for people: core's field labels (core/model/fields.py)
    know the core model only, so a field this plugin declares carries its label itself."""
    return f"{label}（{path}）"


def param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    """A threshold in force from the plan's date; `pid` is given without the city prefix."""
    return Parameter(id=f"{CITY}.{pid}", label=label, unit=unit, values={EFFECTIVE: value}, clause=clause,
                     quote=quote, note=note)


def city_and_counties(name: str, clause: str, quote: str, title: str, topic: str, aggregate: Aggregate,
                      due: date | None, reading: str, *, counties: bool = True) -> list[Requirement]:
    """The target for the city (rule `<name>`) and, with `counties`, for each county (`<name>-county`)."""
    subjects = [(SubjectKind.CITY, name, "全市")]
    if counties:
        subjects.append((SubjectKind.DISTRICT, f"{name}-county", "各县（市、区）"))
    return [Requirement(
        id=f"{CITY}.{clause_slug(clause)}.{rid}", city=CITY, clause=clause, quote=quote, title=f"{title}（{where}）",
        topic=topic, subject=subject, applies_to=AppliesTo(text=where), modality=Modality.TARGET, modal_word="",
        aggregate=aggregate, observed_label=f"达标{aggregate.population[1:]}数", unit=aggregate.population[:1],
        due=due, parameters=(aggregate.target,), reading=reading,
    ) for subject, rid, where in subjects]
