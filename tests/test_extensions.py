"""Plugin-declared data: a plan's own fields are validated, documented and read like core ones.

The test plugin declares what 平凉 and 新乡 would need: the hospitals of the whole dataset
(a kind enum and whether they opened a 心理门诊), each station's monthly reports (month,
date sent, recipient) and, on institutions, the number of member schools of its 教育集团.
"""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import pytest
from pydantic import Field

from mhpolicy.core import cli
from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.evaluation.pipeline import run_stream
from mhpolicy.core.io.loading import InputError, parse_dataset
from mhpolicy.core.io.source import open_source, read_dataset
from mhpolicy.core.model.entities import Count, Dataset, Ident, Strict
from mhpolicy.core.model.extensions import (
    CORE_MODELS,
    DataExtension,
    Entity,
    build_models,
    extension,
    models_of,
)
from mhpolicy.core.plugins.registry import CityPolicy, Registry, hookimpl, load_modules
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.requirement import Measure, MeasureResult, MissingData, SubjectKind

from .plugin_kit import dataset, plugin_module, requirement, school


class HospitalKind(StrEnum):
    """A plugin's own vocabulary: codes in the data, Chinese labels for people."""

    MATERNAL_CHILD = "maternal_child"
    GENERAL_SECONDARY = "general_secondary"

    @property
    def label(self) -> str:
        return {"maternal_child": "妇幼保健医院", "general_secondary": "二级以上综合医院"}[self.value]


class Hospital(Strict):
    id: Ident
    kind: HospitalKind
    psych_clinic: bool = False  # 开设心理门诊


class MonthlyReport(Strict):
    """《站点咨询工作数据表》 of one month, sent to the parent station."""

    month: Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")]
    sent: date
    recipient_id: Ident


HOSPITALS: DataExtension[list[Hospital]] = DataExtension(
    Entity.DATASET, "hospitals", list[Hospital], "医院", "妇幼保健医院和二级以上综合医院")
REPORTS: DataExtension[list[MonthlyReport]] = DataExtension(
    Entity.STATION, "monthly_reports", list[MonthlyReport], "站点咨询工作数据表", "每月26日前报上级站点")
MEMBERS: DataExtension[int | None] = DataExtension(
    Entity.INSTITUTION, "group_member_schools", Count, "教育集团成员校数", unit="所")
EXTENSIONS = [HOSPITALS, REPORTS, MEMBERS]


def clinics(subject: Subject, ctx: Context) -> MeasureResult:
    """Hospitals that opened a 心理门诊, read from the dataset-level records."""
    open_ = [h for h in ctx.extension(HOSPITALS) if h.psych_clinic]
    return Measure(observed=len(open_), required=1, inputs={"医院数": len(ctx.dataset.hospitals)})  # type: ignore[attr-defined]


def report_sent_by_26th(subject: Subject, ctx: Context) -> MeasureResult:
    """Last month's report, sent to the parent station by the 26th."""
    station = subject.station
    month = date(ctx.as_of.year, ctx.as_of.month - 1, 1)
    due = month.replace(day=26)
    on_time = [r for r in subject.entity.monthly_reports
               if r.month == f"{month:%Y-%m}" and r.sent <= due and r.recipient_id == station.parent_id]
    return Measure(observed=len(on_time), required=1)


def member_schools(subject: Subject, ctx: Context) -> MeasureResult:
    members = extension(subject.institution, MEMBERS)
    return MissingData(("group_member_schools",)) if members is None else Measure(observed=members, required=2)


def _extensions_hook(declared: list[DataExtension[Any]]) -> dict[str, Any]:
    @hookimpl
    def mhpolicy_data_extensions() -> list[DataExtension[Any]]:
        return declared

    return {"mhpolicy_data_extensions": mhpolicy_data_extensions}


def _requirements() -> list[Any]:
    return [
        requirement(rid="clinic", measure=clinics, subject=SubjectKind.CITY, parameters=(), unit="所",
                    observed_label="开设心理门诊的医院", gap_text="缺{gap}所开设心理门诊的医院"),
        requirement(rid="report", measure=report_sent_by_26th, subject=SubjectKind.STATION, parameters=(),
                    unit="份", observed_label="按时报送的站点咨询工作数据表", gap_text="缺{gap}份按时报送的数据表"),
        requirement(rid="group", measure=member_schools, parameters=(), unit="所",
                    observed_label="教育集团成员校数", gap_text="缺{gap}所成员校"),
    ]


def _registry(tmp_path: Path, declared: list[DataExtension[Any]] = EXTENSIONS) -> Registry:
    mod = plugin_module(tmp_path, _requirements(), extra=_extensions_hook(declared))
    reg = load_modules({"testcity": mod})
    assert not reg.errors, reg.errors
    return reg


def _data(**institution: Any) -> dict[str, Any]:
    data = dataset(school("A", 1, **institution))
    data["stations"] = [
        {"id": "S0", "name": "区辅导站", "level": "district", "district_id": "D1"},
        {"id": "S1", "name": "镇站点", "level": "township", "district_id": "D1", "parent_id": "S0",
         "monthly_reports": [{"month": "2025-05", "sent": "2025-05-25", "recipient_id": "S0"}]},
    ]
    data["hospitals"] = [{"id": "H1", "kind": "maternal_child", "psych_clinic": True},
                         {"id": "H2", "kind": "general_secondary"}]
    return data


def _write(tmp_path: Path, data: dict[str, Any], name: str = "data.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _issues(path: Path, reg: Registry) -> list[Any]:
    with pytest.raises(InputError) as exc:
        read_dataset(path, reg.models())
    return exc.value.issues


def test_data_with_declared_fields_validates_and_entities_are_the_extended_models(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    ds, _ = read_dataset(_write(tmp_path, _data(group_member_schools=3)), reg.models())
    assert [h.kind for h in extension(ds, HOSPITALS)] == [HospitalKind.MATERNAL_CHILD, HospitalKind.GENERAL_SECONDARY]
    assert ds.stations[1].monthly_reports[0].sent == date(2025, 5, 25)  # type: ignore[attr-defined]
    assert ds.stations[0].monthly_reports == []  # type: ignore[attr-defined]  # absent list: empty
    assert ds.institutions[0].group_member_schools == 3  # type: ignore[attr-defined]
    assert isinstance(ds.institutions[0], reg.models().institution)
    assert models_of(ds) is reg.models()


def test_the_same_data_is_refused_by_the_core_models_as_unknown_fields(tmp_path: Path) -> None:
    issues = _issues(_write(tmp_path, _data(group_member_schools=3)), Registry())
    assert {(i.code, i.row, i.field) for i in issues} == {
        ("unknown_field", "", "hospitals"),
        ("unknown_field", "stations[1] (id=S1)", "monthly_reports"),
    }  # the header fails first; its institutions are not read until it validates


def test_a_negative_count_in_an_extension_field_names_file_row_field_and_label(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    (issue,) = _issues(_write(tmp_path, _data(group_member_schools=-1)), reg)
    assert (issue.code, issue.row, issue.field) == ("negative", "institutions[0] (id=A)", "group_member_schools")
    assert issue.file.endswith("data.json")
    assert issue.message_zh.startswith("教育集团成员校数：") and "负数" in issue.message_zh
    assert "negative" in issue.message_en


def test_a_wrong_enum_value_in_a_dataset_level_record_names_the_record_and_field(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    data = _data()
    data["hospitals"][1]["kind"] = "clinic"
    (issue,) = _issues(_write(tmp_path, data), reg)
    assert (issue.code, issue.row, issue.field) == ("not_allowed", "", "hospitals[1].kind")
    assert issue.message_zh.startswith("医院：取值不在允许范围") and "general_secondary" in issue.message_zh
    assert "not one of the allowed values" in issue.message_en


def test_an_unknown_field_inside_a_station_record_is_still_rejected(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    data = _data()
    data["stations"][1]["monthly_reports"][0]["consultations_total"] = 12
    (issue,) = _issues(_write(tmp_path, data), reg)
    assert (issue.code, issue.row, issue.field) == (
        "unknown_field", "stations[1] (id=S1)", "monthly_reports[0].consultations_total")
    assert issue.message_zh.startswith("站点咨询工作数据表：未知字段") and "unknown field" in issue.message_en


def test_an_unknown_field_next_to_the_extensions_is_still_rejected(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    (issue,) = _issues(_write(tmp_path, _data(group_members=3)), reg)
    assert (issue.code, issue.field, issue.message_zh) == ("unknown_field", "group_members", "未知字段（列名是否拼错？）")


def test_the_schema_shows_extension_fields_with_their_labels_and_units(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    reg = _registry(tmp_path)
    monkeypatch.setattr(cli, "discover", lambda: reg)
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    defs = schema["$defs"]
    assert schema["properties"]["hospitals"]["title"] == "医院"
    assert schema["properties"]["hospitals"]["items"] == {"$ref": "#/$defs/Hospital"}
    assert defs["Hospital"]["properties"]["kind"] == {"$ref": "#/$defs/HospitalKind"}
    assert defs["Station"]["properties"]["monthly_reports"]["description"] == "每月26日前报上级站点"
    members = defs["Institution"]["properties"]["group_member_schools"]
    assert (members["title"], members["unit"], members["default"]) == ("教育集团成员校数", "所", None)
    assert defs["Institution"]["additionalProperties"] is False


def test_without_extensions_the_schema_and_models_are_the_core_ones(monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "discover", lambda: Registry())
    assert Registry().models() is CORE_MODELS
    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == Dataset.model_json_schema()


def test_a_check_decides_requirements_from_the_declared_data(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    policy = reg.get("testcity")
    data = _data(group_member_schools=1)
    data["institutions"].append(school("B", 1))  # no member count: 缺数据, never compliant
    ds = reg.models().dataset.model_validate(data)
    got = {(f.rule_id, f.subject_id): f for f in evaluate(ds, policy, date(2025, 6, 10)).findings}
    assert got[("testcity.1-1.clinic", "testcity")].status is Status.PASS
    assert got[("testcity.1-1.clinic", "testcity")].inputs == {"医院数": 2}
    assert got[("testcity.1-1.report", "S1")].status is Status.PASS
    assert got[("testcity.1-1.report", "S0")].status is Status.FAIL  # sent no report
    assert (got[("testcity.1-1.group", "A")].status, got[("testcity.1-1.group", "A")].gap) == (Status.FAIL, 1)
    assert got[("testcity.1-1.group", "B")].status is Status.MISSING


def test_a_report_sent_after_the_26th_is_not_on_time(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    data = _data()
    data["stations"][1]["monthly_reports"][0]["sent"] = "2025-05-27"
    data["hospitals"] = []
    ds = reg.models().dataset.model_validate(data)
    got = {(f.rule_id, f.subject_id): f for f in evaluate(ds, reg.get("testcity"), date(2025, 6, 10)).findings}
    assert got[("testcity.1-1.report", "S1")].status is Status.FAIL
    assert got[("testcity.1-1.clinic", "testcity")].status is Status.FAIL


def test_a_streamed_jsonl_check_validates_institutions_with_the_headers_models(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    data = _data(group_member_schools=2)
    institutions = data.pop("institutions")
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(x) for x in [data, *institutions]))
    parts = list(run_stream(open_source(path, reg.models()), [reg.get("testcity")], date(2025, 6, 10)))
    found = {(f.rule_id, f.subject_id): f.status for part in parts for f in part["testcity"]}
    assert found[("testcity.1-1.group", "A")] is Status.PASS
    assert found[("testcity.1-1.clinic", "testcity")] is Status.PASS


def test_a_bad_extension_value_in_a_jsonl_row_names_the_line(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    data = _data(group_member_schools="viele")
    institutions = data.pop("institutions")
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(x) for x in [data, *institutions]))
    with pytest.raises(InputError) as exc:
        list(run_stream(open_source(path, reg.models()), [reg.get("testcity")], date(2025, 6, 10)))
    (issue,) = exc.value.issues
    assert (issue.code, issue.row, issue.field) == ("not_an_integer", "第2行 / line 2 (id=A)", "group_member_schools")
    assert issue.message_zh == "教育集团成员校数：不是整数"


def test_the_accessor_gives_the_declared_default_for_data_validated_without_the_extension() -> None:
    ds = Dataset.model_validate(dataset(school("A", 1)))
    assert extension(ds, HOSPITALS) == []
    assert extension(ds.institutions[0], MEMBERS) is None
    with pytest.raises(AttributeError, match="hospitals"):
        extension(ds, "hospitals")


def test_a_name_two_plugins_declare_differently_fails_loading_naming_both(tmp_path: Path) -> None:
    other = DataExtension(Entity.DATASET, "hospitals", list[str], "医院名单")
    reg = load_modules({
        "testcity": plugin_module(tmp_path, _requirements(), extra=_extensions_hook(EXTENSIONS)),
        "othercity": plugin_module(tmp_path, [requirement("othercity", measure=clinics, parameters=())],
                                   code="othercity", extra=_extensions_hook([other])),
    })
    assert list(reg.policies) == ["testcity"]
    (err,) = reg.errors
    assert err.plugin == "othercity"
    assert "testcity" in str(err) and "othercity" in str(err) and "dataset.hospitals" in str(err)
    assert "以不同方式声明" in str(err) and "declared differently" in str(err)


def test_the_same_declaration_from_two_plugins_is_shared(tmp_path: Path) -> None:
    reg = load_modules({
        "testcity": plugin_module(tmp_path, _requirements(), extra=_extensions_hook(EXTENSIONS)),
        "othercity": plugin_module(tmp_path, [requirement("othercity", measure=clinics, parameters=())],
                                   code="othercity", extra=_extensions_hook([HOSPITALS])),
    })
    assert not reg.errors
    assert reg.models().extensions == tuple(sorted(EXTENSIONS, key=lambda e: (e.entity.value, e.name)))
    # a 福州-like check of data carrying another plan's fields: every loaded plugin's fields validate
    ds = parse_dataset(_data(group_member_schools=2), "d.json", reg.models())
    assert evaluate(ds, reg.get("othercity"), date(2025, 6, 10)).findings[0].status is Status.PASS


def test_a_name_of_a_core_field_or_property_fails_loading(tmp_path: Path) -> None:
    for name in ("staff", "students"):  # a field, and a property of Institution
        clash = DataExtension(Entity.INSTITUTION, name, int, "重名")
        reg = load_modules({"testcity": plugin_module(tmp_path, _requirements(), extra=_extensions_hook([clash]))})
        (err,) = reg.errors
        assert err.plugin == "testcity" and f"institution.{name}" in str(err) and "核心模型" in str(err)


def test_a_hook_answer_that_is_no_declaration_fails_loading(tmp_path: Path) -> None:
    reg = load_modules({"testcity": plugin_module(tmp_path, _requirements(),
                                                  extra=_extensions_hook(["hospitals"]))})  # type: ignore[list-item]
    (err,) = reg.errors
    assert "not a DataExtension" in str(err)


def test_declarations_check_their_own_shape() -> None:
    with pytest.raises(ValueError, match="identifier"):
        DataExtension(Entity.CITY, "bad-name", int, "坏")
    with pytest.raises(ValueError, match="label"):
        DataExtension(Entity.CITY, "ok", int, "")
    with pytest.raises(ValueError, match="list field defaults to empty"):
        DataExtension(Entity.CITY, "items", list[int], "列表", default=(1,))
    assert DataExtension("city", "ok", int, "好").entity is Entity.CITY  # type: ignore[arg-type]


def test_extended_models_are_cached_per_set_of_declarations_whatever_their_order() -> None:
    assert build_models([HOSPITALS, MEMBERS]) is build_models([MEMBERS, HOSPITALS, HOSPITALS])
    assert build_models([HOSPITALS]) is not build_models([HOSPITALS, MEMBERS])
    assert build_models([MEMBERS]).dataset.model_fields["institutions"].annotation == list[
        build_models([MEMBERS]).institution]


def test_core_only_data_validates_exactly_as_before_under_extended_models(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    for policy in load_modules({"fuzhou": "mhpolicy.policies.fuzhou.plugin",
                                "nanchang": "mhpolicy.policies.nanchang.plugin"}).policies.values():
        sample = Path(str(policy.sample_path()))
        core, _ = read_dataset(sample)
        extended, _ = read_dataset(sample, reg.models())
        assert type(core) is Dataset and type(extended) is reg.models().dataset
        dumped = extended.model_dump(mode="json")
        assert dumped.pop("hospitals") == []
        for st in dumped["stations"]:
            assert st.pop("monthly_reports") == []
        for inst in dumped["institutions"]:
            assert inst.pop("group_member_schools") is None
        assert dumped == core.model_dump(mode="json")


def test_hook_answers_go_through_pluggy(tmp_path: Path) -> None:
    policy: CityPolicy = _registry(tmp_path).get("testcity")
    assert policy.extensions == EXTENSIONS


PLAN_PUBLISHED: DataExtension[bool | None] = DataExtension(Entity.CITY, "plan_published", bool, "实施方案已印发")
GROUPS: DataExtension[int] = DataExtension(Entity.DISTRICT, "education_groups", Count, "教育集团数", default=0, unit="个")


def test_city_and_district_extension_errors_name_their_row_field_and_label(tmp_path: Path) -> None:
    reg = _registry(tmp_path, [*EXTENSIONS, PLAN_PUBLISHED, GROUPS])
    data = _data()
    data["city"]["plan_published"] = "perhaps"
    data["districts"][0]["education_groups"] = -2
    issues = _issues(_write(tmp_path, data), reg)
    got = {(i.code, i.row, i.field): i for i in issues}
    assert set(got) == {("not_a_boolean", "", "city.plan_published"),
                        ("negative", "districts[0] (id=D1)", "education_groups")}
    assert got[("not_a_boolean", "", "city.plan_published")].message_zh.startswith("实施方案已印发：")
    assert got[("negative", "districts[0] (id=D1)", "education_groups")].message_zh.startswith("教育集团数：")
    data["city"]["plan_published"] = True
    del data["districts"][0]["education_groups"]
    ds, _ = read_dataset(_write(tmp_path, data), reg.models())
    assert (extension(ds.city, PLAN_PUBLISHED), extension(ds.districts[0], GROUPS)) == (True, 0)


def test_forked_workers_validate_chunks_with_the_extended_models(tmp_path: Path) -> None:
    reg = _registry(tmp_path)
    data = _data(group_member_schools=2)
    data["institutions"] += [school(sid, 1, group_member_schools=n) for sid, n in (("B", 1), ("C", 5))]
    source = open_source(_write(tmp_path, data), reg.models())
    parts = list(run_stream(source, [reg.get("testcity")], date(2025, 6, 10), workers=2, chunk=1))
    found = {f.subject_id: f.status for part in parts for f in part["testcity"] if f.rule_id == "testcity.1-1.group"}
    assert found == {"A": Status.PASS, "B": Status.FAIL, "C": Status.PASS}


def test_the_cli_checks_data_carrying_declared_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    reg = _registry(tmp_path)
    monkeypatch.setattr(cli, "discover", lambda: reg)
    path = _write(tmp_path, _data(group_member_schools=2))
    args = ["check", "--city", "testcity", "--data", str(path), "--as-of", "2025-06-10", "--json",
            "--out", str(tmp_path / "out"), "--db", f"sqlite:///{tmp_path / 'db.sqlite'}"]
    assert cli.main(args) == 0
    findings = {(f["rule_id"], f["subject_id"]): f["status"] for f in json.loads(capsys.readouterr().out)}
    assert findings[("testcity.1-1.clinic", "testcity")] == "符合"
    assert findings[("testcity.1-1.group", "A")] == "符合"


def test_the_cli_refuses_a_bad_extension_value_with_exit_2_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    reg = _registry(tmp_path)
    monkeypatch.setattr(cli, "discover", lambda: reg)
    data = _data()
    data["hospitals"][0]["psych_clinic"] = "sometimes"
    args = ["check", "--city", "testcity", "--data", str(_write(tmp_path, data)), "--out", str(tmp_path / "out"),
            "--db", f"sqlite:///{tmp_path / 'db.sqlite'}"]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "hospitals[0].psych_clinic: 医院：不是是/否值（true/false） / not a boolean (true/false)" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
