"""A school fills in a generated form with Excel's habits (openpyxl standing in for Excel): a value
typed by hand instead of picked from the dropdown, a date typed 2025/9/1, a merged cell, an
empty row. The reader names every wrong cell; once corrected, the form is the school's data
and is checked like it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from mhpolicy.core.authoring.template import make_template
from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.loading import InputError
from mhpolicy.core.io.source import memory_source, open_source, read_dataset
from mhpolicy.core.plugins.registry import discover

REG = discover()
MODELS = REG.models()
FUZHOU = REG.get("fuzhou")


def _put(ws: Any, row: int, values: dict[str, Any]) -> None:
    headers = {c.value: c.column for c in ws[1]}
    for header, value in values.items():
        ws.cell(row=row, column=headers[header], value=value)


def _filled(tmp: Path, role_typed: str) -> Path:
    form, _ = make_template([FUZHOU], MODELS, tmp / "模板.xlsx", level="school")
    wb = openpyxl.load_workbook(form)
    _put(wb["数据集"], 3, {"城市代码": "fuzhou", "城市名称": "福州市", "数据截至日期": "2025/9/1"})
    _put(wb["区县"], 3, {"编号": "D1", "名称": "鼓楼区"})
    _put(wb["学校基本信息"], 3, {"编号": "S1", "名称": "第一小学", "所属区县编号": "D1", "类型": "小学"})
    grades = wb["年级与班级"]
    for row, grade in ((3, 1), (4, 2)):
        _put(grades, row, {"年级": grade, "学段": "小学", "学生人数": 400})
    grades.merge_cells("A3:A4")  # 学校编号 merged over both grades, as clerks do
    grades["A3"] = "S1"
    staff = wb["教职工"]
    _put(staff, 3, {"学校编号": "S1", "编号": "T1", "岗位": "心理健康教育教师", "专职": "是"})
    # row 4 left empty between the entries
    _put(staff, 5, {"学校编号": "S1", "编号": "T2", "岗位": role_typed, "专职": "否"})
    _put(wb["培训记录"], 3, {"学校编号": "S1", "教职工编号": "T1", "日期": "2025/3/1", "学时（小时）": 12})
    out = tmp / "第一小学.xlsx"
    wb.save(out)
    return out


def test_a_value_typed_over_a_dropdown_is_named_at_its_cell_with_the_value_and_the_choices(tmp_path: Path) -> None:
    book = _filled(tmp_path, "心里老师")
    with pytest.raises(InputError) as caught:
        open_source(book, MODELS)
    [issue] = caught.value.issues
    assert issue.code == "not_allowed"
    assert issue.file == str(book)
    assert issue.row == "工作表「教职工」第5行 / sheet '教职工' row 5"
    assert issue.field.startswith("C列「岗位」 / column C '岗位'") and "'心里老师'" in issue.field
    assert "心理健康教育教师" in issue.message_zh and "psych_teacher" in issue.message_en


def test_a_filled_form_with_a_typed_date_a_merged_cell_and_an_empty_row_is_the_schools_data(tmp_path: Path) -> None:
    book = _filled(tmp_path, "心理教师")  # an alias of the label is accepted
    dataset, _ = read_dataset(book, MODELS)
    assert dataset.as_of is not None and dataset.as_of.isoformat() == "2025-09-01"
    [school] = dataset.institutions
    assert school.kind == "primary"
    assert [(g.grade, g.students) for g in school.enrollment] == [(1, 400), (2, 400)]  # the merged cell
    assert [(s.id, s.role, s.full_time) for s in school.staff] == [
        ("T1", "psych_teacher", True), ("T2", "psych_teacher", False)]  # the empty row skipped
    assert [(t.date.isoformat(), t.hours) for t in school.staff[0].trainings] == [("2025-03-01", 12.0)]

    # Checked from the form, the school gets the findings of the same data given as JSON.
    from_form = evaluate(dataset, FUZHOU, dataset.as_of)
    same = MODELS.dataset.model_validate(dataset.model_dump(mode="json"))
    assert memory_source(same).digest == open_source(book, MODELS).digest
    by_rule = {f.rule_id: f.status for f in from_form.findings if f.subject_id == "S1"}
    assert by_rule and by_rule == {f.rule_id: f.status for f in evaluate(same, FUZHOU, dataset.as_of).findings
                                   if f.subject_id == "S1"}


def test_every_wrong_cell_of_a_file_is_listed_at_once(tmp_path: Path) -> None:
    book = _filled(tmp_path, "心理教师")
    wb = openpyxl.load_workbook(book)
    _put(wb["培训记录"], 3, {"日期": "2025/2/30", "学时（小时）": "十二"})
    _put(wb["学校基本信息"], 3, {"类型": "城堡"})
    wb.save(book)
    with pytest.raises(InputError) as caught:
        open_source(book, MODELS)
    found = {(i.code, i.row.split(" / ")[0], i.field.split(" / ")[0]) for i in caught.value.issues}
    assert found == {
        ("not_a_date", "工作表「培训记录」第3行", "C列「日期」"),
        ("not_a_number", "工作表「培训记录」第3行", "D列「学时（小时）」"),
        ("not_allowed", "工作表「学校基本信息」第3行", "D列「类型」"),
    }
    assert all("填写值 / value" in i.field for i in caught.value.issues)


def test_a_column_headed_like_a_students_name_or_id_number_is_refused_at_its_cell(tmp_path: Path) -> None:
    book = _filled(tmp_path, "心理教师")
    wb = openpyxl.load_workbook(book)
    ws = wb["教职工"]
    ws.cell(row=1, column=ws.max_column + 1, value="教师姓名")
    ws.cell(row=1, column=ws.max_column + 1, value="身份证号")
    wb.save(book)
    with pytest.raises(InputError) as caught:
        open_source(book, MODELS)
    issues = [(i.code, i.field.split(" / ")[0]) for i in caught.value.issues]
    letters = [openpyxl.utils.get_column_letter(ws.max_column - 1), openpyxl.utils.get_column_letter(ws.max_column)]
    assert issues == [("personal_column", f"{letters[0]}列「教师姓名」"), ("personal_column", f"{letters[1]}列「身份证号」")]
    assert "不收集个人身份信息" in caught.value.issues[0].message_zh


def test_the_form_has_no_column_for_a_students_name_or_identity_number(tmp_path: Path) -> None:
    form, plans = make_template(list(REG.policies.values()), MODELS, tmp_path / "t.xlsx", level="bureau")
    headers = [c.header for p in plans for c in p.columns]
    assert headers and not [h for h in headers if "姓名" in h or "身份证" in h]


def test_the_command_line_lists_a_forms_errors_at_their_cells_and_stores_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import orjson

    from mhpolicy.core.cli import main

    book = _filled(tmp_path, "心里老师")
    db = tmp_path / "s.db"
    code = main(["check", "--city", "fuzhou", "--data", str(book), "--db", str(db), "--out", str(tmp_path / "o"),
                 "--json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "工作表「教职工」第5行" in err and "C列「岗位」" in err and "'心里老师'" in err
    [issue] = orjson.loads(out)["error"]["issues"]
    assert issue["code"] == "not_allowed" and issue["file"] == str(book)
    assert not db.exists()
