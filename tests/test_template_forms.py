"""`mhpolicy template`: a form generated from the model with the columns the chosen plans read.

The strongest check of "the columns the rules read": a bureau form prefilled with a city's
sample holds only those columns, yet read back it gives that city's findings unchanged."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from mhpolicy.core.authoring.template import make_template
from mhpolicy.core.cli import main
from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.source import read_dataset
from mhpolicy.core.plugins.registry import discover

REG = discover()
MODELS = REG.models()
CITIES = sorted(code for code, p in REG.policies.items() if p.sample_data)


@pytest.mark.parametrize("city", CITIES)
def test_a_bureau_form_prefilled_with_a_sample_gives_the_samples_findings(city: str, tmp_path: Path) -> None:
    policy = REG.get(city)
    sample, _ = read_dataset(policy.sample_path(), MODELS)
    form, plans = make_template([policy], MODELS, tmp_path / "f.xlsx", level="bureau",
                                prefill=sample.model_dump(mode="json"))
    back, _ = read_dataset(form, MODELS)
    assert [i.id for i in back.institutions] == [i.id for i in sample.institutions]
    expected = {(f.subject_id, f.rule_id, f.period): (f.status, f.observed, f.required)
                for f in evaluate(sample, policy, sample.as_of).findings}
    got = {(f.subject_id, f.rule_id, f.period): (f.status, f.observed, f.required)
           for f in evaluate(back, policy, sample.as_of).findings}
    assert got == expected and expected


def test_a_form_holds_only_the_sheets_and_columns_the_chosen_plans_read(tmp_path: Path) -> None:
    _, fuzhou = make_template([REG.get("fuzhou")], MODELS, tmp_path / "f.xlsx", level="bureau")
    _, nanchang = make_template([REG.get("nanchang")], MODELS, tmp_path / "n.xlsx", level="bureau")
    # 课后服务 (after-school minutes) is read by 南昌's plan only
    assert "课后服务" in {p.table.sheet for p in nanchang} and "课后服务" not in {p.table.sheet for p in fuzhou}
    staff = next(p for p in fuzhou if p.table.sheet == "教职工")
    assert "专职" in [c.header for c in staff.columns]
    assert all(r.startswith("fuzhou.") for r in staff.readers["full_time"]) and staff.readers["full_time"]
    school = next(p for p in fuzhou if p.table.sheet == "学校基本信息")
    assert school.readers["public"] == ["fuzhou.5-1.equal-treatment"]  # who it applies to is a read too
    assert "寄宿生人数" not in [c.header for c in school.columns]  # no rule of 福州's reads boarders


def test_the_workbook_has_instructions_dropdowns_from_a_hidden_sheet_validation_and_a_frozen_header(
        tmp_path: Path) -> None:
    out = tmp_path / "填报模板.xlsx"
    assert main(["template", "--city", "fuzhou", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "填表说明" and wb["选项"].sheet_state == "hidden"
    notes = [r for r in wb["填表说明"].iter_rows(values_only=True)]
    assert any(r[0] == "教职工" and r[2] == "full_time" and "fuzhou." in (r[4] or "") for r in notes)
    staff = wb["教职工"]
    assert staff.freeze_panes == "A3" and str(staff["A2"].value).startswith("例：")
    role = [c.column_letter for c in staff[1] if c.value == "岗位"][0]
    lists = {str(dv.sqref): dv.formula1 for dv in staff.data_validations.dataValidation if dv.type == "list"}
    assert any(ref.startswith(f"{role}3:") and formula.startswith("选项!") for ref, formula in lists.items())
    dates = [dv for dv in wb["培训记录"].data_validations.dataValidation if dv.type == "date"]
    assert dates
    assert "站点" not in wb.sheetnames  # a school's own form: its records, its district, the city


def test_a_prefilled_school_form_is_checked_back_on_the_command_line(tmp_path: Path) -> None:
    sample = str(REG.get("nanchang").sample_path())
    out = tmp_path / "上期.xlsx"
    assert main(["template", "--city", "nanchang", "--prefill", sample, "--out", str(out)]) == 0
    assert main(["check", "--city", "nanchang", "--data", str(out), "--db", str(tmp_path / "s.db"),
                 "--out", str(tmp_path / "o")]) == 0
