"""Writing reports to disk: HTML (jinja2, offline), JSON, and the action list as CSV.

A city report is one page (overview, worst districts and schools, charts, the most urgent
actions, clauses) plus one drill-down page per district in `<stem>-districts/`, so a
province-sized run stays readable: the city page lists at most `SCHOOL_ROWS` schools, each
district page all of its own. Charts are plain SVG drawn by the templates (no script, no URL).
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import re
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, PackageLoader, select_autoescape

from mhpolicy.core.rules.queries import fmt_num

from .build import ACTION_COLUMNS, CSV_HEADERS, school_order
from .plain import plain
from .tallies import SubjectRows

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


def of_kinds(rows: Any, *kinds: str) -> Any:
    """The report's subject rows of these kinds (`{% for s in r.subjects | of_kinds("city") %}`)."""
    if isinstance(rows, SubjectRows):
        return rows.of_kinds(*kinds)
    return [s for s in rows if s["kind"] in kinds]


_env.filters["district_file"] = district_file
_env.filters["of_kinds"] = of_kinds
_env.filters["school_file"] = school_file


_JSON = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS
JSON_PIECE = 5000  # list items dumped at a time when a report's list is longer


def _write_json(path: Path, data: Any) -> None:
    """`data` as indented JSON, the bytes `orjson.dumps(data, option=_JSON)` would give. A list
    longer than JSON_PIECE, at the top or inside objects (a province's every-subject list, the
    overview's every-school list), is written a piece at a time: dumped whole, a million subjects'
    report was a 1.17 GB bytes object on top of the rows."""
    with path.open("wb") as fh:
        _write_value(fh, data, 0)


def _write_value(fh: Any, value: Any, depth: int) -> None:
    """`value` as it reads `depth` levels down the document (its first line not indented)."""
    pad = b"  " * depth
    if isinstance(value, SubjectRows) and len(value) <= JSON_PIECE:
        value = value[:]  # rows made from the tallies (tallies.SubjectRows): a few are dumped as a list
    if isinstance(value, dict) and _has_long_list(value):
        fh.write(b"{\n")
        for n, (key, item) in enumerate(value.items()):
            fh.write(pad + b"  " + orjson.dumps(key) + b": ")
            _write_value(fh, item, depth + 1)
            fh.write(b",\n" if n < len(value) - 1 else b"\n")
        fh.write(pad + b"}")
    elif isinstance(value, (list, SubjectRows)) and len(value) > JSON_PIECE:
        fh.write(b"[\n")
        for at in range(0, len(value), JSON_PIECE):
            piece = b",\n".join(pad + b"  " + _nested(item, depth + 1) for item in value[at:at + JSON_PIECE])
            fh.write(piece + (b",\n" if at + JSON_PIECE < len(value) else b"\n"))
        fh.write(pad + b"]")
    else:
        fh.write(_nested(value, depth))


def _has_long_list(value: Any) -> bool:
    """A list longer than JSON_PIECE is `value` or lies inside it through objects with text keys
    (the only keys written here as orjson writes them). Rows made on demand count as long: orjson
    cannot dump them, so the objects holding them are written key by key."""
    if isinstance(value, SubjectRows):
        return True
    if isinstance(value, list):
        return len(value) > JSON_PIECE
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return any(_has_long_list(v) for v in value.values() if isinstance(v, (list, dict, SubjectRows)))
    return False


def _nested(value: Any, depth: int) -> bytes:
    """`value` dumped as it reads `depth` levels down an indented document: every line after the
    first indented by two spaces a level (JSON strings hold no raw newline, so lines are safe)."""
    dumped = orjson.dumps(value, option=_JSON)
    return dumped.replace(b"\n", b"\n" + b"  " * depth) if depth else dumped


def write_actions_csv(path: Path, actions: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM so Excel reads the Chinese
        w = csv.DictWriter(fh, fieldnames=ACTION_COLUMNS, extrasaction="ignore")
        w.writerow(CSV_HEADERS)
        w.writerows(a | {"overdue": "是" if a["overdue"] else "否"} for a in actions)


def write_gap_report(out: Path, report: dict[str, Any], stem: str, page_workers: int | None = None) -> list[Path]:
    """HTML and JSON, and the district pages (written by up to `page_workers` processes, PAGE_WORKERS
    if None); the actions CSV too when the report carries its action list (small data). A streamed
    check writes the CSV itself as chunks arrive (ReportBuilder)."""
    out.mkdir(parents=True, exist_ok=True)
    html, js = out / f"{stem}.html", out / f"{stem}.json"
    districts_dir = f"{stem}-districts"
    pages = report["meta"].get("school_pages")  # the schools' pages, relative to this folder
    with html.open("w", encoding="utf-8") as fh:  # streamed: a large report is never one string
        _env.get_template("report.html.j2").stream(r=report, districts_dir=districts_dir, pages=pages).dump(fh)
    _write_json(js, report)
    paths = [html, js]
    if report.get("overview", {}).get("district_pages"):
        paths.append(_write_district_pages(out / districts_dir, report, stem,
                                           pages and (pages if "://" in pages else f"../{pages}"), page_workers))
    if "actions" in report:
        actions = out / f"{stem}-actions.csv"
        write_actions_csv(actions, report["actions"])
        paths.append(actions)
    return paths


# District pages are independent of each other and written after the last chunk, when the
# worker processes are done: with many districts, forked processes write them side by side.
# Measured at 100,000 synthetic 福州 institutions (1,000 districts, 100,000 school rows), they
# were ~4 s of the check's serial end in one process. A forked writer copies every memory page
# whose objects it reads (reading writes their reference counts), so past PARALLEL_UP_TO school
# rows the pages are written in one process: at a million rows the copies would add ~1 GB.
PAGE_WORKERS = 2
PARALLEL_FROM = 64  # districts: below it, forking costs more than it saves
PARALLEL_UP_TO = 200_000  # school rows
_PAGES_JOB: tuple[Path, dict[str, Any], str, str | None, list[dict[str, Any]],
                  dict[str, Any], dict[str, Any]] | None = None


def _write_district_pages(folder: Path, report: dict[str, Any], stem: str, pages: str | None,
                          workers: int | None = None) -> Path:
    global _PAGES_JOB
    folder.mkdir(parents=True, exist_ok=True)
    listed = report["overview"]["schools"]
    schools: dict[str, Any] = {}
    if isinstance(listed, SubjectRows):  # grouped by position: a district's rows are made when its page is
        schools = listed.by_district()
    else:
        for s in listed:
            schools.setdefault(s["district_id"] or "—", []).append(s)
    actions = {g["subject_id"]: g for g in report["actions_by_subject"]}
    districts = report["overview"]["districts"]
    _PAGES_JOB = (folder, report, stem, pages, districts, schools, actions)
    try:
        workers = min(PAGE_WORKERS if workers is None else workers, os.cpu_count() or 1)
        rows = len(report["overview"]["schools"])
        if (workers < 2 or len(districts) < PARALLEL_FROM or rows > PARALLEL_UP_TO
                or "fork" not in multiprocessing.get_all_start_methods()):
            _district_slice((0, len(districts)))
            return folder
        step = -(-len(districts) // workers)
        with multiprocessing.get_context("fork").Pool(workers) as pool:  # children read the job, not a pickle of it
            pool.map(_district_slice, [(at, min(at + step, len(districts))) for at in range(0, len(districts), step)])
    finally:
        _PAGES_JOB = None
    return folder


def _district_slice(bounds: tuple[int, int]) -> None:
    """Write the pages of districts [start, end) of the job set by `_write_district_pages`."""
    assert _PAGES_JOB is not None
    folder, report, stem, pages, districts, schools, actions = _PAGES_JOB
    template = _env.get_template("district.html.j2")
    for d in districts[bounds[0]:bounds[1]]:
        rows = sorted(schools.get(d["id"], []), key=school_order)
        with (folder / district_file(d["id"])).open("w", encoding="utf-8") as fh:
            template.stream(r=report, d=d, schools=rows, actions=[actions[s["id"]] for s in rows if s["id"] in actions],
                            back=f"../{stem}.html", pages=pages).dump(fh)


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
