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


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(["check", "--db", "s.db", "--out", "out", "--json", "--city", "fuzhou", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_an_engine_error_makes_that_rules_findings_errors_and_the_other_rules_still_run(
        here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Validation now stops 10^18 hours at the door, so the value is slipped in after it: the
    # fact of one rule carries an observed quantity the C module cannot handle.
    real_fact = decide_module._fact

    def huge_for_one_rule(n: int, index: int, p: Any) -> dict[str, Any]:
        fact = real_fact(n, index, p)
        if p.req.id == WHOLE_STAFF and fact["hv"] == 1:
            fact["ob"] = 1e18
        return fact

    monkeypatch.setattr(decide_module, "_fact", huge_for_one_rule)
    code, findings, err = _check(capsys, "--sample", "fuzhou")
    assert code == 3
    assert "Traceback" not in err
    errors = [f for f in findings if f["status"] == "错误"]
    assert errors and {f["rule_id"] for f in errors} == {WHOLE_STAFF}
    assert all(WHOLE_STAFF in f["error"] and "durable_rules" in f["error"] for f in errors)
    others = {f["rule_id"] for f in findings if f["status"] != "错误"} - {WHOLE_STAFF}
    assert len(others) > 40 and {"符合", "不符合"} <= {f["status"] for f in findings}
    assert len(Store("s.db").runs()) == 1  # the run with its 错误 findings is kept


def test_an_engine_that_raises_outright_gives_errors_naming_each_rule_not_a_crash(
        here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from mhpolicy.core.evaluation.engine import RuleEngine

    def broken(self: RuleEngine, facts: Any) -> Any:
        raise RuntimeError("Could not assert facts, error code: 101")

    monkeypatch.setattr(RuleEngine, "run", broken)
    code, findings, err = _check(capsys, "--sample", "fuzhou")
    assert code == 3 and "Traceback" not in err
    errors = [f for f in findings if f["status"] == "错误"]
    assert errors and all(f["rule_id"] in f["error"] and "error code: 101" in f["error"] for f in errors)
