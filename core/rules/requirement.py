"""What a plugin hands core: requirements as plain data plus a pure measure function.

A requirement never contains engine code. Core computes its applicability and its
measure (the derived quantities: counts, required minimums) in Python, and the rule
engine decides the status from those quantities with the requirement's comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from ..model.entities import InstitutionKind, Stage
from ..model.vocabulary import LabelledEnum
from .clauses import clause_slug, is_clause_spelling
from .context import Context, Subject
from .periods import PeriodKind
from .plan import CityInfo, DocumentStatus, PlanTerm, SubjectKind

# CityInfo and SubjectKind live in core/rules/plan.py (context.py needs them, and requirement.py
# needs context.py for the measure signature); plugins keep importing them from here.
__all__ = ["AppliesTo", "CityInfo", "ClauseNote", "DocumentStatus", "DueDay", "PlanTerm", "MODAL_WORDS", "Measure",
           "MeasureFn", "MeasureResult",
           "MissingData", "Modality", "NotApplicable", "Op", "Requirement", "RequirementKind", "SubjectKind",
           "WarningScheme"]


class Modality(StrEnum):
    """Severity follows the text's modal word."""

    MANDATORY = "强制"  # 须 / 应 / 要 / 确保
    IN_PRINCIPLE = "原则上"  # gap reported, the text's allowance noted
    # 力争 (strive to reach): a target the plan works toward. Unmet, it is 未达目标 with its gap,
    # never 不符合: a separate modality rather than 倡导 with a note, because a target has a
    # date and a quantity a bureau tracks, while advice has neither.
    TARGET = "力争"
    ADVICE = "倡导"  # 鼓励 / 支持 / 探索: advice, never non-compliance


MODAL_WORDS: dict[Modality, tuple[str, ...]] = {
    Modality.MANDATORY: ("须", "应", "要", "确保", "不低于", "不少于", "至少", "不得"),
    Modality.IN_PRINCIPLE: ("原则上",),
    Modality.TARGET: ("力争",),
    # 着力 (strive to): the plan works toward it, like 力争; a gap is shown, never 不符合.
    # 加大…力度 (step up efforts, 平凉 四(一)2(5)): a direction without a number or a date.
    Modality.ADVICE: ("鼓励", "支持", "探索", "着力", "加大"),
}


class RequirementKind(LabelledEnum):
    MEASURED = "measured", "数据判定"  # decided by data
    ATTESTATION = "attestation", "人工确认"  # a person attests; 待人工确认 until they do


Op = Literal[">=", "<=", "=="]


@dataclass(frozen=True, slots=True)
class Measure:
    """The quantities that decide a requirement for one subject.

    `observed OP required` is what the engine tests. `inputs` are the data values that
    went into the two numbers, shown in the finding's explanation.
    """

    observed: float
    required: float
    inputs: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    # The gap in words, where the requirement's one template cannot say it (a sheet not sent,
    # sent 3 days late, sent to the wrong station): used instead of `gap_text` when not met.
    gap_text: str = ""


@dataclass(frozen=True, slots=True)
class NotApplicable:
    reason: str


@dataclass(frozen=True, slots=True)
class MissingData:
    fields: tuple[str, ...]  # data paths that were absent, e.g. ("enrollment",)
    note: str = ""


MeasureResult = Measure | NotApplicable | MissingData
MeasureFn = Callable[[Subject, Context], MeasureResult]


@dataclass(frozen=True, slots=True)
class AppliesTo:
    """Who a requirement applies to, as data. `where` adds a condition on the subject."""

    text: str  # Chinese, for people: "中小学（学生数≥1000）"
    kinds: frozenset[InstitutionKind] | None = None  # institutions only; None = all
    stages: frozenset[Stage] | None = None  # any of these stages
    where: Callable[[Subject, Context], bool] | None = None


@dataclass(frozen=True, slots=True)
class DueDay:
    """A periodic duty due on a day of the month instead of on its period's last day
    ("每月26日前报"): day `parameter` (a dated parameter: the last day that is on time) of the
    period's last month, or of a later one (`months_after`=1: "by the 5th of the next month").

    Core judges a period once that day is over and shows it 进行中 until then
    (evaluation/decide.py); the finding is due on that day."""

    parameter: str
    months_after: int = 0


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str  # "<city>.<clause-slug>.<name>", unique across cities
    city: str
    clause: str  # as the document numbers it: "五、1", "四(二)5"
    quote: str  # the sentence, verbatim from the source text
    title: str  # short Chinese summary
    topic: str  # cross-city key for comparisons, e.g. "staffing.psych_teacher_ratio"
    subject: SubjectKind
    applies_to: AppliesTo
    modality: Modality
    modal_word: str  # the word in `quote` that sets the modality
    kind: RequirementKind = RequirementKind.MEASURED
    measure: MeasureFn | None = None  # required for MEASURED
    op: Op = ">="
    observed_label: str = ""  # "专职心理教师人数"
    unit: str = ""  # unit of observed/required: "名", "学时", "次"
    gap_text: str = ""  # template with {gap} and {unit}: "缺{gap}名专职心理教师"
    due: date | None = None  # a dated target ("至2023年年底")
    period: PeriodKind | None = None  # a recurring duty ("每学期")
    due_day: DueDay | None = None  # a recurring duty due on a day of the month ("每月26日前")
    parameters: tuple[str, ...] = ()  # ids of the dated parameters it reads
    allowance: str = ""  # what 原则上 allows, quoted or summarised
    reading: str = ""  # where the text allows two readings: which one, and why

    def __post_init__(self) -> None:
        if not self.id.startswith(self.city + "."):
            raise ValueError(f"requirement id {self.id!r} must start with its city code {self.city!r}.")
        _check_clause(self.clause, f"requirement {self.id}")
        # The id carries the clause's slug, so an id says where in the document its rule stands.
        prefix = f"{self.city}.{clause_slug(self.clause)}."
        name = self.id.removeprefix(prefix)
        if not self.id.startswith(prefix) or not name or "." in name:
            raise ValueError(f"requirement {self.id}: id must be {prefix}<name> (city, slug of clause "
                             f"{self.clause!r}, a name without dots)")
        if self.kind is RequirementKind.MEASURED and self.measure is None:
            raise ValueError(f"{self.id}: a measured requirement needs a measure function")
        if self.modal_word and self.modal_word not in self.quote:
            raise ValueError(f"{self.id}: modal word {self.modal_word!r} is not in the quoted sentence")
        if self.due is not None and self.period is not None:
            raise ValueError(f"{self.id}: give a due date or a period, not both")
        if self.due_day is not None:
            if self.period is None:
                raise ValueError(f"{self.id}: a due day needs a period (e.g. PeriodKind.MONTH)")
            if self.due_day.parameter not in self.parameters:
                raise ValueError(f"{self.id}: its due day's parameter {self.due_day.parameter!r} must be listed "
                                 "in parameters=")
            if not 0 <= self.due_day.months_after <= 12:
                raise ValueError(f"{self.id}: months_after must be 0–12")


def _check_clause(clause: str, owner: str) -> None:
    """Refuse a clause not spelled as the document numbers it (see core/rules/clauses.py)."""
    if not is_clause_spelling(clause):
        raise ValueError(f"{owner}: clause {clause!r} is not spelled as the document numbers it "
                         "(e.g. 三, 五、1, 五(一), 四(二)5)")


@dataclass(frozen=True, slots=True)
class ClauseNote:
    """A clause the plugin does not model, and why (after Catala's examples)."""

    clause: str
    summary: str
    reason: str

    def __post_init__(self) -> None:
        _check_clause(self.clause, f"unmodelled clause note {self.summary!r}")


@dataclass(frozen=True, slots=True)
class WarningScheme:
    """A city's warning tiers, most severe first (e.g. 红/橙/黄)."""

    code: str
    tiers: tuple[str, ...]
    labels: dict[str, str] = field(default_factory=dict)
