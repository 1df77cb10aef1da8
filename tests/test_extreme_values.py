"""Issue 15, item 1: an extreme number is an input error before anything runs, and an error
of the rule engine's C module is a 错误 finding naming the rule, never a crash (exit 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mhpolicy.core.cli import main
from mhpolicy.core.evaluation import decide as decide_module
from mhpolicy.core.io.store import Store
from mhpolicy.core.plugins.registry import discover

SAMPLE = Path(str(discover().get("fuzhou").sample_path()))
WHOLE_STAFF = "fuzhou.5-1.all-staff-training"  # sums the hours of 教职工全员培训 events


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(capsys: pytest.CaptureFixture[str], *argv: str, city: str = "fuzhou") -> tuple[int, Any, str]:
    code = main(["check", "--db", "s.db", "--out", "out", "--json", "--city", city, *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_an_engine_error_makes_that_rules_findings_errors_and_the_other_rules_still_run(
        here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Validation stops 10^18 hours at the door and the engine module writes numbers the C
    # module reads right, so the C module's error is provoked: one rule's facts carry a
    # marker value, and durable_rules raises (as it did for 1e18) whenever it sees one.
    import durable_rules_engine

    from mhpolicy.core.evaluation import engine as engine_module

    marker = 123456.25
    real_key, real_assert = decide_module._fact_key, engine_module._QuietHost.assert_facts

    def marked(index: int, p: Any) -> tuple[Any, ...]:
        key = real_key(index, p)
        if p.req.id == WHOLE_STAFF and key[2] == 1:  # has data: observed carries the marker
            key = (*key[:3], marker, *key[4:])
        return key

    def c_module_fails_on_the_marker(self: Any, name: str, facts: list[dict[str, Any]]) -> Any:
        result = real_assert(self, name, facts)
        if any(f["ob"] == marker for f in facts):
            raise durable_rules_engine.error("Could not delete state, error code: 309")
        return result

    monkeypatch.setattr(decide_module, "_fact_key", marked)
    monkeypatch.setattr(engine_module._QuietHost, "assert_facts", c_module_fails_on_the_marker)
    code, findings, err = _check(capsys, "--sample", "fuzhou")
    assert code == 3
    assert "Traceback" not in err
    errors = [f for f in findings if f["status"] == "错误"]
    assert errors and {f["rule_id"] for f in errors} == {WHOLE_STAFF}
    assert all(WHOLE_STAFF in f["error"] and "error code: 309" in f["error"] for f in errors)
    others = {f["rule_id"] for f in findings if f["status"] != "错误"} - {WHOLE_STAFF}
    assert len(others) > 40 and {"符合", "不符合"} <= {f["status"] for f in findings}
    assert len(Store("s.db").runs()) == 1  # the run with its 错误 findings is kept


def test_an_engine_that_raises_outright_gives_errors_naming_each_rule_not_a_crash(
        here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from mhpolicy.core.evaluation.engine import RuleEngine

    def broken(self: RuleEngine, keys: Any) -> Any:
        raise RuntimeError("Could not assert facts, error code: 101")

    monkeypatch.setattr(RuleEngine, "decide", broken)
    code, findings, err = _check(capsys, "--sample", "fuzhou")
    assert code == 3 and "Traceback" not in err
    errors = [f for f in findings if f["status"] == "错误"]
    assert errors and all(f["rule_id"] in f["error"] and "error code: 101" in f["error"] for f in errors)


# ---- bounded inputs ------------------------------------------------------------------------

def _numbers(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(model.field, the field's schema, the number's own schema) for every numeric field."""
    found = []
    for model, body in [("Dataset", schema), *schema["$defs"].items()]:
        for name, prop in body.get("properties", {}).items():
            for branch in (prop, *prop.get("anyOf", ())):
                number = branch.get("items", {}) if branch.get("type") == "array" else branch
                if number.get("type") in ("integer", "number"):
                    found.append((f"{model}.{name}", prop, number))
    return found


def test_every_number_of_the_core_model_has_a_documented_range_and_unit_in_the_schema(
        capsys: pytest.CaptureFixture[str]) -> None:
    from mhpolicy.core.model import entities

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    core = [n for n in _numbers(schema) if n[0].split(".")[0] in vars(entities)]
    assert len(core) >= 25  # hours, students, classes, credits, minutes, lessons, families …
    for where, prop, number in core:
        assert "minimum" in number and "maximum" in number, where
        unit = prop.get("unit") or number.get("unit")
        text = prop.get("description") or number.get("description") or ""
        assert unit and unit in text and f"{number['minimum']}–{number['maximum']}" in text, where


def test_an_event_of_10_18_hours_is_an_input_error_naming_the_field_and_nothing_is_stored(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(capsys, "--sample", "fuzhou")[0] == 0  # a run already in the store must survive
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    school = data["institutions"][0]
    school["events"].append({"date": "2024-10-08", "kind": "all_staff_training", "hours": 10**18})
    (here / "typo.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, obj, err = _check(capsys, "--data", "typo.json")
    assert code == 2 and "Traceback" not in err
    (issue,) = obj["error"]["issues"]
    assert issue["code"] == "too_large" and issue["file"] == "typo.json"
    assert issue["row"] == f"institutions[0] (id={school['id']})"
    assert issue["field"] == f"events[{len(school['events']) - 1}].hours"
    assert "0–1000 小时" in issue["message_zh"] and "0–1000 hours" in issue["message_en"]
    assert len(Store("s.db").runs()) == 1


def _samples() -> list[tuple[str, dict[str, Any]]]:
    plugins = discover()
    return [(city, json.loads(Path(str(plugins.get(city).sample_path())).read_text(encoding="utf-8")))
            for city in ("fuzhou", "nanchang")]


@pytest.mark.parametrize(("where", "value", "code", "zh", "en"), [
    (("enrollment", 0, "students"), 10**9, "too_large", "0–100000 人", "0–100000 students"),
    (("after_school", 0, "pe_minutes_in_school_per_day"), 1441, "too_large", "0–1440 分钟/天", "0–1440 minutes a day"),
    (("lessons", 0, "lessons_per_two_weeks"), 1e6, "too_large", "0–100 节", "0–100 lessons per class per two weeks"),
    (("courses", 0, "credits"), 600, "too_large", "0–60 学分", "0–60 credits"),
])
def test_an_out_of_range_number_names_its_range_and_unit_in_both_languages(
        here: Path, capsys: pytest.CaptureFixture[str], where: tuple[str, int, str], value: float, code: str,
        zh: str, en: str) -> None:
    table, index, field = where
    city, data, school = next((c, d, i) for c, d in _samples() for i in d["institutions"] if i.get(table))
    school[table][index][field] = value
    (here / "bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, obj, _ = _check(capsys, "--data", "bad.json", city=city)
    assert status == 2
    (issue,) = obj["error"]["issues"]
    assert issue["code"] == code and issue["field"] == f"{table}[{index}].{field}"
    assert zh in issue["message_zh"] and en in issue["message_en"]


@pytest.mark.parametrize("city", ["fuzhou", "nanchang"])
def test_synthetic_benchmark_data_stays_within_every_range(city: str, tmp_path: Path) -> None:
    import importlib.util

    from mhpolicy.core.io.source import read_dataset

    path = Path(__file__).resolve().parent.parent / "scripts" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("synthetic", path)
    assert spec and spec.loader
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    out = tmp_path / "syn.json"
    out.write_text(json.dumps(synthetic.make_dataset(200, city, seed=3), ensure_ascii=False), encoding="utf-8")
    assert len(read_dataset(out)[0].institutions) == 200  # raises InputError on any value out of range
