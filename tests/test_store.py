"""The store keeps datasets and runs reproducibly, and a failed run leaves nothing behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mhpolicy.core.evaluation.evaluate import data_hash, evaluate
from mhpolicy.core.io.store import Store
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import load_modules

from .plugin_kit import dataset, plugin_module, requirement, school


def _run(store: Store, ds: Dataset, findings, raw: bytes = b"{}") -> int:  # type: ignore[no-untyped-def]
    return store.record_run(city="testcity", plugin="testcity", plugin_version="9.9", as_of=date(2024, 6, 1),
                            data_hash=data_hash(ds), dataset_city="testcity", dataset_as_of=None, source="mem",
                            raw=raw, institutions=len(ds.institutions), findings=findings)


def test_a_run_is_stored_with_its_data_and_findings(tmp_path: Path) -> None:
    policy = load_modules({"t": plugin_module(tmp_path, [requirement()])}).get("testcity")
    ds = Dataset.model_validate(dataset(school("A", 1), school("B", 2)))
    ev = evaluate(ds, policy, date(2024, 6, 1))
    store = Store(str(tmp_path / "s.db"))
    run_id = _run(store, ds, [ev.findings], raw=b'{"raw": true}')
    rows = store.findings(run_id)
    assert [(r.subject_id, r.status) for r in rows] == [(f.subject_id, f.status.value) for f in ev.findings]
    assert store.dataset_bytes(data_hash(ds)) == b'{"raw": true}'
    assert store.runs()[0].findings == 2 and store.runs()[0].data_hash == data_hash(ds)


def test_a_run_that_fails_midway_stores_nothing_and_keeps_earlier_runs(tmp_path: Path) -> None:
    policy = load_modules({"t": plugin_module(tmp_path, [requirement()])}).get("testcity")
    ds = Dataset.model_validate(dataset(school("A", 1)))
    store = Store(str(tmp_path / "s.db"))
    _run(store, ds, [evaluate(ds, policy, date(2024, 6, 1)).findings])
    before = store.counts()

    def chunks():  # type: ignore[no-untyped-def]
        yield evaluate(ds, policy, date(2024, 6, 1)).findings
        raise RuntimeError("disk full")

    other = Dataset.model_validate(dataset(school("Z", 0)))
    with pytest.raises(RuntimeError):
        _run(store, other, chunks())
    assert store.counts() == before
