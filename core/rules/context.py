"""What a measure function sees: the subject under test and the evaluation context."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from ..model.entities import (
    Campus,
    City,
    Dataset,
    District,
    EducationGroup,
    Institution,
    StaffMember,
    Station,
)
from ..model.extensions import DataExtension, extension
from .parameters import ParameterSet
from .periods import Period, PeriodKind, last_completed, window_start
from .plan import CityInfo, SubjectKind

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CampusSite:
    """One campus (校区) of a school as a subject: the campus, its school, and the staff tied to it."""

    campus: Campus
    school: Institution

    @property
    def staff(self) -> list[StaffMember]:
        return [s for s in self.school.staff if s.campus == self.campus.id]


@dataclass(frozen=True, slots=True)
class Subject:
    """One thing a requirement is decided for: a school, a campus of a school, a station, an
    education group, a district or the city."""

    kind: SubjectKind
    id: str
    name: str
    district_id: str | None
    entity: Any  # Institution | CampusSite | Station | EducationGroup | District | City
    # The institution a campus belongs to: its findings show in that school's report.
    parent_id: str | None = None

    @property
    def campus(self) -> CampusSite:
        assert isinstance(self.entity, CampusSite)
        return self.entity

    @property
    def group(self) -> EducationGroup:
        assert isinstance(self.entity, EducationGroup)
        return self.entity

    @property
    def institution(self) -> Institution:
        assert isinstance(self.entity, Institution)
        return self.entity

    @property
    def station(self) -> Station:
        assert isinstance(self.entity, Station)
        return self.entity

    @property
    def district(self) -> District:
        assert isinstance(self.entity, District)
        return self.entity

    @property
    def city(self) -> City:
        assert isinstance(self.entity, City)
        return self.entity


@dataclass(slots=True)
class Context:
    """The evaluation as a measure sees it.

    A periodic requirement is evaluated once per period it is judged for, each time with a
    per-period view of this context (`judging`) whose `period(kind)` returns the period under
    judgement, so measures written as "count what falls in ctx.period(kind)" need no change.
    The view shares the dataset, parameters and caches; it keeps the evaluation date `as_of`
    (what exists today: staff lists, rooms, open cases) but reads dated parameters on the
    period's last day, so an earlier period is held to the threshold in force then.
    """

    as_of: date
    city: CityInfo
    parameters: ParameterSet
    # The dataset's header: city, districts and stations. Institutions are streamed in chunks
    # (a province never sits in memory) and reach a measure only as its subject, so
    # `dataset.institutions` is empty here; a target over many institutions needs a fold over
    # the stream, not a look-up from a district's measure.
    dataset: Dataset
    _cache: dict[Any, Any] = field(default_factory=dict)
    since: date | None = None  # widens the evaluation window back to this date (see periods.window_start)
    judged: Period | None = None  # the period under judgement, in a per-period view

    @property
    def window_start(self) -> date:
        """First day of the evaluation window: periods ending on or after it are judged."""
        return window_start(self.as_of, self.since)

    @property
    def param_day(self) -> date:
        """The day dated parameters are read on: the judged period's last day, or the evaluation
        date for the running period and for duties without a period."""
        if self.judged is not None and self.judged.end < self.as_of:
            return self.judged.end
        return self.as_of

    def extension(self, declared: DataExtension[T]) -> T:
        """A dataset-level extension (records a plugin declared for the whole dataset, e.g. the
        hospitals of a city); `self.dataset.<name>` reads the same, untyped."""
        return extension(self.dataset, declared)

    def param(self, parameter_id: str) -> float:
        """The parameter's value on `param_day`, looked up once per view: measures ask for the
        same threshold for every subject. A parameter not yet in force raises every time."""
        key = ("param", parameter_id, self.param_day)
        value = self._cache.get(key)
        if value is None:
            value = self._cache[key] = self.parameters.value(parameter_id, self.param_day)
        return value

    def period(self, kind: PeriodKind) -> Period:
        """The period under judgement if it is of `kind`, else the latest completed period of
        `kind` (two-year rounds count from the plan's date)."""
        if self.judged is not None and self.judged.kind is kind:
            return self.judged
        key = ("period", kind)
        if key not in self._cache:
            self._cache[key] = last_completed(kind, self.as_of, anchor=self.city.effective)
        return self._cache[key]

    def judging(self, period: Period) -> Context:
        """The per-period view of this context for `period` (built once per period, shared caches)."""
        key = ("view", period)
        if key not in self._cache:
            self._cache[key] = replace(self, judged=period)  # `replace` passes the same _cache dict
        return self._cache[key]

    def stations_in(self, district_id: str) -> list[Station]:
        key = ("stations", district_id)
        if key not in self._cache:
            self._cache[key] = [s for s in self.dataset.stations if s.district_id == district_id]
        return self._cache[key]


def campus_subjects(institutions: list[Institution]) -> list[Subject]:
    """Every campus of these institutions as a subject. Its id joins the school's and the campus's
    (campus ids are unique within a school only); its name reads 学校·校区."""
    return [Subject(SubjectKind.CAMPUS, f"{i.id}/{c.id}", f"{i.name}·{c.name}", i.district_id, CampusSite(c, i),
                    parent_id=i.id)
            for i in institutions for c in i.campuses]


def chunk_subjects(institutions: list[Institution]) -> dict[SubjectKind, list[Subject]]:
    """The subjects a chunk of institutions gives: each institution, and each of its campuses."""
    return {SubjectKind.INSTITUTION: [Subject(SubjectKind.INSTITUTION, i.id, i.name, i.district_id, i)
                                      for i in institutions],
            SubjectKind.CAMPUS: campus_subjects(institutions)}


# Subjects decided from the dataset header (not from the streamed institutions).
HEADER_KINDS = (SubjectKind.CITY, SubjectKind.DISTRICT, SubjectKind.STATION, SubjectKind.GROUP)


def subjects_of(dataset: Dataset, kind: SubjectKind) -> list[Subject]:
    if kind is SubjectKind.INSTITUTION:
        return [Subject(kind, i.id, i.name, i.district_id, i) for i in dataset.institutions]
    if kind is SubjectKind.CAMPUS:
        return campus_subjects(dataset.institutions)
    if kind is SubjectKind.GROUP:
        return [Subject(kind, g.id, g.name, g.district_id, g) for g in dataset.groups]
    if kind is SubjectKind.STATION:
        return [Subject(kind, s.id, s.name, s.district_id, s) for s in dataset.stations]
    if kind is SubjectKind.DISTRICT:
        return [Subject(kind, d.id, d.name, d.id, d) for d in dataset.districts]
    return [Subject(kind, dataset.city.code, dataset.city.name, None, dataset.city)]
