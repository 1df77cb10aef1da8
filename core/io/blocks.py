"""Findings stored in compressed blocks: one block per chunk of one run, every finding kept.

A run of 100,000 institutions has some 4.5 million findings; stored one row each (with its
explanation text) they took 1.2 GB and most of a check's time. A block holds the findings of one
chunk column by column: each text column as its distinct values plus an index per finding
(a rule's clause, topic and unit, a subject's name, an explanation shared by thousands of
不适用 findings are each written once per block), numbers and flags as plain lists; the
whole as JSON compressed with zlib. Measured on 455,768 findings of 10,000 福州 institutions:
1.2 MB instead of 198 MB of rows.

Nothing is dropped: a block decodes to the rows the `finding` table holds, plus the school a
campus finding belongs to (`COLUMNS`), in the order the findings were added, so every finding of every
status reads back, and a digest over the stored payloads proves the run whole (`Store.verify`).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

import orjson

from ..results.findings import Finding

FORMAT = 1  # written into every block; a reader refuses a format it does not know
# zlib level. Measured on the blocks of 10,000 福州 institutions (39 MB of JSON): level 1 0.09 s,
# 1.81 MB; 3 0.12 s, 1.62 MB; 6 0.34 s, 1.21 MB. Past 3 each step costs more time than it saves store.
LEVEL = 3

# The stored columns, in row order: those of the `finding` table (after id and run_id), then the
# school a campus belongs to, which rows of the `finding` table never held (read back as None).
ROW_COLUMNS = ("rule_id", "clause", "topic", "subject_kind", "subject_id", "subject_name", "district_id", "status",
               "modality", "observed", "required", "unit", "gap", "gap_text", "due", "period", "overdue",
               "explanation", "allowance", "error")
COLUMNS = (*ROW_COLUMNS, "parent_id")
_PLAIN = frozenset({"observed", "required", "gap", "overdue"})  # numbers and flags: one value per finding


def _floats(values: Iterator[Any]) -> list[float | None]:
    return [None if v is None else float(v) for v in values]


def _columns(findings: Sequence[Finding]) -> dict[str, list[Any]]:
    """The stored value of each column, finding by finding: what the `finding` table holds
    (status and modality are text enums, written as their Chinese values; the due date as ISO
    text; overdue as 0/1). Read with `map(attrgetter)`: at millions of findings a column built
    in C is several times faster than a comprehension."""
    cols = {name: list(map(attrgetter(name), findings)) for name in COLUMNS if name not in _CONVERTED}
    cols["observed"] = _floats(map(attrgetter("observed"), findings))
    cols["required"] = _floats(map(attrgetter("required"), findings))
    cols["gap"] = _floats(map(attrgetter("gap"), findings))
    cols["due"] = [d.isoformat() if d else None for d in map(attrgetter("due"), findings)]
    cols["overdue"] = list(map(int, map(attrgetter("overdue"), findings)))
    return cols


_CONVERTED = frozenset({"observed", "required", "gap", "due", "overdue"})


def _dictionary(values: list[Any]) -> list[Any]:
    """[distinct values, index of each value]: a text repeated across findings is kept once."""
    distinct = list(dict.fromkeys(values))
    position = {v: i for i, v in enumerate(distinct)}
    return [distinct, list(map(position.__getitem__, values))]


def encode(findings: Sequence[Finding]) -> bytes:
    """One block: the findings' stored columns, compressed."""
    cols = _columns(findings)
    body = {name: (values if name in _PLAIN else _dictionary(values)) for name, values in cols.items()}
    return zlib.compress(orjson.dumps({"format": FORMAT, "n": len(findings), "columns": body}), LEVEL)


class BlockError(ValueError):
    """A stored block that does not decode: damaged, or written by a newer mhpolicy."""


def decode(payload: bytes) -> list[tuple[Any, ...]]:
    """The rows of a block, each a tuple in `COLUMNS` order, values as stored (due as ISO text)."""
    try:
        doc = orjson.loads(zlib.decompress(payload))
    except (zlib.error, orjson.JSONDecodeError) as exc:
        raise BlockError(f"存储块已损坏 / a stored block is damaged: {exc}") from None
    if doc.get("format") != FORMAT:
        raise BlockError(f"存储块格式未知 / unknown block format {doc.get('format')!r}")
    n, body = doc["n"], doc["columns"]
    cols = []
    for name in COLUMNS:
        stored = body[name]
        if name in _PLAIN:
            cols.append(stored)
        else:
            values, index = stored
            cols.append([values[i] for i in index])
    if any(len(c) != n for c in cols):
        raise BlockError(f"存储块行数不符 / a stored block does not hold the {n} findings it declares")
    return list(zip(*cols, strict=True))


def as_record_fields(row: tuple[Any, ...]) -> dict[str, Any]:
    """A decoded row as the fields of a `finding` table row (due as a date, overdue as a bool)."""
    out = dict(zip(COLUMNS, row, strict=True))
    out["due"] = date.fromisoformat(out["due"]) if out["due"] else None
    out["overdue"] = bool(out["overdue"])
    return out


class EncodedChunk(list):  # type: ignore[type-arg]
    """A chunk of findings with its block already encoded by the worker process that decided
    it, so the process that stores it only writes bytes. A list of findings for everyone else, or
    an empty list when the findings stayed in the worker (`encoded(keep=False)`, see
    `pipeline.run_stream(digest=)`): `total` says how many the block holds either way."""

    encoded: bytes | None = None
    total: int = 0


def encoded(findings: list[Finding], keep: bool = True) -> EncodedChunk:
    chunk = EncodedChunk(findings if keep else ())
    chunk.encoded = encode(findings)
    chunk.total = len(findings)
    return chunk


def count_of(findings: Sequence[Finding]) -> int:
    """How many findings a chunk stands for: an encoded chunk's `total`, else its length."""
    return findings.total if isinstance(findings, EncodedChunk) else len(findings)


def payload_of(findings: Sequence[Finding]) -> bytes:
    """The block of a chunk: as its worker encoded it, else encoded now."""
    payload = getattr(findings, "encoded", None)
    return payload if payload is not None else encode(findings)


def rows(payloads: Iterator[bytes]) -> Iterator[tuple[Any, ...]]:
    for payload in payloads:
        yield from decode(payload)
