"""The rule runtime: the only module that knows durable_rules.

Each requirement compiles to one rule per outcome. A fact is slim, one per
(requirement × subject), carrying only what the rules read:

    rq  index of the requirement        fx  fact number, unique in the run
    ap  1 applies / 0 not applicable    hv  1 data complete / 0 missing
    ob  observed quantity               re  required quantity
    at  attestation: 1 yes, 0 no, -1 not yet attested

Measured requirement i:     ap=0 → 不适用;  ap=1,hv=0 → 缺数据;
                            ap=1,hv=1, ob OP re → 符合;  ob ¬OP re → 不符合 (提示 for advice)
Attestation requirement i:  ap=0 → 不适用;  at=-1 → 待人工确认;  at=1 → 符合;  at=0 → 不符合 (提示)

The outcome rules of a requirement are exhaustive and exclusive, so every fact fires
exactly one rule. Facts the rules cannot tell apart (same requirement, flags and numbers) are
asserted once and the outcome given to each of them (`RuleEngine.run`). Known traps of durable_rules 2.0.28 (see shared/conventions) are handled
here: facts are asserted (never posted) in batches under one session that is deleted after
each batch; actions collect with `cap` so one call takes many matches; the Host's timer
threads are disabled; the stdlib JSON codec is swapped for orjson; and because a batch
that raises leaves its actions to fire later, outcomes are keyed by fact number and any
fact left without exactly one outcome (or in a batch the engine raised on) is retried
alone, then reported as an engine error: no error of the C module leaves `run`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import durable.engine as _dr
import orjson

from ..results.status import Status
from ..rules.requirement import Modality, Requirement, RequirementKind


class _OrjsonCodec:
    """Drop-in for the `json` module inside durable.engine: two thirds of its time is JSON."""

    @staticmethod
    def dumps(obj: Any, ensure_ascii: bool = False) -> str:
        return orjson.dumps(obj).decode()

    @staticmethod
    def loads(text: str | bytes) -> Any:
        return orjson.loads(text)


_dr.json = _OrjsonCodec  # type: ignore[attr-defined]


class _QuietHost(_dr.Host):
    """A Host without the background dispatch threads, which race with batch calls."""

    def _run(self) -> None:  # noqa: D401 - intentionally empty
        return None


BATCH = 3000  # facts per session; larger batches amortise per-action cost, smaller keep hashes apart
DECIDED_LIMIT = 200_000  # distinct fact keys an engine remembers before it starts afresh
_NEG = {">=": "$lt", "<=": "$gt", "==": "$neq"}
_POS = {">=": "$gte", "<=": "$lte"}
_names = itertools.count()


class EngineError(RuntimeError):
    pass


_INT64 = 2**63


def _engine_number(v: Any) -> int | float | None:
    """`v` as durable_rules reads it correctly, or None when no such form exists.

    Its JSON reader takes a number with an exponent but no decimal point ("1e17", "1e-7", as
    orjson writes them) for an integer and then fails ("Could not delete state, error
    code: 309") or crashes the process. So a whole float goes in as an int (exact, and
    compared the same), and a fraction orjson would write that way, or a number beyond a
    64-bit integer, is refused: the finding is 错误 naming the rule, never a crash."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or abs(v) >= _INT64:
        return None
    if isinstance(v, float):
        if v.is_integer():
            return int(v)
        text = orjson.dumps(v)
        if b"e" in text and b"." not in text:
            return None
    return v


def _compare(op: str, negate: bool) -> dict[str, Any]:
    ref = {"ob": {"$m": "re"}}
    if negate:
        return {_NEG[op]: ref}
    return ref if op == "==" else {_POS[op]: ref}


# What an unmet requirement is, by modality: only a duty (须/应, 原则上) is 不符合.
_UNMET = {Modality.ADVICE: Status.ADVICE, Modality.TARGET: Status.TARGET_MISSED}


def compile_conditions(requirements: Sequence[Requirement]) -> list[tuple[dict[str, Any], Status]]:
    """Every rule as (condition JSON, status it yields), in requirement order."""
    rules: list[tuple[dict[str, Any], Status]] = []
    for i, req in enumerate(requirements):
        unmet = _UNMET.get(req.modality, Status.FAIL)
        base = [{"rq": i}]
        rules.append(({"$and": [*base, {"ap": 0}]}, Status.NOT_APPLICABLE))
        if req.kind is RequirementKind.ATTESTATION:
            rules.append(({"$and": [*base, {"ap": 1}, {"at": -1}]}, Status.PENDING))
            rules.append(({"$and": [*base, {"ap": 1}, {"at": 1}]}, Status.PASS))
            rules.append(({"$and": [*base, {"ap": 1}, {"at": 0}]}, unmet))
        else:
            rules.append(({"$and": [*base, {"ap": 1}, {"hv": 0}]}, Status.MISSING))
            rules.append(({"$and": [*base, {"ap": 1}, {"hv": 1}, _compare(req.op, False)]}, Status.PASS))
            rules.append(({"$and": [*base, {"ap": 1}, {"hv": 1}, _compare(req.op, True)]}, unmet))
    return rules


# What the rules read of one occasion: requirement index, applicable, has data, observed,
# required, attestation (see the module's docstring). Equal keys are the same case to the rules.
FactKey = tuple[int, int, int, float, float, int]


@dataclass(slots=True)
class Outcomes:
    status: dict[Any, Status]  # fact number (`run`) or fact key (`decide`) -> status the engine decided
    errors: dict[Any, str]  # the same -> engine error


class RuleEngine:
    """A compiled ruleset for one list of requirements, reusable across runs."""

    def __init__(self, requirements: Sequence[Requirement]) -> None:
        self.requirements = list(requirements)
        self.conditions = compile_conditions(self.requirements)
        self._sink: dict[int, list[Status]] = {}
        self._decided: dict[tuple[Any, ...], Status] = {}  # outcomes by `_key`, kept across calls
        self._host, self.name = self._fresh_host()

    def _fresh_host(self) -> tuple[_QuietHost, str]:
        # A ruleset name can be registered once per process, so each host gets a new one.
        name = f"mhpolicy_{next(_names)}"
        definition: dict[str, Any] = {
            f"r{n}": {"all": [{"m": cond}], "run": self._action(status), "cap": BATCH}
            for n, (cond, status) in enumerate(self.conditions)
        }
        host = _QuietHost()
        host.register_rulesets({name: definition})
        return host, name

    def _action(self, status: Status) -> Callable[[Any], None]:
        def collect(c: Any) -> None:
            sink = self._sink
            for fact in c.m:
                sink.setdefault(fact["fx"], []).append(status)

        return collect

    def _assert(self, facts: list[dict[str, Any]]) -> str | None:
        """Assert one batch and clear its session; the engine's error as text, or None.

        Every call into the C module is guarded: it reports a value it cannot handle (a
        number like 1e18 in a fact) as an exception from `assert_facts` or, later, from
        `delete_state` ("Could not delete state, error code: 309"). Either one is the
        batch's error, never the check's crash."""
        try:
            self._host.assert_facts(self.name, facts)
            self._host.delete_state(self.name, "0")
        except Exception as exc:  # durable_rules signals engine states with plain exceptions
            # The session is now poisoned: touching it again (even delete_state) can
            # segfault the C module. Abandon the host; its facts are retried elsewhere.
            self._host, self.name = self._fresh_host()
            return f"durable_rules {type(exc).__name__}: {exc}"
        return None

    def _valid(self, fact: dict[str, Any]) -> str | None:
        """Why a fact cannot enter the engine, or None. Exhaustive rules then always match.
        Rewrites `ob` and `re` in place into a form the C module reads right (_engine_number)."""
        if not 0 <= fact.get("rq", -1) < len(self.requirements):
            return "unknown requirement index"
        if fact.get("ap") not in (0, 1) or fact.get("hv") not in (0, 1) or fact.get("at") not in (-1, 0, 1):
            return "flags out of range"
        for key in ("ob", "re"):
            v = _engine_number(fact.get(key))
            if v is None:
                return f"{key} is not a finite number the engine can hold: {fact.get(key)!r}"
            fact[key] = v
        return None

    def run(self, facts: Iterable[dict[str, Any]]) -> Outcomes:
        """Each fact's status by its number (`fx`): the facts' keys (`_key`, everything the rules
        read) decided by `decide`, each outcome given to every fact of that key. A fact whose
        values no rule can read (a list, a dict) is refused like any invalid fact."""
        result = Outcomes({}, {})
        members: dict[FactKey, list[int]] = {}  # key -> fact numbers
        for fact in facts:
            key = _key(fact)
            try:
                numbers = members.get(key)
            except TypeError:
                result.errors[fact["fx"]] = "invalid fact: a value is not a number or flag"
                continue
            if numbers is None:
                members[key] = numbers = []
            numbers.append(fact["fx"])
        by_key = self.decide(members)
        for key, numbers in members.items():
            status = by_key.status.get(key)
            if status is None:
                error = by_key.errors.get(key, "no outcome")
                for n in numbers:
                    result.errors[n] = error
            else:
                for n in numbers:
                    result.status[n] = status
        return result

    def decide(self, keys: Iterable[FactKey]) -> Outcomes:
        """The status of each distinct fact key (rq, ap, hv, ob, re, at: what the rules read), by
        key; the engine's error for a key it could not decide. Keys may repeat (one per occasion
        of a chunk): each distinct key is decided once, the first time it is seen, by asserting
        one fact of it into the engine. Measured on 10,000 institutions, 320,000 occasions held
        136 distinct keys, so the engine fires once per distinct case, not once per school.
        Outcomes are kept across calls (`_decided`): later chunks assert only keys not yet
        seen. An error is never kept, so a key that failed is tried again in the next call."""
        result = Outcomes({}, {})
        decided = self._decided
        fresh: list[tuple[FactKey, dict[str, Any]]] = []  # (key, fact): one per key not decided yet
        wanted = dict.fromkeys(keys)  # distinct, in first-seen order
        for key in wanted:
            if key in decided:
                continue
            fact = dict(zip(_FIELDS, key, strict=True))
            fact["fx"] = len(fresh)
            problem = self._valid(fact)  # checked (and its numbers rewritten) only when it goes in
            if problem:
                result.errors[key] = f"invalid fact: {problem}"
                continue
            fresh.append((key, fact))
        result.errors.update(self._decide_fresh(fresh))
        for key in wanted:
            status = decided.get(key)
            if status is not None:
                result.status[key] = status
            elif key not in result.errors:
                result.errors[key] = "no outcome"
        if len(decided) > DECIDED_LIMIT:  # a pathological spread of values: keep memory bounded
            decided.clear()
        return result

    def _decide_fresh(self, fresh: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> dict[tuple[Any, ...], str]:
        """Assert facts of distinct keys in batches; store each outcome in `_decided` by key and
        return the error of each key the engine could not decide. A fact left without exactly
        one outcome, or in a batch the engine raised on, is retried alone."""
        self._sink = {}
        errors: dict[tuple[Any, ...], str] = {}
        facts = [fact for _, fact in fresh]
        failed: set[int] = set()  # facts of a batch the engine raised on: its outcomes are not trusted
        for start in range(0, len(facts), BATCH):
            batch = facts[start : start + BATCH]
            if self._assert(batch):
                failed.update(f["fx"] for f in batch)
        retry: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        for key, fact in fresh:
            got = self._sink.get(fact["fx"])
            if got and len(set(got)) == 1 and fact["fx"] not in failed:
                self._decided[key] = got[0]
            else:
                retry.append((key, fact))
        for key, fact in retry:  # alone on the current host: rules out collisions with other facts
            self._sink.pop(fact["fx"], None)
            problem = self._assert([fact])
            got = self._sink.get(fact["fx"])
            if got and len(set(got)) == 1 and not problem:
                self._decided[key] = got[0]
            else:
                seen = "no rule fired" if not got else f"rules disagreed: {sorted(set(got))}"
                errors[key] = problem or seen
        self._sink = {}
        return errors


def _key(fact: dict[str, Any]) -> tuple[Any, ...]:
    """What the rules read of a fact: everything but its number (as given, before `_valid`)."""
    return (fact.get("rq"), fact.get("ap"), fact.get("hv"), fact.get("ob"), fact.get("re"), fact.get("at"))


_FIELDS = ("rq", "ap", "hv", "ob", "re", "at")  # a key's values, in order, as fact fields


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "$gte": lambda a, b: a >= b, "$lte": lambda a, b: a <= b, "$lt": lambda a, b: a < b,
    "$gt": lambda a, b: a > b, "$neq": lambda a, b: a != b,
}


def compile_direct(cond: dict[str, Any]) -> Callable[[dict[str, Any]], bool]:
    """The same condition JSON the engine receives, compiled once into a Python predicate."""
    tests: list[Callable[[dict[str, Any]], bool]] = []
    for key, val in cond.items():
        if key == "$and":
            parts = [compile_direct(c) for c in val]
            tests.append(lambda f, parts=parts: all(p(f) for p in parts))
        elif key in _COMPARE:
            ((field, ref),) = val.items()
            op, other = _COMPARE[key], ref["$m"]
            tests.append(lambda f, op=op, field=field, other=other: op(f[field], f[other]))
        elif isinstance(val, dict):  # field == other field
            tests.append(lambda f, key=key, other=val["$m"]: f[key] == f[other])
        else:
            tests.append(lambda f, key=key, val=val: f.get(key) == val)
    if len(tests) == 1:
        return tests[0]
    return lambda f: all(t(f) for t in tests)


class DirectDecider:
    """Decides facts with the compiled conditions, without the engine: the benchmark's baseline."""

    def __init__(self, conditions: list[tuple[dict[str, Any], Status]]) -> None:
        self.by_req: dict[int, list[tuple[Callable[[dict[str, Any]], bool], Status]]] = {}
        for cond, status in conditions:
            rest = {"$and": cond["$and"][1:]}  # the requirement index is the dispatch key
            self.by_req.setdefault(cond["$and"][0]["rq"], []).append((compile_direct(rest), status))

    def __call__(self, facts: Iterable[dict[str, Any]]) -> Outcomes:
        """Each fact's status by its number."""
        out = Outcomes({}, {})
        for fact in facts:
            hits = [s for test, s in self.by_req[fact["rq"]] if test(fact)]
            if len(hits) == 1:
                out.status[fact["fx"]] = hits[0]
            else:
                out.errors[fact["fx"]] = f"{len(hits)} rules held"
        return out

    def decide(self, keys: Iterable[FactKey]) -> Outcomes:
        """Each fact key's status by key, as `RuleEngine.decide` gives it, but every occasion
        decided on its own, equal keys included: the cost of deciding each school in Python."""
        return self(dict(zip(_FIELDS, key, strict=True), fx=key) for key in keys)


def decide_direct(conditions: list[tuple[dict[str, Any], Status]], facts: Iterable[dict[str, Any]]) -> Outcomes:
    """Decide the same facts with the same compiled conditions, without the engine."""
    return DirectDecider(conditions)(facts)
