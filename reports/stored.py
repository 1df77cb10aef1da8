"""Re-rendering a stored run (`mhpolicy runs show N`): its findings read back from the store in
chunks that keep each subject whole, fed to the same ReportBuilder a check feeds.

The store keeps what a finding decided, not the rule's title or topic: those come from the
city's plugin as installed now (a rule it no longer has shows its id as its title).
"""

from __future__ import annotations

from pathlib import Path

from mhpolicy.core.evaluation.evaluate import Evaluation
from mhpolicy.core.io.store import RunRecord, Store, StoredFinding, iter_findings
from mhpolicy.core.plugins.registry import CityPolicy
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.requirement import Modality

from .build import ReportBuilder
from .render import write_gap_report


def _finding(rec: StoredFinding, policy: CityPolicy, titles: dict[str, str], basis: str) -> Finding:
    return Finding(rule_id=rec.rule_id, city=policy.code, clause=rec.clause, title=titles.get(rec.rule_id, rec.rule_id),
                   topic=rec.topic, subject_kind=rec.subject_kind, subject_id=rec.subject_id,
                   subject_name=rec.subject_name, district_id=rec.district_id, status=Status(rec.status),
                   modality=Modality(rec.modality), observed=rec.observed, required=rec.required, unit=rec.unit,
                   gap=rec.gap, gap_text=rec.gap_text, due=rec.due, period=rec.period, overdue=rec.overdue,
                   explanation=rec.explanation, allowance=rec.allowance, error=rec.error, basis=basis,
                   parent_id=rec.parent_id)


def rerender(store: Store, run: RunRecord, policy: CityPolicy, out: Path) -> list[Path]:
    ev = Evaluation(run.city, run.as_of, run.plugin_version, run.data_hash)
    stem = f"{run.city}-run{run.id}"
    with (out / f"{stem}-actions.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        builder = ReportBuilder(policy, ev, fh)
        titles = {r.id: r.title for r in policy.requirements}
        for chunk in iter_findings(store, run.id or 0):
            builder.add([_finding(r, policy, titles, run.basis) for r in chunk])
    return [*write_gap_report(out, builder.report(run.id), stem), out / f"{stem}-actions.csv"]
