"""Dataset files read in chunks: JSON and JSON Lines give the same findings; errors name the line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import orjson
import pytest

from mhpolicy.core.evaluation.pipeline import run_stream
from mhpolicy.core.io.loading import InputError
from mhpolicy.core.io.source import open_source
from mhpolicy.core.plugins.registry import discover

SAMPLE = Path(str(discover().get("nanchang").sample_path()))


def _as_jsonl(data: dict, path: Path) -> Path:
    institutions = data.pop("institutions")
    lines = [orjson.dumps(data)] + [orjson.dumps(i) for i in institutions]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _findings(path: Path) -> list[dict]:
    src = open_source(path)
    policy = discover().get("nanchang")
    return [f.to_json() for part in run_stream(src, [policy], date(2025, 9, 30), chunk=5) for f in part["nanchang"]]


def test_json_lines_give_the_same_findings_as_json(tmp_path: Path) -> None:
    jsonl = _as_jsonl(json.loads(SAMPLE.read_text(encoding="utf-8")), tmp_path / "d.jsonl")
    src = open_source(jsonl)
    assert src.institutions == len(json.loads(SAMPLE.read_text(encoding="utf-8"))["institutions"])
    assert sorted(map(str, _findings(jsonl))) == sorted(map(str, _findings(SAMPLE)))


def test_a_bad_line_is_named_by_its_line_number(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["institutions"][2]["enrollment"][0]["students"] = -1
    path = _as_jsonl(data, tmp_path / "d.jsonl")
    with pytest.raises(InputError) as exc:
        _findings(path)
    (issue,) = exc.value.issues
    assert issue.row.startswith("第4行 / line 4") and issue.field == "enrollment[0].students"


def test_the_header_line_must_not_carry_institutions(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"city": {"code": "x", "name": "y"}, "institutions": []}\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        open_source(path)
    assert exc.value.issues[0].row == "第1行 / line 1"


def test_duplicate_ids_across_chunks_are_refused(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["institutions"][9]["id"] = data["institutions"][0]["id"]
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate id"):
        _findings(path)


def test_duplicate_ids_within_one_chunk_are_refused(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["institutions"][1]["id"] = data["institutions"][0]["id"]
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate id"):
        list(run_stream(open_source(path), [discover().get("nanchang")], date(2025, 9, 30)))


def test_a_repeated_id_is_named_by_the_line_that_repeats_it(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    first = data["institutions"][0]["id"]
    data["institutions"][7]["id"] = first
    path = _as_jsonl(data, tmp_path / "d.jsonl")  # institution 7 stands on line 9
    with pytest.raises(InputError) as exc:
        _findings(path)
    (issue,) = exc.value.issues
    assert (issue.code, issue.row, issue.field) == ("duplicate_id", f"第9行 / line 9 (id={first})", "id")


def test_a_run_with_workers_is_cut_into_enough_chunks_that_no_worker_idles_while_the_other_works() -> None:
    from mhpolicy.core.evaluation.pipeline import CHUNKS_PER_WORKER, ONE_PLAN_CHUNK, chunk_size
    from mhpolicy.core.io.source import CHUNK

    assert chunk_size(1) == ONE_PLAN_CHUNK == CHUNK // 2  # one plan: half a chunk, a worker holds less
    assert chunk_size(2) == CHUNK // 2 and chunk_size(4) == CHUNK // 4
    assert chunk_size(5) == CHUNK // 5  # several plans: fewer institutions, about as many findings
    assert chunk_size(1, 6_000, 2) == 6_000 // (CHUNKS_PER_WORKER * 2)  # 8 chunks, 4 for each worker
    assert chunk_size(1, 100_000, 2) == ONE_PLAN_CHUNK  # a large run has chunks enough at full size
    assert chunk_size(1, 1_001, 2) == 250  # never below 250: a chunk's fixed costs stay small
    assert chunk_size(1, 10_000, 1) == ONE_PLAN_CHUNK  # without workers there is nothing to balance
