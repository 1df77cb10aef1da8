"""Writing reports to disk: HTML (jinja2, offline), JSON, and the action list as CSV.

A city report is one page (overview, worst districts and schools, charts, the most urgent
actions, clauses) plus one drill-down page per district in `<stem>-districts/`, so a
province-sized run stays readable: the city page lists at most `SCHOOL_ROWS` schools, each
district page all of its own. Charts are plain SVG drawn by the templates (no script, no URL).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, PackageLoader, select_autoescape

from mhpolicy.core.rules.queries import fmt_num

from .build import ACTION_COLUMNS, CSV_HEADERS, school_order
from .plain import plain

_env = Environment(loader=PackageLoader("mhpolicy.reports", "templates"), autoescape=select_autoescape(["html", "j2"]))
_env.filters["num"] = lambda x: "" if x is None else fmt_num(x)  # 12.0学时 reads as 12学时
_env.filters["pct"] = lambda x: "—" if x is None else f"{x * 100:.1f}%"
_env.filters["plain"] = plain
_UNSAFE = re.compile(r"[^\w.-]+")


def district_file(district_id: str) -> str:
    return _UNSAFE.sub("_", district_id) + ".html"


def school_file(school_id: str) -> str:
    """A school's feedback page name (--per-school): its id, anything a file system may refuse replaced."""
    return _UNSAFE.sub("_", school_id) + ".html"


_env.filters["district_file"] = district_file
_env.filters["school_file"] = school_file


def _write_json(path: Path, data: Any) -> None:
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))


def write_actions_csv(path: Path, actions: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM so Excel reads the Chinese
        w = csv.DictWriter(fh, fieldnames=ACTION_COLUMNS, extrasaction="ignore")
        w.writerow(CSV_HEADERS)
        w.writerows(a | {"overdue": "是" if a["overdue"] else "否"} for a in actions)


def write_gap_report(out: Path, report: dict[str, Any], stem: str) -> list[Path]:
    """HTML and JSON, and the district pages; the actions CSV too when the report carries its
    action list (small data). A streamed check writes the CSV itself as chunks arrive (ReportBuilder)."""
    out.mkdir(parents=True, exist_ok=True)
    html, js = out / f"{stem}.html", out / f"{stem}.json"
    districts_dir = f"{stem}-districts"
    pages = report["meta"].get("school_pages")  # the schools' pages, relative to this folder
    with html.open("w", encoding="utf-8") as fh:  # streamed: a large report is never one string
        _env.get_template("report.html.j2").stream(r=report, districts_dir=districts_dir, pages=pages).dump(fh)
    _write_json(js, report)
    paths = [html, js]
    if report.get("overview", {}).get("district_pages"):
        paths.append(_write_district_pages(out / districts_dir, report, stem, pages and (pages if "://" in pages else f"../{pages}")))
    if "actions" in report:
        actions = out / f"{stem}-actions.csv"
        write_actions_csv(actions, report["actions"])
        paths.append(actions)
    return paths


def _write_district_pages(folder: Path, report: dict[str, Any], stem: str, pages: str | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    schools: dict[str, list[dict[str, Any]]] = {}
    for s in report["overview"]["schools"]:
        schools.setdefault(s["district_id"] or "—", []).append(s)
    actions = {g["subject_id"]: g for g in report["actions_by_subject"]}
    template = _env.get_template("district.html.j2")
    for d in report["overview"]["districts"]:
        rows = sorted(schools.get(d["id"], []), key=school_order)
        with (folder / district_file(d["id"])).open("w", encoding="utf-8") as fh:
            template.stream(r=report, d=d, schools=rows, actions=[actions[s["id"]] for s in rows if s["id"] in actions],
                            back=f"../{stem}.html", pages=pages).dump(fh)
    return folder


def write_school_page(path: Path, view: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        _env.get_template("school.html.j2").stream(v=view).dump(fh)


def write_school_index(path: Path, meta: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        _env.get_template("school_index.html.j2").stream(meta=meta, rows=rows).dump(fh)


def write_comparison(out: Path, comp: dict[str, Any], meta: dict[str, Any]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    html, js = out / "comparison.html", out / "comparison.json"
    html.write_text(_env.get_template("comparison.html.j2").render(c=comp, meta=meta), encoding="utf-8")
    _write_json(js, comp)
    return [html, js]
