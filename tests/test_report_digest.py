"""Reports made in pieces by several processes equal those made in one.

A check with worker processes sends each chunk's report share (`ReportBuilder.summary_of`,
`ComparisonBuilder.summary_of`), never its findings: its reports, action lists, school pages and
stored findings must be byte for byte those of the same check in one process (which adds the
findings themselves), with the listing limits lowered so merging has to cut and re-rank; its
reports are written side by side by forked processes. District pages written by forked processes
must equal those written in one."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from mhpolicy.core.check import CheckRequest, run_check
from mhpolicy.core.evaluation import pipeline
from mhpolicy.core.io.store import Store
from mhpolicy.reports import build

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _synthetic(n: int, tmp: Path) -> Path:
    spec = importlib.util.spec_from_file_location("synthetic", SCRIPTS / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp / "data.json"
    path.write_text(json.dumps(module.make_dataset(n, "all"), ensure_ascii=False), encoding="utf-8")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_reports_merged_from_worker_summaries_equal_those_of_one_process(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    data = _synthetic(150, tmp_path)
    monkeypatch.setattr(build, "DETAIL_LIMIT", 20)  # roll-up reports: the only ones summaries are made for
    monkeypatch.setattr(build, "TOP_SUBJECTS", 7)  # the most overdue subjects, re-ranked across chunks
    monkeypatch.setattr(build, "ROW_LIMIT", 100)  # comparison rows cut, differing rows replacing agreeing ones
    monkeypatch.setattr(pipeline, "chunk_size", lambda *a, **k: 40)  # four chunks
    merges: list[str] = []
    merge = build.ReportBuilder.merge
    monkeypatch.setattr(build.ReportBuilder, "merge", lambda self, chunk: merges.append(self.policy.code)
                        or merge(self, chunk))
    from mhpolicy.core import check

    forked: list[tuple[int, int]] = []  # (jobs, processes) of each end of a check
    run_forked = check.run_forked
    monkeypatch.setattr(check, "run_forked", lambda jobs, workers: forked.append((len(jobs), workers))
                        or run_forked(jobs, workers))
    outputs = {}
    for workers in (1, 2):
        run = tmp_path / f"w{workers}"
        run.mkdir()
        result = run_check(CheckRequest(cities=["all"], data=data, out=run / "o", per_school=run / "s",
                                        db=f"sqlite:///{run / 'store.db'}", workers=workers))
        stored = Store(f"sqlite:///{run / 'store.db'}")
        outputs[workers] = (_files(run / "o"), _files(run / "s"),
                            [stored.findings(s.run_id) for s in result.summaries],
                            [(s.city, dict(s.counts), s.overdue) for s in result.summaries])
        (run / "o").rename(tmp_path / f"o{workers}")  # same paths in both runs: pages link to them
        (run / "s").rename(tmp_path / f"s{workers}")
    assert len(merges) == 4 * 5  # every chunk of every city came as a summary, in the run with workers only
    assert forked == [(6, 1), (6, 2)]  # five reports and the comparison: side by side with workers only
    one, two = outputs[1], outputs[2]
    assert sorted(one[0]) == sorted(two[0]) and len(one[0]) > 5
    for name in one[0]:
        assert one[0][name] == two[0][name], name
    assert one[1] == two[1] and sum(n.endswith(".html") for n in one[1]) > 5 * 150
    assert one[2] == two[2] and all(len(fs) > 0 for fs in one[2])
    assert one[3] == two[3]
    comparison = json.loads(one[0]["comparison.json"])
    assert comparison["truncated"] and len(comparison["rows"]) == 100 and comparison["compared"] > 4 * 100


def test_a_comparison_summary_keeps_every_row_that_can_still_be_listed(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A chunk's summary carries only its first ROW_LIMIT rows and its next ROW_LIMIT differing ones.
    # The reference offers every row of every chunk, as the comparison did before summaries.
    from mhpolicy.core.io.source import open_source
    from mhpolicy.core.plugins.registry import discover

    monkeypatch.setattr(build, "ROW_LIMIT", 100)
    reg = discover()
    policies = [reg.get(code) for code in sorted(reg.policies)]
    source = open_source(_synthetic(150, tmp_path), reg.models())
    parts = list(pipeline.run_stream(source, policies, source.header.as_of, chunk=40))
    cities = [p.code for p in policies]
    summarized, reference = build.ComparisonBuilder(cities), build.ComparisonBuilder(cities)
    for part in parts:
        summarized.add(part)
        every = build.ComparisonBuilder(cities)
        every._collect(part)  # rows: a plain list, nothing left out
        reference.merge(build.ComparisonChunk(every.rows, every.compared, every.differing, every.by_topic,
                                              every.titles))
    got, want = summarized.result(), reference.result()
    assert got == want
    replaced = [r for r in want["rows"] if r["differs"]]
    assert want["truncated"] and 0 < len(replaced) and want["compared"] > 4 * 100


def test_district_pages_written_by_forked_processes_equal_those_written_in_one(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from mhpolicy.reports import render

    data = _synthetic(300, tmp_path)  # three districts
    run_check(CheckRequest(cities=["fuzhou"], data=data, out=tmp_path / "o", db=f"sqlite:///{tmp_path / 's.db'}"))
    report = json.loads((tmp_path / "o" / "fuzhou.json").read_text(encoding="utf-8"))
    written = {}
    for name, parallel_from in (("one", 10**9), ("forked", 1)):
        monkeypatch.setattr(render, "PARALLEL_FROM", parallel_from)
        render.write_gap_report(tmp_path / name, report, "fuzhou")
        written[name] = _files(tmp_path / name)
    pages = [n for n in written["one"] if n.startswith("fuzhou-districts/")]
    assert len(pages) == len(report["overview"]["districts"]) >= 3
    assert written["one"] == written["forked"]


def test_a_report_json_written_in_pieces_is_the_document_dumped_whole(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import orjson

    from mhpolicy.reports import render

    monkeypatch.setattr(render, "JSON_PIECE", 3)
    data = {"meta": {"a": 1, "b": [1, 2, {"x": "中文\n换行"}], "e": {}, "f": []},
            "subjects": [{"id": i, "k": {1: "x"}, "l": [], "m": [{"n": None}]} for i in range(10)],
            "short": [1, 2], "empty": [], "s": "str", "last": [{"q": 1.5}] * 7}
    data["overview"] = {"schools": [{"id": i} for i in range(8)], "n": {"deeper": [[1], [2], [3], [4]]}, "e": {}}
    render._write_json(tmp_path / "r.json", data)
    assert (tmp_path / "r.json").read_bytes() == orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    assert (tmp_path / "r.json").read_bytes().count(b"\n") > 60  # indented, not one line
    rng = random.Random(7)  # and documents of every shape: lists long and short, at any depth

    def value(depth: int = 0) -> object:
        r = rng.random()
        if depth > 3 or r < 0.3:
            return rng.choice([1, 2.5, None, True, "中文\n", ""])
        if r < 0.6:
            return [value(depth + 1) for _ in range(rng.randrange(0, 9))]
        return {f"k{n}": value(depth + 1) for n in range(rng.randrange(0, 5))}

    for _ in range(300):
        doc = value()
        render._write_json(tmp_path / "r.json", doc)
        assert (tmp_path / "r.json").read_bytes() == orjson.dumps(doc, option=orjson.OPT_INDENT_2), doc


def test_a_bad_row_in_a_later_chunk_leaves_no_report_page_or_run_of_a_summarized_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Worker processes write school pages while deciding: a row that fails validation three chunks
    # in must still leave nothing behind, and the store as it was.
    from mhpolicy.core.io.loading import InputError

    monkeypatch.setattr(build, "DETAIL_LIMIT", 20)
    monkeypatch.setattr(pipeline, "chunk_size", lambda *a, **k: 40)
    data = _synthetic(150, tmp_path)
    doc = json.loads(data.read_text(encoding="utf-8"))
    doc["institutions"][130]["staff"] = "not a list"
    data.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    with pytest.raises(InputError) as failed:
        run_check(CheckRequest(cities=["fuzhou"], data=data, out=tmp_path / "o", per_school=tmp_path / "s", db=db,
                               workers=2))
    assert "institutions[130]" in str(failed.value.issues[0].row) and failed.value.issues[0].field.startswith("staff")
    assert not [p for p in (tmp_path / "o").rglob("*") if p.is_file()]
    assert not [p for p in (tmp_path / "s").rglob("*") if p.is_file()]
    assert Store(db).counts() == {"datasets": 0, "runs": 0, "findings": 0}


def test_every_page_of_a_check_names_its_run_and_a_placeholder_straddling_blocks_is_found(tmp_path: Path) -> None:
    from mhpolicy.core import check

    data = _synthetic(300, tmp_path)  # three districts: their pages show the run too
    result = run_check(CheckRequest(cities=["fuzhou"], data=data, out=tmp_path / "o", db=f"sqlite:///{tmp_path / 's.db'}"))
    run_id = result.summaries[0].run_id
    pages = sorted((tmp_path / "o").rglob("*.html"))
    assert len(pages) == 4 and all(f"运行编号：{run_id}" in p.read_text(encoding="utf-8") for p in pages)
    assert not [p for p in (tmp_path / "o").rglob("*") if p.is_file() and str(check._PLACEHOLDER)[:6].encode() in p.read_bytes()]
    big = tmp_path / "big.txt"  # an id across the 1 MB boundary, one at each end, one in the middle
    body = bytearray(b"x" * (3 << 20))
    for at in (0, (1 << 20) - 5, 2 << 20, len(body) - 13):
        body[at:at + 13] = b"9000000000007"
    big.write_bytes(bytes(body))
    check._replace_in_place(big, b"9000000000007", b"42".ljust(13))
    assert big.read_bytes().count(b"42           ") == 4 and b"9000000000007" not in big.read_bytes()


def _write_pid(path: Path) -> None:
    import os

    path.write_text(str(os.getpid()), encoding="utf-8")


def _fail(message: str) -> None:
    raise ValueError(message)


def test_jobs_run_forked_write_their_files_from_other_processes_and_a_failing_job_raises_here(tmp_path: Path) -> None:
    import functools
    import os

    from mhpolicy.core.check import run_forked

    jobs = [functools.partial(_write_pid, tmp_path / f"{n}.pid") for n in range(5)]
    run_forked(jobs, 2)
    pids = {int((tmp_path / f"{n}.pid").read_text(encoding="utf-8")) for n in range(5)}
    # every job ran (its file was read), none in this process, and no more processes than asked for
    assert os.getpid() not in pids and len(pids) <= 2
    run_forked(jobs[:2], 1)  # one process: here
    assert {int((tmp_path / f"{n}.pid").read_text(encoding="utf-8")) for n in range(2)} == {os.getpid()}
    with pytest.raises(ValueError, match="报告写入失败"):
        run_forked([jobs[0], functools.partial(_fail, "报告写入失败"), jobs[2]], 2)
