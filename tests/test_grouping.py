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
