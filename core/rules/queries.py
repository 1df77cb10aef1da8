"""Derived quantities that several cities' rules need, computed once here.

The engine cannot aggregate over facts or call Python, so counts, sums and minimums are
computed before a fact enters it. These helpers are that step, shared by all plugins.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..model.entities import (
    Dataset,
    Event,
    EventKind,
    Institution,
    StaffMember,
    StaffRole,
    Training,
    TrainingKind,
)
from .grouping import grouped
from .periods import Period
from .requirement import Measure, MeasureResult, MissingData, NotApplicable


def psych_teachers(staff: Iterable[StaffMember], *, full_time: bool | None = None) -> list[StaffMember]:
    teachers = staff_with_role(staff, StaffRole.PSYCH_TEACHER)
    return teachers if full_time is None else [s for s in teachers if s.full_time is full_time]


def staff_with_role(staff: Iterable[StaffMember], role: StaffRole) -> list[StaffMember]:
    if isinstance(staff, list):  # an entity's list: grouped by role once (core/rules/grouping.py)
        return list(grouped(staff, "role").get(role, ()))
    return [s for s in staff if s.role is role]


# The three filters below run for every school, rule and period: the period's bounds are read
# once and compared inline, and the kind before the dates.


def hours_in(trainings: Iterable[Training], period: Period, kinds: Iterable[TrainingKind] | None = None) -> float:
    start, end = period.start, period.end
    if kinds is None:
        return sum(t.hours for t in trainings if start <= t.date <= end)
    wanted = set(kinds)
    return sum(t.hours for t in trainings if t.kind in wanted and start <= t.date <= end)


def trainings_in(trainings: Iterable[Training], period: Period) -> list[Training]:
    start, end = period.start, period.end
    return [t for t in trainings if start <= t.date <= end]


def events_in(events: Iterable[Event], period: Period, *kinds: EventKind) -> list[Event]:
    start, end = period.start, period.end
    if not kinds or not isinstance(events, list):
        return [e for e in events if (not kinds or e.kind in kinds) and start <= e.date <= end]
    groups = grouped(events, "kind")  # an entity's list: grouped by kind once (core/rules/grouping.py)
    if len(kinds) == 1:
        return [e for e in groups.get(kinds[0], ()) if start <= e.date <= end]
    present = [k for k in dict.fromkeys(kinds) if k in groups]
    if len(present) == 1:
        return [e for e in groups[present[0]] if start <= e.date <= end]
    return [e for e in events if e.kind in kinds and start <= e.date <= end]  # several kinds: in the list's order


def ceil_div(numerator: int, denominator: float) -> int:
    """Teachers needed for `numerator` students at 1:`denominator` (at least the ratio, rounded up)."""
    return math.ceil(numerator / denominator)


def no_staff(inst: Institution) -> MissingData | None:
    """An institution that reported no staff at all has not reported: 缺数据 on every rule that
    counts its staff, never zero teachers (the same for every city)."""
    return MissingData(("staff",), "未报送教职工名单") if not inst.staff else None


def not_reported(value: object, field: str, note: str = "") -> MissingData | None:
    """A record or date the institution did not report (a counseling room, the day a channel was
    set up) is missing data, never "none" or "not done": 缺数据, not 不符合 (the same for every
    city). Returns None when the value is there, so a measure reads `if missing := ...`."""
    return MissingData((field,), note) if value is None else None


def no_stations(dataset: Dataset) -> MissingData | None:
    """A dataset that lists no stations at all has not reported them: 缺数据 on a rule that counts
    a district's stations, never zero stations (the same for every city). A list that has
    stations, but none of the kind asked for in a district, is a real zero."""
    return MissingData(("stations",), "未报送辅导站名册") if not dataset.stations else None


def per_person_training(reported: list[StaffMember], group: list[StaffMember], period: Period, required: float,
                        *, who: str, unit: str, kinds: Iterable[TrainingKind] | None = None,
                        count: bool = False) -> MeasureResult:
    """Each member of `group` must reach `required` hours (or, with `count`, trainings) in `period`.

    The finding shows the lowest member against the threshold and names who falls short. An
    unreported staff list is missing data, never "nobody to train"; a group with no training
    records at all is missing data too, since a year of zero hours is rarely what was meant.
    """
    if not reported:
        return MissingData(("staff",), "未报送教职工名单")
    if not group:
        return NotApplicable(f"无{who}，无培训对象")
    if not any(p.trainings for p in group):
        return MissingData(("staff[].trainings",), f"{who}均无培训记录")
    wanted = list(kinds) if kinds is not None else None
    value = {p.id: float(len([t for t in trainings_in(p.trainings, period) if wanted is None or t.kind in wanted]))
             if count else hours_in(p.trainings, period, wanted) for p in group}
    short = [f"{p.id}（{fmt_num(value[p.id])}{unit}）" for p in group if value[p.id] < required]
    return Measure(observed=min(value.values()), required=required,
                   inputs={"年度": period.label, f"{who}人数": len(group), "未达标": "、".join(short) or "无"})


def reported_yes(value: bool | None, field: str) -> MeasureResult:
    """A yes/no the institution reports (archives kept, a group set up): absent is missing, never no."""
    if value is None:
        return MissingData((field,))
    return Measure(observed=int(value), required=1)


def codes(items: list[str]) -> str:
    """Staff codes, grades or case ids for an explanation: '、'-joined, or 无."""
    return "、".join(items) or "无"


def enrolled_grades(inst: Institution) -> list[int]:
    return sorted({g.grade for g in inst.enrollment if g.students > 0})


def fmt_num(x: float) -> str:
    """2.0 -> '2', 2.5 -> '2.5': quantities in Chinese sentences read without a trailing .0."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
