"""Writing reports to disk: HTML (jinja2, offline), JSON, and the action list as CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, PackageLoader, select_autoescape

from mhpolicy.core.rules.queries import fmt_num

from .build import ACTION_COLUMNS

_env = Environment(loader=PackageLoader("mhpolicy.reports", "templates"), autoescape=select_autoescape(["html", "j2"]))
_env.filters["num"] = lambda x: "" if x is None else fmt_num(x)  # 12.0学时 reads as 12学时


def _write_json(path: Path, data: Any) -> None:
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))


def write_gap_report(out: Path, report: dict[str, Any], stem: str) -> list[Path]:
    """HTML and JSON; the actions CSV too when the report carries its action list (small data).
    A streamed check writes the CSV itself as chunks arrive (ReportBuilder)."""
    out.mkdir(parents=True, exist_ok=True)
    html, js = out / f"{stem}.html", out / f"{stem}.json"
    with html.open("w", encoding="utf-8") as fh:  # streamed: a large report is never one string
        _env.get_template("report.html.j2").stream(r=report).dump(fh)
    _write_json(js, report)
    paths = [html, js]
    if "actions" in report:
        actions = out / f"{stem}-actions.csv"
        with actions.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM so Excel reads the Chinese
            w = csv.DictWriter(fh, fieldnames=ACTION_COLUMNS, extrasaction="ignore")
            w.writeheader()
            w.writerows(report["actions"])
        paths.append(actions)
    return paths


def write_comparison(out: Path, comp: dict[str, Any], meta: dict[str, Any]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    html, js = out / "comparison.html", out / "comparison.json"
    html.write_text(_env.get_template("comparison.html.j2").render(c=comp, meta=meta), encoding="utf-8")
    _write_json(js, comp)
    return [html, js]
