"""The input-error catalogue: every code is documented, every code is produced by its
example, and no code outside the catalogue can be raised."""

from __future__ import annotations

import ast
import json
import pickle
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from mhpolicy.core.evaluation.pipeline import run_stream
from mhpolicy.core.io.loading import check_warning_tiers, issues_from
from mhpolicy.core.io.source import open_source, read_dataset
from mhpolicy.core.model.errors import CATALOGUE, DataCheck, ErrorCode, InputError, InputIssue
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.rules.requirement import WarningScheme

CORE = Path(__file__).resolve().parent.parent / "core"
SCHEME = WarningScheme(code="test", tiers=("red", "orange", "yellow"))
_SLOT = re.compile(r"{(\w+)}")


def _valid() -> dict[str, Any]:
    return {"city": {"code": "x", "name": "X市"}, "districts": [{"id": "D1", "name": "甲区"}],
            "institutions": [{"id": "S1", "name": "一小", "district_id": "D1", "kind": "primary"}]}


def _merge(target: dict[str, Any], fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        if value is None:
            target.pop(key, None)  # an example's null removes the field
        else:
            target[key] = value


def codes_produced_by(entry: ErrorCode, tmp_path: Path) -> set[str]:
    """Run an entry's example through the loader the CLI uses; the codes of the issues raised."""
    ex = entry.example
    if ex.target == "pydantic":  # the catch-all: an error type no JSON file can reach
        exc = ValidationError.from_exception_data("Dataset", [{"type": ex.text, "loc": ("city", "name"), "input": b"\xff"}])
        return {i.code for i in issues_from(exc, "f.json", {})}
    path = tmp_path / ex.file_name
    if ex.target == "file":
        if ex.text is not None:
            path.write_text(ex.text, encoding="utf-8")
    else:
        data = _valid()
        _merge(data if ex.target == "dataset" else data["institutions"][0], json.loads(ex.text or "{}"))
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        ds, _ = read_dataset(path)
        check_warning_tiers(ds.institutions, SCHEME, str(path))
    except InputError as exc:
        return {i.code for i in exc.issues}
    return set()


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_each_code_is_produced_by_its_own_example(code: str, tmp_path: Path) -> None:
    assert code in codes_produced_by(CATALOGUE[code], tmp_path)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_each_code_is_documented_in_both_languages(code: str) -> None:
    e = CATALOGUE[code]
    assert e.code == code and re.fullmatch(r"[a-z_]+", code)
    assert re.search(r"[\u4e00-\u9fff]", e.meaning_zh) and re.search(r"[\u4e00-\u9fff]", e.template_zh)
    assert re.search(r"[a-z]", e.meaning_en) and re.search(r"[a-z]", e.template_en)
    # English names fields by their keys; Chinese adds their labels: it says at least as much
    # (a slot ending _zh/_en is one slot written in each language's punctuation).
    def slots(template: str) -> set[str]:
        return {re.sub(r"_(zh|en)$", "", name) for name in _SLOT.findall(template)}

    assert slots(e.template_en) <= slots(e.template_zh)
    assert e.example.text is not None or e.example.target == "file"


def test_the_valid_base_of_the_examples_is_itself_valid(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(_valid(), ensure_ascii=False), encoding="utf-8")
    ds, _ = read_dataset(path)
    assert [i.id for i in ds.institutions] == ["S1"]


def test_a_code_outside_the_catalogue_cannot_be_raised() -> None:
    with pytest.raises(ValueError, match="not in the catalogue"):
        InputIssue("invalid_value", "f.json", "", "id")
    with pytest.raises(ValueError, match="not in the catalogue"):
        DataCheck("something_new")


def test_a_forgotten_slot_is_a_bug_not_a_question_mark() -> None:
    with pytest.raises(KeyError, match="ge"):
        InputIssue("negative", "f.json", "", "students")


def _codes_in_source() -> set[str]:
    """Every code literal core passes to InputIssue, DataCheck or _file_issue."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            position = {"InputIssue": 0, "DataCheck": 0, "_file_issue": 1}.get(getattr(node.func, "id", ""), -1)
            if position >= 0:
                arg = node.args[position]
                if isinstance(arg, ast.Constant):  # a variable: a helper passing on its callers' literals
                    found.add(arg.value)
    return found


def test_every_code_core_raises_is_in_the_catalogue() -> None:
    used = _codes_in_source()
    assert {"duplicate_id", "unknown_reference", "tier_not_in_scheme", "identity_number"} <= used
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))


def test_issues_survive_the_trip_from_a_worker_process(tmp_path: Path) -> None:
    err = InputError([InputIssue("negative", "f.json", "institutions[0]", "students", {"ge": 0})])
    back = pickle.loads(pickle.dumps(err))
    assert back.issues == err.issues and str(back) == str(err)
    rows = [{"id": f"S{i}", "name": "x", "district_id": "D1", "kind": "primary"} for i in range(4)]
    rows[3]["studnets"] = 1
    header = {k: v for k, v in _valid().items() if k != "institutions"}
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:  # validated in a forked worker, raised here
        list(run_stream(open_source(path), [discover().get("fuzhou")], date(2025, 1, 1), workers=2, chunk=2))
    (issue,) = exc.value.issues
    assert (issue.code, issue.row, issue.field) == ("unknown_field", "第5行 / line 5 (id=S3)", "studnets")


def test_an_issue_as_json_carries_code_place_and_both_messages() -> None:
    issue = InputIssue("duplicate_id", "f.json", "districts[1] (id=D1)", "id", {"id": "D1", "table": "districts"})
    assert issue.to_json() == {"code": "duplicate_id", "file": "f.json", "row": "districts[1] (id=D1)", "field": "id",
                               "label": "", "message_zh": "编号重复 'D1'（districts 中已出现）",
                               "message_en": "duplicate id 'D1' (already in districts)"}


def test_an_unknown_kind_lists_the_allowed_values_with_their_labels(tmp_path: Path) -> None:
    data = _valid()
    data["institutions"][0]["kind"] = "castle"
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_dataset(path)
    (issue,) = exc.value.issues
    assert issue.code == "not_allowed" and "primary（小学）" in issue.message_zh and "junior (初级中学)" in issue.message_en


def test_a_broken_json_lines_row_is_a_broken_file_naming_its_line(tmp_path: Path) -> None:
    header = {k: v for k, v in _valid().items() if k != "institutions"}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(header) + "\n" + '{"id": "S1", \n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_dataset(path)
    (issue,) = exc.value.issues
    assert (issue.code, issue.row) == ("broken_file", "第2行 / line 2")


def test_an_unknown_value_in_a_list_or_in_the_header_lists_its_own_labels(tmp_path: Path) -> None:
    data = _valid()
    data["institutions"][0]["counseling_room"] = {"functions": ["office", "sauna"]}
    data["stations"] = [{"id": "ST1", "name": "站", "level": "planet"}]
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as exc:  # the header (stations) fails first, on its own
        read_dataset(path)
    (issue,) = exc.value.issues
    assert (issue.code, issue.field) == ("not_allowed", "level") and "district（县（区）级）" in issue.message_zh
    data.pop("stations")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_dataset(path)
    (issue,) = exc.value.issues
    assert (issue.code, issue.field) == ("not_allowed", "counseling_room.functions[1]")
    assert "relaxation (宣泄放松)" in issue.message_en and "relaxation（宣泄放松）" in issue.message_zh
