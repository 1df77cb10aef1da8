"""Periods the plans count in: school year, semester, calendar year, quarter, month, rounds.

A periodic requirement ("每学期至少…") is decided for every completed period in the
evaluation window (`periods_to_judge`): a census missed last spring stays visible after
autumn ends. Each period gets its own finding, due on the period's last day. A period
ends on its last day: on that day it counts as completed. The period still running on
the evaluation date (`running`) cannot yet be failed; evaluation shows it as 进行中.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..model.vocabulary import LabelledEnum


class PeriodKind(LabelledEnum):
    SCHOOL_YEAR = "school_year", "学年"  # 1 Sept – 31 Aug
    SEMESTER = "semester", "学期"  # autumn 1 Sept – 31 Jan, spring 1 Feb – 31 Aug
    CALENDAR_YEAR = "calendar_year", "自然年", "每年"
    QUARTER = "quarter", "季度"
    MONTH = "month", "月", "每月"
    TWO_YEARS = "two_years", "两年一轮"  # counted from the plan's date


@dataclass(frozen=True, slots=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    kind: PeriodKind
    label: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def period_containing(kind: PeriodKind, day: date, anchor: date | None = None) -> Period:
    """The period of `kind` that contains `day`. `anchor` starts two-year rounds."""
    y, m = day.year, day.month
    if kind is PeriodKind.SCHOOL_YEAR:
        start_year = y if m >= 9 else y - 1
        return Period(date(start_year, 9, 1), date(start_year + 1, 8, 31), kind, f"{start_year}-{start_year + 1}学年")
    if kind is PeriodKind.SEMESTER:
        if m >= 9:
            return Period(date(y, 9, 1), date(y + 1, 1, 31), kind, f"{y}-{y + 1}学年秋季学期")
        if m == 1:
            return Period(date(y - 1, 9, 1), date(y, 1, 31), kind, f"{y - 1}-{y}学年秋季学期")
        return Period(date(y, 2, 1), date(y, 8, 31), kind, f"{y - 1}-{y}学年春季学期")
    if kind is PeriodKind.CALENDAR_YEAR:
        return Period(date(y, 1, 1), date(y, 12, 31), kind, f"{y}年")
    if kind is PeriodKind.QUARTER:
        q = (m - 1) // 3
        return Period(date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3), kind, f"{y}年第{q + 1}季度")
    if kind is PeriodKind.MONTH:
        return Period(date(y, m, 1), _month_end(y, m), kind, f"{y}年{m}月")
    if kind is PeriodKind.TWO_YEARS:
        if anchor is None:
            raise ValueError("two-year rounds need an anchor date")
        # Rounds tile time in both directions from the anchor year: before the first round
        # ends, the latest *completed* round is the one before the plan, which evaluation
        # then reports as not applicable (it precedes the plan's effective date).
        n = (y - anchor.year) // 2
        start = date(anchor.year + 2 * n, 1, 1)
        return Period(start, date(start.year + 1, 12, 31), kind, f"{start.year}-{start.year + 1}年评估轮次")
    raise ValueError(f"unknown period kind {kind}")


def last_completed(kind: PeriodKind, as_of: date, anchor: date | None = None) -> Period:
    """The latest period of `kind` whose last day is on or before `as_of`."""
    current = period_containing(kind, as_of, anchor)
    if current.end <= as_of:
        return current
    return period_containing(kind, current.start - timedelta(days=1), anchor)


# The evaluation window: periods that ended in the WINDOW_MONTHS months up to the
# evaluation date are judged (a year: two semesters, one school and one calendar year,
# four quarters, twelve months). `since` widens it further back. The one place to change it.
WINDOW_MONTHS = 12


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (31 May - 3 months = 29 Feb 2024)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return min(date(y, m + 1, 1) + timedelta(days=day.day - 1), _month_end(y, m + 1))


def window_start(as_of: date, since: date | None = None) -> date:
    """First day of the evaluation window: the day after `as_of` minus WINDOW_MONTHS months,
    or `since` if that is earlier (`since` only widens the window, never narrows it)."""
    default = months_before(as_of, WINDOW_MONTHS) + timedelta(days=1)
    return min(default, since) if since is not None else default


def completed_in_window(kind: PeriodKind, as_of: date, start: date, anchor: date | None = None) -> list[Period]:
    """Completed periods of `kind` ending on or after `start`, latest first. The latest completed
    period is always included, even when it ended before `start` (a two-year round)."""
    latest = last_completed(kind, as_of, anchor)
    out = [latest]
    while True:
        before = period_containing(kind, out[-1].start - timedelta(days=1), anchor)
        if before.end < start:
            return out
        out.append(before)


def running(kind: PeriodKind, as_of: date, anchor: date | None = None) -> Period | None:
    """The period of `kind` still running on `as_of`; None when `as_of` is a period's last day
    (that period is completed, and the next has not begun)."""
    current = period_containing(kind, as_of, anchor)
    return None if current.end <= as_of else current


def due_on_day(period: Period, day: int, months_after: int = 0) -> date:
    """Day `day` of the month `months_after` months after the month `period` ends in, clamped to
    that month's last day (day 31 of February is its 28th/29th): the due date of a duty "due by
    the 26th" (months_after=0) or "by the 5th of the next month" (months_after=1)."""
    if day < 1:
        raise ValueError(f"a day of the month starts at 1, not {day}")
    y, m = divmod(period.end.year * 12 + period.end.month - 1 + months_after, 12)
    return min(date(y, m + 1, 1) + timedelta(days=day - 1), _month_end(y, m + 1))


def semester_code(period: Period) -> str:
    """The data's semester code for a semester period: 2024-2025-1 (autumn) / -2 (spring)."""
    if period.kind is not PeriodKind.SEMESTER:
        raise ValueError("not a semester")
    if period.start.month == 9:
        return f"{period.start.year}-{period.start.year + 1}-1"
    return f"{period.start.year - 1}-{period.start.year}-2"


def school_year_code(period: Period) -> str:
    """The data's school-year code for a school-year period: 2024-2025."""
    return f"{period.start.year}-{period.end.year}"
