"""Writing reports to disk: HTML (jinja2, offline), JSON, and the action list as CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, PackageLoader, select_autoescape

_env = Environment(loader=PackageLoader("mhpolicy.reports", "templates"), autoescape=select_autoescape(["html", "j2"]))
_ACTION_COLUMNS = ["subject_id", "subject_name", "action", "clause", "rule_id", "status", "modality", "due", "overdue", "period"]


def _write_json(path: Path, data: Any) -> None:
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))


def write_gap_report(out: Path, report: dict[str, Any], stem: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    html, js, actions = out / f"{stem}.html", out / f"{stem}.json", out / f"{stem}-actions.csv"
    html.write_text(_env.get_template("report.html.j2").render(r=report), encoding="utf-8")
    _write_json(js, report)
    with actions.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM so Excel reads the Chinese
        w = csv.DictWriter(fh, fieldnames=_ACTION_COLUMNS, extrasaction="ignore")
        w.writeheader()
        w.writerows(report["actions"])
    return [html, js, actions]


def write_comparison(out: Path, comp: dict[str, Any], meta: dict[str, Any]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    html, js = out / "comparison.html", out / "comparison.json"
    html.write_text(_env.get_template("comparison.html.j2").render(c=comp, meta=meta), encoding="utf-8")
    _write_json(js, comp)
    return [html, js]
