"""The reports as a reader sees them: printed to PDF by a real browser (headless Chromium).

Skipped only where Chromium is not installed (.ci/run installs Debian's chromium and
fonts-noto-cjk). The PDF text is read with pypdf; a CJK font may map a character to its
radical form (门 printed as ⻔), so texts are matched allowing that.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from mhpolicy.core.check import CheckRequest, run_check

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
# A developer without Chromium skips these; CI (.ci/run installs it and sets the variable) never does.
if CHROMIUM is None and os.environ.get("MHPOLICY_REQUIRE_BROWSER"):
    raise RuntimeError("MHPOLICY_REQUIRE_BROWSER is set but no chromium is installed / 未安装 chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")


def _print_pdf(html: Path, pdf: Path) -> PdfReader:
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], check=True, capture_output=True, timeout=120)
    return PdfReader(pdf)


def _text(reader: PdfReader | _Pages) -> str:
    raw = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
    return re.sub(r"\s+", "", raw)


def _shows(text: str, expected: str) -> bool:
    """`expected` appears in the PDF text (each ideograph may come out as a radical form)."""
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
                      for c in re.sub(r"\s+", "", unicodedata.normalize("NFKC", expected)))
    return re.search(pattern, text) is not None


class _Pages:
    """A few pages of a PDF, read like a whole one."""

    def __init__(self, pages: list) -> None:  # type: ignore[type-arg]
        self.pages = pages


def _no_external_url(html: str) -> bool:
    # the SVG namespace (xmlns) names, it does not fetch; nothing else may point outside
    fetched = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", html)
    return not fetched


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser")
    run_check(CheckRequest(cities=["fuzhou", "nanchang"], out=out / "out", db=str(out / "s.db"), per_school=out / "schools"))
    return out


def test_the_printed_city_report_shows_the_overview_chart_and_explanations(reports: Path) -> None:
    html = reports / "out" / "fuzhou.html"
    pdf = _print_pdf(html, reports / "city.pdf")
    text = _text(pdf)
    report = json.loads((reports / "out" / "fuzhou.json").read_text(encoding="utf-8"))
    first_two = _text(_Pages(list(pdf.pages)[:2]))
    assert _shows(first_two, "总览：学校达标情况") and _shows(first_two, "各项指标达标率（达标学校/适用学校）")
    assert _shows(text, "总览：学校达标情况") and _shows(text, f"学校{report['overview']['city']['schools']}所")
    assert "<svg" in html.read_text(encoding="utf-8")
    assert _shows(text, "各项指标达标率（达标学校/适用学校）")  # the chart's own title, drawn in the SVG
    worst = min(report["overview"]["indicators"], key=lambda i: (i["rate"] is None, i["rate"] or 0))
    assert _shows(text, f"{worst['met']}/{worst['applicable']}")  # a bar's label
    # schools by type: the stacked chart's title and a bar's label, drawn in the SVG
    assert _shows(first_two, "各类学校的结论（学校数，按最严重的结论归类）")
    kinds = report["overview"]["types"]
    assert kinds["known"] and all(_shows(text, f"{r['label']}（{r['schools']}所）") for r in kinds["rows"])
    # explanations sit in <details>: the print stylesheet opens them
    fail = next(f for s in report["subjects"] for f in s["findings"] if f["status"] == "不符合")
    assert _shows(text, fail["explanation"][:20])
    assert _no_external_url(html.read_text(encoding="utf-8"))


def test_a_printed_school_feedback_fits_two_a4_pages_and_says_how_to_send_it_back(reports: Path) -> None:
    pages = []
    for city in ("fuzhou", "nanchang"):
        index = (reports / "schools" / city / "index.html").read_text(encoding="utf-8")
        own = [p for p in (reports / "schools" / city).glob("*.html") if p.name != "index.html"]
        assert len(own) == index.count('<a href="') > 0  # every school has a page, linked from the index
        pages += own
    # the school with the most to do (the longest page) still fits two A4 pages
    longest = max(pages, key=lambda p: p.stat().st_size)
    pdf = _print_pdf(longest, reports / "school.pdf")
    text = _text(pdf)
    html = longest.read_text(encoding="utf-8")
    name = re.search(r"<h1>(.+?)学生心理健康工作检查反馈</h1>", html)[1]  # type: ignore[index]
    assert 1 <= len(pdf.pages) <= 2
    assert _shows(text, f"{name}学生心理健康工作检查反馈")
    assert _shows(text, "本期待完成") and _shows(text, "剩余天数")
    assert _shows(text, "确认人（职务）") and _shows(text, "校长签字") and _shows(text, "10个工作日内")
    assert _shows(text, "不适用于本校的要求未列出") and text.count("不适用") == 1  # nothing else 不适用
    assert not re.search(r"[a-z_]+\[[^\]]*\]", re.sub(r"<[^>]+>", "", html).split("注：")[0])  # no data paths
    assert _no_external_url(html)
