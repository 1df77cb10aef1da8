"""Re-rendering a stored run (`mhpolicy runs show N`): its findings read back from the store in
chunks that keep each subject whole, fed to the same ReportBuilder a check feeds.

The store keeps what a finding decided, not the rule's title or topic: those come from the
city's plugin as installed now (a rule it no longer has shows its id as its title). Nor does it
keep a school's type: that is read from the copy of the checked data the store archives with
the run (the same bytes, by hash); a school whose type cannot be read there is counted under
类型未知, and a report with no type known says it cannot count schools by type.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import orjson

from mhpolicy.core.evaluation.evaluate import Evaluation
from mhpolicy.core.io.store import RunRecord, Store, StoredFinding, iter_findings
from mhpolicy.core.model.entities import InstitutionKind
from mhpolicy.core.plugins.registry import CityPolicy
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.requirement import Modality, SubjectKind

from .build import ReportBuilder
from .render import write_gap_report


def _kind(value: Any) -> str | None:
    """An InstitutionKind value from what the data gave ("primary" or its label "小学")."""
    if not isinstance(value, str):
        return None
    if value in InstitutionKind.labels():
        return value
    try:
        return InstitutionKind.from_label(value).value
    except (KeyError, ValueError):
        return None


def _rows(data: bytes) -> list[Any]:
    """The institutions of an archived dataset: a JSON document's list, or a JSON Lines file's
    rows after its header line (a line that does not parse is passed over: no kind from it)."""
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        rows = []
        for line in data.splitlines()[1:]:
            try:
                rows.append(orjson.loads(line))
            except orjson.JSONDecodeError:
                continue
        return rows
    return doc.get("institutions") or [] if isinstance(doc, dict) else []


def stored_kinds(store: Store, data_hash: str) -> dict[str, str]:
    """id -> InstitutionKind value of each institution in the data a run checked; empty when
    the store holds no readable copy of it."""
    try:
        rows = _rows(store.dataset_bytes(data_hash))
    except (KeyError, zlib.error):
        return {}
    return {row["id"]: kind for row in rows
            if isinstance(row, dict) and isinstance(row.get("id"), str) and (kind := _kind(row.get("kind")))}


def _finding(rec: StoredFinding, policy: CityPolicy, titles: dict[str, str], basis: str,
             kinds: dict[str, str] | None = None) -> Finding:
    """A stored finding as the check made it; `kinds` (`stored_kinds`) gives a school its type."""
    kinds = kinds or {}
    return Finding(rule_id=rec.rule_id, city=policy.code, clause=rec.clause, title=titles.get(rec.rule_id, rec.rule_id),
                   topic=rec.topic, subject_kind=rec.subject_kind, subject_id=rec.subject_id,
                   subject_name=rec.subject_name, district_id=rec.district_id, status=Status(rec.status),
                   modality=Modality(rec.modality), observed=rec.observed, required=rec.required, unit=rec.unit,
                   gap=rec.gap, gap_text=rec.gap_text, due=rec.due, period=rec.period, overdue=rec.overdue,
                   explanation=rec.explanation, allowance=rec.allowance, error=rec.error, basis=basis,
                   parent_id=rec.parent_id,
                   subject_type=kinds.get(rec.subject_id) if rec.subject_kind == SubjectKind.INSTITUTION.value else None)


def rerender(store: Store, run: RunRecord, policy: CityPolicy, out: Path) -> list[Path]:
    ev = Evaluation(run.city, run.as_of, run.plugin_version, run.data_hash)
    stem = f"{run.city}-run{run.id}"
    with (out / f"{stem}-actions.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        builder = ReportBuilder(policy, ev, fh)
        titles = {r.id: r.title for r in policy.requirements}
        kinds = stored_kinds(store, run.data_hash)
        for chunk in iter_findings(store, run.id or 0):
            builder.add([_finding(r, policy, titles, run.basis, kinds) for r in chunk])
    return [*write_gap_report(out, builder.report(run.id), stem), out / f"{stem}-actions.csv"]
