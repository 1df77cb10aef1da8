"""One evaluation path: a dataset in memory and the same dataset checked from a file give the
same findings, field by field, run the same checks and are stored under the same hash."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import orjson
import pytest

from mhpolicy.core.check import CheckRequest, UsageError, run_check
from mhpolicy.core.evaluation.evaluate import data_hash, evaluate
from mhpolicy.core.io.loading import InputError
from mhpolicy.core.io.source import memory_source, open_source, read_dataset
from mhpolicy.core.io.store import Store
from mhpolicy.core.plugins.registry import discover

REG = discover()
SAMPLES = {code: Path(str(p.sample_path())) for code, p in sorted(REG.policies.items()) if p.sample_data}


def _key(f: dict) -> tuple:
    return (f["subject_kind"], f["subject_id"], f["rule_id"], f["period"] or "")


@pytest.mark.parametrize("sample_city", sorted(SAMPLES))
def test_every_bundled_sample_gives_the_same_findings_in_memory_and_from_its_file(
        sample_city: str, tmp_path: Path) -> None:
    path = SAMPLES[sample_city]
    dataset, _ = read_dataset(path, REG.models())  # with plugin-declared fields
    codes = sorted(REG.policies)
    result = run_check(CheckRequest(cities=codes, data=path, out=tmp_path / "out", db=str(tmp_path / "s.db"),
                                    keep_findings=True), REG)
    streamed = sorted(result.findings, key=_key)
    in_memory = sorted((f.to_json() for code in codes
                        for f in evaluate(dataset, REG.get(code), dataset.as_of).findings), key=_key)
    assert len(in_memory) == len(streamed) > 0
    for mem, st in zip(in_memory, streamed, strict=True):
        differing = {k for k in mem if mem[k] != st[k]}
        assert not differing, f"{_key(mem)} differs in {sorted(differing)}"


def test_a_tier_the_city_does_not_grade_in_is_refused_in_memory_as_from_a_file(tmp_path: Path) -> None:
    scheme = next(p for p in REG.policies.values() if p.warning_scheme is not None)
    data = json.loads(SAMPLES[scheme.code].read_text(encoding="utf-8"))
    inst = data["institutions"][0]
    inst["warning_cases"] = [{"case_id": "C-1", "tier": "purple", "opened": "2025-03-01"}]
    (tmp_path / "d.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dataset, _ = read_dataset(tmp_path / "d.json", REG.models())  # the model alone cannot know the city's tiers
    for other in REG.policies.values():  # whichever plan it is checked under: the data's own city grades it
        with pytest.raises(InputError) as exc:
            evaluate(dataset, other, date(2025, 9, 30))
        assert [(i.field, i.code) for i in exc.value.issues] == [("warning_cases[0].tier", "tier_not_in_scheme")]


def test_the_hash_of_a_dataset_in_memory_is_the_hash_of_its_document_written_to_a_file(tmp_path: Path) -> None:
    dataset, _ = read_dataset(SAMPLES[sorted(SAMPLES)[0]], REG.models())
    path = tmp_path / "doc.json"
    path.write_bytes(orjson.dumps(dataset.model_dump(mode="json")))
    assert data_hash(dataset) == open_source(path, REG.models()).digest == memory_source(dataset).digest
    changed = dataset.model_copy(update={"as_of": date(2020, 1, 1)})
    assert data_hash(changed) != data_hash(dataset)


def test_a_check_from_python_stores_its_runs_and_returns_the_counts(tmp_path: Path) -> None:
    code = sorted(SAMPLES)[0]
    result = run_check(CheckRequest(cities=[code], out=tmp_path / "o", db=str(tmp_path / "s.db")), REG)
    (summary,) = result.summaries
    (run,) = Store(str(tmp_path / "s.db")).runs()
    assert run.id == summary.run_id and run.findings == sum(summary.counts.values()) > 0
    assert {p.name for p in result.reports} == {f"{code}.html", f"{code}.json", f"{code}-actions.csv", f"{code}-districts"}


def _jsonl(data: dict, path: Path) -> Path:
    institutions = data.pop("institutions")
    path.write_bytes(b"\n".join([orjson.dumps(data)] + [orjson.dumps(i) for i in institutions]) + b"\n")
    return path


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_school_report_decides_that_school_alone_with_the_findings_of_a_full_check(
        suffix: str, tmp_path: Path) -> None:
    code = sorted(SAMPLES)[0]
    data = json.loads(SAMPLES[code].read_text(encoding="utf-8"))
    school = data["institutions"][3]["id"]
    path = tmp_path / f"d{suffix}"
    if suffix == ".jsonl":
        _jsonl(data, path)
    else:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    full = run_check(CheckRequest(cities=[code], data=path, out=tmp_path / "a", db=str(tmp_path / "a.db"),
                                  keep_findings=True), REG)
    alone = run_check(CheckRequest(cities=[code], data=path, out=tmp_path / "b", db=str(tmp_path / "b.db"),
                                   school=school, keep_findings=True), REG)
    expected = sorted((f for f in full.findings if f["subject_id"] == school and f["subject_kind"] == "institution"),
                      key=_key)
    assert expected and sorted(alone.findings, key=_key) == expected
    assert alone.summaries[0].institutions == 1


def test_a_school_report_reads_only_that_school(tmp_path: Path) -> None:
    code = sorted(SAMPLES)[0]
    data = json.loads(SAMPLES[code].read_text(encoding="utf-8"))
    school = data["institutions"][0]["id"]
    data["institutions"][1]["enrollment"] = "not a list"  # a broken row of another school is never read
    path = _jsonl(data, tmp_path / "d.jsonl")
    result = run_check(CheckRequest(cities=[code], data=path, out=tmp_path / "o", db=str(tmp_path / "s.db"),
                                    school=school, keep_findings=True), REG)
    assert {f["subject_id"] for f in result.findings} == {school}
    with pytest.raises(InputError):  # the full check does read it, and refuses it
        run_check(CheckRequest(cities=[code], data=path, out=tmp_path / "o", db=str(tmp_path / "s.db")), REG)


def test_a_school_the_data_does_not_have_is_an_input_error_and_stores_nothing(tmp_path: Path) -> None:
    code = sorted(SAMPLES)[0]
    db = str(tmp_path / "s.db")
    with pytest.raises(InputError) as exc:
        run_check(CheckRequest(cities=[code], out=tmp_path / "o", db=db, school="NO-SUCH-SCHOOL"), REG)
    (issue,) = exc.value.issues
    assert (issue.code, issue.row) == ("unknown_reference", "--school") and "NO-SUCH-SCHOOL" in issue.message_en
    assert Store(db).counts() == {"datasets": 0, "runs": 0, "findings": 0}


def test_a_city_with_no_rules_yet_runs_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import mhpolicy.core.cli as cli
    from mhpolicy.core.plugins.registry import load_modules
    from tests.plugin_kit import city_plugin

    reg = load_modules({"testcity": city_plugin(tmp_path, [])})  # as `mhpolicy new-city` leaves a city
    assert not reg.errors
    monkeypatch.setattr(cli, "discover", lambda: reg)
    data = str(SAMPLES[sorted(SAMPLES)[0]])
    assert cli.main(["check", "--city", "testcity", "--data", data, "--db", str(tmp_path / "s.db"),
                     "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "testcity: 尚无规则" in out and "has no rules yet" in out
    (run,) = Store(str(tmp_path / "s.db")).runs()
    assert run.findings == 0


def test_a_school_report_finds_its_school_in_json_lines_written_with_escaped_characters(tmp_path: Path) -> None:
    """Python's json.dumps writes non-ASCII as \\uXXXX by default: the id is in the line, escaped."""
    code = sorted(SAMPLES)[0]
    data = json.loads(SAMPLES[code].read_text(encoding="utf-8"))
    data["institutions"][0]["id"] = "示例学校-01"
    institutions = data.pop("institutions")
    path = tmp_path / "escaped.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in [data, *institutions]) + "\n", encoding="utf-8")
    result = run_check(CheckRequest(cities=[code], data=path, out=tmp_path / "o", db=str(tmp_path / "s.db"),
                                    school="示例学校-01", keep_findings=True), REG)
    assert result.findings and {f["subject_id"] for f in result.findings} == {"示例学校-01"}


def test_a_school_report_stores_its_dataset_with_the_institution_count_of_the_whole_file(tmp_path: Path) -> None:
    """The dataset is stored once per hash: a school's report that comes first must not record
    a 12-school file as holding one school for every later run of the same data."""
    from sqlmodel import Session

    from mhpolicy.core.io.store import DatasetRecord

    code = sorted(SAMPLES)[0]
    school = json.loads(SAMPLES[code].read_text(encoding="utf-8"))["institutions"][0]["id"]
    store = Store(str(tmp_path / "s.db"))
    run_check(CheckRequest(cities=[code], out=tmp_path / "o", db=str(tmp_path / "s.db"), school=school), REG)
    with Session(store.engine) as session:
        record = session.get(DatasetRecord, open_source(SAMPLES[code]).digest)
        assert record is not None and record.institutions == open_source(SAMPLES[code]).institutions > 1


def test_a_check_of_several_datasets_stores_nothing_when_a_later_one_fails(tmp_path: Path) -> None:
    """Each city on its own sample, a school only the first sample has: the check fails as a
    whole (the school is missing from the second), and the first city's run is not kept."""
    first, second = sorted(SAMPLES)[:2]
    school = json.loads(SAMPLES[first].read_text(encoding="utf-8"))["institutions"][0]["id"]
    db, out = str(tmp_path / "s.db"), tmp_path / "o"
    with pytest.raises(InputError):
        run_check(CheckRequest(cities=[first, second], out=out, db=db, school=school), REG)
    assert Store(db).counts() == {"datasets": 0, "runs": 0, "findings": 0}
    assert list(out.iterdir()) == []


def test_a_check_whose_commit_fails_publishes_nothing_and_keeps_the_earlier_reports(tmp_path: Path) -> None:
    """The commit is the last step that can fail (here a reader holds the SQLite file): the
    reports moved into place just before it are taken back and the earlier ones restored."""
    import sqlite3

    code = sorted(SAMPLES)[0]
    db, out = tmp_path / "s.db", tmp_path / "o"
    out.mkdir()
    (out / f"{code}.html").write_text("earlier report", encoding="utf-8")
    Store(str(db))
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM run").fetchall()  # a read lock the commit must wait for
    try:
        with pytest.raises(UsageError, match="store .* stayed busy") as raised:
            run_check(CheckRequest(cities=[code], out=out, db=f"sqlite:///{db}", store_timeout=0.3), REG)
        assert raised.value.code == "store_unavailable"  # exit 7 with a bilingual message, not an internal error
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert Store(str(db)).counts() == {"datasets": 0, "runs": 0, "findings": 0}
    assert [p.name for p in out.iterdir()] == [f"{code}.html"]
    assert (out / f"{code}.html").read_text(encoding="utf-8") == "earlier report"
