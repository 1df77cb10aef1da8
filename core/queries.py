"""Derived quantities that several cities' rules need, computed once here.

The engine cannot aggregate over facts or call Python, so counts, sums and minimums are
computed before a fact enters it. These helpers are that step, shared by all plugins.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .model import Event, EventKind, Institution, StaffMember, StaffRole, Training, TrainingKind
from .periods import Period


def psych_teachers(staff: Iterable[StaffMember], *, full_time: bool | None = None) -> list[StaffMember]:
    return [
        s for s in staff if s.role is StaffRole.PSYCH_TEACHER and (full_time is None or s.full_time is full_time)
    ]


def staff_with_role(staff: Iterable[StaffMember], role: StaffRole) -> list[StaffMember]:
    return [s for s in staff if s.role is role]


def hours_in(trainings: Iterable[Training], period: Period, kinds: Iterable[TrainingKind] | None = None) -> float:
    wanted = set(kinds) if kinds is not None else None
    return sum(t.hours for t in trainings if period.contains(t.date) and (wanted is None or t.kind in wanted))


def trainings_in(trainings: Iterable[Training], period: Period) -> list[Training]:
    return [t for t in trainings if period.contains(t.date)]


def events_in(events: Iterable[Event], period: Period, *kinds: EventKind) -> list[Event]:
    return [e for e in events if period.contains(e.date) and (not kinds or e.kind in kinds)]


def ceil_div(numerator: int, denominator: float) -> int:
    """Teachers needed for `numerator` students at 1:`denominator` (at least the ratio, rounded up)."""
    return math.ceil(numerator / denominator)


def shortfall_people(people: list[StaffMember], hours: dict[str, float], required: float) -> list[str]:
    """Staff codes whose hours fall short of `required`."""
    return [p.id for p in people if hours[p.id] < required]


def min_per_person(people: list[StaffMember], value: dict[str, float]) -> float:
    return min(value[p.id] for p in people)


def enrolled_grades(inst: Institution) -> list[int]:
    return sorted({g.grade for g in inst.enrollment if g.students > 0})


def fmt_num(x: float) -> str:
    """2.0 -> '2', 2.5 -> '2.5': quantities in Chinese sentences read without a trailing .0."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
