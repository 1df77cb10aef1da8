"""Deciding one batch of subjects under one plan: the step every evaluation goes through.

For each requirement and each subject it applies to, core computes the measure in Python
(pure arithmetic over validated data), turns it into a slim fact, and lets the rule engine
decide the status. Findings are then assembled with their gap, due date and explanation.
`pipeline.run_stream` calls `decide_batch` chunk by chunk; `evaluate.evaluate` (in memory) and
`check.run_check` (files) both go through `run_stream`, so there is one path.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache
from typing import Any

from ..model.entities import Attestation, InstitutionKind
from ..model.fields import fields_text as _uncached_fields_text
from ..plugins.registry import CityPolicy
from ..results.findings import Finding
from ..results.status import Status
from ..rules.aggregate import Partial, Partials, lagging_text, result_of, share_text
from ..rules.context import Context, Subject
from ..rules.grouping import grouped
from ..rules.parameters import ParameterNotInForce
from ..rules.periods import Period, completed_in_window, due_on_day, period_containing, running, window_start
from ..rules.queries import fmt_num
from ..rules.requirement import (
    AppliesTo,
    Measure,
    MissingData,
    NotApplicable,
    Requirement,
    RequirementKind,
    SubjectKind,
)
from .engine import FactKey, Outcomes, RuleEngine


@lru_cache(maxsize=4096)
def _fields_text(fields: tuple[str, ...]) -> str:
    """Labels of missing fields, cached: with a finding per period the same few field lists
    recur many times per subject, and labelling them by regex was the evaluation's hot spot."""
    return _uncached_fields_text(fields)


def engine_for(policy: CityPolicy) -> RuleEngine:
    """The compiled ruleset of a city, built once per loaded policy."""
    if policy.engine is None:
        policy.engine = RuleEngine(policy.requirements)
    return policy.engine


@dataclass(frozen=True, slots=True)
class _Gate:
    """One occasion a requirement is judged on, whatever the subject: a duty without a period
    once; a periodic duty once per period in the evaluation window, plus the running period.
    Computed once per requirement, not per subject."""

    due: date | None
    period: str | None
    not_in_force: str | None  # why nothing is judged, or None
    ctx: Context  # what the measure sees: a per-period view for a periodic duty
    running: bool = False  # the period still runs on the evaluation date: its finding is 进行中
    latest: bool = True  # the latest completed period (or the one occasion of a duty without a period)


@dataclass(slots=True)
class _Pending:
    """What Python decided about one (requirement, subject, period) before the engine runs."""

    req: Requirement
    subject: Subject
    result: Measure | NotApplicable | MissingData | None
    attested: Attestation | None
    gate: _Gate

    @property
    def due(self) -> date | None:
        return self.gate.due

    @property
    def period(self) -> str | None:
        return self.gate.period


def _applies(req: Requirement, subject: Subject, ctx: Context) -> str | None:
    """None if `req` applies to `subject`, else why not. Run for every requirement and subject:
    the reasons are made once per requirement and kind (`_reason`), not per subject."""
    at = req.applies_to
    if subject.kind is SubjectKind.INSTITUTION:
        inst = subject.entity  # an institution subject's entity is its Institution
        if at.kinds is not None and inst.kind not in at.kinds:
            return _reason(at, inst.kind)
        if at.stages is not None and at.stages.isdisjoint(inst.stages):
            return _reason(at, "stages")
    if at.where is not None and not at.where(subject, ctx):
        return _reason(at, "where")
    return None


_REASONS: dict[tuple[int, Any], tuple[AppliesTo, str]] = {}  # (id of AppliesTo, why) -> (it, its text)


def _reason(at: AppliesTo, why: InstitutionKind | str) -> str:
    """The text of why `at` excludes a subject: its kind (an InstitutionKind), "stages" or "where"."""
    hit = _REASONS.get((id(at), why))
    if hit is not None and hit[0] is at:
        return hit[1]
    if isinstance(why, InstitutionKind):
        text = f"不适用于{why.value}类机构（适用：{at.text}）"
    elif why == "stages":
        text = f"学段不在适用范围（适用：{at.text}）"
    else:
        text = f"不满足适用条件：{at.text}"
    if len(_REASONS) > 10_000:  # requirements of plans loaded and dropped (tests): bounded
        _REASONS.clear()
    _REASONS[(id(at), why)] = (at, text)
    return text


def _latest_attestation(subject: Subject, rule_id: str, as_of: date, since: date | None = None) -> Attestation | None:
    """The latest answer to an item up to `as_of`, and for a periodic item not before its period (`since`)."""
    attestations = getattr(subject.entity, "attestations", None)
    if not attestations:
        return None
    entries = [a for a in grouped(attestations, "item").get(rule_id, ())
               if a.date <= as_of and (since is None or a.date >= since)]
    return max(entries, key=lambda a: a.date, default=None)


# A recurring duty is judged for a period only if the plan was in force for most of it:
# 南昌's plan of 4 January 2024 governs calendar year 2024 and January 2024, but not the
# autumn semester that began in September 2023.
IN_FORCE_SHARE = 0.9


def _not_in_force(period: Period, effective: date, term_end: date | None = None) -> bool:
    """The plan governed less than IN_FORCE_SHARE of `period`: it began in force too late, or its
    term ended too early (a plan of 2024-2025 does not govern the autumn semester of 2025)."""
    days = (period.end - period.start).days + 1
    last = period.end if term_end is None else min(period.end, term_end)
    in_force = (last - max(period.start, effective)).days + 1
    return in_force < IN_FORCE_SHARE * days


def _before_plan(ctx: Context) -> str | None:
    effective = ctx.city.effective
    return f"评估日早于文件生效日（{effective.isoformat()}）" if ctx.as_of < effective else None


def _term_window(ctx: Context) -> tuple[date | None, bool, date]:
    """The plan term's last day (or None), whether the term has ended on the evaluation date, and
    the first day of the window: after the term, the window ends on the term's last day."""
    term = ctx.city.term
    if term is None:
        return None, False, ctx.window_start
    ended = term.ended(ctx.as_of)
    return term.end, ended, window_start(term.end, ctx.since) if ended else ctx.window_start


def _after_term(period: Period, effective: date, term_end: date | None) -> bool:
    """The plan's term, not its start, leaves `period` under-governed: it is not judged at all."""
    return term_end is not None and _not_in_force(period, effective, term_end) and not _not_in_force(period, effective)


def _not_governed(period: Period, effective: date) -> str | None:
    """Why a period the plan began too late to govern is not judged, or None."""
    if _not_in_force(period, effective):
        return f"评估期{period.label}内文件施行不足九成（{effective.isoformat()}起施行），不予评判"
    return None


def _gates(req: Requirement, ctx: Context) -> list[_Gate]:
    """The occasions `req` is judged on, latest completed period first.

    A periodic duty is judged for every completed period ending in the evaluation window
    (periods.WINDOW_MONTHS up to the evaluation date, widened by `since`), each period its own
    finding due on its last day, and never for a period the plan did not govern: the latest
    completed period is always reported (不适用 with the reason if the plan did not govern it,
    as before), earlier ones not governed are left out. The period still running is added as
    an occasion of its own (shown as 进行中) if the plan is in force and will govern it.

    A plan whose term has ended (`CityInfo.term`) is judged up to the end of its term: the
    window ends on the term's last day, periods the term does not govern (by the same share)
    are passed over, and no period is running; every finding says so (`CityInfo.basis`).
    """
    if req.period is None:
        return [_Gate(req.due, None, _before_plan(ctx), ctx)]
    if req.due_day is not None:
        return _due_day_gates(req, ctx)
    effective = ctx.city.effective
    term_end, ended, start = _term_window(ctx)
    gates: list[_Gate] = []
    for period in completed_in_window(req.period, ctx.as_of, start, anchor=effective):
        if _after_term(period, effective, term_end):
            continue  # after the plan's term: not judged (the basis of every finding says the term ended)
        why = _not_governed(period, effective) or _before_plan(ctx)
        if why and gates:
            break  # earlier periods lie further before the plan: not judged, not reported
        gates.append(_Gate(period.end, period.label, why, ctx.judging(period), latest=not gates))
    current = running(req.period, ctx.as_of, anchor=effective)
    if (current is not None and not ended and _before_plan(ctx) is None
            and not _not_in_force(current, effective, term_end)):
        gates.append(_Gate(current.end, current.label, None, ctx.judging(current), running=True, latest=False))
    return gates


def _due_day_gates(req: Requirement, ctx: Context) -> list[_Gate]:
    """The occasions of a duty due on a day of the month (`Requirement.due_day`), latest first.

    A period is judged once its due day is over (the due day itself still belongs to the
    subject: "26日前" read as up to and including the 26th), whether or not the period has ended,
    and due on that day; a period whose due day is still to come, begun and governed by the plan,
    is shown 进行中 (a month not yet due is never judged). The window, the plan's effective date
    and its term are read as in `_gates`: periods ending in the window are judged, the latest
    judged one always; after the term, periods it does not govern are passed over, the window
    ends on its last day and nothing is running (a month of the term due after it is judged)."""
    assert req.period is not None and req.due_day is not None
    effective = ctx.city.effective
    term_end, ended, start = _term_window(ctx)
    judged: list[_Gate] = []
    waiting: list[_Gate] = []
    period = period_containing(req.period, ctx.as_of, anchor=effective)
    while True:
        before = period_containing(req.period, period.start - timedelta(days=1), anchor=effective)
        if _after_term(period, effective, term_end):
            period = before  # after the plan's term: not judged, not shown
            continue
        view = ctx.judging(period)
        why = _not_governed(period, effective) or _before_plan(ctx)
        try:
            due = due_on_day(period, int(view.param(req.due_day.parameter)), req.due_day.months_after)
        except ParameterNotInForce as exc:  # a period before the day's parameter: not judged, as before the plan
            due, why = period.end, why or f"参数尚未生效：{exc}"
        if due >= ctx.as_of:
            if why is None and not ended:
                waiting.append(_Gate(due, period.label, None, view, running=True, latest=False))
        else:
            if judged and (why or period.end < start):
                return judged + waiting
            judged.append(_Gate(due, period.label, why, view, latest=not judged))
        if why and (judged or period.end < effective):
            return judged + waiting
        period = before


def _prepare(req: Requirement, subject: Subject, gate: _Gate) -> _Pending | None:
    """The measure of `req` for `subject` on one occasion; None when there is nothing to report
    for it: a subject the requirement does not apply to is reported once, on the latest
    period, and a running period where the measure finds nothing applicable is not shown."""
    ctx = gate.ctx
    if gate.not_in_force:
        return _Pending(req, subject, NotApplicable(gate.not_in_force), None, gate)
    try:
        why_not = _applies(req, subject, ctx)
    except ParameterNotInForce as exc:
        why_not = f"参数尚未生效：{exc}"
    if why_not:
        return _Pending(req, subject, NotApplicable(why_not), None, gate) if gate.latest else None
    if req.kind is RequirementKind.ATTESTATION:
        # A periodic item ("每学期督查") is answered only by an attestation dated in its period.
        since = ctx.judged.start if req.period is not None and ctx.judged is not None else None
        return _Pending(req, subject, None, _latest_attestation(subject, req.id, ctx.as_of, since), gate)
    assert req.measure is not None
    try:
        result = req.measure(subject, ctx)
    except ParameterNotInForce as exc:
        result = NotApplicable(f"参数尚未生效：{exc}")
    _check_result(result)
    if gate.running and isinstance(result, NotApplicable):
        return None
    return _Pending(req, subject, result, None, gate)


def _check_result(result: object) -> None:
    """A measure must return one of the three result types, with finite numbers."""
    kind = type(result)
    if kind is Measure:  # the common case first, without isinstance chains: called for every subject
        observed, required = result.observed, result.required  # type: ignore[attr-defined]
        if type(observed) in _NUMBERS and type(required) in _NUMBERS and math.isfinite(observed) \
                and math.isfinite(required):
            return
    elif kind is NotApplicable or kind is MissingData:
        return
    if not isinstance(result, (Measure, NotApplicable, MissingData)):
        raise TypeError(f"measure returned {type(result).__name__}, not Measure/NotApplicable/MissingData")
    if isinstance(result, Measure):
        for name in ("observed", "required"):
            v = getattr(result, name)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                raise TypeError(f"measure returned {name}={v!r}, not a finite number")


_NUMBERS = (int, float)  # exact types: a bool (a subclass of int) takes the slow path and is refused


def _fact_key(index: int, p: _Pending) -> FactKey:
    """What the engine's rules read of one occasion (`engine.FactKey`): requirement (its index in
    the ruleset), applicable, has data, observed, required, attestation (-1 none, 0 no, 1 yes)."""
    r = p.result
    if isinstance(r, NotApplicable):
        return (index, 0, 0, 0, 0, -1)
    if p.req.kind is RequirementKind.ATTESTATION:
        return (index, 1, 1, 0, 0, -1 if p.attested is None else int(p.attested.value))
    if isinstance(r, MissingData):
        return (index, 1, 0, 0, 0, -1)
    assert isinstance(r, Measure)
    return (index, 1, 1, float(r.observed), float(r.required), -1)


def _gap(req: Requirement, m: Measure) -> float:
    if req.op == ">=":
        return m.required - m.observed
    if req.op == "<=":
        return m.observed - m.required
    return abs(m.observed - m.required)


def _params_text(req: Requirement, ctx: Context) -> str:
    """The dated parameters a requirement read, as text: the same for every subject on the same
    parameter day (see Context.param_day), so cached."""
    key = ("params_text", req.id, ctx.param_day)
    if key not in ctx._cache:
        ctx._cache[key] = "；".join(
            f"{ctx.parameters[pid].label}={fmt_num(ctx.param(pid))}{ctx.parameters[pid].unit}"
            f"（{ctx.parameters[pid].clause}，自{ctx.parameters[pid].effective_since(ctx.param_day).isoformat()}）"
            for pid in req.parameters
        )
    return ctx._cache[key]


def _explain(req: Requirement, p: _Pending, ctx: Context) -> str:
    r = p.result
    if isinstance(r, NotApplicable):
        return r.reason
    if isinstance(r, MissingData):
        return "缺少数据：" + _fields_text(tuple(r.fields)) + (f"（{r.note}）" if r.note else "")
    if req.kind is RequirementKind.ATTESTATION:
        a = p.attested
        if a is None:
            return "尚无人工确认记录"
        who = f"，确认人：{a.by}" if a.by else ""
        return f"{a.date.isoformat()}人工确认为{'是' if a.value else '否'}{who}" + (f"（{a.note}）" if a.note else "")
    assert isinstance(r, Measure)
    inputs = "，".join(f"{k}={fmt_num(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v}" for k, v in r.inputs.items())
    text = f"{req.observed_label or '实际值'} {fmt_num(r.observed)}{req.unit}，要求 {req.op} {fmt_num(r.required)}{req.unit}"
    parts = [inputs, text, _params_text(req, ctx), r.note]
    return "；".join(x for x in parts if x)


_KIND_VALUE = {kind: kind.value for kind in SubjectKind}  # per finding: a dict lookup, not the enum's property
_TYPE_VALUE = {kind: kind.value for kind in InstitutionKind}
# The order `_finding` passes a finding's fields in: checked against the dataclass on import, so a
# field added to Finding fails here, loudly, and not as values shifted into the wrong fields.
FINDING_FIELDS = ("rule_id", "city", "clause", "title", "topic", "subject_kind", "subject_id", "subject_name",
                  "district_id", "status", "modality", "observed", "required", "unit", "gap", "gap_text", "due",
                  "period", "overdue", "explanation", "inputs", "allowance", "error", "basis", "parent_id",
                  "subject_type")
if tuple(f.name for f in dataclass_fields(Finding)) != FINDING_FIELDS:  # pragma: no cover - a programming error
    raise ImportError("Finding's fields changed: update FINDING_FIELDS and the positional call in decide._finding")


def _basis(ctx: Context) -> str:
    """The document's standing as of the evaluation date (draft, expired, term ended), once per run."""
    key = ("basis",)
    if key not in ctx._cache:
        ctx._cache[key] = ctx.city.basis(ctx.as_of)
    return ctx._cache[key]


def _finding(req: Requirement, p: _Pending, status: Status, ctx: Context, error: str = "") -> Finding:
    """The finding of one (requirement, subject, period) from the status the engine decided.

    For the period still running, the engine decides on what is done so far, and core then
    reports any outcome but 错误 as 进行中 (see `_in_progress`): a period cannot be failed
    before it ends."""
    s = p.subject
    gate = p.gate
    # Positional, in Finding's field order (FINDING_FIELDS, checked against the dataclass on import):
    # a keyword call of this many fields cost twice as much, 1.9 µs against 0.9 µs per finding.
    f = Finding(req.id, req.city, req.clause, req.title, req.topic, _KIND_VALUE[s.kind], s.id, s.name,
                s.district_id, status, req.modality, None, None, req.unit, None, "", gate.due, gate.period,
                False, "", {}, req.allowance, error, _basis(ctx), s.parent_id,
                _TYPE_VALUE[s.entity.kind] if s.kind is SubjectKind.INSTITUTION else None)
    if error:
        f.explanation = error
        return f
    f.explanation = _explain(req, p, p.gate.ctx)
    r = p.result
    if isinstance(r, Measure):
        f.observed, f.required, f.inputs = r.observed, r.required, dict(r.inputs)
    if p.gate.running and status is not Status.NOT_APPLICABLE:
        return _in_progress(f, req, p, status, ctx.as_of)
    if isinstance(r, Measure):
        if status in (Status.FAIL, Status.TARGET_MISSED, Status.ADVICE):
            f.gap = _gap(req, r)
            f.gap_text = r.gap_text or (req.gap_text.format(gap=fmt_num(f.gap), unit=req.unit) if req.gap_text else "")
    elif status in (Status.FAIL, Status.TARGET_MISSED, Status.ADVICE) and req.kind is RequirementKind.ATTESTATION:
        f.gap_text = req.gap_text or f"经确认未落实：{req.title}"
    elif status is Status.MISSING and isinstance(r, MissingData):
        f.gap_text = "需补报：" + _fields_text(tuple(r.fields))
    elif status is Status.PENDING:
        f.gap_text = f"待人工确认：{req.title}"
    f.overdue = bool(p.due and p.due < ctx.as_of and status in (Status.FAIL, Status.MISSING))
    return f


def _in_progress(f: Finding, req: Requirement, p: _Pending, status: Status, as_of: date) -> Finding:
    """A running period's finding: 进行中, with what is still owed (or 本期已完成) and the days left.

    `status` is the engine's outcome on the data up to the evaluation date; it only chooses
    the wording, never a non-compliance. Days left count the days after the evaluation date."""
    assert p.due is not None
    r = p.result
    owed = ""
    if status is Status.PASS:
        f.gap = 0.0  # nothing owed: set, so a report can tell "done" from "not known yet" (None)
        owed = "本期已完成"
    elif isinstance(r, Measure):
        f.gap = _gap(req, r)
        verb = "尚需" if req.op == ">=" else "尚差"
        owed = f"本期{verb}{fmt_num(f.gap)}{req.unit}，已完成{fmt_num(r.observed)}{req.unit}"
    elif isinstance(r, MissingData):
        owed = "本期尚需补报：" + _fields_text(tuple(r.fields))
    elif status is Status.PENDING:
        owed = f"本期尚待人工确认：{req.title}"
    else:
        owed = f"本期尚需落实：{req.title}"
    f.status = Status.IN_PROGRESS
    f.gap_text = f"{owed}（剩余{(p.due - as_of).days}天，截止{p.due.isoformat()}）"
    f.explanation = f"本期进行中，截至{as_of.isoformat()}：{f.explanation}"
    f.overdue = False
    return f


def decide_batch(policy: CityPolicy, ctx: Context, subjects: dict[SubjectKind, list[Subject]], engine: RuleEngine,
                 decide: Callable[[RuleEngine, list[FactKey]], Outcomes] | None) -> list[Finding]:
    """Findings of `subjects` under every requirement, each periodic one on every occasion
    `_gates` gives: measures in Python, the outcome in the engine, one fact key per occasion
    (the engine decides each distinct key once, `RuleEngine.decide`, and each occasion reads
    the outcome of its key). `decide` replaces the engine's call (the benchmark's direct path)."""
    findings: list[Finding] = []
    pendings: list[_Pending] = []
    keys: list[FactKey] = []  # one per pending, in step
    for index, req in enumerate(engine.requirements):
        candidates = subjects.get(req.subject, ())
        if not candidates or req.aggregate is not None:  # aggregates: `decide_aggregates`, after the fold
            continue
        for gate in _gates(req, ctx):
            for subject in candidates:
                try:
                    p = _prepare(req, subject, gate)
                    if p is None:
                        continue
                    key = _fact_key(index, p)
                except Exception as exc:  # a rule that crashes is an error naming the rule, never missing data
                    p = _Pending(req, subject, None, None, gate)
                    msg = (f"规则 {req.id} 对 {subject.kind.value} {subject.id} 执行出错 / rule raised: "
                           f"{type(exc).__name__}: {exc}")
                    findings.append(_finding(req, p, Status.ERROR, ctx, error=msg))
                    continue
                keys.append(key)
                pendings.append(p)
    try:
        outcomes = decide(engine, keys) if decide else engine.decide(keys)
    except Exception as exc:  # last resort (the engine guards each call into it): never a crash of the check
        outcomes = Outcomes({}, dict.fromkeys(keys, f"{type(exc).__name__}: {exc}"))
    basis = _basis(ctx)
    worded: dict[tuple[Any, ...], _Wording] = {}  # this batch's wordings, by what decides them (`_wording_key`)
    decided = outcomes.status
    for p, fact_key in zip(pendings, keys, strict=True):
        status = decided.get(fact_key)
        if status is None:
            msg = (f"规则 {p.req.id} 对 {p.subject.id} 引擎未得出唯一结论 / engine gave no single outcome: "
                   f"{outcomes.errors.get(fact_key)}")
            findings.append(_finding(p.req, p, Status.ERROR, ctx, error=msg))
            continue
        try:
            key = _wording_key(p, status)
            wording = worded.get(key) if key is not None else None
        except TypeError:  # a value that cannot be hashed (a list among the inputs): worded on its own
            key = wording = None
        if wording is not None:
            findings.append(_reworded(p, wording, basis))
            continue
        try:
            f = _finding(p.req, p, status, ctx)
        except Exception as exc:  # e.g. a gap template that does not format: still an error naming the rule
            msg = f"规则 {p.req.id} 对 {p.subject.id} 生成结论出错 / building the finding raised: {type(exc).__name__}: {exc}"
            findings.append(_finding(p.req, p, Status.ERROR, ctx, error=msg))
            continue
        if key is not None:
            worded[key] = _Wording(f.status, f.gap, f.gap_text, f.overdue, f.explanation)
        findings.append(f)
    return findings


# --- Wording once per outcome -------------------------------------------------------------------
# A finding's words (explanation, gap text, the days left of a running period) depend on the
# requirement, the occasion, the engine's status and the measure's result, never on which subject
# it is. Measured on 2,500 synthetic 福州 institutions: 113,746 findings, 13,410 distinct
# explanations. So within a batch each distinct outcome is worded once (`_finding`), and every
# other subject with an equal outcome gets those words with its own identity and numbers.


# Input values whose text equal values of one type always share: a tuple does not ((1,) == (1.0,)
# but they read "(1,)" and "(1.0,)"), nor a Decimal (Decimal("1") == Decimal("1.0")).
_FLAT = frozenset({str, int, float, bool, type(None)})
_FLAT_TYPES: dict[tuple[type, ...], bool] = {}  # per tuple of input types: all of them flat (or enums)


@dataclass(frozen=True, slots=True)
class _Wording:
    """What `_finding` made of one outcome, apart from the subject. The gap is among it: it is read
    from the observed and required values, which are part of the key (`_wording_key`)."""

    status: Status  # the engine's, or 进行中 for a running period
    gap: float | None
    gap_text: str
    overdue: bool
    explanation: str


def _wording_key(p: _Pending, status: Status) -> tuple[Any, ...] | None:
    """Everything the words of `p`'s finding depend on, or None where that is not known for sure
    (a result of another type, an input that is a container). The requirement and the occasion by
    identity (both outlive the batch); a measure's values with their types, since True == 1 but the
    two read differently."""
    r = p.result
    kind = type(r)
    if kind is Measure:
        values = tuple(r.inputs.values())  # type: ignore[union-attr]
        types = tuple(map(type, values))
        flat = _FLAT_TYPES.get(types)
        if flat is None:
            flat = _FLAT_TYPES[types] = all(t in _FLAT or issubclass(t, Enum) for t in types)
        if not flat:
            return None
        return (id(p.req), id(p.gate), status, r.observed, type(r.observed),  # type: ignore[union-attr]
                r.required, type(r.required), tuple(r.inputs), values, types,  # type: ignore[union-attr]
                r.note, r.gap_text)  # type: ignore[union-attr]
    if kind is NotApplicable or kind is MissingData:
        return (id(p.req), id(p.gate), status, r)
    if r is None and p.req.kind is RequirementKind.ATTESTATION:
        a = p.attested
        return (id(p.req), id(p.gate), status, None if a is None else (a.date, a.value, a.by, a.note))
    return None


def _reworded(p: _Pending, w: _Wording, basis: str) -> Finding:
    """The finding of `p` in the words of an equal outcome, every field as `_finding` would set it."""
    req, s, gate, r = p.req, p.subject, p.gate, p.result
    if type(r) is Measure:
        observed, required, inputs = r.observed, r.required, dict(r.inputs)  # type: ignore[union-attr]
    else:
        observed = required = None
        inputs = {}
    return Finding(req.id, req.city, req.clause, req.title, req.topic, _KIND_VALUE[s.kind], s.id, s.name,
                   s.district_id, w.status, req.modality, observed, required, req.unit, w.gap, w.gap_text, gate.due,
                   gate.period, w.overdue, w.explanation, inputs, req.allowance, "", basis, s.parent_id,
                   _TYPE_VALUE[s.entity.kind] if s.kind is SubjectKind.INSTITUTION else None)


# --- Aggregate requirements (rules/aggregate.py): folded over records, decided after the last chunk ---


def _scope(req: Requirement, record: Any, ctx: Context) -> tuple[str, str] | None:
    """The city or district subject a record's contribution goes to (None: a record of no district)."""
    if req.subject is SubjectKind.CITY:
        return (SubjectKind.CITY.value, ctx.dataset.city.code)
    district = getattr(record, "district_id", None)
    return (SubjectKind.DISTRICT.value, district) if district else None


def fold_aggregates(policy: CityPolicy, ctx: Context, institutions: list[Any] | None) -> Partials:
    """The partials of `policy`'s aggregate requirements over one chunk of institutions, or (with
    None) over the header's records (stations, plugin-declared dataset-level records): one per
    (requirement, period judged, city or district). A `counts` that raises marks its partial with
    the error (the finding is then 错误, naming rule and record), never a silent skip."""
    out: Partials = {}
    for req in policy.requirements:
        agg = req.aggregate
        if agg is None or agg.streamed != (institutions is not None):
            continue
        records = institutions if institutions is not None else list(agg.header_records(ctx))
        for gate in _gates(req, ctx):
            if gate.not_in_force:
                continue
            try:
                target = gate.ctx.param(agg.target)
            except ParameterNotInForce:
                continue  # decided as 不适用 with the reason in `decide_aggregates`
            for record in records:
                scope = _scope(req, record, ctx)
                if scope is None:
                    continue
                key = (req.id, gate.period or "", *scope)
                part = out.get(key)
                if part is None:
                    part = out[key] = Partial()
                try:
                    part.add(record, agg.counts(record, gate.ctx), agg, target)
                except Exception as exc:  # noqa: BLE001 - reported as 错误 naming rule and record
                    part.error = part.error or (f"规则 {req.id} 统计 {getattr(record, 'id', '?')} 时出错 / "
                                                f"counting raised: {type(exc).__name__}: {exc}")
    return out


def decide_aggregates(policy: CityPolicy, ctx: Context, subjects: dict[SubjectKind, list[Subject]],
                      partials: Partials, engine: RuleEngine) -> list[Finding]:
    """Findings of the aggregate requirements from the merged partials: the totals as a measure
    (met >= the least numerator meeting the target), decided by the engine like any rule; the
    finding then names the share, the gap in records and the records holding the target back."""
    findings: list[Finding] = []
    pendings: list[tuple[_Pending, Partial]] = []
    keys: list[FactKey] = []  # one per pending, in step
    for index, req in enumerate(engine.requirements):
        if req.aggregate is None:
            continue
        for gate in _gates(req, ctx):
            for subject in subjects.get(req.subject, ()):
                partial = partials.get((req.id, gate.period or "", subject.kind.value, subject.id), Partial())
                p = _Pending(req, subject, None, None, gate)
                try:
                    p.result = _aggregate_result(req, subject, gate, partial)
                    if p.result is None:
                        continue
                    key = _fact_key(index, p)
                except Exception as exc:  # noqa: BLE001 - an error naming the rule, never missing data
                    msg = (f"规则 {req.id} 对 {subject.kind.value} {subject.id} 执行出错 / rule raised: "
                           f"{type(exc).__name__}: {exc}")
                    findings.append(_finding(req, p, Status.ERROR, ctx, error=msg))
                    continue
                keys.append(key)
                pendings.append((p, partial))
    try:
        outcomes = engine.decide(keys)
    except Exception as exc:  # noqa: BLE001 - as in decide_batch
        outcomes = Outcomes({}, dict.fromkeys(keys, f"{type(exc).__name__}: {exc}"))
    for (p, partial), fact_key in zip(pendings, keys, strict=True):
        status = outcomes.status.get(fact_key)
        if status is None:
            msg = (f"规则 {p.req.id} 对 {p.subject.id} 引擎未得出唯一结论 / engine gave no single outcome: "
                   f"{outcomes.errors.get(fact_key)}")
            findings.append(_finding(p.req, p, Status.ERROR, ctx, error=msg))
            continue
        f = _finding(p.req, p, status, ctx)
        _describe_aggregate(f, p, partial)
        findings.append(f)
    return findings


def _aggregate_result(req: Requirement, subject: Subject, gate: _Gate,
                      partial: Partial) -> Measure | NotApplicable | MissingData | None:
    """What the fold says for one subject on one occasion (None: nothing to report)."""
    if gate.not_in_force:
        return NotApplicable(gate.not_in_force)
    try:
        why_not = _applies(req, subject, gate.ctx)
        target = gate.ctx.param(req.aggregate.target)
    except ParameterNotInForce as exc:
        return NotApplicable(f"参数尚未生效：{exc}") if gate.latest else None
    if why_not:
        return NotApplicable(why_not) if gate.latest else None
    if partial.error:
        raise RuntimeError(partial.error)
    result = result_of(partial, req.aggregate, target)
    return None if gate.running and isinstance(result, NotApplicable) else result


NAMED_IN_ACTION = 5  # records an action names (the explanation names up to aggregate.LAGGING_LIMIT)


def _describe_aggregate(f: Finding, p: _Pending, partial: Partial) -> None:
    """Numerator, denominator, share and target on the finding; the gap in records ("还差1所学校
    配备专兼职心理教师（19/21，目标95%）") and the records holding the target back."""
    agg = p.req.aggregate
    r = p.result
    if not partial.records or f.status is Status.ERROR:
        return
    target = p.gate.ctx.param(agg.target)
    figures = f"{fmt_num(partial.met)}/{fmt_num(partial.total)}，目标{fmt_num(target)}%"
    f.inputs.update({"达标": partial.met, "总数": partial.total, "比例": share_text(partial.met, partial.total),
                     "目标": f"{fmt_num(target)}%", "缺数据": partial.missing,
                     "未达标对象数": partial.lagging_count,
                     "未达标对象": [{"id": i, "name": n, "why": why} for i, n, why in partial.lagging]})
    named = "、".join(f"{i} {n}".strip() for i, n, _ in partial.lagging[:NAMED_IN_ACTION])
    named = f"；涉及：{named}{'等，' if partial.lagging_count > NAMED_IN_ACTION else '，'}共{partial.lagging_count}个" if named else ""
    if isinstance(r, Measure) and f.status not in (Status.PASS, Status.NOT_APPLICABLE, Status.IN_PROGRESS):
        gap = r.required - r.observed
        f.gap = gap
        f.gap_text = f"还差{fmt_num(gap)}{agg.population}{agg.met}（{figures}）{named}"
    elif isinstance(r, MissingData):
        f.gap_text = (f"需补报：{partial.missing}{agg.record_noun}的{_fields_text(tuple(r.fields))}"
                      f"（{figures}）{named}")
    elif f.status is Status.IN_PROGRESS:
        f.gap_text += named
    if lag := lagging_text(partial):
        f.explanation += "；" + lag
