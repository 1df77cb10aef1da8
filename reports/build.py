"""Gap reports, action lists and city comparisons as plain data (rendered by render.py)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from mhpolicy.core.evaluate import Evaluation
from mhpolicy.core.findings import Finding
from mhpolicy.core.plugins import CityPolicy
from mhpolicy.core.requirement import Modality
from mhpolicy.core.status import ACTIONABLE, PRECEDENCE, Status, roll_up

_VERB = {
    Status.ERROR: "规则执行出错，请联系维护者：",
    Status.FAIL: "整改：",
    Status.MISSING: "补报数据：",
    Status.PENDING: "组织人工确认：",
    Status.ADVICE: "建议：",
}


def only_subject(findings: list[Finding], subject_id: str) -> list[Finding]:
    """A school's report shows that school only (ids are unique per table, so the kind counts too)."""
    return [f for f in findings if f.subject_id == subject_id and f.subject_kind == "institution"]


def action_list(findings: list[Finding]) -> list[dict[str, Any]]:
    """What each subject must do, by when, citing the clause; overdue first, then by due date."""
    rows = []
    for f in sorted((f for f in findings if f.status in ACTIONABLE), key=lambda f: f.sort_key):
        what = f.gap_text or f.title
        rows.append({
            "subject_id": f.subject_id, "subject_name": f.subject_name, "district_id": f.district_id,
            "action": _VERB[f.status] + what, "title": f.title, "rule_id": f.rule_id, "clause": f.clause,
            "status": f.status.value, "modality": f.modality.value,
            "due": f.due.isoformat() if f.due else "", "overdue": f.overdue, "period": f.period or "",
        })
    return rows


def actions_by_subject(findings: list[Finding]) -> list[dict[str, Any]]:
    """The action list per school (or station, district): the most urgent subject first."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in action_list(findings):
        groups[row["subject_id"]].append(row)
    ordered = sorted(groups.values(), key=lambda rows: (-sum(r["overdue"] for r in rows), rows[0]["subject_id"]))
    return [{"subject_id": rows[0]["subject_id"], "subject_name": rows[0]["subject_name"],
             "overdue": sum(r["overdue"] for r in rows), "actions": rows} for rows in ordered]


def _counts(findings: list[Finding]) -> dict[str, int]:
    c = Counter(f.status for f in findings)
    return {s.value: c.get(s, 0) for s in PRECEDENCE}


def gap_report(ev: Evaluation, policy: CityPolicy, run_id: int | None = None) -> dict[str, Any]:
    findings = ev.findings
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_subject[f.subject_id].append(f)
    subjects = [
        {"id": sid, "name": fs[0].subject_name, "kind": fs[0].subject_kind, "district_id": fs[0].district_id,
         "status": roll_up(f.status for f in fs).value, "counts": _counts(fs),
         "findings": [f.to_json() for f in sorted(fs, key=lambda f: (f.status.rank, f.clause, f.rule_id))]}
        for sid, fs in sorted(by_subject.items(), key=lambda kv: (roll_up(f.status for f in kv[1]).rank, kv[0]))
    ]
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_rule[f.rule_id].append(f)
    clauses = []
    for req in policy.requirements:
        fs = by_rule.get(req.id, [])
        clauses.append({"rule_id": req.id, "clause": req.clause, "title": req.title, "modality": req.modality.value,
                        "kind": req.kind.value, "quote": req.quote, "status": roll_up(f.status for f in fs).value,
                        "counts": _counts(fs)})
    severity = {m.value: _counts([f for f in findings if f.modality is m]) for m in Modality}
    return {
        "meta": {
            "city": policy.code, "city_name": policy.info.name, "document": policy.info.document,
            "issuer": policy.info.issuer, "as_of": ev.as_of.isoformat(), "plugin_version": ev.plugin_version,
            "data_hash": ev.data_hash, "run_id": run_id,
        },
        "summary": {"status": roll_up(f.status for f in findings).value, "counts": _counts(findings),
                    "subjects": len(subjects), "overdue": sum(f.overdue for f in findings)},
        "precedence": [s.value for s in PRECEDENCE],
        "by_severity": severity,
        "by_clause": clauses,
        "subjects": subjects,
        "actions": action_list(findings),
        "actions_by_subject": actions_by_subject(findings),
    }


def comparison(evaluations: list[Evaluation]) -> dict[str, Any]:
    """Requirement by requirement (aligned on topic), where the plans differ for the same subject.

    A topic one city decides and another does not is shown with '—' for the other; data the
    other plan needs and the subject lacks shows as 缺数据, as the engine decided it.
    """
    cities = [ev.city for ev in evaluations]
    cells: dict[tuple[str, str], dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for ev in evaluations:
        for f in ev.findings:
            if f.topic.startswith("attest."):
                continue
            cells[(f.subject_id, f.topic)][ev.city].append(f)
            names[f.subject_id] = f.subject_name
    rows = []
    for (sid, topic), per_city in sorted(cells.items()):
        if len(per_city) < 2:
            continue
        entry: dict[str, Any] = {"subject_id": sid, "subject_name": names[sid], "topic": topic, "cities": {}}
        demands: list[set[tuple[str, Any]]] = []
        for city in cities:
            fs = sorted(per_city.get(city, []), key=lambda f: f.rule_id)
            if not fs:
                entry["cities"][city] = None
                continue
            entry["cities"][city] = {
                "status": roll_up(f.status for f in fs).value,
                "rules": [{"status": f.status.value, "rule_id": f.rule_id, "clause": f.clause, "title": f.title,
                           "required": f.required, "observed": f.observed, "unit": f.unit,
                           "gap_text": f.gap_text, "modality": f.modality.value} for f in fs],
            }
            demands.append({(f.unit, f.required, f.modality.value, f.period)
                            for f in fs if f.status is not Status.NOT_APPLICABLE})
        statuses = {c["status"] for c in entry["cities"].values() if c}
        # Plans differ for this school when the outcome differs, or when they demand different
        # things: another amount (1:1000 → 2 teachers vs 1:800 → 3, or an extra minimum), another
        # force (支持 vs 须) or another period (per school year vs per semester).
        entry["differs"] = len(statuses) > 1 or any(d != demands[0] for d in demands[1:])
        rows.append(entry)
    return {"cities": cities, "rows": rows, "differing": sum(r["differs"] for r in rows)}
