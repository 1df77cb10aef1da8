"""A report's per-subject tallies kept in columns, and its subject rows made from them when read.

The reference rows here are made the plain way (one dict per subject, sorted on tuples), as
reports made them before the tallies were columnar: the two must agree on every row and order.
"""

from __future__ import annotations

import pickle
import platform
import random
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from mhpolicy.core.evaluation.memory import keep_large_buffers_apart
from mhpolicy.core.results.status import PRECEDENCE, Status, roll_up
from mhpolicy.core.rules.requirement import SubjectKind
from mhpolicy.reports import render
from mhpolicy.reports.build import school_order
from mhpolicy.reports.tallies import SubjectRows, SubjectTallies

KINDS = ["institution", "institution", "institution", "campus", "district"]


def _subjects(n: int, seed: int) -> list[tuple[Any, Counter[Status], int, int, int]]:
    """n random (subject, statuses, overdue, met, judged), with ties in every sort key."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        kind = rnd.choice(KINDS)
        first = SimpleNamespace(subject_kind=kind, subject_id=f"S{rnd.randrange(n):04d}-{i % 3}",
                                subject_name=f"第{i}校", district_id=rnd.choice(["D1", "D2", None]),
                                parent_id="S0001" if kind == "campus" else None)
        statuses = Counter({s: rnd.choice([0, 0, 1, 3]) for s in rnd.sample(PRECEDENCE, 3)})
        statuses = Counter({s: c for s, c in statuses.items() if c})
        judged = rnd.choice([0, 2, 4])
        out.append((first, statuses, rnd.choice([0, 0, 1, 2]), rnd.randint(0, judged), judged))
    return out


def _reference_rows(subjects: list[tuple[Any, Counter[Status], int, int, int]]) -> list[dict[str, Any]]:
    """One dict per subject, summed over repeats, sorted by (roll-up rank, id): the plain way."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for first, statuses, overdue, met, judged in subjects:
        row = rows.setdefault((first.subject_kind, first.subject_id), {
            "id": first.subject_id, "name": first.subject_name, "kind": first.subject_kind,
            "district_id": first.district_id, "parent_id": first.parent_id, "overdue": 0, "met": 0, "judged": 0,
            "c": Counter()})
        row["overdue"] += overdue
        row["met"] += met
        row["judged"] += judged
        row["c"].update(statuses)
    out = []
    for row in rows.values():
        status = roll_up(s for s, n in row["c"].items() if n)
        made = {"id": row["id"], "name": row["name"], "kind": row["kind"], "district_id": row["district_id"],
                "overdue": row["overdue"], "met": row["met"], "judged": row["judged"], "status": status.value,
                "counts": {s.value: row["c"][s] for s in PRECEDENCE},
                "rate": row["met"] / row["judged"] if row["judged"] else None}
        if row["parent_id"]:
            made["parent_id"] = row["parent_id"]
        made["kind_label"] = SubjectKind(row["kind"]).label
        out.append((status.rank, row["id"], made))
    out.sort(key=lambda t: (t[0], t[1]))
    return [made for _, _, made in out]


def _tallies(subjects: list[tuple[Any, Counter[Status], int, int, int]]) -> SubjectTallies:
    t = SubjectTallies()
    for first, statuses, overdue, met, judged in subjects:
        t.count(first, statuses, overdue, met, judged)
    return t


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rows_made_from_the_tallies_are_the_rows_a_report_made_one_by_one(seed: int) -> None:
    subjects = _subjects(400, seed)
    expected = _reference_rows(subjects)
    t = _tallies(subjects)
    rows = SubjectRows(t, t.report_order())
    assert len(t) == len(expected) < 400  # some subjects were counted more than once
    assert list(rows) == expected and rows == expected
    assert rows[3] == expected[3] and rows[-1] == expected[-1] and rows[5:9] == expected[5:9]
    schools = SubjectRows(t, t.worst_schools(rows.order))
    assert list(schools) == sorted((r for r in expected if r["kind"] == "institution"), key=school_order)


def test_tallies_counted_in_chunks_and_sent_pickled_merge_to_the_same_rows() -> None:
    subjects = _subjects(300, 7)
    whole = _tallies(subjects)
    merged = SubjectTallies()
    for at in range(0, 300, 70):  # a worker counts a chunk and pickles it without its index
        merged.merge(pickle.loads(pickle.dumps(_tallies(subjects[at:at + 70]))))
    assert list(SubjectRows(merged, merged.report_order())) == list(SubjectRows(whole, whole.report_order()))
    # kinds and districts are one object each however many chunks named them
    assert len({id(d) for d in merged.districts if d is not None}) == 2


def test_moved_tallies_leave_the_builder_empty_and_a_copy_does_not_change_with_it() -> None:
    subjects = _subjects(50, 4)
    t = _tallies(subjects)
    snapshot = t.copy()
    first = list(SubjectRows(snapshot, snapshot.report_order()))
    t.count(*subjects[0])  # the builder counts on; the report made from the copy does not change
    assert list(SubjectRows(snapshot, snapshot.report_order())) == first
    moved = t.moved()
    assert len(t) == 0 and len(moved) == len(snapshot)


def test_rows_by_district_keep_their_order_and_every_row() -> None:
    t = _tallies(_subjects(200, 5))
    rows = SubjectRows(t, t.worst_schools(t.report_order()))
    groups = rows.by_district()
    assert sorted(groups) == sorted({r["district_id"] or "—" for r in rows})
    for district, part in groups.items():
        assert list(part) == [r for r in rows if (r["district_id"] or "—") == district]


def test_a_report_json_with_rows_made_on_demand_is_the_document_dumped_whole(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "JSON_PIECE", 7)
    t = _tallies(_subjects(60, 6))
    order = t.report_order()
    for rows in (SubjectRows(t, order), SubjectRows(t, order[:5]), SubjectRows(t, order[:0])):  # long, short, none
        doc = {"meta": {"n": len(rows)}, "subjects": rows, "overview": {"schools": rows, "x": [1, 2]}}
        plain = {"meta": {"n": len(rows)}, "subjects": list(rows), "overview": {"schools": list(rows), "x": [1, 2]}}
        render._write_json(tmp_path / "r.json", doc)
        assert (tmp_path / "r.json").read_bytes() == orjson.dumps(plain, option=orjson.OPT_INDENT_2)


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_the_streaming_process_can_fix_its_mmap_threshold_on_glibc() -> None:
    assert keep_large_buffers_apart() is True


def test_pages_pick_the_rows_of_some_kinds_alike_from_made_rows_and_from_a_list() -> None:
    t = _tallies(_subjects(200, 8))
    rows = SubjectRows(t, t.report_order())
    expected = [r for r in rows if r["kind"] in ("district", "campus")]
    assert expected and list(render.of_kinds(rows, "district", "campus")) == expected
    assert render.of_kinds(list(rows), "district", "campus") == expected
