"""The store: SQLite by default, through sqlmodel.

It keeps every dataset imported (by content hash, compressed) and every run: the
evaluation date, the plugin and its version, the hash of the input data and the findings,
so a report can be reproduced. A run is written in one transaction: a failure leaves
nothing half-written, and nothing already stored is touched.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Field, Session, SQLModel, create_engine, select

from .findings import Finding

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


def _row(run_id: int, f: Finding) -> dict[str, Any]:
    row = {c: getattr(f, c) for c in _COLUMNS}
    row["status"] = f.status.value
    row["modality"] = f.modality.value
    row["run_id"] = run_id
    return row


class Store:
    def __init__(self, url: str = DEFAULT_URL) -> None:
        if "://" not in url:  # a plain path means a SQLite file
            url = f"sqlite:///{url}"
        self.engine = create_engine(url)
        SQLModel.metadata.create_all(self.engine)

    def record_run(self, *, city: str, plugin: str, plugin_version: str, as_of: date, data_hash: str,
                   dataset_city: str, dataset_as_of: date | None, source: str, raw: bytes, institutions: int,
                   findings: Iterable[Iterable[Finding]],
                   before_commit: Callable[[int], None] | None = None) -> int:
        """Store the dataset (if new), the run and its findings in one transaction.

        `before_commit(run_id)` runs inside the transaction (the CLI writes the reports there):
        if it raises, the run is rolled back and nothing is stored.
        """
        started = datetime.now(UTC)
        with Session(self.engine) as session, session.begin():
            if session.get(DatasetRecord, data_hash) is None:
                session.add(DatasetRecord(hash=data_hash, city=dataset_city, as_of=dataset_as_of, source=source,
                                          imported_at=started, institutions=institutions,
                                          payload=zlib.compress(raw, 6)))
            run = RunRecord(city=city, plugin=plugin, plugin_version=plugin_version, as_of=as_of,
                            data_hash=data_hash, started_at=started)
            session.add(run)
            session.flush()
            assert run.id is not None
            count = 0
            for chunk in findings:
                rows = [_row(run.id, f) for f in chunk]
                if rows:
                    session.execute(insert(FindingRecord), rows)
                    count += len(rows)
            run.findings = count
            run.finished_at = datetime.now(UTC)
            if before_commit is not None:
                before_commit(run.id)
            return run.id

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
