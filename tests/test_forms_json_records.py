"""JSON files among the forms a bureau collects: a school's own record (one institution object, as
its system exports it) alone, beside the bureau's workbook or in the collected folder; JSON and
JSON Lines datasets inside a folder; files that are no data, skipped and said so."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from mhpolicy.core.authoring.export import export
from mhpolicy.core.cli import main
from mhpolicy.core.io.loading import InputError
from mhpolicy.core.io.source import memory_source, open_source, read_dataset
from mhpolicy.core.io.store import Store
from mhpolicy.core.plugins.registry import discover

REG = discover()
MODELS = REG.models()
SAMPLE = Path(str(REG.get("fuzhou").sample_path()))


def _doc() -> dict:
    dataset, _ = read_dataset(SAMPLE, MODELS)
    return dataset.model_dump(mode="json")


def _bureau_and_school(tmp: Path) -> tuple[Path, Path, dict]:
    """The bureau's workbook without the first school, and that school's own JSON record."""
    doc = _doc()
    folder = tmp / "收齐"
    folder.mkdir()
    book = export({**doc, "institutions": doc["institutions"][1:]}, MODELS, folder / "教育局汇总.xlsx")
    school = folder / "第一所学校.json"
    school.write_text(json.dumps(doc["institutions"][0], ensure_ascii=False), encoding="utf-8")
    return book, school, doc


def _findings(data: list[str], tmp: Path, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], str]:
    args = ["check", "--city", "fuzhou", "--db", str(tmp / f"{name}.db"), "--out", str(tmp / name), "--json"]
    for d in data:
        args += ["--data", d]
    code = main(args)
    out = capsys.readouterr()
    findings = orjson.loads(out.out) if code == 0 else []
    return code, sorted(({k: v for k, v in f.items() if k != "run_id"} for f in findings),
                        key=lambda f: (f["subject_id"], f["rule_id"], f["period"] or "")), out.err


def test_a_schools_own_record_alone_says_in_both_languages_what_is_missing_and_names_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, school, doc = _bureau_and_school(tmp_path)
    with pytest.raises(InputError) as caught:
        open_source(school, MODELS)
    [issue] = caught.value.issues  # one clear message, not one per field
    assert issue.code == "school_record_alone" and issue.file == str(school)
    assert doc["institutions"][0]["id"] in issue.message_zh
    assert "城市" in issue.message_zh and "数据截至日期" in issue.message_zh and "city" in issue.message_en
    code, _, err = _findings([str(school)], tmp_path, "alone", capsys)
    assert code == 2 and str(school) in err and "单所学校的记录" in err
    assert not (tmp_path / "alone.db").exists() or Store(f"sqlite:///{tmp_path / 'alone.db'}").runs() == []


def test_a_schools_record_beside_the_bureaus_workbook_is_that_school_with_the_findings_of_the_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book, school, doc = _bureau_and_school(tmp_path)
    _, whole, _ = _findings([str(SAMPLE)], tmp_path, "whole", capsys)
    code, merged, _ = _findings([str(book), str(school)], tmp_path, "merged", capsys)
    assert code == 0 and merged == whole and merged
    folder_code, in_folder, _ = _findings([str(book.parent)], tmp_path, "folder", capsys)
    assert folder_code == 0 and in_folder == whole
    ids = [i.id for i in read_dataset(book.parent, MODELS)[0].institutions]
    assert sorted(ids) == sorted(s["id"] for s in doc["institutions"])


def test_a_list_of_school_records_and_json_lines_of_them_join_the_bureaus_data(tmp_path: Path) -> None:
    doc = _doc()
    folder = tmp_path / "f"
    folder.mkdir()
    export({**doc, "institutions": doc["institutions"][3:]}, MODELS, folder / "教育局.xlsx")
    (folder / "两所.json").write_text(json.dumps(doc["institutions"][:2], ensure_ascii=False), encoding="utf-8")
    (folder / "一所.jsonl").write_text(json.dumps(doc["institutions"][2], ensure_ascii=False) + "\n", encoding="utf-8")
    merged, _ = read_dataset(folder, MODELS)
    assert sorted(i.id for i in merged.institutions) == sorted(s["id"] for s in doc["institutions"])


def test_a_school_in_two_json_files_is_an_error_naming_both_files(tmp_path: Path) -> None:
    book, school, doc = _bureau_and_school(tmp_path)
    again = book.parent / "第一所学校（重发）.json"
    again.write_text(school.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source(book.parent, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "duplicate_row" and doc["institutions"][0]["id"] in issue.message_zh
    assert {issue.file, issue.message_zh.split("已见于 ")[1].split(" ")[0]} == {str(school), str(again)}


def test_a_school_in_the_bureaus_workbook_and_in_its_own_record_is_an_error_naming_both(tmp_path: Path) -> None:
    doc = _doc()
    folder = tmp_path / "f"
    folder.mkdir()
    book = export(doc, MODELS, folder / "教育局.xlsx")  # every school, the first one included
    school = folder / "一校.json"
    school.write_text(json.dumps(doc["institutions"][0], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source(folder, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "duplicate_row" and issue.file == str(book) and str(school) in issue.message_zh


def test_a_bureau_json_dataset_in_a_folder_gives_the_header_and_school_workbooks_add_their_schools(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _doc()
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "教育局.json").write_text(json.dumps({**doc, "institutions": doc["institutions"][:4]}, ensure_ascii=False),
                                        encoding="utf-8")
    for school in doc["institutions"][4:]:  # each school's workbook repeats the city and its district
        own = {**doc, "institutions": [school],
               "districts": [d for d in doc["districts"] if d["id"] == school["district_id"]]}
        export(own, MODELS, folder / f"{school['id']}.xlsx")
    merged, _ = read_dataset(folder, MODELS)
    assert merged.model_dump(mode="json")["districts"] == doc["districts"]  # kept whole, once
    assert sorted(i.id for i in merged.institutions) == sorted(s["id"] for s in doc["institutions"])
    _, whole, _ = _findings([str(SAMPLE)], tmp_path, "whole", capsys)
    code, from_folder, _ = _findings([str(folder)], tmp_path, "folder", capsys)
    assert code == 0 and from_folder == whole


def test_a_json_lines_dataset_in_a_folder_is_read_and_the_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    doc = _doc()
    folder = tmp_path / "f"
    folder.mkdir()
    head = {k: v for k, v in doc.items() if k != "institutions"}
    lines = [json.dumps(head, ensure_ascii=False), *(json.dumps(s, ensure_ascii=False) for s in doc["institutions"])]
    path = folder / "全市.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = MODELS.dataset.model_validate(doc)
    assert open_source(folder, MODELS).digest == memory_source(whole).digest
    assert open_source([folder, path], MODELS).digest == memory_source(whole).digest


def test_two_json_datasets_of_different_cities_are_refused_naming_both_files(tmp_path: Path) -> None:
    doc = _doc()
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps({**doc, "institutions": doc["institutions"][:2]}, ensure_ascii=False), encoding="utf-8")
    other = {**doc, "city": {**doc["city"], "name": "另一个市"}, "institutions": doc["institutions"][2:]}
    b.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source([a, b], MODELS)
    [issue] = caught.value.issues
    assert issue.code == "conflicting_rows" and issue.file == str(b) and str(a) in issue.message_zh


def test_a_wrong_value_in_a_schools_record_names_the_file_the_record_and_the_field(tmp_path: Path) -> None:
    book, school, doc = _bureau_and_school(tmp_path)
    record = doc["institutions"][0]
    record["staff"][0]["role"] = "校长助理"
    school.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source(book.parent, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "not_allowed" and issue.file == str(school)
    assert issue.row == f"学校记录 / school record (id={record['id']})" and issue.field == "staff[0].role"


def test_a_folder_of_only_school_records_says_the_bureaus_header_is_missing(tmp_path: Path) -> None:
    doc = _doc()
    folder = tmp_path / "f"
    folder.mkdir()
    for s in doc["institutions"][:2]:
        (folder / f"{s['id']}.json").write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source(folder, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "school_record_alone" and doc["institutions"][1]["id"] in issue.message_zh


def test_files_clearly_not_data_are_skipped_and_said_so_and_an_old_workbook_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book, school, _ = _bureau_and_school(tmp_path)
    folder = book.parent
    (folder / "README.txt").write_text("各校数据", encoding="utf-8")
    (folder / "~$教育局汇总.xlsx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"\0")
    code, findings, _ = _findings([str(folder)], tmp_path, "o", capsys)
    assert code == 0 and findings
    main(["check", "--city", "fuzhou", "--data", str(folder), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "p")])
    out = capsys.readouterr().out
    skipped = [line for line in out.splitlines() if line.startswith("已跳过 / skipped:")]
    assert len(skipped) == 3 and any("README.txt" in s and "不是数据文件" in s for s in skipped)
    assert any("~$教育局汇总.xlsx" in s and "锁文件" in s for s in skipped)
    (folder / "第二所学校.xls").write_bytes(b"\xd0\xcf\x11\xe0rest")  # a school's data in the old format
    with pytest.raises(InputError) as caught:
        open_source(folder, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "unsupported_format" and issue.file.endswith("第二所学校.xls")


def test_json_saved_with_a_bom_as_notepad_saves_it_is_read_alone_and_in_a_folder(tmp_path: Path) -> None:
    book, school, doc = _bureau_and_school(tmp_path)
    school.write_bytes(b"\xef\xbb\xbf" + school.read_bytes())
    merged, _ = read_dataset(book.parent, MODELS)
    assert doc["institutions"][0]["id"] in {i.id for i in merged.institutions}
    whole = tmp_path / "whole.json"
    whole.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert len(read_dataset(whole, MODELS)[0].institutions) == len(doc["institutions"])


def test_a_schools_record_naming_a_district_the_bureau_does_not_have_is_named_at_the_record(tmp_path: Path) -> None:
    book, school, doc = _bureau_and_school(tmp_path)
    record = {**doc["institutions"][0], "district_id": "不存在的区"}
    school.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source(book.parent, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "unknown_reference" and issue.file == str(school) and issue.field == "district_id"
    assert issue.row.startswith("学校记录 / school record")
