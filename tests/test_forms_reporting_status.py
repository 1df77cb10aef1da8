"""填报情况 on a form: for a list the model lets be unreported (None → 缺数据) as against empty
([] → none happened, which can be 不符合), the parent's row says 已填报 / 无记录 / 未填报, since a
sheet without rows cannot tell the two apart. 平凉's yearly special supervision of each county
(五(一)) is such a list; the tests fill the generated bureau form with openpyxl as a clerk would."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from mhpolicy.core.authoring.template import make_template
from mhpolicy.core.check import CheckRequest, run_check
from mhpolicy.core.io.loading import InputError
from mhpolicy.core.io.source import open_source, read_dataset
from mhpolicy.core.io.tabular import Kind, layout
from mhpolicy.core.plugins.registry import discover

REG = discover()
MODELS = REG.models()
PINGLIANG = REG.get("pingliang")
COUNTY_RULE = "pingliang.5-1.special-supervision-county"
STATUS = "县级专项督导评估填报情况"
RECORDS = "县级专项督导评估"


def _form(tmp: Path) -> Path:
    """平凉's bureau form, prefilled with its sample (last period's data, as a clerk updates it)."""
    dataset, _ = read_dataset(Path(str(PINGLIANG.sample_path())), MODELS)
    path, _ = make_template([PINGLIANG], MODELS, tmp / "平凉.xlsx", level="bureau",
                            prefill=dataset.model_dump(mode="json"))
    return path


def _column(ws: openpyxl.worksheet.worksheet.Worksheet, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def _set_status(wb: openpyxl.Workbook, county: str, value: str | None) -> None:
    ws = wb["区县"]
    col = _column(ws, STATUS)
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == county)
    ws.cell(row, col).value = value


def _drop_records(wb: openpyxl.Workbook, county: str) -> None:
    ws = wb[RECORDS]
    for r in range(ws.max_row, 2, -1):
        if ws.cell(r, 1).value == county:
            ws.delete_rows(r)


def _statuses(book: Path, tmp: Path) -> dict[str, set[str]]:
    result = run_check(CheckRequest(cities=["pingliang"], data=book, out=tmp / "o", db=str(tmp / "s.db"),
                                    keep_findings=True), REG)
    out: dict[str, set[str]] = {}
    for f in result.findings:
        if f["rule_id"] == COUNTY_RULE:
            out.setdefault(f["subject_id"], set()).add(f["status"])
    return out


def test_only_lists_the_model_lets_be_unreported_get_a_status_column_on_their_parents_row() -> None:
    status = {(t.sheet, c.header, c.status_of) for t in layout(MODELS) for c in t.columns if c.kind == Kind.STATUS}
    assert ("区县", STATUS, "districts.special_supervisions") in status
    assert ("数据集", "市级专项督导评估填报情况", "city.special_supervisions") in status
    # staff, trainings, events … default to [] in the model: "none given" reads one way for them
    assert not {s for s in status if s[0] in ("学校基本信息", "教职工")}


def test_the_form_offers_the_three_states_in_a_dropdown_and_explains_them_in_chinese(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_form(tmp_path))
    ws = wb["区县"]
    letter = openpyxl.utils.get_column_letter(_column(ws, STATUS))
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation if letter in str(dv.sqref)]
    assert lists == ['"已填报,无记录,未填报"']
    assert {ws.cell(r, _column(ws, STATUS)).value for r in range(3, ws.max_row + 1)} == {"已填报", "未填报"}
    notes = {row[0]: row[1] for row in wb["填表说明"].iter_rows(values_only=True) if row and row[0]}
    assert "本期确无此类记录" in notes["填报情况"] and "缺数据" in notes["填报情况"] and STATUS in notes["填报情况"]


def test_a_county_marked_none_is_non_compliant_and_one_left_unreported_is_missing_data(tmp_path: Path) -> None:
    book = _form(tmp_path)
    wb = openpyxl.load_workbook(book)
    _set_status(wb, "KT", "无记录")  # the clerk: 崆峒区 held no special supervision
    _drop_records(wb, "KT")
    _set_status(wb, "HT", "未填报")  # 华亭市 has not sent its records yet
    _drop_records(wb, "HT")
    _set_status(wb, "ZL", None)  # left empty, its rows removed: read as before, not reported
    _drop_records(wb, "ZL")
    wb.save(book)
    dataset, _ = read_dataset(book, MODELS)
    by_id = {d.id: d for d in dataset.districts}
    assert by_id["KT"].special_supervisions == [] and by_id["HT"].special_supervisions is None
    assert by_id["ZL"].special_supervisions is None and by_id["LT"].special_supervisions
    found = _statuses(book, tmp_path)
    assert "不符合" in found["KT"] and "缺数据" not in found["KT"]
    assert found["HT"] == {"缺数据"} and found["ZL"] == {"缺数据"}


@pytest.mark.parametrize(("value", "drop", "code"), [
    ("无记录", False, "inconsistent_values"),  # none, yet the sheet has its rows
    ("已填报", True, "inconsistent_values"),  # reported, yet no rows
    ("没有", True, "not_allowed"),  # typed over the dropdown
])
def test_a_status_the_rows_contradict_or_a_word_not_offered_is_an_error_at_its_cell(
        tmp_path: Path, value: str, drop: bool, code: str) -> None:
    book = _form(tmp_path)
    wb = openpyxl.load_workbook(book)
    _set_status(wb, "KT", value)
    if drop:
        _drop_records(wb, "KT")
    wb.save(book)
    with pytest.raises(InputError) as caught:
        open_source(book, MODELS)
    [issue] = caught.value.issues
    letter = openpyxl.utils.get_column_letter(_column(wb["区县"], STATUS))
    assert issue.code == code and issue.row.startswith("工作表「区县」")
    assert issue.field.startswith(f"{letter}列「{STATUS}」") and f"'{value}'" in issue.field
