"""Schools by type in the city overview (each school once, under its worst judged outcome), the
same counts when a stored run is re-rendered, an honest note when the types are not known, and
links from the city and district pages to each school's own feedback page; what people read
names topics, missing records and the city in Chinese, not as codes."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest

from mhpolicy.core.cli import main
from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.store import Store
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import discover, load_modules
from mhpolicy.core.rules.requirement import RequirementKind
from mhpolicy.reports.build import ReportBuilder, gap_report, report_meta
from mhpolicy.reports.render import write_gap_report
from mhpolicy.reports.school import pages_href, school_view

from .plugin_kit import dataset, plugin_module, requirement, school

NAMES = {"D1": "一区", "D2": "二区"}


def _junior(sid: str, full_time: int, **kw: object) -> dict[str, object]:
    return school(sid, full_time, kind="junior", enrollment=[{"grade": 7, "stage": "junior", "students": 400}], **kw)


def _evaluated(tmp_path: Path):  # type: ignore[no-untyped-def]
    reqs = [requirement(rid="staff"), requirement(rid="att", kind=RequirementKind.ATTESTATION, word="要")]
    policy = load_modules({"t": plugin_module(tmp_path, reqs)}).get("testcity")
    data = dataset(school("A", 0), school("B", 5), _junior("C", 2, district_id="D2"), _junior("E", 1, district_id="D2"),
                   _junior("F", 3))
    data["districts"].append({"id": "D2", "name": "二区"})
    return policy, evaluate(Dataset.model_validate(data), policy, date(2024, 6, 1))


def _standings(row: dict) -> dict[str, int]:  # type: ignore[type-arg]
    return {k: n for k, n in row["standings"].items() if n}


def test_schools_are_counted_once_by_type_under_their_worst_judged_outcome(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    o = gap_report(ev, policy, district_names=NAMES)["overview"]
    rows = o["types"]["rows"]
    # every school awaits the attestation (待人工确认): it does not hide what was judged
    assert [(r["label"], r["schools"], _standings(r)) for r in rows] == [
        ("小学", 2, {"不符合": 1, "符合": 1}), ("初级中学", 3, {"不符合": 1, "符合": 2})]
    assert [(r["met"], r["applicable"], r["rate"]) for r in rows] == [(1, 2, 0.5), (2, 3, 2 / 3)]
    assert o["types"]["known"] and o["types"]["standings"] == ["不符合", "符合"]  # no column of zeros
    d2 = o["types_by_district"]["D2"]["rows"]
    assert [(r["label"], r["schools"], _standings(r)) for r in d2] == [("初级中学", 2, {"不符合": 1, "符合": 1})]


def test_the_city_and_district_pages_draw_the_chart_of_schools_by_type(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    html, _, districts, _ = write_gap_report(tmp_path / "out", gap_report(ev, policy, district_names=NAMES), "t")
    page = html.read_text(encoding="utf-8")
    chart = re.search(r'<svg[^>]*aria-label="各类学校的结论（学校数，按最严重的结论归类）".*?</svg>', page, re.S)
    assert chart is not None and "小学（2所）" in chart[0] and "初级中学（3所）" in chart[0]
    assert "<title>初级中学：符合 2所</title>" in chart[0]  # each segment names what it counts
    d2 = (districts / "D2.html").read_text(encoding="utf-8")
    assert "各类学校情况（二区）" in d2 and "初级中学（2所）" in d2 and "小学（" not in d2


def test_schools_whose_type_is_not_known_are_said_to_be_so(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    untyped = [dataclasses.replace(f, subject_type=None) for f in ev.findings]
    builder = ReportBuilder(policy, ev, district_names=NAMES)
    builder.add(untyped)
    report = builder.report()
    assert not report["overview"]["types"]["known"]
    page = write_gap_report(tmp_path / "none", report, "t")[0].read_text(encoding="utf-8")
    assert "无法按学校类型统计" in page and "各类学校的结论（学校数" not in page
    builder = ReportBuilder(policy, ev, district_names=NAMES)  # some known, some not: 类型未知 last
    builder.add([f if f.subject_id != "A" else dataclasses.replace(f, subject_type=None) for f in ev.findings])
    types = builder.report()["overview"]["types"]
    assert [(r["label"], r["schools"]) for r in types["rows"]] == [("小学", 1), ("初级中学", 3), ("类型未知", 1)]
    page = write_gap_report(tmp_path / "some", builder.report(), "t")[0].read_text(encoding="utf-8")
    assert "另有 1 所学校的记录不含学校类型" in page


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_re_rendered_run_reads_the_school_types_from_the_archived_data(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--out", "o"]) == 0
    original = json.loads((here / "o" / "fuzhou.json").read_text(encoding="utf-8"))["overview"]["types"]
    assert original["known"] and sum(r["schools"] for r in original["rows"]) == 12
    assert main(["runs", "show", "1", "--db", "s.db", "--out", "again"]) == 0
    assert json.loads((here / "again" / "fuzhou-run1.json").read_text(encoding="utf-8"))["overview"]["types"] == original

    def no_copy(self: Store, data_hash: str) -> bytes:
        raise KeyError(data_hash)

    monkeypatch.setattr(Store, "dataset_bytes", no_copy)  # a store without the checked data: no type is guessed
    assert main(["runs", "show", "1", "--db", "s.db", "--out", "blind"]) == 0
    types = json.loads((here / "blind" / "fuzhou-run1.json").read_text(encoding="utf-8"))["overview"]["types"]
    assert not types["known"] and types["unknown"] == 12
    assert "无法按学校类型统计" in (here / "blind" / "fuzhou-run1.html").read_text(encoding="utf-8")


def test_a_re_rendered_run_of_json_lines_data_reads_the_types_line_by_line(here: Path) -> None:
    sample = json.loads(Path(str(discover().get("fuzhou").sample_path())).read_text(encoding="utf-8"))
    schools = sample.pop("institutions")
    lines = [json.dumps(sample, ensure_ascii=False)] + [json.dumps(x, ensure_ascii=False) for x in schools]
    (here / "schools.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", "--city", "fuzhou", "--data", "schools.jsonl", "--db", "s.db", "--out", "o"]) == 0
    assert main(["runs", "show", "1", "--db", "s.db", "--out", "again"]) == 0
    original = json.loads((here / "o" / "fuzhou.json").read_text(encoding="utf-8"))["overview"]["types"]
    shown = json.loads((here / "again" / "fuzhou-run1.json").read_text(encoding="utf-8"))["overview"]["types"]
    assert shown == original and shown["known"] and shown["unknown"] == 0


_HREF = re.compile(r'href="([^"#]+)"')


def _links(page: Path) -> list[Path]:
    return [(page.parent / unquote(h)).resolve() for h in _HREF.findall(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("out", "per_school"), [("o", "fb"), ("reports/city", "fb"), ("o", "o/各校 反馈")])
def test_every_school_links_to_its_own_page_and_every_link_resolves(here: Path, out: str, per_school: str) -> None:
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--out", out, "--per-school", per_school]) == 0
    pages = {p.resolve() for p in (here / per_school / "fuzhou").glob("*.html")}
    city = here / out / "fuzhou.html"
    district_pages = sorted((here / out / "fuzhou-districts").glob("*.html"))
    assert district_pages
    for page in [city, *district_pages]:
        links = _links(page)
        assert links and all(p.is_file() for p in links), page
    schools = {p for p in _links(city) if p in pages}
    assert len(schools) == 13  # the 12 schools and the index of all feedback pages
    from_districts = {p for d in district_pages for p in _links(d) if p in pages}
    assert from_districts == schools - {(here / per_school / "fuzhou" / "index.html").resolve()}


def test_without_per_school_pages_the_city_report_links_no_school(here: Path) -> None:
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--out", "o"]) == 0
    pages = [here / "o" / "fuzhou.html", *(here / "o" / "fuzhou-districts").glob("*.html")]
    for page in pages:
        assert all(p.is_file() for p in _links(page)), page
    assert not any("RX-" in h for p in pages for h in _HREF.findall(p.read_text(encoding="utf-8")))


def test_the_link_to_the_school_pages_is_relative_and_url_safe(tmp_path: Path) -> None:
    assert pages_href(tmp_path / "fb" / "fuzhou", tmp_path / "reports" / "city") == "../../fb/fuzhou"
    assert pages_href(tmp_path / "o" / "各校 反馈" / "fuzhou", tmp_path / "o") == "%E5%90%84%E6%A0%A1%20%E5%8F%8D%E9%A6%88/fuzhou"


def test_a_school_feedback_names_the_schools_type_in_its_header(tmp_path: Path) -> None:
    policy, ev = _evaluated(tmp_path)
    view = school_view([f for f in ev.findings if f.subject_id == "C"], ev.as_of, report_meta(policy, ev), "二区")
    assert view["school"]["type"] == "初级中学"


def test_comparison_and_city_pages_name_topics_missing_records_and_the_city_in_chinese(here: Path) -> None:
    assert main(["check", "--sample", "fuzhou", "--city", "fuzhou", "--city", "nanchang", "--db", "s.db", "--out", "o"]) == 0
    page = (here / "o" / "comparison.html").read_text(encoding="utf-8")
    comp = json.loads((here / "o" / "comparison.json").read_text(encoding="utf-8"))
    assert "需补报：" in page and any(t["label"] in page for t in comp["topics"])
    assert not re.search(r"（[a-z_]+(\[[^\]]*\])?(\.[a-z_\[\]]+)*）", page)  # no data path such as （staff[].trainings）
    assert not any(f">{t['topic']}<" in page or f"<code>{t['topic']}" in page for t in comp["topics"])
    for city in ("fuzhou", "nanchang"):  # the city is named, not coded, where its own duties are listed
        city_page = (here / "o" / f"{city}.html").read_text(encoding="utf-8")
        assert "<h3>福州市" in city_page and "（fuzhou）" not in city_page


def test_a_findings_school_type_travels_from_the_worker_processes() -> None:
    from mhpolicy.core.evaluation.pipeline import run_stream
    from mhpolicy.core.io.source import open_source

    policy = discover().get("fuzhou")
    source = open_source(Path(str(policy.sample_path())))
    found = [f for part in run_stream(source, [policy], source.header.as_of, workers=2, chunk=3) for f in part["fuzhou"]]
    kinds = {f.subject_id: f.subject_type for f in found if f.subject_kind == "institution"}
    assert len(kinds) == 12 and kinds["RX-P01"] == "primary" and None not in kinds.values()
    assert all(f.subject_type is None for f in found if f.subject_kind in ("city", "district"))
