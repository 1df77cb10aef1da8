"""The store: SQLite by default, through sqlmodel.

It keeps every dataset imported (by content hash, compressed) and every run: the
evaluation date, the plugin and its version, the hash of the input data and the findings,
so a report can be reproduced. A run is written in one transaction: a failure leaves
nothing half-written, and nothing already stored is touched.

A run's findings are stored in compressed blocks, one per chunk (`blocks.py`: every finding of
every status, column by column; 1.2 MB instead of 198 MB of rows for 10,000 institutions). A
store written before blocks keeps its runs' findings as rows of the `finding` table; both read
back the same way (`stored_rows`, `iter_findings`, `finding_states`). Each run row records its
findings count and `findings_hash`: for a run in blocks, "blocks:" and a sha256 over its block
payloads in order; for an older run, a sha256 over its finding rows (`findings_digest`); so
`verify` can prove later that no finding was lost or altered.

Several checks may share one SQLite file: a check evaluates into a private staging store and
takes the write lock only to copy its runs in (`publish`), waiting for a busy store up to
`timeout` seconds (telling `on_wait` once) before raising `StoreUnavailable`.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import IO, Any, NamedTuple

from sqlalchemy import event, func, insert, inspect, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Field, Session, SQLModel, create_engine, select

from ..results.findings import Finding
from . import blocks

DEFAULT_URL = "sqlite:///mhpolicy.db"
DEFAULT_TIMEOUT = 60.0  # seconds a check waits for a store another check is writing to


class StoreUnavailable(Exception):
    """The store stayed locked (or busy) longer than the timeout: nothing was written."""


class DatasetRecord(SQLModel, table=True):
    __tablename__ = "dataset"
    hash: str = Field(primary_key=True)
    city: str
    as_of: date | None = None
    source: str
    imported_at: datetime
    institutions: int
    payload: bytes  # zlib-compressed JSON exactly as read


class RunRecord(SQLModel, table=True):
    __tablename__ = "run"
    id: int | None = Field(default=None, primary_key=True)
    city: str = Field(index=True)
    plugin: str
    plugin_version: str
    as_of: date
    data_hash: str = Field(foreign_key="dataset.hash", index=True)
    started_at: datetime
    finished_at: datetime | None = None
    findings: int = 0
    findings_hash: str | None = None  # sha256 of the stored finding rows; None in a store from before it
    # The standing of the plan's text for this run (CityInfo.basis: draft, expired, term ended),
    # kept once per run rather than on each finding row; "" for a plan in force within its term.
    basis: str = ""


# Columns added to `run` after stores were first written, with how to add them to an old store
# (its old runs read them as empty: no hash, so unverifiable; no basis recorded).
_LATER_RUN_COLUMNS = {"findings_hash": "VARCHAR", "basis": "VARCHAR NOT NULL DEFAULT ''"}


class FindingRecord(SQLModel, table=True):
    __tablename__ = "finding"
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    rule_id: str = Field(index=True)
    clause: str
    topic: str
    subject_kind: str
    subject_id: str = Field(index=True)
    subject_name: str
    district_id: str | None = None
    status: str = Field(index=True)
    modality: str
    observed: float | None = None
    required: float | None = None
    unit: str = ""
    gap: float | None = None
    gap_text: str = ""
    due: date | None = None
    period: str | None = None
    overdue: bool = False
    explanation: str = ""
    allowance: str = ""
    error: str = ""


class FindingBlockRecord(SQLModel, table=True):
    """The findings of one chunk of one run, compressed (blocks.py)."""

    __tablename__ = "finding_block"
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    seq: int  # order within the run: the order the findings were added in
    findings: int  # how many findings the block holds
    payload: bytes


_COLUMNS = [c for c in FindingRecord.model_fields if c not in ("id", "run_id")]
assert tuple(_COLUMNS) == blocks.ROW_COLUMNS  # a block decodes to a row of the `finding` table (+ parent_id)
BLOCK_HASH = "blocks:"  # prefix of the findings_hash of a run stored in blocks
_BLOCK_COLS = ("run_id", "seq", "findings", "payload")
_INSERT_BLOCK = f"INSERT INTO finding_block ({', '.join(_BLOCK_COLS)}) VALUES (?, ?, ?, ?)"
_SELECT_BLOCKS = "SELECT payload FROM finding_block WHERE run_id = :run_id ORDER BY seq"
_SELECT_ROWS = f"SELECT {', '.join(_COLUMNS)} FROM finding WHERE run_id = :run_id ORDER BY id"


def _canonical(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def findings_digest(rows: Iterable[Sequence[Any]]) -> tuple[int, str]:
    """How many finding rows and the sha256 over them (stored columns except id and run_id,
    in id order, one JSON array per row): what a run row records and `verify` recomputes."""
    h, n = hashlib.sha256(), 0
    for row in rows:
        h.update(json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":")).encode())
        h.update(b"\n")
        n += 1
    return n, h.hexdigest()


def _blocks_digest(payloads: Iterable[Sequence[Any]]) -> tuple[int, str]:
    """How many findings a run's blocks hold (each decoded; a block that does not decode holds
    none) and BLOCK_HASH + the sha256 over the payloads in order: what `verify` recomputes."""
    h, n = hashlib.sha256(), 0
    for (payload,) in payloads:
        h.update(payload)
        try:
            n += len(blocks.decode(payload))
        except blocks.BlockError:
            continue
    return n, BLOCK_HASH + h.hexdigest()


ARCHIVE_PIECE = 1 << 20  # bytes copied into a dataset's blob at a time


def _copy_datasets(db: sqlite3.Connection) -> None:
    """Copy the staged store's datasets the shared store lacks, each archive a piece at a time.
    `INSERT … SELECT` copied a row's blob whole in memory: a million institutions' 790 MB archive
    was the check's last peak (~1.5 GB for a moment, sampled every second). So was a zeroblob
    selected in `INSERT … SELECT` (SQLite expands it there, though not in `INSERT … VALUES`):
    +113 MB of the check's peak at 100,000 institutions, for a 79 MB archive."""
    fields = [c for c in DatasetRecord.model_fields if c != "payload"]
    staged = db.execute(f"SELECT rowid, {', '.join(fields)}, length(payload) FROM staged.dataset "
                        "WHERE hash NOT IN (SELECT hash FROM main.dataset)").fetchall()
    for rowid, *values, size in staged:
        cur = db.execute(f"INSERT INTO dataset ({', '.join(fields)}, payload) "
                         f"VALUES ({', '.join('?' * len(fields))}, zeroblob(?))", (*values, size or 0))
        if not size:
            continue
        with db.blobopen("dataset", "payload", rowid, readonly=True, name="staged") as src, \
                db.blobopen("dataset", "payload", cur.lastrowid) as dst:
            while piece := src.read(ARCHIVE_PIECE):
                dst.write(piece)


def _written(write: Callable[[IO[bytes]], None] | None) -> bytes:
    assert write is not None, "a dataset needs payload or payload_into"
    out = io.BytesIO()
    write(out)
    return out.getvalue()


class RunWriter:
    """Writes runs and their findings inside one open transaction (see Store.writing)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._sqlite = session.get_bind().dialect.name == "sqlite"
        self._counts: dict[int, int] = {}
        self._seq: dict[int, int] = {}
        self._hashes: dict[int, Any] = {}  # run id -> running sha256 over its block payloads

    def dataset(self, *, data_hash: str, city: str, as_of: date | None, source: str, institutions: int,
                payload: Callable[[], bytes] | None = None,
                payload_into: Callable[[IO[bytes]], None] | None = None) -> None:
        """Archive a dataset once (by its hash): `payload()` gives its compressed bytes, or
        `payload_into(file)` writes them into a file. On SQLite the second streams them into the
        row's blob through a temporary file, a megabyte at a time, so the check never holds the
        archive in memory: at 100,000 institutions the bytes object, its join and the ORM's copy
        held ~250 MB of the check's peak for the whole run (10 times that at a million)."""
        if self.session.get(DatasetRecord, data_hash) is not None:
            return
        fields = {"hash": data_hash, "city": city, "as_of": as_of, "source": source,
                  "imported_at": datetime.now(UTC), "institutions": institutions}
        if payload_into is None or not self._sqlite:
            data = payload() if payload is not None else _written(payload_into)
            self.session.add(DatasetRecord(**fields, payload=data))
            self.session.flush()
            return
        with tempfile.TemporaryFile() as tmp:
            payload_into(tmp)
            size = tmp.tell()
            tmp.seek(0)
            self.session.execute(insert(DatasetRecord).values(**fields, payload=func.zeroblob(size)))
            rowid = self.session.execute(text("SELECT rowid FROM dataset WHERE hash = :h"), {"h": data_hash}).scalar_one()
            db = self.session.connection().connection.dbapi_connection  # the transaction's own sqlite3 connection
            assert isinstance(db, sqlite3.Connection)
            with db.blobopen("dataset", "payload", rowid) as blob:
                while piece := tmp.read(ARCHIVE_PIECE):
                    blob.write(piece)

    def begin(self, *, city: str, plugin: str, plugin_version: str, as_of: date, data_hash: str,
              basis: str = "") -> int:
        run = RunRecord(city=city, plugin=plugin, plugin_version=plugin_version, as_of=as_of,
                        data_hash=data_hash, started_at=datetime.now(UTC), basis=basis)
        self.session.add(run)
        self.session.flush()
        assert run.id is not None
        self._counts[run.id] = 0
        return run.id

    def add(self, run_id: int, findings: Sequence[Finding]) -> None:
        """Store one chunk of a run's findings as one block. A chunk may arrive encoded already
        (a `blocks.EncodedChunk`: a worker process compressed it beside deciding it, see pipeline.py)."""
        n = blocks.count_of(findings)
        if not n:
            return
        payload = blocks.payload_of(findings)
        seq = self._seq[run_id] = self._seq.get(run_id, -1) + 1
        values = (run_id, seq, n, payload)
        if self._sqlite:  # the DB-API on the session's own connection: same transaction
            dbapi = self.session.connection().connection.dbapi_connection
            assert dbapi is not None
            dbapi.execute(_INSERT_BLOCK, values)
        else:
            self.session.execute(insert(FindingBlockRecord), [dict(zip(_BLOCK_COLS, values, strict=True))])
        self._counts[run_id] += n
        self._hashes.setdefault(run_id, hashlib.sha256()).update(payload)

    def finish(self, run_id: int) -> None:
        run = self.session.get(RunRecord, run_id)
        assert run is not None
        run.findings = self._counts[run_id]
        run.findings_hash = BLOCK_HASH + self._hashes.get(run_id, hashlib.sha256()).hexdigest()
        run.finished_at = datetime.now(UTC)
        self.session.flush()


@dataclass(slots=True)
class RunVerdict:
    """One stored run, recounted and rehashed: `ok`, `mismatch`, or `unverifiable` (written
    before runs recorded a hash; its count is still compared)."""

    run_id: int
    city: str
    recorded: int
    found: int
    recorded_hash: str | None
    found_hash: str

    @property
    def status(self) -> str:
        if self.recorded != self.found or (self.recorded_hash is not None and self.recorded_hash != self.found_hash):
            return "mismatch"
        return "ok" if self.recorded_hash is not None else "unverifiable"


def _is_busy(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "locked" in text or "busy" in text


class Store:
    def __init__(self, url: str = DEFAULT_URL, *, timeout: float = DEFAULT_TIMEOUT,
                 on_wait: Callable[[str], None] | None = None) -> None:
        if "://" not in url:  # a plain path means a SQLite file
            url = f"sqlite:///{url}"
        self.url, self.timeout, self.on_wait = url, timeout, on_wait
        self.sqlite = url.startswith("sqlite")
        # SQLite waits this long for a lock on every statement (a URL may set its own ?timeout=)
        args = {"timeout": timeout} if self.sqlite and "timeout=" not in url else {}
        self.engine = create_engine(url, connect_args=args)
        if self.sqlite:  # no implicit BEGIN from the sqlite3 module: writing() takes the lock up front
            event.listen(self.engine, "connect", lambda dbapi, _rec: setattr(dbapi, "isolation_level", None))
        self._create()

    def _create(self) -> None:
        """The tables (and the column a store from before run hashes lacks, empty for its old
        runs, which `verify` then calls unverifiable). On SQLite under the write lock, so two
        checks opening a new file at once do not both create it."""
        with self.engine.connect() as conn:
            if self._complete(conn):
                return
            if self.sqlite:
                self._lock(conn.connection.dbapi_connection)
            SQLModel.metadata.create_all(conn)
            present = {c["name"] for c in inspect(conn).get_columns("run")}
            for column, ddl in _LATER_RUN_COLUMNS.items():
                if column not in present:
                    conn.execute(text(f"ALTER TABLE run ADD COLUMN {column} {ddl}"))
            conn.commit()

    @staticmethod
    def _complete(conn: Any) -> bool:
        found = inspect(conn)
        if not all(found.has_table(t) for t in SQLModel.metadata.tables):
            return False
        return set(_LATER_RUN_COLUMNS) <= {c["name"] for c in found.get_columns("run")}

    def _lock(self, dbapi: Any) -> None:
        """BEGIN IMMEDIATE on a SQLite connection: the write lock now, waiting for a busy store
        up to `timeout` seconds (saying so once), else `StoreUnavailable`."""
        deadline, told = time.monotonic() + self.timeout, False
        dbapi.execute("PRAGMA busy_timeout = 200")
        try:
            while True:
                try:
                    dbapi.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc):
                        raise
                    if time.monotonic() >= deadline:
                        raise StoreUnavailable(
                            f"数据库被其他进程占用超过 {self.timeout:g} 秒，本次检查未保存 / the store '{self.url}' "
                            f"stayed locked by another process for more than {self.timeout:g} s; nothing of this "
                            f"check was stored: {exc}") from None
                    if not told and self.on_wait is not None:
                        self.on_wait(f"数据库正被其他检查写入，最多等待 {self.timeout:g} 秒 / the store is busy "
                                     f"(another check is writing); waiting up to {self.timeout:g} s …")
                        told = True
        finally:
            dbapi.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    @contextmanager
    def writing(self) -> Iterator[RunWriter]:
        """One transaction: everything written through the writer is committed together, or,
        if anything raises inside the block, nothing is. On SQLite the write lock is taken
        at once (BEGIN IMMEDIATE), so a busy store is met here, not halfway through."""
        try:
            with Session(self.engine) as session, session.begin():
                if self.sqlite:
                    self._lock(session.connection().connection.dbapi_connection)
                yield RunWriter(session)
        except OperationalError as exc:
            if self.sqlite and _is_busy(exc):
                raise StoreUnavailable(f"数据库忙，本次写入未保存 / the store '{self.url}' stayed busy for more than "
                                       f"{self.timeout:g} s; nothing was stored: {exc.orig}") from None
            raise

    def publish(self, staged: Store, before_commit: Callable[[dict[int, int]], None]) -> dict[int, int]:
        """Copy everything in `staged` (a private store a check evaluated into) into this one
        in one short transaction: datasets not yet here, the runs (new ids) and their findings.
        `before_commit(staged run id -> run id here)` runs inside it: if it raises, nothing is
        stored. The write lock is held only for this copy."""
        if self.sqlite and staged.sqlite:
            return self._publish_sqlite(staged, before_commit)
        with self.writing() as w, Session(staged.engine) as src:  # any other database: copied in chunks
            ids: dict[int, int] = {}
            for ds in src.exec(select(DatasetRecord)):
                w.dataset(data_hash=ds.hash, city=ds.city, as_of=ds.as_of, source=ds.source,
                          institutions=ds.institutions, payload=lambda ds=ds: ds.payload)
            for run in list(src.exec(select(RunRecord).order_by(RunRecord.id))):
                copy = RunRecord(**run.model_dump(exclude={"id"}))
                w.session.add(copy)
                w.session.flush()
                assert run.id is not None and copy.id is not None
                ids[run.id] = copy.id
                rows = src.execute(text(_SELECT_ROWS), {"run_id": run.id})
                while chunk := rows.fetchmany(5000):
                    w.session.execute(insert(FindingRecord), [{"run_id": copy.id, **dict(zip(_COLUMNS, r, strict=True))}
                                                              for r in chunk])
                for block in src.exec(select(FindingBlockRecord).where(FindingBlockRecord.run_id == run.id)):
                    w.session.add(FindingBlockRecord(run_id=copy.id, seq=block.seq, findings=block.findings,
                                                     payload=block.payload))
            before_commit(ids)
            return ids

    def _publish_sqlite(self, staged: Store, before_commit: Callable[[dict[int, int]], None]) -> dict[int, int]:
        staged_path = staged.engine.url.database
        run_cols = ", ".join(c for c in RunRecord.model_fields if c != "id")
        cols = ", ".join(_COLUMNS)
        conn = self.engine.raw_connection()
        try:
            db = conn.dbapi_connection
            assert db is not None
            db.execute("ATTACH DATABASE ? AS staged", (staged_path,))
            try:
                self._lock(db)
                try:
                    _copy_datasets(db)
                    ids: dict[int, int] = {}
                    for (old,) in db.execute("SELECT id FROM staged.run ORDER BY id").fetchall():
                        cur = db.execute(f"INSERT INTO run ({run_cols}) SELECT {run_cols} FROM staged.run WHERE id = ?",
                                         (old,))
                        ids[old] = cur.lastrowid
                        db.execute(f"INSERT INTO finding (run_id, {cols}) SELECT ?, {cols} FROM staged.finding "
                                   "WHERE run_id = ? ORDER BY id", (ids[old], old))
                        db.execute("INSERT INTO finding_block (run_id, seq, findings, payload) SELECT ?, seq, findings, "
                                   "payload FROM staged.finding_block WHERE run_id = ? ORDER BY seq", (ids[old], old))
                    before_commit(ids)
                    db.execute("COMMIT")
                except BaseException as exc:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
                        raise StoreUnavailable(
                            f"数据库忙，无法提交，本次检查未保存 / the store '{self.url}' stayed busy (a reader held "
                            f"it) for more than {self.timeout:g} s; nothing of this check was stored: {exc}") from None
                    raise
            finally:
                db.execute("DETACH DATABASE staged")
        finally:
            conn.close()
        return ids

    def verify(self, run_ids: Iterable[int] | None = None) -> list[RunVerdict]:
        """Recount and rehash the findings of each stored run (or of `run_ids`): a run in blocks
        by its block payloads (each decoded, so a damaged one counts as lost findings), an older
        run by its rows."""
        wanted = set(run_ids) if run_ids is not None else None
        out = []
        with Session(self.engine) as session:
            for run in list(session.exec(select(RunRecord).order_by(RunRecord.id))):
                if wanted is not None and run.id not in wanted:
                    continue
                assert run.id is not None
                if (run.findings_hash or "").startswith(BLOCK_HASH):
                    found, digest = _blocks_digest(session.execute(text(_SELECT_BLOCKS), {"run_id": run.id}))
                else:
                    found, digest = findings_digest(session.execute(text(_SELECT_ROWS), {"run_id": run.id}))
                out.append(RunVerdict(run.id, run.city, run.findings, found, run.findings_hash, digest))
        return out

    def record_run(self, *, city: str, plugin: str, plugin_version: str, as_of: date, data_hash: str,
                   dataset_city: str, dataset_as_of: date | None, source: str, raw: bytes, institutions: int,
                   findings: Iterable[Iterable[Finding]],
                   before_commit: Callable[[int], None] | None = None) -> int:
        """Store the dataset (if new), one run and its findings in one transaction.

        `before_commit(run_id)` runs inside the transaction: if it raises, nothing is stored.
        """
        with self.writing() as w:
            w.dataset(data_hash=data_hash, city=dataset_city, as_of=dataset_as_of, source=source,
                      institutions=institutions, payload=lambda: zlib.compress(raw, 6))
            run_id = w.begin(city=city, plugin=plugin, plugin_version=plugin_version, as_of=as_of, data_hash=data_hash)
            for chunk in findings:
                w.add(run_id, chunk)
            w.finish(run_id)
            if before_commit is not None:
                before_commit(run_id)
            return run_id

    def runs(self) -> list[RunRecord]:
        with Session(self.engine) as session:
            return list(session.exec(select(RunRecord).order_by(RunRecord.id)))

    def findings(self, run_id: int) -> list[StoredFinding]:
        """Every finding of a run, in the order stored (for a large run prefer `iter_findings`)."""
        with Session(self.engine) as session:
            return [StoredFinding.of(run_id, row) for row in stored_rows(session, run_id)]

    def dataset_bytes(self, data_hash: str) -> bytes:
        with Session(self.engine) as session:
            rec = session.get(DatasetRecord, data_hash)
            if rec is None:
                raise KeyError(data_hash)
            return zlib.decompress(rec.payload)

    def counts(self) -> dict[str, int]:
        with Session(self.engine) as session:
            return {
                "datasets": len(list(session.exec(select(DatasetRecord.hash)))),
                "runs": len(list(session.exec(select(RunRecord.id)))),
                "findings": len(list(session.exec(select(FindingRecord.id))))
                + sum(session.exec(select(FindingBlockRecord.findings))),
            }


# Read-only queries for `mhpolicy diff` and `mhpolicy runs show` (progress between checks).
# An open finding is one that asks something of its subject: 不符合, 缺数据, 待人工确认, 未达目标,
# 提示, 错误 (results.status.ACTIONABLE); it is keyed by subject, rule and period.
OPEN_STATUSES = ("错误", "不符合", "缺数据", "待人工确认", "未达目标", "提示")
FindingKey = tuple[str, str, str, str]  # subject kind, subject id, rule id, period ("" for none)


def run_record(store: Store, run_id: int) -> RunRecord | None:
    with Session(store.engine) as session:
        return session.get(RunRecord, run_id)


def dataset_source(store: Store, data_hash: str) -> str:
    with Session(store.engine) as session:
        rec = session.get(DatasetRecord, data_hash)
        return rec.source if rec else ""


def previous_run(store: Store, city: str, source: str, before: int | None = None) -> RunRecord | None:
    """The latest run of `city` on data of the same lineage (the same data file, by name, or
    the same data), earlier than run `before` (all runs when None)."""
    with Session(store.engine) as session:
        stmt = (select(RunRecord, DatasetRecord.source).join(DatasetRecord, DatasetRecord.hash == RunRecord.data_hash)
                .where(RunRecord.city == city).order_by(RunRecord.id.desc()))  # type: ignore[union-attr]
        for run, src in session.exec(stmt):
            if (before is None or run.id < before) and _lineage(src) == _lineage(source):  # type: ignore[operator]
                return run
    return None


def _lineage(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


class StoredFinding(NamedTuple):
    """A finding as the store keeps it (the columns of the `finding` table), read back."""

    run_id: int
    rule_id: str
    clause: str
    topic: str
    subject_kind: str
    subject_id: str
    subject_name: str
    district_id: str | None
    status: str
    modality: str
    observed: float | None
    required: float | None
    unit: str
    gap: float | None
    gap_text: str
    due: date | None
    period: str | None
    overdue: bool
    explanation: str
    allowance: str
    error: str
    parent_id: str | None = None  # the school of a campus finding (None in a run stored as rows)

    @classmethod
    def of(cls, run_id: int, row: Sequence[Any]) -> StoredFinding:
        fields = dict(zip(blocks.COLUMNS if len(row) > len(_COLUMNS) else _COLUMNS, row, strict=True))
        due = fields["due"]
        fields["due"] = date.fromisoformat(due) if isinstance(due, str) else due
        fields["overdue"] = bool(fields["overdue"])
        return cls(run_id, **fields)


def _row_chunks(session: Session, run_id: int) -> Iterator[list[tuple[Any, ...]]]:
    """A run's stored findings as rows in `_COLUMNS` order, chunk by chunk in the order stored:
    an older run's rows (the `finding` table, by id), then a run's blocks (by seq)."""
    rows = session.execute(text(_SELECT_ROWS), {"run_id": run_id})
    while chunk := rows.fetchmany(20000):
        yield [tuple(r) for r in chunk]
    for (payload,) in session.execute(text(_SELECT_BLOCKS), {"run_id": run_id}):
        yield blocks.decode(payload)


def stored_rows(session: Session, run_id: int) -> Iterator[tuple[Any, ...]]:
    for chunk in _row_chunks(session, run_id):
        yield from chunk


def finding_states(store: Store | Session, run_id: int) -> dict[FindingKey, tuple[str, str, str | None]]:
    """Every finding of a run, keyed: (status, subject name, district id). `store` may be the
    session of a run still being written (a check comparing itself with the previous run)."""
    return dict(iter_finding_states(store, run_id))


def iter_finding_states(store: Store | Session, run_id: int
                        ) -> Iterator[tuple[FindingKey, tuple[str, str, str | None]]]:
    """`finding_states` as a stream, block by block: what a comparison of two large runs reads."""
    kind, sid, rule, period, status, name, district = (_COLUMNS.index(c) for c in (
        "subject_kind", "subject_id", "rule_id", "period", "status", "subject_name", "district_id"))

    def states(session: Session) -> Iterator[tuple[FindingKey, tuple[str, str, str | None]]]:
        for r in stored_rows(session, run_id):
            yield (r[kind], r[sid], r[rule], r[period] or ""), (r[status], r[name], r[district])

    if isinstance(store, Session):
        yield from states(store)
        return
    with Session(store.engine) as session:
        yield from states(session)


def iter_findings(store: Store, run_id: int, size: int = 20000) -> Iterator[list[StoredFinding]]:
    """A run's findings in chunks that never split an institution, in the order the check fed
    its reports: a run in blocks block by block (a city's or district's findings may come in
    two parts, its own first and its targets over the population last, as in the check); an
    older run sorted by subject."""
    with Session(store.engine) as session:
        has_rows = session.exec(select(FindingRecord.id).where(FindingRecord.run_id == run_id).limit(1)).first()
        if has_rows is None:
            for chunk in _row_chunks(session, run_id):
                yield [StoredFinding.of(run_id, row) for row in chunk]
            return
        stmt = (select(FindingRecord).where(FindingRecord.run_id == run_id)
                .order_by(FindingRecord.subject_kind, FindingRecord.subject_id, FindingRecord.id))
        out: list[StoredFinding] = []
        for rec in session.exec(stmt).yield_per(size):
            if len(out) >= size and (rec.subject_kind, rec.subject_id) != (out[-1].subject_kind, out[-1].subject_id):
                yield out
                out = []
            out.append(StoredFinding.of(run_id, tuple(getattr(rec, c) for c in _COLUMNS)))
        if out:
            yield out
