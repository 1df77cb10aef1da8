"""Progress between checks: fixed / new / still open, `mhpolicy diff`, `runs show`, and the
section a city report gets when an earlier run of the same city and data file exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mhpolicy.core.cli import main
from mhpolicy.core.plugins.registry import discover
from mhpolicy.reports.progress import compare

SAMPLE = Path(str(discover().get("fuzhou").sample_path()))


def test_items_are_fixed_new_still_open_or_no_longer_judged() -> None:
    before = {("institution", "A", "r1", ""): ("不符合", "学校A", "D1"), ("institution", "A", "r2", ""): ("缺数据", "学校A", "D1"),
              ("institution", "B", "r1", ""): ("符合", "学校B", "D1"), ("institution", "B", "r2", "2024年"): ("不符合", "学校B", "D1")}
    after = {("institution", "A", "r1", ""): ("符合", "学校A", "D1"), ("institution", "A", "r2", ""): ("缺数据", "学校A", "D1"),
             ("institution", "B", "r1", ""): ("不符合", "学校B", "D1")}
    d = compare(before, after)
    assert d["totals"] == {"fixed": 1, "new": 1, "still_open": 1, "dropped": 1}
    assert [(s["id"], s["fixed"], s["new"], s["still_open"]) for s in d["schools"]] == [("B", 0, 1, 0), ("A", 1, 0, 1)]
    assert d["districts"] == [{"id": "D1", "name": "D1", "fixed": 1, "new": 1, "still_open": 1, "dropped": 1}]
    # The same runs read as streams (how a check compares itself with a stored run): the same
    # answer, with only the earlier run's open items held. A district's name comes from its own finding.
    before[("district", "D1", "r9", "")] = ("符合", "鼓楼区", None)
    streamed = compare(iter(list(before.items())), iter(list(after.items())))
    assert streamed["totals"] == d["totals"] and streamed["schools"] == d["schools"]
    assert streamed["districts"] == [{"id": "D1", "name": "鼓楼区", "fixed": 1, "new": 1, "still_open": 1, "dropped": 1}]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_second_check_of_the_same_data_file_reports_progress(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    (here / "v1").mkdir()
    (here / "v1" / "schools.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    first = data["institutions"][0]
    first.pop("events", None)  # the school stops reporting its activities
    (here / "v2").mkdir()
    (here / "v2" / "schools.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", "--city", "fuzhou", "--data", "v1/schools.json", "--db", "s.db", "--out", "o1"]) == 0
    assert "与上次检查相比" not in (here / "o1" / "fuzhou.html").read_text(encoding="utf-8")
    assert main(["check", "--city", "fuzhou", "--data", "v2/schools.json", "--db", "s.db", "--out", "o2"]) == 0
    progress = json.loads((here / "o2" / "fuzhou.json").read_text(encoding="utf-8"))["progress"]
    assert progress["before_run"] == 1 and progress["totals"]["new"] > 0 and progress["totals"]["fixed"] == 0
    assert {s["id"] for s in progress["schools"] if s["new"]} == {first["id"]}
    assert "与上次检查相比（运行 1" in (here / "o2" / "fuzhou.html").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["diff", "2", "1", "--db", "s.db", "--json"]) == 0  # the other way round: what was new is fixed
    back = json.loads(capsys.readouterr().out)
    assert back["totals"]["fixed"] == progress["totals"]["new"] and back["totals"]["new"] == 0
    assert main(["diff", "--db", "s.db"]) == 0
    out = capsys.readouterr().out
    assert "运行 1（2025-09-30）→ 运行 2" in out and f"新出现 {progress['totals']['new']}" in out


def test_runs_show_re_renders_a_stored_run_with_the_same_counts(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--city", "福州", "--db", "s.db", "--out", "o"]) == 0
    original = json.loads((here / "o" / "fuzhou.json").read_text(encoding="utf-8"))
    assert main(["runs", "show", "1", "--db", "s.db", "--out", "again"]) == 0
    shown = json.loads((here / "again" / "fuzhou-run1.json").read_text(encoding="utf-8"))
    assert shown["summary"] == original["summary"] and shown["overview"]["city"] == original["overview"]["city"]
    assert main(["runs", "show", "9", "--db", "s.db"]) == 2
    assert "未知运行 / unknown run 9" in capsys.readouterr().err
