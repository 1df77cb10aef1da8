"""Bad input gets an error naming file, row and field, in Chinese and English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mhpolicy.core.io.loading import InputError
from mhpolicy.core.io.source import read_dataset

from .plugin_kit import dataset, school


def _write(tmp_path: Path, data: Any, name: str = "data.json") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def _issues(path: Path) -> list:
    with pytest.raises(InputError) as exc:
        read_dataset(path)
    return exc.value.issues


def test_negative_count_names_row_and_field(tmp_path: Path) -> None:
    data = dataset(school("A", 1), school("B", 1, students=-5))
    (issue,) = _issues(_write(tmp_path, data))
    assert (issue.code, issue.row, issue.field) == ("negative", "institutions[1] (id=B)", "enrollment[0].students")
    assert issue.file.endswith("data.json")
    assert "负数" in issue.message_zh and "negative" in issue.message_en


def test_a_date_that_is_no_date(tmp_path: Path) -> None:
    data = dataset(school("A", 1, referral_channel_established="2024-02-30"))
    (issue,) = _issues(_write(tmp_path, data))
    assert (issue.code, issue.field) == ("not_a_date", "referral_channel_established")
    assert "YYYY-MM-DD" in issue.message_en and "日期" in issue.message_zh


def test_a_misspelt_column_is_an_unknown_field(tmp_path: Path) -> None:
    inst = school("A", 1)
    inst["studnets"] = 3
    (issue,) = _issues(_write(tmp_path, dataset(inst)))
    assert (issue.code, issue.row, issue.field) == ("unknown_field", "institutions[0] (id=A)", "studnets")


def test_student_names_and_identity_numbers_are_refused(tmp_path: Path) -> None:
    case = {"case_id": "11010520100101123X", "tier": "red", "opened": "2024-03-01"}
    named = {"case_id": "C-1", "tier": "red", "opened": "2024-03-01", "name": "张三"}
    issues = _issues(_write(tmp_path, dataset(school("A", 1, warning_cases=[case, named]))))
    by_field = {i.field: i for i in issues}
    assert by_field["warning_cases[0].case_id"].code == "identity_number"
    assert "identity-card" in by_field["warning_cases[0].case_id"].message_en
    assert "11010520100101123X" not in str(by_field["warning_cases[0].case_id"])  # never echoed
    assert by_field["warning_cases[1].name"].code == "unknown_field"


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    (issue,) = _issues(_write(tmp_path, '{\n "city": {"code": "x", "name": "y"},\n "districts": [,]\n}'))
    assert issue.code == "broken_file" and "line 3" in issue.row


def test_unknown_district_reference_names_the_row(tmp_path: Path) -> None:
    (issue,) = _issues(_write(tmp_path, dataset(school("A", 1), school("B", 1, district_id="D9"))))
    assert (issue.code, issue.row, issue.field) == ("unknown_reference", "institutions[1] (id=B)", "district_id")
    assert "D9" in issue.message_en and "districts" in issue.message_en


def test_missing_file_and_wrong_format(tmp_path: Path) -> None:
    assert _issues(tmp_path / "nope.json")[0].code == "no_file"
    assert _issues(_write(tmp_path, "a,b\n", name="data.txt"))[0].code == "unsupported_format"
    # a CSV file is a 填报表 sheet now (issue 12): one not named after a sheet is said to be so
    assert _issues(_write(tmp_path, "a,b\n1,2\n", name="data.csv"))[0].code == "unknown_sheet"


def test_every_issue_is_reported_not_just_the_first(tmp_path: Path) -> None:
    data = dataset(school("A", 1, students=-1), school("B", 1, boarding_students=-2, boarding=True))
    assert len(_issues(_write(tmp_path, data))) == 2


def test_the_models_own_checks_speak_both_languages(tmp_path: Path) -> None:
    visits = {"semester": "2024-2025-1", "families": 3, "families_visited": 5}
    (issue,) = _issues(_write(tmp_path, dataset(school("A", 1, home_visits=[visits]))))
    assert (issue.code, issue.field) == ("exceeds", "home_visits[0].families_visited")
    assert issue.message_zh == "已家访家庭数（families_visited=5）超过在册家庭数（families=3）"
    assert issue.message_en == "families_visited (5) exceeds families (3)"


def test_warning_tiers_must_belong_to_the_city_scheme(tmp_path: Path) -> None:
    from mhpolicy.core.io.loading import check_warning_tiers
    from mhpolicy.core.rules.requirement import WarningScheme

    case = {"case_id": "C-1", "tier": "purple", "opened": "2024-03-01"}
    ds, _ = read_dataset(_write(tmp_path, dataset(school("A", 1, warning_cases=[case]))))
    scheme = WarningScheme(code="x", tiers=("red", "orange", "yellow"))
    with pytest.raises(InputError) as exc:
        check_warning_tiers(ds.institutions, scheme, "f.json")
    (issue,) = exc.value.issues
    assert (issue.code, issue.row, issue.field) == ("tier_not_in_scheme", "institutions[0] (id=A)", "warning_cases[0].tier")
    check_warning_tiers(ds.institutions, None, "f.json")  # a city without tiers accepts what it is given


def test_a_boarding_count_at_a_day_school_names_the_count(tmp_path: Path) -> None:
    (issue,) = _issues(_write(tmp_path, dataset(school("A", 1, boarding_students=30))))
    assert (issue.code, issue.row, issue.field) == ("inconsistent_values", "institutions[0] (id=A)", "boarding_students")
    assert issue.message_zh == "寄宿生人数（boarding_students=30）与寄宿制学校（boarding=false）矛盾"
    assert issue.message_en == "boarding_students (30) contradicts boarding (false)"
