"""The command line in Chinese for people: cities by name, 'did you mean', rule ids listed,
city names in the summary table, and one feedback page per school in the same check."""

from __future__ import annotations

from pathlib import Path

import pytest

from mhpolicy.core.cli import main


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", ["福州", "福州市", "Fuzhou"])
def test_a_city_is_named_by_code_short_or_full_name(here: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--city", name, "--db", "s.db", "--out", "o"]) == 0
    table = capsys.readouterr().out
    assert "\n福州市  " in table and "fuzhou " not in table  # the table names the city, not its code
    assert (here / "o" / "fuzhou.html").exists()


def test_unknown_cities_rules_and_schools_get_a_suggestion(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--city", "fuzou", "--db", "s.db"]) == 2
    assert "did you mean 'fuzhou'" in capsys.readouterr().err
    assert main(["explain", "fuzhou.5-1.cadre-trainin"]) == 2
    assert "did you mean 'fuzhou.5-1.cadre-training'" in capsys.readouterr().err
    assert main(["check", "--city", "fuzhou", "--school", "RX-P1", "--db", "s.db"]) == 2
    assert "did you mean 'RX-P01'" in capsys.readouterr().err


def test_rules_lists_a_citys_rule_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "南昌"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("南昌市《") and all(line.startswith("nanchang.") for line in out[1:]) and len(out) > 10


def test_per_school_writes_every_schools_feedback_in_the_same_check(here: Path) -> None:
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--out", "o", "--per-school", "fb"]) == 0
    pages = sorted(p.name for p in (here / "fb" / "fuzhou").iterdir())
    assert "index.html" in pages and "RX-P01.html" in pages and len(pages) == 13  # 12 schools and the index
    page = (here / "fb" / "fuzhou" / "RX-P01.html").read_text(encoding="utf-8")
    assert "学生心理健康工作检查反馈</h1>" in page and "确认人（职务）" in page


def test_a_mistyped_option_is_refused_in_chinese_with_the_closest_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["check", "--city", "fuzhou", "--per-scool", "x"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "无法识别的参数" in err and "did you mean '--per-school'" in err
