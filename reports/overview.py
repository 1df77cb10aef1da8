"""The city / district overview: how many SCHOOLS meet each indicator, 达标率, worst first.

An indicator is a measured requirement on institutions. A school meets it when every period
of it judged in the window is 符合 (a running period, 进行中, is not judged yet; 不适用 does
not count); a school it applies to but that has a 不符合, 缺数据, 未达目标, 提示 or 错误 in any
judged period does not. 达标率 = schools meeting it / schools it applies to. Attestations
(待人工确认) are not indicators: nothing is measured until someone confirms.

Schools by type (小学, 初级中学 … as the data's `kind` names them): each school counted once under
its worst judged outcome (`standing`), per district and for the city, with the type's 达标率. A
finding carries its institution's type (`Finding.subject_type`); a run re-rendered from a store
whose records lack it counts those schools under 类型未知, and the report says so.

Fed per subject as the check streams (an institution's findings all arrive in one chunk), it
keeps only counts per indicator, district and school type, never findings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from mhpolicy.core.model.entities import InstitutionKind
from mhpolicy.core.plugins.registry import CityPolicy
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import PRECEDENCE, Status, roll_up
from mhpolicy.core.rules.requirement import RequirementKind, SubjectKind

_OVERDUE = attrgetter("overdue")
NO_DISTRICT = "—"  # an institution the data files under no district
UNKNOWN_TYPE = ""  # a school whose type the findings do not carry (a re-rendered older run)
NOT_JUDGED = "尚无判定"  # a school with nothing judged yet (only running periods, attestations)
# A school's standing, worst first: the worst judged outcome, attestations awaited left out
# (nearly every school awaits some, which would hide everything else).
STANDINGS = (Status.ERROR.value, Status.FAIL.value, Status.MISSING.value, Status.TARGET_MISSED.value,
             Status.ADVICE.value, Status.PASS.value, NOT_JUDGED)
_TYPE_ORDER = {k.value: n for n, k in enumerate(InstitutionKind)}
_TYPE_LABELS = InstitutionKind.labels()


def rate(met: int, applicable: int) -> float | None:
    return met / applicable if applicable else None


_NOT_JUDGED = frozenset({Status.IN_PROGRESS, Status.NOT_APPLICABLE})
_NOT_STANDING = _NOT_JUDGED | {Status.PENDING}


def standing(statuses: Counter[Status]) -> str:
    """A school's place in the by-type chart (from the count of its findings by status): its
    worst judged outcome, 待人工确认 left out."""
    judged = [s for s, n in statuses.items() if n and s not in _NOT_STANDING]
    return roll_up(judged).value if judged else NOT_JUDGED


_PASS_RANK = Status.PASS.rank
_UNJUDGED = len(PRECEDENCE)  # past every rank: an indicator with nothing judged yet


@dataclass(slots=True)
class OverviewState:
    """An overview's counts (`Overview.state`): rule -> district -> [applicable, met]; district ->
    counts; district -> school type -> counts."""

    tally: dict[str, dict[str, list[int]]]
    districts: dict[str, Counter[str]]
    types: dict[str, dict[str, Counter[str]]]


class Overview:
    def __init__(self, policy: CityPolicy) -> None:
        self.indicators = [r for r in policy.requirements
                           if r.subject is SubjectKind.INSTITUTION and r.kind is RequirementKind.MEASURED]
        self._ids = {r.id for r in self.indicators}
        # rule -> district -> [applicable, met]
        self.tally: dict[str, dict[str, list[int]]] = {r.id: defaultdict(lambda: [0, 0]) for r in self.indicators}
        self.district_names: dict[str, str] = {}
        self.districts: dict[str, Counter[str]] = defaultdict(Counter)
        # district -> school type -> counts: schools, one per standing, applicable, met
        self.types: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))

    def add_subject(self, kind: str, district_id: str | None, findings: list[Finding],
                    statuses: Counter[Status]) -> tuple[int, int]:
        """Count one subject (`statuses`: its findings counted by status, which the caller has
        already counted); returns the school's (indicators met, indicators judged)."""
        if kind == SubjectKind.DISTRICT.value:
            self.district_names[findings[0].subject_id] = findings[0].subject_name
            return 0, 0
        if kind != SubjectKind.INSTITUTION.value:
            return 0, 0
        d = district_id or NO_DISTRICT
        # One pass: per indicator, the worst rank among its judged periods (roll_up's order). A
        # list per indicator and a roll-up of each cost more than the rest of the overview.
        worst: dict[str, int] = {}
        ids = self._ids
        for f in findings:
            status = f.status
            if status in _NOT_JUDGED:
                continue
            rule_id = f.rule_id
            if rule_id in ids:
                rank = status.rank
                if rank < worst.get(rule_id, _UNJUDGED):
                    worst[rule_id] = rank
        met = judged = 0
        for rule_id, rank in worst.items():
            cell = self.tally[rule_id][d]
            cell[0] += 1
            judged += 1
            if rank == _PASS_RANK:
                cell[1] += 1
                met += 1
        row = self.districts[d]
        row["schools"] += 1
        row["all_met"] += met == judged and judged > 0
        row["with_fail"] += statuses[Status.FAIL] > 0
        row["with_missing"] += statuses[Status.MISSING] > 0
        row["overdue"] += sum(map(_OVERDUE, findings))
        row["applicable"] += judged
        row["met"] += met
        by_type = self.types[d][findings[0].subject_type or UNKNOWN_TYPE]
        by_type["schools"] += 1
        by_type[standing(statuses)] += 1
        by_type["applicable"] += judged
        by_type["met"] += met
        return met, judged

    def state(self) -> OverviewState:
        """The counts as plain dicts (no factories, no policy): what a worker process sends of the
        chunks it decided, for the check's own overview to `merge`."""
        return OverviewState({rid: {d: list(c) for d, c in cells.items()} for rid, cells in self.tally.items() if cells},
                             dict(self.districts), {d: dict(per_type) for d, per_type in self.types.items()})

    def merge(self, other: OverviewState) -> None:
        """Add the counts of chunks counted elsewhere: the same as counting their subjects here
        (districts and types in the order first seen, as `add_subject` would)."""
        for rid, cells in other.tally.items():
            mine = self.tally[rid]
            for d, (applicable, met) in cells.items():
                cell = mine[d]
                cell[0] += applicable
                cell[1] += met
        for d, c in other.districts.items():
            self.districts[d].update(c)
        for d, per_type in other.types.items():
            for t, c in per_type.items():
                self.types[d][t].update(c)

    def types_of(self, district_id: str | None = None) -> dict[str, Any]:
        """Schools by type, of one district (its id) or of the city (None): a row per type in the
        order of InstitutionKind, 类型未知 last; `known` False when no school's type is known."""
        total: dict[str, Counter[str]] = defaultdict(Counter)
        for d, per_type in self.types.items():
            if district_id is None or d == district_id:
                for t, c in per_type.items():
                    total[t].update(c)
        rows = [{"type": t, "label": _TYPE_LABELS.get(t, t) if t else "类型未知", "schools": c["schools"],
                 "standings": {s: c[s] for s in STANDINGS}, "applicable": c["applicable"], "met": c["met"],
                 "rate": rate(c["met"], c["applicable"])}
                for t, c in sorted(total.items(), key=lambda x: (not x[0], _TYPE_ORDER.get(x[0], 99), x[0]))]
        # the standings some school has: the chart's legend and the table's columns (no column of zeros)
        shown = [s for s in STANDINGS if any(r["standings"][s] for r in rows)]
        return {"rows": rows, "known": any(r["type"] for r in rows), "standings": shown,
                "unknown": sum(r["schools"] for r in rows if not r["type"])}

    def _row(self, did: str, c: Counter[str]) -> dict[str, Any]:
        return {"id": did, "name": self.district_names.get(did, did), "schools": c["schools"],
                "all_met": c["all_met"], "with_fail": c["with_fail"], "with_missing": c["with_missing"],
                "overdue": c["overdue"], "applicable": c["applicable"], "met": c["met"],
                "rate": rate(c["met"], c["applicable"])}

    def result(self) -> dict[str, Any]:
        city: Counter[str] = Counter()
        for c in self.districts.values():
            city.update(c)
        districts = [self._row(d, c) for d, c in self.districts.items()]
        districts.sort(key=lambda r: (-r["with_fail"], -r["with_missing"], -r["overdue"], r["rate"] or 0, r["id"]))
        indicators = []
        for r in self.indicators:
            cells = self.tally[r.id]
            applicable = sum(c[0] for c in cells.values())
            met = sum(c[1] for c in cells.values())
            indicators.append({
                "rule_id": r.id, "clause": r.clause, "title": r.title, "modality": r.modality.value,
                "applicable": applicable, "met": met, "rate": rate(met, applicable),
                "by_district": {d: {"applicable": c[0], "met": c[1], "rate": rate(c[1], c[0])}
                                for d, c in sorted(cells.items())},
                "weakest": [{"id": d, "name": self.district_names.get(d, d), "rate": rate(c[1], c[0])}
                            for d, c in sorted((x for x in cells.items() if x[1][0]),
                                               key=lambda x: (x[1][1] / x[1][0], x[0]))[:2]]})
        city_row = self._row("", city) | {"name": "全市"}
        return {"indicators": indicators, "districts": districts, "city": city_row,
                "district_names": dict(self.district_names), "standings": list(STANDINGS),
                "types": self.types_of(), "types_by_district": {d: self.types_of(d) for d in self.types}}
