"""Files as a district clerk gets them: CSV in UTF-8 with a BOM or in GB18030 (Excel in China),
a folder of 80 schools' workbooks, a school sent twice, a workbook named .json, a GBK JSON file,
--data given twice. A rejected folder stores nothing."""

from __future__ import annotations

import shutil
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

HEADER = "城市代码,城市名称,数据截至日期\nfuzhou,福州市,2025年9月1日\n"
DISTRICTS = "编号,名称\nD1,鼓楼区\n"
SCHOOLS = "编号,名称,所属区县编号,类型,寄宿制学校\nS1,第一小学,D1,小学,否\nS2,第二中学,D1,junior,\n"


def _csv_folder(tmp: Path, encoding: str, bom: bool = False) -> Path:
    folder = tmp / "forms"
    folder.mkdir()
    for name, text in (("数据集", HEADER), ("区县", DISTRICTS), ("学校基本信息", SCHOOLS)):
        data = text.encode(encoding)
        (folder / f"{name}.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return folder


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("gb18030", False)])
def test_csv_files_in_utf8_with_or_without_bom_or_gb18030_read_as_the_same_dataset(
        tmp_path: Path, encoding: str, bom: bool) -> None:
    dataset, _ = read_dataset(_csv_folder(tmp_path, encoding, bom), MODELS)
    assert dataset.as_of is not None and dataset.as_of.isoformat() == "2025-09-01"
    assert [(i.id, i.name, i.kind.value) for i in dataset.institutions] == [
        ("S1", "第一小学", "primary"), ("S2", "第二中学", "junior")]


def _school_books(tmp: Path) -> tuple[Path, dict]:
    """The sample split as schools send it: one workbook per school, each with the city and its district."""
    dataset, _ = read_dataset(SAMPLE, MODELS)
    doc = dataset.model_dump(mode="json")
    folder = tmp / "收齐"
    folder.mkdir()
    for school in doc["institutions"]:
        own = {**doc, "institutions": [school],
               "districts": [d for d in doc["districts"] if d["id"] == school["district_id"]]}
        export(own, MODELS, folder / f"{school['id']}.xlsx")
    return folder, doc


def test_a_folder_of_school_workbooks_is_one_dataset_with_the_hash_of_the_whole(tmp_path: Path) -> None:
    folder, doc = _school_books(tmp_path)
    merged, _ = read_dataset(folder, MODELS)
    ordered = sorted(doc["institutions"], key=lambda s: s["id"])  # files are read in name order
    whole = MODELS.dataset.model_validate({**doc, "institutions": ordered})
    assert [i.id for i in merged.institutions] == [s["id"] for s in ordered]
    assert open_source(folder, MODELS).digest == memory_source(whole).digest


def test_a_school_in_two_files_is_an_error_naming_both_files_and_nothing_is_stored(tmp_path: Path) -> None:
    folder, doc = _school_books(tmp_path)
    first = sorted(folder.iterdir())[0]
    shutil.copy(first, folder / f"{first.stem}（修改版）.xlsx")
    with pytest.raises(InputError) as caught:
        open_source(folder, MODELS)
    [issue] = [i for i in caught.value.issues if i.code == "duplicate_row"]
    assert issue.file.endswith("（修改版）.xlsx") and str(first) in issue.message_zh
    db = tmp_path / "s.db"
    code = main(["check", "--city", "fuzhou", "--data", str(folder), "--db", str(db), "--out", str(tmp_path / "o")])
    assert code == 2
    assert not db.exists() or Store(f"sqlite:///{db}").runs() == []


def test_a_workbook_named_json_is_recognised_and_the_right_command_named(tmp_path: Path) -> None:
    dataset, _ = read_dataset(SAMPLE, MODELS)
    book = export(dataset.model_dump(mode="json"), MODELS, tmp_path / "data.xlsx")
    renamed = book.rename(tmp_path / "data.json")
    with pytest.raises(InputError) as caught:
        open_source(renamed, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "wrong_format" and "Excel" in issue.message_zh
    assert "mhpolicy check --data" in issue.message_zh and str(tmp_path / "data.xlsx") in issue.message_en


def test_a_json_file_saved_as_gbk_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(InputError) as caught:
        open_source(path, MODELS)
    assert "不是UTF-8编码（可能是GBK" in caught.value.issues[0].message_zh


def test_data_given_twice_merges_forms_and_refuses_two_datasets_holding_the_same_schools(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _csv_folder(tmp_path, "utf-8")
    part = tmp_path / "part2"
    part.mkdir()
    (folder / "学校基本信息.csv").rename(part / "学校基本信息.csv")
    out = tmp_path / "o"
    db = tmp_path / "s.db"
    assert main(["check", "--city", "fuzhou", "--data", str(folder), "--data", str(part), "--db", str(db),
                 "--out", str(out), "--json"]) == 0
    findings = orjson.loads(capsys.readouterr().out)
    assert {f["subject_id"] for f in findings} >= {"S1", "S2"}
    copy = tmp_path / "copy.json"
    copy.write_bytes(SAMPLE.read_bytes())
    assert main(["check", "--city", "fuzhou", "--data", str(SAMPLE), "--data", str(copy), "--db", str(db),
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "重复" in err and str(SAMPLE) in err and str(copy) in err


def test_a_csv_row_naming_an_unknown_school_names_the_key_cell(tmp_path: Path) -> None:
    folder = _csv_folder(tmp_path, "utf-8")
    (folder / "S1_教职工.csv").write_text("学校编号,编号,岗位\nS9,T1,班主任\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source(folder, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "unknown_parent" and issue.row.startswith("工作表「教职工」第2行")
    assert issue.field.startswith("A列「学校编号」") and "'S9'" in issue.field


def test_a_header_as_an_earlier_form_wrote_it_or_without_its_unit_still_reads(tmp_path: Path) -> None:
    folder = _csv_folder(tmp_path, "utf-8")
    (folder / "课时安排.csv").write_text(
        "学校编号,学年,年级,每两周课节数（节（每班每两周））\nS1,2024-2025,1,2\nS2,2024-2025,7,1\n", encoding="utf-8")
    (folder / "家访.csv").write_text("学校编号,学期,在册家庭数,已家访家庭数（户）\nS1,2024-2025-1,300,120\n",
                                    encoding="utf-8")
    dataset, _ = read_dataset(folder, MODELS)
    assert [(x.grade, x.lessons_per_two_weeks) for i in dataset.institutions for x in i.lessons] == [(1, 2.0), (7, 1.0)]
    assert [(v.families, v.families_visited) for v in dataset.institutions[0].home_visits] == [(300, 120)]
