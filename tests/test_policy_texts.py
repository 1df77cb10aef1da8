"""Every rule of every installed city cites its source faithfully.

Quotes are compared after removing whitespace only (the texts carry PDF line breaks);
nothing else is normalised, so a changed character fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mhpolicy.core.plugins.registry import CityPolicy, discover
from mhpolicy.core.rules.requirement import MODAL_WORDS, Modality, RequirementKind

REGISTRY = discover()
POLICIES = sorted(REGISTRY.policies.values(), key=lambda p: p.code)
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "policy-texts"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(params=POLICIES, ids=lambda p: p.code)
def policy(request: pytest.FixtureRequest) -> CityPolicy:
    return request.param


def _searchable(policy: CityPolicy) -> str:
    """The source as quotes are read in it: after the plugin's stated normalisation (平凉's PDF cleaning)."""
    normalise = policy.info.source_normalisation
    return _squash(normalise(policy.source_text()) if normalise else policy.source_text())


def test_every_quoted_sentence_stands_verbatim_in_the_shipped_source(policy: CityPolicy) -> None:
    source = _searchable(policy)
    quotes = [(r.id, r.quote) for r in policy.requirements]
    quotes += [(p.id, p.quote) for p in policy.parameters.by_id.values()]
    missing = [ident for ident, q in quotes if _squash(q) not in source]
    assert not missing, f"quotes not found verbatim in {policy.info.source_file}: {missing}"


def test_the_shipped_source_is_the_shared_policy_text(policy: CityPolicy) -> None:
    shared = SHARED / f"{policy.code}.txt"
    if not SHARED.is_dir():
        pytest.skip("shared/policy-texts is not beside this checkout")
    assert policy.source_text() == shared.read_text(encoding="utf-8")


def test_modality_matches_the_modal_word_in_the_quote(policy: CityPolicy) -> None:
    for r in policy.requirements:
        if r.modal_word:
            assert r.modal_word in MODAL_WORDS[r.modality], f"{r.id}: {r.modal_word!r} does not make {r.modality}"
            assert r.modal_word in r.quote
        else:
            # A plain statement of a task ("学校每学年召开一次…") has no modal word: it may only
            # be read as mandatory, and the rule must say so in its reading.
            assert r.modality is Modality.MANDATORY, f"{r.id}: no modal word, yet {r.modality}"
            assert r.reading, f"{r.id}: no modal word in the quote and no reading saying why it binds"
        for word in MODAL_WORDS[Modality.ADVICE]:
            if r.quote.startswith(word) or r.modal_word == word:
                assert r.modality is Modality.ADVICE, f"{r.id}: quote says {word} but modality is {r.modality}"


def test_every_rule_cites_a_clause_and_every_threshold_is_a_cited_parameter(policy: CityPolicy) -> None:
    used = set()
    for r in policy.requirements:
        assert r.clause.strip() and r.title.strip() and r.topic.strip(), r.id
        if r.kind is RequirementKind.MEASURED:
            assert r.measure is not None and r.observed_label and r.unit, r.id
        used.update(r.parameters)
    for p in policy.parameters.by_id.values():
        assert p.clause and p.quote and p.values, p.id
    assert used == set(policy.parameters.by_id), "parameters declared but read by no requirement"


def test_city_info_and_unmodelled_clauses_are_stated(policy: CityPolicy) -> None:
    # mhpolicy_city_info and mhpolicy_unmodelled_clauses: who issued what, and what is left out and why
    assert policy.info.code == policy.code
    assert _squash(policy.info.document) in _searchable(policy), "the document title is not in its text"
    assert policy.info.effective and policy.info.version
    assert policy.unmodelled, "say which clauses are not modelled"
    for note in policy.unmodelled:
        assert note.clause and note.reason, note


def test_parameters_hook_gives_each_threshold_once(policy: CityPolicy) -> None:
    # mhpolicy_parameters: ids unique per city and prefixed with it
    assert all(pid.startswith(policy.code + ".") for pid in policy.parameters.by_id)


def test_every_declared_parameter_is_read_by_a_measure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Declared is not enough: a parameter printed in explanations but never read would let the
    text's threshold change while the rule kept deciding the old way."""
    from datetime import timedelta

    from mhpolicy.core.evaluation.evaluate import evaluate
    from mhpolicy.core.io.source import read_dataset
    from mhpolicy.core.rules.context import Context

    read: set[str] = set()
    original = Context.param

    def recording(self: Context, parameter_id: str) -> float:
        read.add(parameter_id)
        return original(self, parameter_id)

    monkeypatch.setattr(Context, "param", recording)
    for sample_owner in POLICIES:
        dataset, _ = read_dataset(Path(str(sample_owner.sample_path())), REGISTRY.models())  # with plugin-declared fields
        assert dataset.as_of is not None
        for policy in POLICIES:
            for day in (dataset.as_of, dataset.as_of + timedelta(days=366)):
                evaluate(dataset, policy, day)
    for policy in POLICIES:
        unread = sorted(set(policy.parameters.by_id) - read)
        assert not unread, f"{policy.code}: parameters no measure reads: {unread}"
