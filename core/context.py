"""What a measure function sees: the subject under test and the evaluation context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import City, Dataset, District, Institution, Station
from .parameters import ParameterSet
from .periods import Period, PeriodKind, last_completed
from .plan import CityInfo, SubjectKind


@dataclass(frozen=True, slots=True)
class Subject:
    """One thing a requirement is decided for: a school, a station, a district or the city."""

    kind: SubjectKind
    id: str
    name: str
    district_id: str | None
    entity: Any  # Institution | Station | District | City

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
    as_of: date
    city: CityInfo
    parameters: ParameterSet
    dataset: Dataset
    _cache: dict[Any, Any] = field(default_factory=dict)

    def param(self, parameter_id: str) -> float:
        return self.parameters.value(parameter_id, self.as_of)

    def period(self, kind: PeriodKind) -> Period:
        """The latest completed period of `kind` (two-year rounds count from the plan's date)."""
        key = ("period", kind)
        if key not in self._cache:
            self._cache[key] = last_completed(kind, self.as_of, anchor=self.city.effective)
        return self._cache[key]

    def stations_in(self, district_id: str) -> list[Station]:
        key = ("stations", district_id)
        if key not in self._cache:
            self._cache[key] = [s for s in self.dataset.stations if s.district_id == district_id]
        return self._cache[key]

    def institutions_in(self, district_id: str) -> list[Institution]:
        key = ("institutions", district_id)
        if key not in self._cache:
            self._cache[key] = [i for i in self.dataset.institutions if i.district_id == district_id]
        return self._cache[key]


def subjects_of(dataset: Dataset, kind: SubjectKind) -> list[Subject]:
    if kind is SubjectKind.INSTITUTION:
        return [Subject(kind, i.id, i.name, i.district_id, i) for i in dataset.institutions]
    if kind is SubjectKind.STATION:
        return [Subject(kind, s.id, s.name, s.district_id, s) for s in dataset.stations]
    if kind is SubjectKind.DISTRICT:
        return [Subject(kind, d.id, d.name, d.id, d) for d in dataset.districts]
    return [Subject(kind, dataset.city.code, dataset.city.name, None, dataset.city)]
