"""A bundled sample exported to a workbook (`mhpolicy export`) and checked from it is the same
dataset: same hash as the JSON dataset, same findings, for every installed city."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from mhpolicy.core.authoring.export import export
from mhpolicy.core.check import CheckRequest, run_check
from mhpolicy.core.cli import main
from mhpolicy.core.io.source import memory_source, open_source, read_dataset
from mhpolicy.core.io.tabular import Kind, layout
from mhpolicy.core.plugins.registry import discover

REG = discover()
MODELS = REG.models()
SAMPLES = {code: Path(str(p.sample_path())) for code, p in sorted(REG.policies.items()) if p.sample_data}


def _key(f: dict) -> tuple:
    return (f["subject_kind"], f["subject_id"], f["rule_id"], f["period"] or "")


def _check(data: object, tmp: Path, name: str) -> list[dict]:
    result = run_check(CheckRequest(cities=sorted(REG.policies), data=data, out=tmp / name,  # type: ignore[arg-type]
                                    db=str(tmp / f"{name}.db"), keep_findings=True), REG)
    return sorted(result.findings, key=_key)


@pytest.mark.parametrize("city", sorted(SAMPLES))
def test_a_sample_exported_to_a_workbook_reads_back_with_the_same_hash_and_the_same_findings(
        city: str, tmp_path: Path) -> None:
    dataset, _ = read_dataset(SAMPLES[city], MODELS)
    canonical = tmp_path / "canonical.json"  # the dataset's canonical document, as a JSON file
    canonical.write_bytes(memory_source(dataset)._bytes or b"")
    book = export(dataset.model_dump(mode="json"), MODELS, tmp_path / f"{city}.xlsx")

    from_book = open_source(book, MODELS)
    assert from_book.digest == memory_source(dataset).digest == open_source(canonical, MODELS).digest
    assert from_book.institutions == len(dataset.institutions) > 0

    as_json, as_book = _check(canonical, tmp_path, "json"), _check(book, tmp_path, "xlsx")
    assert len(as_json) == len(as_book) > 0
    for a, b in zip(as_json, as_book, strict=True):
        assert {k: v for k, v in a.items() if k != "run_id"} == {k: v for k, v in b.items() if k != "run_id"}


def _none_happened(doc: dict) -> tuple[dict, int]:
    """The sample with every list the model lets be unreported made empty ("none happened") on
    every row that did not report it, and how many were so changed."""
    changed = 0
    for table in layout(MODELS):
        holders = [doc] if table.parent is None else doc.get(table.list_field) if table.parent.parent is None else []
        for column in (c for c in table.columns if c.kind == Kind.STATUS):
            for row in holders or []:
                holder = row
                for part in column.path[:-1]:
                    holder = holder.setdefault(part, {})
                if holder.get(column.path[-1]) is None:
                    holder[column.path[-1]] = []
                    changed += 1
    return doc, changed


@pytest.mark.parametrize("city", sorted(SAMPLES))
def test_lists_reported_as_none_and_lists_not_reported_keep_their_difference_through_a_workbook(
        city: str, tmp_path: Path) -> None:
    dataset, _ = read_dataset(SAMPLES[city], MODELS)
    doc, changed = _none_happened(dataset.model_dump(mode="json"))
    assert changed > 0  # every sample has a city (and counties) whose supervisions were not reported
    emptied = MODELS.dataset.model_validate(doc)
    canonical = tmp_path / "emptied.json"
    canonical.write_bytes(memory_source(emptied)._bytes or b"")
    book = export(emptied.model_dump(mode="json"), MODELS, tmp_path / f"{city}-none.xlsx")
    assert open_source(book, MODELS).digest == memory_source(emptied).digest != memory_source(dataset).digest
    as_json, as_book = _check(canonical, tmp_path, "json"), _check(book, tmp_path, "xlsx")
    assert [{k: v for k, v in f.items() if k != "run_id"} for f in as_json] == [
        {k: v for k, v in f.items() if k != "run_id"} for f in as_book]


def test_export_on_the_command_line_writes_every_sheet_with_the_sample_rows(tmp_path: Path) -> None:
    out = tmp_path / "n.xlsx"
    assert main(["export", "--sample", "nanchang", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    schools = list(wb["学校基本信息"].iter_rows(min_row=3, values_only=True))
    dataset, _ = read_dataset(SAMPLES["nanchang"], MODELS)
    assert [r[0] for r in schools] == [i.id for i in dataset.institutions]
    assert "选项" in wb.sheetnames and wb["选项"].sheet_state == "hidden"


def test_export_refuses_an_output_that_is_not_xlsx(tmp_path: Path) -> None:
    assert main(["export", "--sample", "nanchang", "--out", str(tmp_path / "n.json")]) == 2


def test_a_workbook_checked_by_two_worker_processes_or_for_one_school_gives_the_same_findings(tmp_path: Path) -> None:
    dataset, _ = read_dataset(SAMPLES["fuzhou"], MODELS)
    book = export(dataset.model_dump(mode="json"), MODELS, tmp_path / "f.xlsx")
    one = run_check(CheckRequest(cities=["fuzhou"], data=book, out=tmp_path / "a", db=str(tmp_path / "a.db"),
                                 keep_findings=True), REG)
    two = run_check(CheckRequest(cities=["fuzhou"], data=book, out=tmp_path / "b", db=str(tmp_path / "b.db"),
                                 keep_findings=True, workers=2), REG)
    strip = lambda fs: sorted(({k: v for k, v in f.items() if k != "run_id"} for f in fs), key=_key)  # noqa: E731
    assert strip(one.findings) == strip(two.findings) and one.findings
    school = dataset.institutions[0].id
    own = run_check(CheckRequest(cities=["fuzhou"], data=book, out=tmp_path / "c", db=str(tmp_path / "c.db"),
                                 keep_findings=True, school=school), REG)
    assert {f["subject_id"] for f in own.findings if f["subject_kind"] == "institution"} == {school}
