"""Evaluating a dataset held in memory: the Python API the tests, the BDD steps and the reports use.

There is one evaluation path. `evaluate` turns the dataset into an in-memory source
(`source.memory_source`: its canonical JSON document) and runs the same streamed pipeline a
check of a file runs (`pipeline.run_stream`): the same validation, the same warning-tier check,
the same chunking, the same engine, and a data hash with the same meaning (sha256 of the
document's bytes, equal to the hash of that document written to a `.json` file).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..io.source import memory_source
from ..model.entities import Dataset
from ..plugins.registry import CityPolicy
from ..results.findings import Finding
from ..rules.requirement import WarningScheme
from .pipeline import run_stream, warning_scheme_for


@dataclass(slots=True)
class Evaluation:
    city: str
    as_of: date
    plugin_version: str
    data_hash: str
    findings: list[Finding] = field(default_factory=list)


def data_hash(dataset: Dataset) -> str:
    """The hash a check of this dataset is stored under: sha256 of its canonical JSON document."""
    return memory_source(dataset).digest


def evaluate_many(dataset: Dataset, policies: Sequence[CityPolicy], as_of: date, *,
                  scheme: WarningScheme | None = None, **kw: Any) -> list[Evaluation]:
    """One dataset under several plans, in one pass over it (as `mhpolicy check --data` does).

    Warning cases are graded in the tiers of the data's own city (`dataset.city.code`): pass
    `scheme` when that city's plugin is not among `policies`.
    """
    source = memory_source(dataset)
    scheme = scheme or warning_scheme_for(source.header, policies)
    evs = {p.code: Evaluation(p.code, as_of, p.info.version, source.digest) for p in policies}
    for part in run_stream(source, policies, as_of, scheme=scheme, **kw):
        for city, findings in part.items():
            evs[city].findings.extend(findings)
    for ev in evs.values():
        ev.findings.sort(key=lambda f: (f.subject_kind, f.subject_id, f.rule_id))
    return [evs[p.code] for p in policies]


def evaluate(dataset: Dataset, policy: CityPolicy, as_of: date, **kw: Any) -> Evaluation:
    """Findings of one plan for a dataset held in memory, sorted by subject and rule."""
    return evaluate_many(dataset, [policy], as_of, **kw)[0]
