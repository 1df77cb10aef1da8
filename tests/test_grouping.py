"""Records grouped once per list (core/rules/grouping.py) read as a scan of the list would."""

from __future__ import annotations

import random
from datetime import date, timedelta
from types import SimpleNamespace

from mhpolicy.core.model.entities import EventKind
from mhpolicy.core.rules import grouping
from mhpolicy.core.rules.periods import Period, PeriodKind
from mhpolicy.core.rules.queries import events_in


def _events(n: int, seed: int) -> list[SimpleNamespace]:
    rng = random.Random(seed)
    kinds = list(EventKind)[:4]
    return [SimpleNamespace(kind=rng.choice(kinds), date=date(2024, 1, 1) + timedelta(days=rng.randrange(400)), n=i)
            for i in range(n)]


def test_events_of_a_kind_in_a_period_are_those_a_scan_finds_in_the_same_order() -> None:
    events = _events(300, seed=1)
    period = Period(start=date(2024, 3, 1), end=date(2024, 8, 31), kind=PeriodKind.SEMESTER, label="春季学期")
    for kind in list(EventKind)[:5]:  # the fifth kind has no events: an empty list, not an error
        scan = [e for e in events if e.kind == kind and period.start <= e.date <= period.end]
        assert events_in(events, period, kind) == scan  # type: ignore[arg-type]


def test_a_list_that_grew_is_grouped_again_and_forget_lets_every_list_go() -> None:
    items = [SimpleNamespace(item="a"), SimpleNamespace(item="b")]
    assert [len(v) for v in grouping.grouped(items, "item").values()] == [1, 1]
    items.append(SimpleNamespace(item="a"))
    assert len(grouping.grouped(items, "item")["a"]) == 2
    other = list(items)  # equal contents, another list: its own entry
    assert grouping.grouped(other, "item") is not grouping.grouped(items, "item")
    grouping.forget()
    assert not grouping._CACHE


def test_events_of_several_kinds_keep_the_lists_order_and_any_iterable_still_reads() -> None:
    events = _events(300, seed=2)
    period = Period(start=date(2024, 1, 1), end=date(2024, 12, 31), kind=PeriodKind.CALENDAR_YEAR, label="2024年")
    first, second, absent = list(EventKind)[0], list(EventKind)[1], list(EventKind)[6]
    for kinds in ((first, second), (second, absent), (absent, absent), (first, first)):
        scan = [e for e in events if e.kind in kinds and period.start <= e.date <= period.end]
        assert events_in(events, period, *kinds) == scan  # type: ignore[arg-type]
        assert events_in(iter(events), period, *kinds) == scan  # type: ignore[arg-type]
    assert events_in(tuple(events), period) == [e for e in events if period.start <= e.date <= period.end]  # type: ignore[arg-type]


def test_staff_of_a_role_are_those_a_scan_finds_and_a_caller_may_change_the_list_it_gets() -> None:
    from mhpolicy.core.model.entities import StaffRole
    from mhpolicy.core.rules.queries import psych_teachers, staff_with_role

    rng = random.Random(3)
    staff = [SimpleNamespace(role=rng.choice(list(StaffRole)[:3]), full_time=rng.random() < 0.5, n=i) for i in range(40)]
    for role in list(StaffRole)[:4]:
        assert staff_with_role(staff, role) == [s for s in staff if s.role is role]  # type: ignore[arg-type]
        assert staff_with_role(iter(staff), role) == [s for s in staff if s.role is role]  # type: ignore[arg-type]
    full = psych_teachers(staff, full_time=True)  # type: ignore[arg-type]
    assert full == [s for s in staff if s.role is StaffRole.PSYCH_TEACHER and s.full_time]
    got = staff_with_role(staff, StaffRole.PSYCH_TEACHER)  # type: ignore[arg-type]
    got.clear()  # the caller's own list: the cached group is untouched
    assert staff_with_role(staff, StaffRole.PSYCH_TEACHER) == [s for s in staff if s.role is StaffRole.PSYCH_TEACHER]  # type: ignore[arg-type]
