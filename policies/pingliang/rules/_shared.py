"""What several of 平凉's clause modules share: the dated-parameter shorthand, the school groups
the plan names, and its deadlines.

A helper that only one clause uses lives in that clause's module; one that other cities
need belongs in core/rules/queries.py.
"""

from __future__ import annotations

from datetime import date

from mhpolicy.core.model.entities import K12_KINDS, InstitutionKind
from mhpolicy.core.rules.parameters import Parameter

from ..document import CITY, EFFECTIVE

UNIVERSITY = frozenset({InstitutionKind.UNIVERSITY})
# "各学校" / "大中小学": every school; the plan names 托幼机构 apart (四(一)2(2)), so kindergartens are not in it.
SCHOOL_KINDS = K12_KINDS | UNIVERSITY | {InstitutionKind.SPECIAL_EDUCATION}
# 中小学: primary and secondary schools, 中职 and 技工 included (四(一)2(4) lists 中等职业学校 among the
# stages screened; the staffing sentence has no separate line for them).
K12 = K12_KINDS

DUE_2023 = date(2023, 12, 31)  # “2023年底”
DUE_2024 = date(2024, 12, 31)  # “2024年底” / “至2024年底”


def param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    """A threshold in force from the plan's date; `pid` is given without the city prefix."""
    return Parameter(id=f"{CITY}.{pid}", label=label, unit=unit, values={EFFECTIVE: value}, clause=clause,
                     quote=quote, note=note)
