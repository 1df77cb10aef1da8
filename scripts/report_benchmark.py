"""Report figures on synthetic data (scripts/synthetic.py): city HTML size and render time,
and the per-school pass, as issue #14 asks them.

    python scripts/report_benchmark.py --sizes 3000,20000 [--city fuzhou]

For each N it decides the data once (run_stream, the one engine path), feeding the report
builder chunk by chunk as `mhpolicy check` does, then prints:
- feed: the builder's time over all chunks (counts, overview, CSV rows), without the engine;
- render: `ReportBuilder.report()` plus writing the city HTML, JSON and district pages;
- the city HTML's size, the district pages' total size and the largest one;
- chromium: the wall time of headless Chromium loading the city page and taking a full-page
  screenshot (1280 wide), and the same for an empty page (the browser's own start-up), when
  Chromium is installed;
- per-school pass: the extra time of writing one feedback page per school as chunks arrive
  (with the city page's links to them, as `check --per-school` writes them).
It prints figures; it asserts nothing. Measured on the shared 2-core machine (session 19, 福州,
with the by-type chart and the school links):
N=3000: feed 0.9 s, render 5.1 s; city HTML 0.62 MB; district pages 15.1 MB, largest 0.54 MB;
per-school pages 3000 in 4.1 s (27.2 MB); chromium: city page 3.0 s (an empty page 2.0 s).
N=20000: feed 5.7 s, render 3.7 s; city HTML 0.57 MB; district pages 10.8 MB, largest 0.11 MB;
per-school pages 20000 in 25.7 s (180.7 MB); chromium: city page 4.2 s (an empty page 2.5 s).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mhpolicy.core.evaluation.evaluate import Evaluation
from mhpolicy.core.evaluation.pipeline import run_stream
from mhpolicy.core.io.source import open_source
from mhpolicy.core.plugins.registry import discover
from mhpolicy.reports.build import ReportBuilder, report_meta
from mhpolicy.reports.render import write_gap_report
from mhpolicy.reports.school import SchoolPages, pages_href

SCRIPTS = Path(__file__).resolve().parent


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def chromium_seconds(html: Path, shot: Path) -> float:
    """Headless Chromium: load the page and screenshot it (what a reader waits for, start-up included)."""
    assert CHROMIUM is not None
    t0 = time.perf_counter()
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={shot}", "--window-size=1280,2400", html.as_uri()],
                   check=True, capture_output=True, timeout=600)
    return time.perf_counter() - t0


def bench(n: int, city: str, work: Path) -> None:
    data = work / f"synthetic-{city}-{n}.json"
    if not data.exists():
        subprocess.run([sys.executable, str(SCRIPTS / "synthetic.py"), str(n), str(data), "--city", city], check=True)
    policy = discover().get(city)
    source = open_source(data)
    as_of = source.header.as_of
    parts = [part[city] for part in run_stream(source, [policy], as_of, workers=1)]
    ev = Evaluation(city, as_of, policy.info.version, source.digest)
    out = work / f"out-{n}"
    with (work / f"actions-{n}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        builder = ReportBuilder(policy, ev, fh)
        t0 = time.perf_counter()
        for findings in parts:
            builder.add(findings)
        feed = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_gap_report(out, builder.report(1), city)
    render = time.perf_counter() - t0
    plain = ReportBuilder(policy, ev)
    t0 = time.perf_counter()
    for findings in parts:
        plain.add(findings)
    without_pages = time.perf_counter() - t0
    paged = ReportBuilder(policy, ev)
    paged.school_pages = SchoolPages(work / f"schools-{n}", as_of, report_meta(policy, ev), paged.overview.district_names,
                                     href=pages_href(work / f"schools-{n}", out))
    t0 = time.perf_counter()
    for findings in parts:
        paged.add(findings)
    paged.school_pages.close()
    pages = time.perf_counter() - t0 - without_pages
    write_gap_report(out, paged.report(1), city)  # the city page as readers get it: schools linked to their pages
    html, districts = out / f"{city}.html", out / f"{city}-districts"
    largest = max((p.stat().st_size for p in districts.iterdir()), default=0) if districts.exists() else 0
    browser = ""
    if CHROMIUM is not None:
        empty = work / "empty.html"
        empty.write_text("<!doctype html><meta charset=utf-8><p>空白", encoding="utf-8")
        browser = (f"; chromium: city page {chromium_seconds(html, work / 'city.png'):.1f} s "
                   f"(an empty page {chromium_seconds(empty, work / 'empty.png'):.1f} s)")
    print(f"N={n:>6}: feed {feed:.1f} s, render {render:.1f} s; city HTML {_size(html) / 1e6:.2f} MB; district pages "
          f"{_size(districts) / 1e6:.1f} MB in all, largest {largest / 1e6:.2f} MB; per-school pages "
          f"{len(paged.school_pages.index)} in {pages:.1f} s ({_size(work / f'schools-{n}') / 1e6:.1f} MB){browser}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="3000,20000")
    ap.add_argument("--city", default="fuzhou")
    ap.add_argument("--keep", type=Path, help="write into this folder and keep it (data, reports, pages)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in (int(x) for x in args.sizes.split(",")):
            bench(n, args.city, work)


if __name__ == "__main__":
    main()
