"""The store: SQLite by default, through sqlmodel.

It keeps every dataset imported (by content hash, compressed) and every run: the
evaluation date, the plugin and its version, the hash of the input data and the findings,
so a report can be reproduced. A run is written in one transaction: a failure leaves
nothing half-written, and nothing already stored is touched.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Field, Session, SQLModel, create_engine, select

from ..results.findings import Finding

DEFAULT_URL = "sqlite:///mhpolicy.db"


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


_COLUMNS = [c for c in FindingRecord.model_fields if c not in ("id", "run_id")]
_INSERT_SQL = (f"INSERT INTO finding (run_id, {', '.join(_COLUMNS)}) "
               f"VALUES ({', '.join('?' for _ in range(len(_COLUMNS) + 1))})")


def _row(run_id: int, f: Finding) -> tuple[Any, ...]:
    return (run_id, f.rule_id, f.clause, f.topic, f.subject_kind, f.subject_id, f.subject_name, f.district_id,
            f.status.value, f.modality.value, f.observed, f.required, f.unit, f.gap, f.gap_text,
            f.due, f.period, f.overdue, f.explanation, f.allowance, f.error)


assert [c for c in _COLUMNS] == ["rule_id", "clause", "topic", "subject_kind", "subject_id", "subject_name",
                                 "district_id", "status", "modality", "observed", "required", "unit", "gap",
                                 "gap_text", "due", "period", "overdue", "explanation", "allowance", "error"]


class RunWriter:
    """Writes runs and their findings inside one open transaction (see Store.writing)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._sqlite = session.get_bind().dialect.name == "sqlite"
        self._counts: dict[int, int] = {}

    def dataset(self, *, data_hash: str, city: str, as_of: date | None, source: str, institutions: int,
                payload: Callable[[], bytes]) -> None:
        if self.session.get(DatasetRecord, data_hash) is None:
            self.session.add(DatasetRecord(hash=data_hash, city=city, as_of=as_of, source=source,
                                           imported_at=datetime.now(UTC), institutions=institutions,
                                           payload=payload()))
            self.session.flush()

    def begin(self, *, city: str, plugin: str, plugin_version: str, as_of: date, data_hash: str) -> int:
        run = RunRecord(city=city, plugin=plugin, plugin_version=plugin_version, as_of=as_of,
                        data_hash=data_hash, started_at=datetime.now(UTC))
        self.session.add(run)
        self.session.flush()
        assert run.id is not None
        self._counts[run.id] = 0
        return run.id

    def add(self, run_id: int, findings: Iterable[Finding]) -> None:
        rows = [_row(run_id, f) for f in findings]
        if not rows:
            return
        if self._sqlite:  # the DB-API executemany on the session's own connection: same transaction
            dbapi = self.session.connection().connection.dbapi_connection
            assert dbapi is not None
            dbapi.executemany(_INSERT_SQL, rows)
        else:
            keys = ["run_id", *_COLUMNS]
            self.session.execute(insert(FindingRecord), [dict(zip(keys, r, strict=True)) for r in rows])
        self._counts[run_id] += len(rows)

    def finish(self, run_id: int) -> None:
        run = self.session.get(RunRecord, run_id)
        assert run is not None
        run.findings = self._counts[run_id]
        run.finished_at = datetime.now(UTC)
        self.session.flush()


class Store:
    def __init__(self, url: str = DEFAULT_URL) -> None:
        if "://" not in url:  # a plain path means a SQLite file
            url = f"sqlite:///{url}"
        self.engine = create_engine(url)
        SQLModel.metadata.create_all(self.engine)

    @contextmanager
    def writing(self) -> Iterator[RunWriter]:
        """One transaction: everything written through the writer is committed together, or,
        if anything raises inside the block, nothing is."""
        with Session(self.engine) as session, session.begin():
            yield RunWriter(session)

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

    def findings(self, run_id: int) -> list[FindingRecord]:
        with Session(self.engine) as session:
            stmt = select(FindingRecord).where(FindingRecord.run_id == run_id).order_by(FindingRecord.id)
            return list(session.exec(stmt))

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
                "findings": len(list(session.exec(select(FindingRecord.id)))),
            }
