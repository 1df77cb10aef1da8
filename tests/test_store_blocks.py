"""Findings stored in compressed blocks (core/io/blocks.py): every finding of every status reads
back as it was decided, and a school's report built from the store equals the one the check wrote."""

from __future__ import annotations

import zlib
from datetime import date
from pathlib import Path

import orjson
import pytest

from mhpolicy.core.check import CheckRequest, run_check
from mhpolicy.core.io import blocks
from mhpolicy.core.io.store import Store, iter_findings
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.requirement import Modality
from mhpolicy.reports.build import report_meta
from mhpolicy.reports.school import SchoolPages
from mhpolicy.reports.stored import _finding as from_store
from mhpolicy.reports.stored import stored_kinds


def _finding(n: int, **kw: object) -> Finding:
    base = dict(rule_id=f"r{n % 3}", city="c", clause="五、1", title="题", topic="t", subject_kind="institution",
                subject_id=f"S{n}", subject_name=f"学校{n}", district_id=None if n % 2 else "D1",
                status=list(Status)[n % len(Status)], modality=list(Modality)[n % len(Modality)])
    return Finding(**{**base, **kw})  # type: ignore[arg-type]


def test_a_block_decodes_to_every_stored_column_of_every_finding_in_order() -> None:
    findings = [_finding(0, observed=1, required=2.5, gap=1.5, due=date(2025, 1, 31), overdue=True,
                         explanation="学生数=1200", gap_text="缺1名专职心理教师", period="2024年"),
                _finding(1, parent_id="S0", error="规则 r1 执行出错"),
                _finding(2, explanation="学生数=1200")]
    rows = blocks.decode(blocks.encode(findings))
    assert [r[blocks.COLUMNS.index("subject_id")] for r in rows] == ["S0", "S1", "S2"]
    first = dict(zip(blocks.COLUMNS, rows[0], strict=True))
    assert (first["observed"], first["required"], first["gap"], first["due"], first["overdue"]) == (1.0, 2.5, 1.5,
                                                                                                    "2025-01-31", 1)
    assert (first["status"], first["modality"], first["district_id"]) == (findings[0].status.value,
                                                                          findings[0].modality.value, "D1")
    second = dict(zip(blocks.COLUMNS, rows[1], strict=True))
    assert (second["parent_id"], second["error"], second["district_id"], second["due"]) == ("S0", "规则 r1 执行出错",
                                                                                           None, None)
    assert rows[2][blocks.COLUMNS.index("explanation")] == "学生数=1200"


def test_a_block_of_another_format_or_a_damaged_one_is_refused_by_name() -> None:
    doc = orjson.loads(zlib.decompress(blocks.encode([_finding(0)])))
    doc["format"] = 99
    with pytest.raises(blocks.BlockError, match="unknown block format 99"):
        blocks.decode(zlib.compress(orjson.dumps(doc)))
    with pytest.raises(blocks.BlockError, match="damaged"):
        blocks.decode(b"not a block")


def test_texts_repeated_across_a_chunk_are_stored_once() -> None:
    findings = [_finding(n, explanation="不适用于幼儿园类机构（适用：中小学）" if n % 2 else f"学生数={n}")
                for n in range(2000)]
    body = orjson.loads(zlib.decompress(blocks.encode(findings)))["columns"]
    values, index = body["explanation"]
    assert len(values) == 1001 and len(index) == 2000  # 1000 distinct counts and the one reason, once
    assert body["clause"][0] == ["五、1"]


@pytest.mark.parametrize("city", ["fuzhou", "shijingshan"])
def test_every_finding_and_each_schools_report_read_back_from_the_store_as_the_check_made_them(
        city: str, tmp_path: Path) -> None:
    result = run_check(CheckRequest(cities=[city], db=str(tmp_path / "s.db"), out=tmp_path / "out",
                                    per_school=tmp_path / "schools", keep_findings=True))
    store = Store(str(tmp_path / "s.db"))
    (run,) = store.runs()
    stored = store.findings(run.id or 0)
    assert len(stored) == run.findings == len(result.findings)
    assert {f.status for f in stored} >= {"符合", "不适用", "不符合"}  # compliant and not-applicable kept too
    for live, back in zip(result.findings, stored, strict=True):
        for column in blocks.COLUMNS:
            expected = live[column]
            if column in ("observed", "required", "gap") and expected is not None:
                expected = float(expected)
            got = back.due.isoformat() if column == "due" and back.due else getattr(back, column)
            assert got == expected, (column, live["rule_id"], live["subject_id"])

    # Each school's page, built again from the store alone, is byte for byte the page the check wrote.
    policy = discover().get(city)
    titles = {r.id: r.title for r in policy.requirements}
    ev_meta = report_meta(policy, _Ev(run.as_of, run.plugin_version, run.data_hash))
    districts = orjson.loads(store.dataset_bytes(run.data_hash)).get("districts", [])  # the data, as stored
    again = SchoolPages(tmp_path / "again", run.as_of, ev_meta, {d["id"]: d["name"] for d in districts})
    written = sorted(p.name for p in (tmp_path / "schools" / city).glob("*.html") if p.name != "index.html")
    kinds = stored_kinds(store, run.data_hash)  # each school's type, from the data as stored
    findings = [from_store(r, policy, titles, run.basis, kinds) for chunk in iter_findings(store, run.id or 0)
                for r in chunk]
    schools = [f.subject_id for f in findings if f.subject_kind == "institution"]
    for sid in dict.fromkeys(schools):
        own = [f for f in findings if f.subject_kind == "institution" and f.subject_id == sid]
        campus = [f for f in findings if f.subject_kind == "campus" and f.parent_id == sid]
        again.add(own + campus)
    rebuilt = sorted(p.name for p in (tmp_path / "again").glob("*.html"))
    assert rebuilt == written and len(written) >= 10
    for name in written:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "schools" / city / name).read_bytes(), name


class _Ev:
    def __init__(self, as_of: date, version: str, data_hash: str) -> None:
        self.as_of, self.plugin_version, self.data_hash = as_of, version, data_hash


def test_the_checked_file_is_archived_byte_for_byte_when_streamed_into_the_store_piece_by_piece(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check streams its data's archive into SQLite through a temporary file (never the whole
    archive in memory): with pieces of 100 bytes, many pieces, the stored archive still
    decompresses to exactly the bytes of the file checked."""
    monkeypatch.setattr("mhpolicy.core.io.store.ARCHIVE_PIECE", 100)
    sample = Path(str(discover().get("fuzhou").sample_path()))
    data = tmp_path / "data.jsonl"
    doc = orjson.loads(sample.read_bytes())
    schools = doc.pop("institutions")
    data.write_bytes(orjson.dumps(doc) + b"\n" + b"\n".join(orjson.dumps(s) for s in schools) + b"\n")
    run_check(CheckRequest(cities=["fuzhou"], data=[data], db=str(tmp_path / "s.db"), out=tmp_path / "out"))
    store = Store(str(tmp_path / "s.db"))
    (run,) = store.runs()
    assert len(zlib.compress(data.read_bytes(), 1)) > 10 * 100  # the archive took many pieces
    assert store.dataset_bytes(run.data_hash) == data.read_bytes()
