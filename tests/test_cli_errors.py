"""`check --json` prints the error as a JSON object on stdout when it stops (exit 2 or 4);
the human text stays on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mhpolicy.core.cli import main
from mhpolicy.core.io.store import Store
from mhpolicy.core.plugins.registry import discover

SAMPLE = Path(str(discover().get("fuzhou").sample_path()))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = main(["check", "--db", "s.db", "--json", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_bad_input_with_json_prints_every_issue_as_an_object(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["institutions"][0]["studnets"] = 1
    data["institutions"][1]["district_id"] = "NOWHERE"
    (here / "bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, obj, err = _run(capsys, "--city", "fuzhou", "--data", "bad.json")
    assert code == 2
    assert obj["error"]["kind"] == "input"
    issues = {i["code"]: i for i in obj["error"]["issues"]}
    assert set(issues) == {"unknown_field", "unknown_reference"}
    first = data["institutions"][0]["id"]
    assert issues["unknown_field"] == {
        "code": "unknown_field", "file": "bad.json", "row": f"institutions[0] (id={first})", "field": "studnets", "label": "",
        "message_zh": "未知字段（列名是否拼错？）", "message_en": "unknown field (misspelt column?)"}
    assert "NOWHERE" in issues["unknown_reference"]["message_en"]
    assert "invalid input" in err and "studnets" in err  # people still read stderr
    assert not Store("s.db").runs()


def test_a_missing_file_with_json_is_an_input_error_object(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, obj, _ = _run(capsys, "--city", "fuzhou", "--data", "nope.json")
    assert code == 2
    assert [i["code"] for i in obj["error"]["issues"]] == ["no_file"]


def test_a_usage_error_with_json_is_a_usage_object(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, obj, err = _run(capsys, "--city", "atlantis")
    assert code == 2
    assert obj["error"]["kind"] == "usage" and obj["error"]["code"] == "unknown_city"
    assert "atlantis" in obj["error"]["message"] and "atlantis" in err


def test_a_broken_plugin_with_json_is_a_plugin_object(here: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import mhpolicy.core.cli as cli
    from mhpolicy.core.plugins.registry import load_modules

    reg = load_modules({"fuzhou": "mhpolicy.policies.fuzhou.plugin", "broken": "no_such_city_plugin"})
    monkeypatch.setattr(cli, "discover", lambda: reg)
    code, obj, _ = _run(capsys, "--city", "broken")
    assert code == 4
    assert (obj["error"]["kind"], obj["error"]["code"], obj["error"]["plugin"]) == ("plugin", "plugin_failed", "broken")


def test_without_json_an_error_prints_nothing_on_stdout(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--city", "atlantis", "--db", "s.db"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "atlantis" in err


def test_bad_arguments_with_json_still_print_an_error_object(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--city", "fuzhou", "--json", "--workers", "many"])
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    assert json.loads(out)["error"]["code"] == "bad_arguments" and "--workers" in err
