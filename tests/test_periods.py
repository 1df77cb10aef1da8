from __future__ import annotations

from datetime import date

import pytest

from mhpolicy.core.rules.parameters import Parameter, ParameterNotInForce
from mhpolicy.core.rules.periods import (
    WINDOW_MONTHS,
    PeriodKind,
    completed_in_window,
    last_completed,
    months_before,
    period_containing,
    running,
    school_year_code,
    semester_code,
    window_start,
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


def test_the_window_is_the_twelve_months_up_to_the_evaluation_date_unless_since_reaches_further() -> None:
    assert WINDOW_MONTHS == 12
    assert window_start(date(2024, 12, 31)) == date(2024, 1, 1)
    assert window_start(date(2025, 1, 15)) == date(2024, 1, 16)
    assert window_start(date(2025, 1, 15), since=date(2023, 9, 1)) == date(2023, 9, 1)
    assert window_start(date(2025, 1, 15), since=date(2024, 12, 1)) == date(2024, 1, 16)


def test_months_before_clamps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_before(date(2025, 3, 31), 1) == date(2025, 2, 28)
    assert months_before(date(2025, 1, 15), 12) == date(2024, 1, 15)


def test_completed_periods_in_the_window_run_latest_first() -> None:
    sems = completed_in_window(PeriodKind.SEMESTER, date(2025, 3, 1), date(2024, 3, 2))
    assert [semester_code(p) for p in sems] == ["2024-2025-1", "2023-2024-2"]
    years = completed_in_window(PeriodKind.SCHOOL_YEAR, date(2025, 3, 1), date(2024, 3, 2))
    assert [school_year_code(p) for p in years] == ["2023-2024"]


def test_the_latest_completed_period_is_kept_even_when_it_ended_before_the_window() -> None:
    anchor = date(2024, 1, 4)
    rounds = completed_in_window(PeriodKind.TWO_YEARS, date(2027, 6, 1), date(2026, 6, 2), anchor)
    assert [(p.start, p.end) for p in rounds] == [(date(2024, 1, 1), date(2025, 12, 31))]


def test_the_running_period_is_none_on_a_periods_last_day() -> None:
    assert running(PeriodKind.QUARTER, date(2024, 3, 31)) is None
    q2 = running(PeriodKind.QUARTER, date(2024, 4, 1))
    assert q2 is not None and (q2.start, q2.end, q2.label) == (date(2024, 4, 1), date(2024, 6, 30), "2024年第2季度")
