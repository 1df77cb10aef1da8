"""The command line: exit codes, outputs, and nothing stored on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mhpolicy.core.cli import EXIT_FAIL_ON, main
from mhpolicy.core.io.store import Store
from mhpolicy.core.plugins.registry import discover

SAMPLE = Path(str(discover().get("fuzhou").sample_path()))  # mhpolicy_sample_data


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_check_runs_on_the_bundled_sample_and_writes_reports(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--city", "fuzhou", "--out", "out", "--db", "s.db"]) == 0
    report = json.loads((here / "out" / "fuzhou.json").read_text(encoding="utf-8"))
    assert report["meta"]["city"] == "fuzhou" and report["summary"]["counts"]["不符合"] > 0
    assert (here / "out" / "fuzhou.html").read_text(encoding="utf-8").count("<tr") > 5
    assert (here / "out" / "fuzhou-actions.csv").read_text(encoding="utf-8-sig").startswith("对象编号,")  # Chinese headers for Excel users
    (run,) = Store("s.db").runs()
    assert run.findings == sum(report["summary"]["counts"].values())
    assert "不符合" in capsys.readouterr().out


def test_json_output_and_fail_on(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--json", "--fail-on", "不符合"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert any(f["status"] == "不符合" for f in findings)
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--fail-on", "错误"]) == 0


def test_a_school_report_shows_that_school_only(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    school = _sample()["institutions"][0]["id"]
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--school", school, "--json", "--out", "o"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert findings and {f["subject_id"] for f in findings} == {school}
    report = json.loads((here / "o" / f"fuzhou-{school}.json").read_text(encoding="utf-8"))
    assert {s["id"] for s in report["subjects"]} == {school}
    assert {g["subject_id"] for g in report["actions_by_subject"]} == {school}
    csv_rows = (here / "o" / f"fuzhou-{school}-actions.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert csv_rows and all(row.startswith(school + ",") for row in csv_rows)


@pytest.mark.parametrize(("mutate", "words"), [
    (lambda d: d["institutions"][0].update(studnets=1), ["institutions[0]", "studnets", "unknown field"]),
    (lambda d: d["institutions"][0]["enrollment"][0].update(students=-3), ["enrollment[0].students", "负数"]),
    (lambda d: d.update(as_of="2025-02-30"), ["as_of", "not a valid date"]),
])
def test_bad_input_exits_2_naming_the_place_and_stores_nothing(here: Path, capsys: pytest.CaptureFixture[str],
                                                             mutate, words) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--city", "fuzhou", "--db", "s.db"]) == 0
    before = Store("s.db").counts()
    data = _sample()
    mutate(data)
    (here / "bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--city", "fuzhou", "--data", "bad.json", "--db", "s.db"]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and all(w in err for w in words), err
    assert Store("s.db").counts() == before


def test_broken_file_unknown_city_and_bad_date_exit_2(here: Path) -> None:
    (here / "broken.json").write_text("{ not json", encoding="utf-8")
    assert main(["check", "--city", "fuzhou", "--data", "broken.json", "--db", "s.db"]) == 2
    assert main(["check", "--city", "atlantis", "--db", "s.db"]) == 2
    assert main(["check", "--city", "fuzhou", "--as-of", "2024-13-01", "--db", "s.db"]) == 2
    assert main(["check", "--city", "fuzhou", "--fail-on", "坏", "--db", "s.db"]) == 2


def test_warning_cases_must_use_the_tiers_of_the_data_city(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = discover().get("nanchang")
    scheme = policy.warning_scheme  # mhpolicy_warning_scheme
    assert scheme is not None and scheme.tiers == ("red", "orange", "yellow")
    data = json.loads(Path(str(policy.sample_path())).read_text(encoding="utf-8"))
    data["institutions"][0].setdefault("warning_cases", []).append(
        {"case_id": "C-X-1", "tier": "purple", "opened": "2025-03-01"})
    (here / "tiers.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", "--city", "nanchang", "--data", "tiers.json", "--db", "s.db"]) == 2
    assert "purple" in capsys.readouterr().err


def test_policies_explain_and_schema(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies"]) == 0
    out = capsys.readouterr().out
    assert "fuzhou" in out and "nanchang" in out
    assert main(["explain", "fuzhou.5-1.k12-full-time-ratio"]) == 0
    assert "1：1000" in capsys.readouterr().out
    assert main(["explain", "fuzhou.no-such-rule"]) == 2
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Dataset" and "institutions" in schema["properties"]


def test_the_bundled_sample_is_a_worked_example_of_the_schema() -> None:
    from mhpolicy.core.io.source import read_dataset

    registry = discover()
    for policy in registry.policies.values():  # with the fields plugins declare (平凉's hospitals)
        ds, _ = read_dataset(Path(str(policy.sample_path())), registry.models())
        assert ds.city.code == policy.code and len(ds.institutions) >= 10
        assert {i.kind for i in ds.institutions} >= {"kindergarten", "primary", "junior", "senior"}


def test_each_city_runs_on_its_own_sample_unless_one_dataset_is_given(here: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--city", "all", "--db", "s.db", "--out", "own"]) == 0
    out = capsys.readouterr().out
    assert "fuzhou/sample_data.json" in out and "nanchang/sample_data.json" in out
    assert not (here / "own" / "comparison.html").exists()
    assert main(["check", "--city", "all", "--sample", "nanchang", "--db", "s.db", "--out", "cmp"]) == 0
    comp = json.loads((here / "cmp" / "comparison.json").read_text(encoding="utf-8"))
    assert comp["cities"] == sorted(discover().policies) and comp["rows"]
    assert main(["check", "--city", "all", "--sample", "nanchang", "--data", str(SAMPLE), "--db", "s.db"]) == 2


def test_unusable_output_or_database_is_a_usage_error_and_stores_nothing(here: Path) -> None:
    (here / "afile").write_text("x", encoding="utf-8")
    assert main(["check", "--city", "fuzhou", "--db", "s.db", "--out", "afile/reports"]) == 2
    assert not Store("s.db").runs()
    assert main(["check", "--city", "fuzhou", "--db", "nosuchdialect://x", "--out", "o"]) == 2


def test_listing_runs_of_an_unusable_database_is_a_usage_error_not_an_internal_one(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["runs", "--db", "nosuchdialect://x"]) == 2
    err = capsys.readouterr().err
    assert "nosuchdialect://x" in err and "Traceback" not in err


def test_a_report_that_fails_to_write_rolls_the_run_back(here: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import mhpolicy.reports.render as render

    def broken(*a, **k):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(render, "write_gap_report", broken)
    assert main(["check", "--city", "fuzhou", "--db", "s.db"]) == 5
    assert "internal error" in capsys.readouterr().err
    assert Store("s.db").counts() == {"datasets": 0, "runs": 0, "findings": 0}


def test_city_all_with_a_broken_plugin_exits_4(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mhpolicy.core.cli as cli
    from mhpolicy.core.plugins.registry import load_modules

    reg = load_modules({"fuzhou": "mhpolicy.policies.fuzhou.plugin", "broken": "no_such_city_plugin"})
    monkeypatch.setattr(cli, "discover", lambda: reg)
    assert main(["check", "--city", "all", "--db", "s.db"]) == 4
    assert main(["check", "--city", "fuzhou", "--db", "s.db"]) == 0


def test_a_school_report_leaves_out_a_station_with_the_same_id(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(Path(str(discover().get("nanchang").sample_path())).read_text(encoding="utf-8"))
    school = data["institutions"][0]["id"]
    old = data["stations"][0]["id"]
    for st in data["stations"]:
        st["id"] = school if st["id"] == old else st["id"]
        st["parent_id"] = school if st.get("parent_id") == old else st.get("parent_id")
    (here / "clash.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", "--city", "nanchang", "--data", "clash.json", "--db", "s.db", "--school", school,
                 "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert findings and {f["subject_kind"] for f in findings} == {"institution"}


def test_explain_names_subject_kind_and_period_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    from mhpolicy.core.rules.requirement import RequirementKind

    reg = discover()
    rule = next(r for p in reg.policies.values() for r in p.requirements if r.period is not None)
    assert main(["explain", rule.id]) == 0
    out = capsys.readouterr().out
    assert f"对象：{rule.subject.label}" in out and f"类型：{RequirementKind(rule.kind).label}" in out
    assert f"周期：每{rule.period.label}" in out and rule.period.value not in out


def test_output_cut_short_by_its_reader_is_no_internal_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    cmd = f"'{sys.executable}' -m mhpolicy.core.cli lint --json | head -c 10 > /dev/null; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert done.stdout.strip() == "0" and "Traceback" not in done.stderr


def test_output_cut_short_by_its_reader_keeps_the_exit_code_the_check_found(tmp_path: Path) -> None:
    """`check --fail-on 不符合 | head` must still fail a pipeline (pipefail): the reader leaving
    early silences the rest of the output, not the outcome."""
    import subprocess
    import sys

    cmd = (f"'{sys.executable}' -m mhpolicy.core.cli check --city fuzhou --fail-on 不符合 "
           f"--out '{tmp_path / 'o'}' --db '{tmp_path / 's.db'}' | true; echo ${{PIPESTATUS[0]}}")
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.strip() == str(EXIT_FAIL_ON) and "Traceback" not in done.stderr
