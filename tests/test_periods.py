from __future__ import annotations

from datetime import date

import pytest

from mhpolicy.core.parameters import Parameter, ParameterNotInForce
from mhpolicy.core.periods import (
    PeriodKind,
    last_completed,
    period_containing,
    school_year_code,
    semester_code,
)


@pytest.mark.parametrize(("as_of", "start", "end", "code"), [
    (date(2025, 9, 30), date(2025, 2, 1), date(2025, 8, 31), "2024-2025-2"),
    (date(2025, 1, 31), date(2024, 9, 1), date(2025, 1, 31), "2024-2025-1"),
    (date(2025, 1, 30), date(2024, 2, 1), date(2024, 8, 31), "2023-2024-2"),
    (date(2025, 3, 1), date(2024, 9, 1), date(2025, 1, 31), "2024-2025-1"),
])
def test_last_completed_semester(as_of: date, start: date, end: date, code: str) -> None:
    p = last_completed(PeriodKind.SEMESTER, as_of)
    assert (p.start, p.end, semester_code(p)) == (start, end, code)


def test_school_year_runs_september_to_august() -> None:
    p = last_completed(PeriodKind.SCHOOL_YEAR, date(2025, 9, 30))
    assert (p.start, p.end, school_year_code(p)) == (date(2024, 9, 1), date(2025, 8, 31), "2024-2025")
    assert last_completed(PeriodKind.SCHOOL_YEAR, date(2025, 8, 31)).end == date(2025, 8, 31)


def test_month_quarter_and_calendar_year() -> None:
    assert last_completed(PeriodKind.MONTH, date(2024, 3, 15)).label == "2024年2月"
    assert last_completed(PeriodKind.MONTH, date(2024, 2, 29)).end == date(2024, 2, 29)
    assert last_completed(PeriodKind.QUARTER, date(2024, 5, 1)).end == date(2024, 3, 31)
    assert last_completed(PeriodKind.CALENDAR_YEAR, date(2024, 12, 30)).label == "2023年"


def test_two_year_rounds_count_from_the_plan_date() -> None:
    anchor = date(2024, 1, 4)
    assert period_containing(PeriodKind.TWO_YEARS, date(2025, 6, 1), anchor).end == date(2025, 12, 31)
    assert last_completed(PeriodKind.TWO_YEARS, date(2026, 3, 1), anchor).start == date(2024, 1, 1)
    # before the first round ends, the last completed round lies before the plan
    before = last_completed(PeriodKind.TWO_YEARS, date(2025, 9, 30), anchor)
    assert (before.start, before.end) == (date(2022, 1, 1), date(2023, 12, 31))
    with pytest.raises(ValueError):
        period_containing(PeriodKind.TWO_YEARS, date(2025, 6, 1))


def test_dated_parameter_takes_the_value_in_force() -> None:
    p = Parameter(id="x.ratio", label="比", unit="名", values={date(2024, 1, 1): 800, date(2026, 1, 1): 600},
                  clause="一", quote="q")
    assert p.value_at(date(2025, 12, 31)) == 800
    assert p.value_at(date(2026, 1, 1)) == 600
    with pytest.raises(ParameterNotInForce):
        p.value_at(date(2023, 12, 31))
