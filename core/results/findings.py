"""A finding: one requirement decided for one subject, with its gap, due date and why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any

from ..rules.requirement import Modality
from .status import Status


@dataclass(slots=True)
class Finding:
    rule_id: str
    city: str
    clause: str
    title: str
    topic: str
    subject_kind: str
    subject_id: str
    subject_name: str
    district_id: str | None
    status: Status
    modality: Modality
    observed: float | None = None
    required: float | None = None
    unit: str = ""
    gap: float | None = None  # how far from the requirement, in `unit`
    gap_text: str = ""  # "缺1名专职心理教师"
    due: date | None = None
    period: str | None = None  # "2024-2025学年秋季学期"
    overdue: bool = False
    explanation: str = ""  # the inputs and threshold that decided it
    inputs: dict[str, Any] = field(default_factory=dict)
    allowance: str = ""  # 原则上: what the text allows
    error: str = ""  # for 错误: what raised, naming the rule and subject
    # The standing of the text the finding rests on: "依据征求意见稿", "计划期已结束…"; "" for a
    # plan in force within its term. The same for every finding of a run (the store keeps it
    # once, on the run).
    basis: str = ""
    # The institution a campus subject belongs to (None for every other subject): a school's
    # report and action list include its campuses' findings.
    parent_id: str | None = None
    # An institution's kind (InstitutionKind value: "primary", "junior" …; None for every other
    # subject): reports count schools by type in the same streaming pass.
    subject_type: str | None = None

    def to_json(self) -> dict[str, Any]:
        # Field by field, not dataclasses.asdict: asdict deep-copies recursively and was the
        # largest cost of writing a report (a finding is flat; only `inputs` is a dict).
        out = {name: getattr(self, name) for name in _FIELD_NAMES}
        out["status"] = self.status.value
        out["modality"] = self.modality.value
        out["due"] = self.due.isoformat() if self.due else None
        out["inputs"] = dict(self.inputs)
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (from a worker process to the one that stores and reports) as its values in
        # field order: measured on 91,040 findings, half the time of the default slots state
        # both ways (0.52 s instead of 1.01 s to dump, 0.73 s instead of 1.44 s to load).
        return (_rebuild, _VALUES(self))

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Action-list order: overdue first, then by due date (standing duties first), severity."""
        return (not self.overdue, self.due or date.min, _SEVERITY[self.modality], self.status.rank, self.rule_id,
                self.subject_id)


_FIELD_NAMES = tuple(f.name for f in fields(Finding))
_VALUES = attrgetter(*_FIELD_NAMES)


def _rebuild(*values: Any) -> Finding:
    return Finding(*values)


_SEVERITY = {m: n for n, m in enumerate(Modality)}  # declaration order is severity order


def latest_completed(findings: Iterable[Finding], as_of: date) -> list[Finding]:
    """Per (rule, subject), the finding of the latest completed period: what a single-period
    view (a spec's "the finding of rule R for school S", the pre-window findings) reads.

    A duty without a period has one finding per subject and is kept as it is. Of a periodic
    duty's findings, the running period's (进行中, or any finding due after `as_of`) are
    passed over, and of the completed periods the one ending last is kept."""
    best: dict[tuple[str, str, str], Finding] = {}
    for f in findings:
        key = (f.rule_id, f.subject_kind, f.subject_id)
        if key not in best or _recency(f, as_of) > _recency(best[key], as_of):
            best[key] = f
    return list(best.values())


def _recency(f: Finding, as_of: date) -> tuple[bool, date]:
    completed = f.status is not Status.IN_PROGRESS and (f.due is None or f.due <= as_of)
    return completed, f.due or date.min
