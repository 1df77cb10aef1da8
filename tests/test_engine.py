"""The rule runtime decides statuses in durable_rules, agrees with the direct path, and loses nothing."""

from __future__ import annotations

import random

from mhpolicy.core.evaluation.engine import BATCH, RuleEngine, compile_conditions, decide_direct
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.requirement import Modality, RequirementKind

from .plugin_kit import requirement


def _fact(n: int, rq: int, ap: int = 1, hv: int = 1, ob: float = 0, re: float = 0, at: int = -1) -> dict:
    return {"rq": rq, "fx": n, "ap": ap, "hv": hv, "ob": ob, "re": re, "at": at}


def test_each_requirement_compiles_to_four_exclusive_outcome_rules() -> None:
    reqs = [requirement(rid="a"), requirement(rid="b", kind=RequirementKind.ATTESTATION, word="要")]
    conds = compile_conditions(reqs)
    assert [s for _, s in conds] == [
        Status.NOT_APPLICABLE, Status.MISSING, Status.PASS, Status.FAIL,
        Status.NOT_APPLICABLE, Status.PENDING, Status.PASS, Status.FAIL,
    ]


def test_engine_decides_every_branch_of_a_measured_requirement() -> None:
    eng = RuleEngine([requirement(rid="a")])
    out = eng.run([
        _fact(0, 0, ap=0), _fact(1, 0, hv=0), _fact(2, 0, ob=2, re=2), _fact(3, 0, ob=1, re=2), _fact(4, 0, ob=2.5, re=2),
    ])
    assert out.status == {0: Status.NOT_APPLICABLE, 1: Status.MISSING, 2: Status.PASS, 3: Status.FAIL, 4: Status.PASS}
    assert out.errors == {}


def test_advice_that_is_not_met_is_advice_never_non_compliance() -> None:
    eng = RuleEngine([requirement(rid="a", modality=Modality.ADVICE, word="鼓励")])
    assert eng.run([_fact(0, 0, ob=0, re=1)]).status == {0: Status.ADVICE}


def test_attestation_outcomes() -> None:
    eng = RuleEngine([requirement(rid="b", kind=RequirementKind.ATTESTATION, word="要")])
    out = eng.run([_fact(0, 0, at=-1), _fact(1, 0, at=1), _fact(2, 0, at=0), _fact(3, 0, ap=0)])
    assert out.status == {0: Status.PENDING, 1: Status.PASS, 2: Status.FAIL, 3: Status.NOT_APPLICABLE}


def test_at_most_and_equality_operators() -> None:
    eng = RuleEngine([requirement(rid="le", op="<="), requirement(rid="eq", op="==")])
    out = eng.run([_fact(0, 0, ob=3, re=3), _fact(1, 0, ob=4, re=3), _fact(2, 1, ob=3, re=3), _fact(3, 1, ob=2, re=3)])
    assert out.status == {0: Status.PASS, 1: Status.FAIL, 2: Status.PASS, 3: Status.FAIL}


def test_engine_and_direct_path_agree_over_many_batches() -> None:
    rng = random.Random(7)
    reqs = [requirement(rid=f"r{i}", op=rng.choice([">=", "<=", "=="])) for i in range(12)]
    eng = RuleEngine(reqs)
    facts = [_fact(n, rng.randrange(12), ap=rng.choice([0, 1, 1]), hv=rng.choice([0, 1, 1, 1]),
                   ob=rng.randint(0, 4), re=rng.randint(0, 4)) for n in range(BATCH * 2 + 17)]
    out = eng.run(facts)
    direct = decide_direct(eng.conditions, facts)
    assert len(out.status) == len(facts) and not out.errors
    assert out.status == direct.status
    # and both agree with the comparison written out by hand
    for f in facts:
        if f["ap"] and f["hv"]:
            op = reqs[f["rq"]].op
            met = {">=": f["ob"] >= f["re"], "<=": f["ob"] <= f["re"], "==": f["ob"] == f["re"]}[op]
            assert out.status[f["fx"]] is (Status.PASS if met else Status.FAIL)


def test_a_malformed_fact_is_an_error_and_the_rest_of_its_batch_is_still_decided() -> None:
    eng = RuleEngine([requirement(rid="a")])
    out = eng.run([_fact(0, 0, ob=1, re=1), _fact(1, 0, ap=2), _fact(2, 0, ob=0, re=1), _fact(3, 0, ob=float("nan")),
                   _fact(4, 0, ob=[1])])  # type: ignore[arg-type]
    assert out.status == {0: Status.PASS, 2: Status.FAIL}
    assert set(out.errors) == {1, 3, 4}


def test_facts_the_rules_cannot_tell_apart_are_decided_once_and_each_gets_the_outcome(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mhpolicy.core.evaluation import engine as engine_module

    asserted: list[int] = []
    real = engine_module._QuietHost.assert_facts

    def counting(self, name, facts):  # type: ignore[no-untyped-def]
        asserted.extend(f["ob"] for f in facts)  # the case's value: fact numbers are the engine's own
        return real(self, name, facts)

    monkeypatch.setattr(engine_module._QuietHost, "assert_facts", counting)
    eng = RuleEngine([requirement(rid="a")])
    facts = [_fact(n, 0, ob=n % 2, re=1) for n in range(50)]
    out = eng.run(facts)
    assert out.status == {n: Status.PASS if n % 2 else Status.FAIL for n in range(50)}
    assert sorted(asserted) == [0, 1]  # one fact per distinct case (observed 0, observed 1) went into the engine
    assert eng.run([_fact(7, 0, ob=1, re=1), _fact(8, 0, ob=3, re=1)]).status == {7: Status.PASS, 8: Status.PASS}
    assert sorted(asserted) == [0, 1, 3]  # a later call asserts only the case not decided before


def test_a_batch_the_engine_rejects_is_retried_fact_by_fact_on_a_fresh_session(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import durable_rules_engine

    from mhpolicy.core.evaluation import engine as engine_module

    real = engine_module._QuietHost.assert_facts

    def rejects_batches(self, name, facts):  # type: ignore[no-untyped-def]
        if len(facts) > 1:  # as durable_rules does for a batch it cannot take: raise, poisoning the session
            raise durable_rules_engine.error("Could not assert facts, error code: 101")
        return real(self, name, facts)

    monkeypatch.setattr(engine_module._QuietHost, "assert_facts", rejects_batches)
    eng = RuleEngine([requirement(rid="a")])
    first = eng.name
    facts = [_fact(0, 0, ob=1, re=1), _fact(1, 0, ob=1, re=1), _fact(2, 0, ob=0, re=1)]
    out = eng.run(facts)
    assert out.status == {0: Status.PASS, 1: Status.PASS, 2: Status.FAIL} and not out.errors
    assert eng.name != first  # the poisoned host was abandoned
    assert eng.run([_fact(5, 0, ob=3, re=1)]).status == {5: Status.PASS}


def test_engines_for_different_requirement_lists_coexist() -> None:
    a, b = RuleEngine([requirement(rid="a")]), RuleEngine([requirement(rid="a", op="<=")])
    assert a.name != b.name
    assert a.run([_fact(0, 0, ob=1, re=2)]).status == {0: Status.FAIL}
    assert b.run([_fact(0, 0, ob=1, re=2)]).status == {0: Status.PASS}


def test_numbers_the_c_module_misreads_are_decided_right_or_refused_never_a_crash() -> None:
    # durable_rules 2.0.28 reads "1e+17" (a number with an exponent and no decimal point) as
    # an integer: the check failed with "Could not delete state, error code: 309", or segfaulted.
    eng = RuleEngine([requirement(rid="a"), requirement(rid="b", op="<=")])
    facts = [_fact(0, 0, ob=1e17, re=4), _fact(1, 1, ob=1e18, re=4), _fact(2, 0, ob=1e-7, re=0),
             _fact(3, 0, ob=3e20, re=4), _fact(4, 0, ob=5, re=4), _fact(5, 1, ob=1.5e-7, re=4)]
    out = eng.run(facts)
    assert out.status == {0: Status.PASS, 1: Status.FAIL, 4: Status.PASS, 5: Status.PASS}
    assert set(out.errors) == {2, 3} and all("engine can hold" in e for e in out.errors.values())
    assert facts[0]["ob"] == 1e17 and isinstance(facts[0]["ob"], float)  # the caller's fact is untouched


def test_an_error_the_c_module_raises_is_that_facts_error_and_the_others_are_decided(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import durable_rules_engine

    from mhpolicy.core.evaluation import engine as engine_module

    real = engine_module._QuietHost.assert_facts

    def fails_on_seven(self, name, facts):  # type: ignore[no-untyped-def]
        result = real(self, name, facts)
        if any(f["ob"] == 7 for f in facts):  # after the actions ran, as durable_rules does
            raise durable_rules_engine.error("Could not delete state, error code: 309")
        return result

    monkeypatch.setattr(engine_module._QuietHost, "assert_facts", fails_on_seven)
    eng = RuleEngine([requirement(rid="a")])
    facts = [_fact(n, 0, ob=n % 3, re=1) for n in range(BATCH + 5)]
    facts[BATCH + 2]["ob"] = 7  # in the second batch
    out = eng.run(facts)
    assert set(out.errors) == {BATCH + 2} and "309" in out.errors[BATCH + 2]
    assert len(out.status) == BATCH + 4
    assert all(out.status[n] is (Status.PASS if n % 3 >= 1 else Status.FAIL) for n in out.status)


def test_fact_keys_are_decided_by_key_repeats_included_and_agree_with_the_direct_path() -> None:
    from mhpolicy.core.evaluation.engine import DirectDecider

    eng = RuleEngine([requirement(rid="a"), requirement(rid="b", kind=RequirementKind.ATTESTATION, word="要")])
    keys = [(0, 1, 1, 2.0, 1.0, -1), (0, 1, 1, 0.0, 1.0, -1), (0, 1, 1, 2.0, 1.0, -1), (0, 0, 0, 0, 0, -1),
            (0, 1, 0, 0, 0, -1), (1, 1, 1, 0, 0, 0), (1, 1, 1, 0, 0, -1), (1, 1, 1, 0, 0, 1), (0, 1, 1, 1e19, 1.0, -1)]
    out = eng.decide(keys)
    assert out.status == {keys[0]: Status.PASS, keys[1]: Status.FAIL, keys[3]: Status.NOT_APPLICABLE,
                          keys[4]: Status.MISSING, keys[5]: Status.FAIL, keys[6]: Status.PENDING, keys[7]: Status.PASS}
    assert list(out.errors) == [keys[8]] and "not a finite number the engine can hold" in out.errors[keys[8]]
    direct = DirectDecider(eng.conditions).decide(keys)
    assert {k: s for k, s in direct.status.items() if k != keys[8]} == out.status
