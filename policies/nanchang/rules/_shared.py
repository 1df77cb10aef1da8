"""What several of 南昌's clause modules share: the dated-parameter shorthand, the group of
普通中小学校, and the semester code that per-semester records are keyed by.

A helper that only one clause uses lives in that clause's module; one that other cities
need belongs in core/rules/queries.py.
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, InstitutionKind
from mhpolicy.core.rules.context import Context
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind, semester_code

from ..document import CITY, EFFECTIVE

# 普通中小学校: K12 without the vocational and technical schools.
ORDINARY_KINDS = K12_KINDS - {InstitutionKind.SECONDARY_VOCATIONAL, InstitutionKind.TECHNICAL}


def param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    """A threshold in force from the plan's date; `pid` is given without the city prefix."""
    return Parameter(id=f"{CITY}.{pid}", label=label, unit=unit, values={EFFECTIVE: value}, clause=clause,
                     quote=quote, note=note)


def semester(ctx: Context) -> str:
    """The code of the semester under judgement (each one in the evaluation window, and the running
    one), as per-semester records name it."""
    return semester_code(ctx.period(PeriodKind.SEMESTER))
