"""Dated parameters: every threshold a text gives lives here once, keyed by the date it
takes effect, with the clause and sentence it comes from (after openfisca's parameters).

A threshold that changes on a date is then data, not an `if` in a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .clauses import is_clause_spelling


class ParameterNotInForce(LookupError):
    """No value of the parameter is in force on the date asked for."""


@dataclass(frozen=True, slots=True)
class Parameter:
    id: str  # "<city>.<name>", e.g. "fuzhou.staffing.k12_students_per_full_time"
    label: str  # Chinese, for people
    unit: str  # "名学生", "学时", "课时" …
    values: dict[date, float]  # effective date -> value
    clause: str  # clause as the document numbers it, e.g. "五、1"
    quote: str  # the sentence that states the value, verbatim
    note: str = ""

    def __post_init__(self) -> None:
        # An empty clause is left to `mhpolicy lint` (parameter-no-clause), which names it among
        # the plugin's other findings; a clause given must be spelled as the document numbers it.
        if self.clause and not is_clause_spelling(self.clause):
            raise ValueError(f"parameter {self.id}: clause {self.clause!r} is not spelled as the document "
                             "numbers it (e.g. 三, 五、1, 五(一), 四(二)5)")

    def value_at(self, day: date) -> float:
        effective = [d for d in self.values if d <= day]
        if not effective:
            first = min(self.values)
            raise ParameterNotInForce(f"{self.id}: no value before {first.isoformat()} (asked for {day.isoformat()})")
        return self.values[max(effective)]

    def effective_since(self, day: date) -> date:
        return max(d for d in self.values if d <= day)

    @property
    def city(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(slots=True)
class ParameterSet:
    """The parameters of one city, resolved at one evaluation date."""

    by_id: dict[str, Parameter] = field(default_factory=dict)

    def add(self, parameter: Parameter) -> None:
        if parameter.id in self.by_id:
            raise ValueError(f"duplicate parameter id {parameter.id}")
        self.by_id[parameter.id] = parameter

    def __getitem__(self, parameter_id: str) -> Parameter:
        return self.by_id[parameter_id]

    def __contains__(self, parameter_id: object) -> bool:
        return parameter_id in self.by_id

    def value(self, parameter_id: str, day: date) -> float:
        return self.by_id[parameter_id].value_at(day)
