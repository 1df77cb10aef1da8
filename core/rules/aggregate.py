"""Targets over a population: a share of schools (or stations, hospitals, students …) that must
meet a condition, decided for the city and for each district.

"配备专兼职心理健康教育教师的学校比例达到95%" is decided for a city or a district, but from
many records. Institutions stream in chunks (possibly in worker processes), so such a target
cannot be measured from the dataset header; it is *folded*: every chunk contributes a
`Partial` per (requirement, period, city or district), partials merge associatively in the
parent (counts and sums, the first `LAGGING_LIMIT` records holding the target back), and the
totals are decided after the last chunk through the same engine path as every other rule.

A plugin attaches an `Aggregate` to a `Requirement` on a CITY or DISTRICT subject
(`Requirement(aggregate=Aggregate(...))`, no measure function): `over` names the records
folded (institutions, stations, or a dataset-level extension such as hospitals) and `counts`
says, per record, whether it meets the condition (True/False), how much it adds to the
numerator and denominator (`Tally`, for shares of students), that it lies outside the
population (None), or that its data is missing (`MissingData`). A record with missing data
stays in the population and is never counted as meeting the target.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from ..model.extensions import DataExtension, extension
from .context import Context
from .plan import SubjectKind
from .queries import fmt_num
from .requirement import Measure, MeasureResult, MissingData, NotApplicable

LAGGING_LIMIT = 50  # records named per finding as holding the target back; the rest are counted


@dataclass(frozen=True, slots=True)
class Tally:
    """What one record adds to a share of sums: `met` to the numerator, `of` to the denominator
    (e.g. students aware of the core knowledge, of students surveyed)."""

    met: float
    of: float


CountsFn = Callable[[Any, Context], "bool | Tally | MissingData | None"]


@dataclass(frozen=True, slots=True)
class Aggregate:
    """How a population target folds over records.

    over     INSTITUTION (streamed in chunks), STATION (the header's stations), or a dataset-level
             `DataExtension` holding a list of records with `id`, `name` and `district_id`
    counts   per record: True/False (meets or not; a share of records), a `Tally` (a share of
             sums), None (not in the population), `MissingData` (in it, data absent)
    target   id of the dated parameter holding the target share, in percent (95 for 95%)
    population  what the denominator counts, for people: "所学校", "名学生"
    met      what the numerator's records do, for people: "配备专兼职心理教师"
    record   what one record is when the share is of sums ("所学校" for a share of "名学生")
    """

    over: SubjectKind | DataExtension[Any]
    counts: CountsFn
    target: str
    population: str
    met: str
    share_of: Literal["records", "sums"] = "records"
    record: str = ""  # what one record is, for people, when it differs from `population` (sums): "所学校"

    def __post_init__(self) -> None:
        if isinstance(self.over, SubjectKind) and self.over not in (SubjectKind.INSTITUTION, SubjectKind.STATION):
            raise ValueError(f"an aggregate folds over institutions, stations or dataset-level records, not {self.over}")
        if self.share_of not in ("records", "sums"):
            raise ValueError(f"share_of must be 'records' or 'sums', not {self.share_of!r}")

    @property
    def record_noun(self) -> str:
        """What one record is, for people: the population's noun for a share of records."""
        return self.record or (self.population if self.share_of == "records" else "个对象")

    @property
    def streamed(self) -> bool:
        """Folded chunk by chunk from the institutions (else once, from the dataset header)."""
        return self.over is SubjectKind.INSTITUTION

    def header_records(self, ctx: Context) -> Iterable[Any]:
        """The records folded from the header: stations, or a plugin's dataset-level records."""
        if self.over is SubjectKind.STATION:
            return ctx.dataset.stations
        assert isinstance(self.over, DataExtension)
        return extension(ctx.dataset, self.over) or ()


@dataclass(slots=True)
class Partial:
    """The fold of some records for one (requirement, period, city or district): associative,
    so chunks fold in any process and merge in file order to the same totals."""

    met: float = 0  # numerator
    total: float = 0  # denominator, records with missing data included for a share of records
    records: int = 0  # records in the population
    meeting: int = 0  # records meeting the condition
    missing: int = 0  # records in the population whose data is missing
    missing_fields: list[str] = field(default_factory=list)  # union, in first-seen order
    lagging: list[tuple[str, str, str]] = field(default_factory=list)  # (id, name, why), first LAGGING_LIMIT
    lagging_count: int = 0
    error: str = ""  # the first exception a `counts` function raised, naming rule and record

    def add(self, record: Any, result: bool | Tally | MissingData | None, agg: Aggregate, target: float) -> None:
        """Fold one record's result (see `Aggregate.counts`)."""
        if result is None:
            return
        self.records += 1
        if isinstance(result, MissingData):
            self.missing += 1
            self.total += 1 if agg.share_of == "records" else 0
            for f in result.fields:
                if f not in self.missing_fields:
                    self.missing_fields.append(f)
            self._lag(record, "缺数据：" + "、".join(result.fields))
            return
        if isinstance(result, bool):  # the common case, kept cheap: a fold sees every institution
            if agg.share_of != "records":
                raise TypeError("a share of sums needs a Tally per record, not True/False")
            self.total += 1
            if result:
                self.met += 1
                self.meeting += 1
            else:
                self._lag(record, "未" + agg.met)
            return
        if not isinstance(result, Tally):
            raise TypeError(f"counts returned {type(result).__name__}, not bool/Tally/MissingData/None")
        if agg.share_of != "sums":
            raise TypeError("a share of records needs True/False per record, not a Tally")
        met, of = result.met, result.of
        if not (math.isfinite(met) and math.isfinite(of)) or met < 0 or of < met:
            raise ValueError(f"counts returned {result}: need 0 <= met <= of")
        self.met += met
        self.total += of
        # Whether this record alone reaches the target only decides whether it is named as holding
        # the target back; the finding's own decision is exact (`required_of`).
        if of and met * 100 >= target * of:
            self.meeting += 1
        else:
            self._lag(record, f"{fmt_num(met)}/{fmt_num(of)}，低于{fmt_num(target)}%")

    def _lag(self, record: Any, why: str) -> None:
        self.lagging_count += 1
        if len(self.lagging) < LAGGING_LIMIT:
            self.lagging.append((str(record.id), str(getattr(record, "name", "") or ""), why))

    def merge(self, other: Partial) -> Partial:
        """This partial followed by `other` (records of a later chunk): in place, returns self."""
        self.met += other.met
        self.total += other.total
        self.records += other.records
        self.meeting += other.meeting
        self.missing += other.missing
        self.missing_fields += [f for f in other.missing_fields if f not in self.missing_fields]
        self.lagging += other.lagging[: LAGGING_LIMIT - len(self.lagging)]
        self.lagging_count += other.lagging_count
        self.error = self.error or other.error
        return self


# (requirement id, period label or "", subject kind, subject id) -> its partial
PartialKey = tuple[str, str, str, str]
Partials = dict[PartialKey, Partial]


def merge_all(into: Partials, more: Partials) -> Partials:
    for key, p in more.items():
        if key in into:
            into[key].merge(p)
        else:
            into[key] = p
    return into


def required_of(total: float, target: float) -> float:
    """The least numerator meeting `target`% of `total`, computed exactly (95% of 20 is 19, of 21 is 20)."""
    return math.ceil(Fraction(str(target)) * Fraction(str(total)) / 100)


def share_text(met: float, total: float) -> str:
    return f"{fmt_num(round(met * 100 / total, 1))}%" if total else "—"


def result_of(p: Partial, agg: Aggregate, target: float) -> MeasureResult:
    """The totals as the measure the engine decides: met >= required. Missing records count as
    not meeting; where the missing ones could still close the gap (or, for a share of sums,
    whenever any is missing), the target cannot be judged: 缺数据, never 符合 by default."""
    if p.records == 0:
        return NotApplicable(f"无纳入统计的{agg.population.lstrip('所名个家')}")
    required = required_of(p.total, target)
    inputs = {"达标": fmt_num(p.met), "总数": fmt_num(p.total), "比例": share_text(p.met, p.total),
              "目标": f"{fmt_num(target)}%"}
    note = ""
    if p.missing:
        inputs["缺数据"] = p.missing
        note = (f"{p.missing}{agg.population}缺数据，按未达标计入总数，不计为达标" if agg.share_of == "records"
                else f"{p.missing}{agg.record_noun}缺数据，其{agg.population[1:]}数未知，未计入")
        undecidable = agg.share_of == "sums" or (p.met < required <= p.met + p.missing)
        if undecidable:
            return MissingData(tuple(p.missing_fields), note + "；补报后方能判定是否达到目标")
    return Measure(observed=p.met, required=required, inputs=inputs, note=note)


def lagging_text(p: Partial) -> str:
    """The records holding the target back, for the explanation (stored with the finding)."""
    if not p.lagging_count:
        return ""
    names = "、".join(f"{i} {n}（{why}）" if n else f"{i}（{why}）" for i, n, why in p.lagging)
    more = f"等，共{p.lagging_count}个" if p.lagging_count > len(p.lagging) else f"，共{p.lagging_count}个"
    return f"未达标或缺数据的对象：{names}{more}"
