"""A dataset file read in chunks of institutions, so a province-sized file never sits in
memory whole.

Two formats, one model:
- `.json`: the `Dataset` as one document (`mhpolicy schema`); parsed at once, which is fine
  up to some tens of thousands of institutions;
- `.jsonl`: JSON Lines for large data: line 1 is the dataset without `institutions` (city,
  districts, stations, as_of), every further line one institution.

The header (everything but the institutions) is validated up front. Institutions are
validated chunk by chunk where they are evaluated (possibly in worker processes), with the
same pydantic model; a bad row raises `InputError` naming file, row and field, and since a
check stores in one transaction, nothing of that run is kept.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from .loading import InputError, InputIssue, issues_from, parse_dataset
from .model import Dataset, Institution

CHUNK = 2000  # institutions per chunk: bounds memory, and is the unit of work for workers


@dataclass(slots=True)
class RawChunk:
    """Institutions not yet validated: (row label, JSON object or bytes) pairs."""

    start: int  # index of the first institution in the file
    rows: list[tuple[str, Any]]


@dataclass(slots=True)
class Source:
    path: Path
    header: Dataset  # the dataset without institutions
    digest: str  # sha256 of the file's bytes: the key a run is reproduced by
    institutions: int
    _raw: list[Any] | None = field(default=None, repr=False)  # .json: the parsed institutions

    @property
    def jsonl(self) -> bool:
        return self.path.suffix.lower() == ".jsonl"

    def chunks(self, size: int = CHUNK) -> Iterator[RawChunk]:
        if self._raw is not None:
            for start in range(0, len(self._raw), size):
                rows = [(f"institutions[{start + k}]", obj) for k, obj in enumerate(self._raw[start : start + size])]
                yield RawChunk(start, rows)
            return
        with self.path.open("rb") as fh:
            fh.readline()  # the header
            rows: list[tuple[str, Any]] = []
            start = n = 0
            for line_no, line in enumerate(fh, start=2):
                if not line.strip():
                    continue
                rows.append((f"第{line_no}行 / line {line_no}", line))
                n += 1
                if len(rows) >= size:
                    yield RawChunk(start, rows)
                    start, rows = n, []
            if rows:
                yield RawChunk(start, rows)

    def compressed(self) -> bytes:
        """The file's bytes, zlib-compressed in one streaming pass (level 1: this is an archive)."""
        comp = zlib.compressobj(1)
        parts = []
        with self.path.open("rb") as fh:
            while block := fh.read(1 << 20):
                parts.append(comp.compress(block))
        parts.append(comp.flush())
        return b"".join(parts)


def _file_issue(file: str, code: str, row: str = "", **slots: Any) -> InputError:
    return InputError([InputIssue(code, file, row, "", slots)])


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def _loads(data: bytes, file: str, row: str = "") -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        line = data[: exc.pos].count(b"\n") + 1 if exc.pos is not None else "?"
        where = row or f"第{line}行 / line {line}"
        raise _file_issue(file, "broken_file", where, detail=exc.msg) from None


def open_source(path: str | Path) -> Source:
    """Validate the header of a dataset file and make its institutions iterable in chunks."""
    p = Path(path)
    file = str(path)
    if p.suffix.lower() not in (".json", ".jsonl", ""):
        raise _file_issue(file, "unsupported_format", suffix=p.suffix)
    try:
        size_ok = p.is_file()
    except OSError:
        size_ok = False
    if not size_ok:
        raise _file_issue(file, "no_file")
    digest = _sha256(p)
    if p.suffix.lower() == ".jsonl":
        with p.open("rb") as fh:
            head = _loads(fh.readline(), file, "第1行 / line 1")
            count = sum(1 for line in fh if line.strip())
        if not isinstance(head, dict) or "institutions" in head:
            raise _file_issue(file, "bad_header", "第1行 / line 1")
        return Source(p, parse_dataset(head, file), digest, count)
    raw = _loads(p.read_bytes(), file)
    if not isinstance(raw, dict):
        raise _file_issue(file, "not_an_object")
    institutions = raw.pop("institutions", [])
    if not isinstance(institutions, list):
        raise InputError([InputIssue("not_a_list", file, "", "institutions")])
    header = parse_dataset(raw, file)
    return Source(p, header, digest, len(institutions), institutions)


def add_unique(seen: set[str], ids: list[str], file: str) -> None:
    """Add a chunk's institution ids to those seen so far; an id seen before is an input error."""
    dupes = []
    for ident in ids:  # one pass: catches repeats within the chunk as well as across chunks
        if ident in seen:
            dupes.append(ident)
        seen.add(ident)
    if dupes:
        raise InputError([InputIssue("duplicate_id", file, f"institutions (id={d})", "id",
                                     {"id": d, "table": "institutions"}) for d in dupes])


def validate_chunk(chunk: RawChunk, header: Dataset, file: str) -> list[Institution]:
    """Validate a chunk of institutions against the model and the header's districts."""
    districts = {d.id for d in header.districts}
    out: list[Institution] = []
    issues: list[InputIssue] = []
    for row, obj in chunk.rows:
        try:
            inst = (Institution.model_validate_json(obj) if isinstance(obj, (bytes, str))
                    else Institution.model_validate(obj))
        except ValidationError as exc:
            for issue in issues_from(exc, file, None, Institution):
                ident = row_id(obj)
                issues.append(replace(issue, row=row + (f" (id={ident})" if ident else "")))
            continue
        if inst.district_id not in districts:
            issues.append(InputIssue("unknown_reference", file, f"{row} (id={inst.id})", "district_id",
                                     {"value": inst.district_id, "table": "districts"}))
        out.append(inst)
    if issues:
        raise InputError(issues)
    return out


def row_id(obj: Any) -> str | None:
    """The `id` of a not-yet-validated institution row (dict or JSON bytes), if it has one."""
    try:
        data = orjson.loads(obj) if isinstance(obj, (bytes, str)) else obj
        ident = data.get("id")
        return ident if isinstance(ident, str) else None
    except Exception:
        return None


def read_dataset(path: str | Path) -> tuple[Dataset, bytes]:
    """The whole dataset in memory, validated exactly as a streamed check validates it (small data,
    tests); returns the model and the file's bytes."""
    source = open_source(path)
    institutions = [inst for chunk in source.chunks() for inst in validate_chunk(chunk, source.header, str(path))]
    add_unique(set(), [i.id for i in institutions], str(path))
    return source.header.model_copy(update={"institutions": institutions}), source.path.read_bytes()
