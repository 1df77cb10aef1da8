"""Several checks on one SQLite store (issue 15): each evaluates into its own staging store and
locks the shared one only for the final copy; a store locked too long is exit 7 with nothing
stored; and `mhpolicy verify` proves every stored run whole (count and hash)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from mhpolicy.core.cli import EXIT_FAIL_ON, EXIT_OK, EXIT_STORE_UNAVAILABLE, main
from mhpolicy.core.io.store import Store, finding_states, iter_findings


def _check(db: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    """`mhpolicy check` in its own process, as a second operator on the same server would run it."""
    cmd = [sys.executable, "-m", "mhpolicy.core.cli", "check", "--city", "fuzhou", "--db", str(db),
           "--out", str(out), *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _run_concurrently(tmp_path: Path, n: int) -> tuple[Path, list[tuple[int, str]]]:
    db = tmp_path / "shared.db"
    procs = [_check(db, tmp_path / f"out{i}") for i in range(n)]
    return db, [(p.wait(timeout=120), p.communicate()[1]) for p in procs]


def _assert_every_run_whole(db: Path, n: int) -> None:
    store = Store(str(db))
    runs = store.runs()
    assert sorted(r.id for r in runs) == list(range(1, n + 1))  # numbered 1..n, none twice, no gap
    assert sum(r.findings for r in runs) == store.counts()["findings"] > 0  # no finding lost or doubled
    assert {r.findings for r in runs} == {runs[0].findings}  # the same data gave each the same count
    assert [v.status for v in store.verify()] == ["ok"] * n


@pytest.mark.parametrize("n", [2, 4])
def test_concurrent_checks_on_one_store_all_complete_and_lose_no_finding(tmp_path: Path, n: int) -> None:
    db, results = _run_concurrently(tmp_path, n)
    assert [code for code, _ in results] == [EXIT_OK] * n, [err for _, err in results]
    _assert_every_run_whole(db, n)
    named = set()
    for i in range(n):  # each report names its own run, and no staging file is left behind
        named.add(json.loads((tmp_path / f"out{i}" / "fuzhou.json").read_text(encoding="utf-8"))["meta"]["run_id"])
        assert not [p for p in (tmp_path / f"out{i}").iterdir() if p.name.startswith(".")]
    assert named == set(range(1, n + 1))


def _hold_write_lock(db: Path) -> sqlite3.Connection:
    Store(str(db))  # the tables exist, as on a server already in use
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another check in the middle of its final write
    return holder


def test_a_check_waits_for_a_busy_store_saying_so_and_then_completes(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    holder = _hold_write_lock(db)
    proc = _check(db, tmp_path / "out", "--db-timeout", "60")
    assert proc.stderr is not None
    said = proc.stderr.readline()  # the check has evaluated, met the locked store and says it waits
    time.sleep(0.5)
    assert proc.poll() is None  # still waiting, not failed
    holder.execute("COMMIT")
    holder.close()
    code, (_, err) = proc.wait(timeout=120), proc.communicate()
    assert code == EXIT_OK, err
    assert "the store is busy (another check is writing); waiting up to 60 s" in said
    _assert_every_run_whole(db, 1)


def test_a_store_locked_beyond_the_timeout_is_exit_7_and_stores_nothing(tmp_path: Path) -> None:
    db, out = tmp_path / "shared.db", tmp_path / "out"
    holder = _hold_write_lock(db)
    try:
        proc = _check(db, out, "--db-timeout", "0.5", "--json")
        code, (stdout, err) = proc.wait(timeout=120), proc.communicate()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == EXIT_STORE_UNAVAILABLE
    assert "数据库被其他进程占用超过 0.5 秒" in err and "nothing of this check was stored" in err
    assert '"code": "store_unavailable"' in stdout
    assert Store(str(db)).counts() == {"datasets": 0, "runs": 0, "findings": 0}
    assert list(out.iterdir()) == []  # no report published, no staging left


@pytest.fixture
def two_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for city in ("fuzhou", "nanchang"):  # two runs whatever else is installed (`--city all` grows with cities)
        assert main(["check", "--city", city, "--out", "out", "--db", "s.db"]) == EXIT_OK
    return tmp_path / "s.db"


def test_verify_finds_every_untouched_run_ok(two_runs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--db", str(two_runs)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.count(" OK ") == 2 and "2 runs: 2 OK, 0 mismatch, 0 unverifiable" in out


def _rewrite_block(db: Path, run_id: int, change) -> None:  # type: ignore[no-untyped-def]
    """Tamper with the first stored block of a run as someone editing the file would: decode it,
    `change` its findings (a list of row dicts), and write it back in the same format."""
    import orjson

    from mhpolicy.core.io import blocks

    with sqlite3.connect(db) as conn:
        bid, payload = conn.execute("SELECT id, payload FROM finding_block WHERE run_id = ? ORDER BY seq LIMIT 1",
                                    (run_id,)).fetchone()
        rows = [dict(zip(blocks.COLUMNS, r, strict=True)) for r in blocks.decode(payload)]
        change(rows)
        body = {c: [r[c] for r in rows] for c in blocks.COLUMNS}
        body = {c: (v if c in blocks._PLAIN else blocks._dictionary(v)) for c, v in body.items()}
        doc = {"format": blocks.FORMAT, "n": len(rows), "columns": body}
        conn.execute("UPDATE finding_block SET payload = ? WHERE id = ?", (zlib.compress(orjson.dumps(doc)), bid))


def _as_rows_of_an_older_store(db: Path) -> None:
    """Turn every run into what a store from before blocks holds: one row per finding in the
    `finding` table, its hash over the rows."""
    from mhpolicy.core.io import blocks
    from mhpolicy.core.io.store import findings_digest

    with sqlite3.connect(db) as conn:
        for (run_id,) in conn.execute("SELECT id FROM run").fetchall():
            rows = [r[:-1] for (p,) in conn.execute("SELECT payload FROM finding_block WHERE run_id = ? ORDER BY seq",
                                                    (run_id,)).fetchall() for r in blocks.decode(p)]
            conn.executemany(f"INSERT INTO finding (run_id, {', '.join(blocks.ROW_COLUMNS)}) "
                             f"VALUES (?, {', '.join('?' * len(blocks.ROW_COLUMNS))})", [(run_id, *r) for r in rows])
            stored = conn.execute(f"SELECT {', '.join(blocks.ROW_COLUMNS)} FROM finding WHERE run_id = ? ORDER BY id",
                                  (run_id,)).fetchall()
            conn.execute("UPDATE run SET findings_hash = ? WHERE id = ?", (findings_digest(stored)[1], run_id))
        conn.execute("DELETE FROM finding_block")


def test_verify_names_the_run_whose_finding_was_altered(two_runs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def to_pass(rows):  # type: ignore[no-untyped-def]
        rows[0]["status"] = "符合" if rows[0]["status"] != "符合" else "不符合"

    _rewrite_block(two_runs, 2, to_pass)
    assert main(["verify", "--db", str(two_runs)]) == EXIT_FAIL_ON
    out = capsys.readouterr().out
    assert "   2  " in out and "MISMATCH" in out and "hash differs" in out
    assert "1 OK, 1 mismatch" in out


def test_verify_names_the_run_that_lost_a_finding(two_runs: Path) -> None:
    _rewrite_block(two_runs, 1, lambda rows: rows.pop())
    (first, second) = Store(str(two_runs)).verify()
    assert (first.status, first.found, second.status) == ("mismatch", first.recorded - 1, "ok")


def test_a_damaged_block_is_a_mismatch_and_reading_it_names_the_damage(two_runs: Path) -> None:
    from mhpolicy.core.io.blocks import BlockError

    with sqlite3.connect(two_runs) as conn:
        conn.execute("UPDATE finding_block SET payload = x'00ff' WHERE run_id = 1")
    (first, second) = Store(str(two_runs)).verify()
    assert (first.status, first.found, second.status) == ("mismatch", 0, "ok")
    with pytest.raises(BlockError, match="damaged"):
        Store(str(two_runs)).findings(1)


def test_runs_of_a_store_from_before_blocks_read_back_the_same_and_verify(two_runs: Path) -> None:
    before = {r: Store(str(two_runs)).findings(r) for r in (1, 2)}
    states = {r: finding_states(Store(str(two_runs)), r) for r in (1, 2)}
    _as_rows_of_an_older_store(two_runs)
    store = Store(str(two_runs))
    assert [v.status for v in store.verify()] == ["ok", "ok"]
    assert store.counts()["findings"] == sum(len(v) for v in before.values())
    for r in (1, 2):  # the same findings, compared as sets: an older run reads back sorted by subject
        assert sorted(store.findings(r)) == sorted(before[r]) and finding_states(store, r) == states[r]
        assert sorted(f for chunk in iter_findings(store, r) for f in chunk) == sorted(before[r])


def test_a_store_from_before_run_hashes_opens_and_its_runs_cannot_be_verified(
        two_runs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _as_rows_of_an_older_store(two_runs)
    with sqlite3.connect(two_runs) as conn:
        conn.execute("ALTER TABLE run DROP COLUMN findings_hash")  # the run table as it was
    assert main(["verify", "--db", str(two_runs)]) == EXIT_OK
    assert "2 runs: 0 OK, 0 mismatch, 2 unverifiable" in capsys.readouterr().out
    assert main(["check", "--city", "fuzhou", "--out", "out", "--db", str(two_runs)]) == EXIT_OK  # and still takes runs
    assert [v.status for v in Store(str(two_runs)).verify()] == ["unverifiable", "unverifiable", "ok"]
