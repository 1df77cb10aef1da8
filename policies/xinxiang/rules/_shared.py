"""What several of 新乡's clause modules share: the dated-parameter shorthand, the station tiers
the plan names, and the semester code per-semester records are keyed by.

The plan's subjects are stations in three tiers (二(一)): 一级 = 新乡市未成年人心理辅导中心;
二级 = 市属学校辅导站 and 县市区级辅导站; 三级 = 县（市）区属学校辅导站. The data gives each
station its `tier` (core checks the tree) and its `level` (who runs it), which tell a
市属学校辅导站 (tier 2, level school) from a 县市区级辅导站 (tier 2, level district).
"""

from __future__ import annotations

from mhpolicy.core.model.entities import Station, StationLevel
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind, semester_code

from ..document import CITY, EFFECTIVE

TOP, MIDDLE, LOWER = 1, 2, 3
TIER_NAMES = {TOP: "一级站点", MIDDLE: "二级站点", LOWER: "三级站点"}


def param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    """A threshold in force from the plan's date; `pid` is given without the city prefix."""
    return Parameter(id=f"{CITY}.{pid}", label=label, unit=unit, values={EFFECTIVE: value}, clause=clause,
                     quote=quote, note=note)


def tier_is(*tiers: int):  # type: ignore[no-untyped-def]
    """An `AppliesTo.where` for stations of the given tiers."""
    def where(subject: Subject, ctx: Context) -> bool:
        return subject.station.tier in tiers
    return where


def is_county_station(subject: Subject, ctx: Context) -> bool:
    """县（市）、区站点 / 县市区级辅导站: a 二级 station run by a county or district (not a 市属学校辅导站)."""
    st = subject.station
    return st.tier == MIDDLE and st.level is StationLevel.DISTRICT


def is_school_station(subject: Subject, ctx: Context) -> bool:
    """A station at a school (市属学校辅导站 or 三级 学校辅导站): the stations that have students."""
    st = subject.station
    return st.tier in (MIDDLE, LOWER) and st.level is StationLevel.SCHOOL


def station_name(ctx: Context, station_id: str | None) -> str:
    """"名称（编号）" of a station of the dataset, for findings that name a recipient."""
    key = ("xinxiang.station_names",)
    if key not in ctx._cache:
        ctx._cache[key] = {s.id: s.name for s in ctx.dataset.stations}
    if station_id is None:
        return "（无）"
    name = ctx._cache[key].get(station_id)
    return f"{name}（{station_id}）" if name and name != station_id else station_id


def children(ctx: Context, station: Station) -> list[Station]:
    key = ("xinxiang.children",)
    if key not in ctx._cache:
        by_parent: dict[str, list[Station]] = {}
        for s in ctx.dataset.stations:
            if s.parent_id is not None:
                by_parent.setdefault(s.parent_id, []).append(s)
        ctx._cache[key] = by_parent
    return ctx._cache[key].get(station.id, [])


def semester(ctx: Context) -> str:
    """The code of the semester under judgement, as per-semester records name it."""
    return semester_code(ctx.period(PeriodKind.SEMESTER))
