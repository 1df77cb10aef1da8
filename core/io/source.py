"""A dataset read in chunks of institutions, so a province-sized file never sits in memory
whole.

Two file formats and one in-memory form, one model:
- `.json`: the `Dataset` as one document (`mhpolicy schema`); parsed at once, which is fine
  up to some tens of thousands of institutions;
- `.jsonl`: JSON Lines for large data: line 1 is the dataset without `institutions` (city,
  districts, stations, as_of), every further line one institution;
- a `Dataset` built in memory (tests, the BDD steps, the Python API): `memory_source` turns it
  into its JSON document, so it goes through the very same validation and evaluation.

The header (everything but the institutions) is validated up front. Institutions are
validated chunk by chunk where they are evaluated (possibly in worker processes), with the
same pydantic model; a bad row raises `InputError` naming file, row and field, and since a
check stores in one transaction, nothing of that run is kept.
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import orjson
from pydantic import ValidationError

from ..model.entities import Dataset, Institution
from ..model.extensions import CORE_MODELS, Entity, Models, label_issues, models_of
from .encodings import UTF8_BOM, looks_gbk, sniff
from .loading import InputError, InputIssue, issues_from, parse_dataset
from .shapes import is_school_list, is_school_record, school_alone
from .workbook import TABULAR_SUFFIXES, read_document

CHUNK = 2000  # institutions per chunk: bounds memory, and is the unit of work for workers


@dataclass(slots=True)
class RawChunk:
    """Institutions not yet validated: (row label, JSON object or bytes) pairs."""

    start: int  # index of the first institution in the file
    rows: list[tuple[str, Any]]


IN_MEMORY = "<内存数据集 / in-memory dataset>"  # how errors name a dataset that came from no file


@dataclass(slots=True)
class Source:
    """A dataset to check: its validated header and its institutions, still raw, in chunks.

    The same class serves a file (`.json` parsed at once, `.jsonl` streamed line by line) and a
    dataset built in memory (`memory_source`): an in-memory evaluation is the streamed check
    over its canonical JSON bytes, so both validate, decide and hash the same way.
    """

    name: str  # how errors and reports name it: the file path, or IN_MEMORY
    header: Dataset  # the dataset without institutions
    digest: str  # sha256 of the bytes the dataset was read from: the key a run is reproduced by
    institutions: int  # how many institutions the chunks will yield
    path: Path | None = None  # the file, if the dataset came from one
    only: str | None = None  # restrict to one institution id (a school's own report)
    whole: int = 0  # with `only`: institutions in the whole dataset (what it is stored as holding)
    _raw: list[Any] | None = field(default=None, repr=False)  # parsed institutions of a JSON document
    _bytes: bytes | None = field(default=None, repr=False)  # the document, for an in-memory source

    @property
    def jsonl(self) -> bool:
        return self._raw is None

    def restricted_to(self, institution_id: str) -> Source:
        """The same dataset, yielding only the institution with this id: read once, nothing else
        validated or decided. A run over it succeeds only with exactly one such row (none is an
        input error, two a duplicate id), hence the count of one."""
        return replace(self, only=institution_id, institutions=1, whole=self.whole or self.institutions)

    @property
    def dataset_institutions(self) -> int:
        """Institutions in the dataset itself, also when only one of them is read."""
        return self.whole or self.institutions

    def chunks(self, size: int = CHUNK) -> Iterator[RawChunk]:
        if self._raw is not None:
            yield from self._document_chunks(size)
            return
        assert self.path is not None
        needle = None if self.only is None else orjson.dumps(self.only)
        with self.path.open("rb") as fh:
            fh.readline()  # the header
            rows: list[tuple[str, Any]] = []
            start = n = 0
            for line_no, line in enumerate(fh, start=2):
                if not line.strip():
                    continue
                n += 1
                # A cheap byte test first: only a line that mentions the id is parsed for it
                # (or that has escapes, as json.dumps writes non-ASCII ids: "\u5b66…").
                if needle is not None and ((needle not in line and b"\\" not in line) or row_id(line) != self.only):
                    continue
                if not rows:
                    start = n - 1
                rows.append((f"第{line_no}行 / line {line_no}", line))
                if len(rows) >= size:
                    yield RawChunk(start, rows)
                    rows = []
            if rows:
                yield RawChunk(start, rows)

    def _document_chunks(self, size: int) -> Iterator[RawChunk]:
        assert self._raw is not None
        picked = [(k, obj) for k, obj in enumerate(self._raw)
                  if self.only is None or (obj.get("id") if isinstance(obj, dict) else getattr(obj, "id", None)) == self.only]
        for at in range(0, len(picked), size):
            part = picked[at : at + size]
            yield RawChunk(part[0][0], [(f"institutions[{k}]", obj) for k, obj in part])

    def compress_into(self, out: IO[bytes]) -> None:
        """The dataset's bytes, zlib-compressed into `out` in one streaming pass, a megabyte at a
        time: a province's file is never held whole (100,000 institutions: 624 MB read, 79 MB written)."""
        comp = zlib.compressobj(1)
        if self._bytes is not None:
            out.write(comp.compress(self._bytes))
        else:
            assert self.path is not None
            with self.path.open("rb") as fh:
                while block := fh.read(1 << 20):
                    out.write(comp.compress(block))
        out.write(comp.flush())


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
        return orjson.loads(data.removeprefix(UTF8_BOM))  # Notepad saves UTF-8 with a BOM
    except orjson.JSONDecodeError as exc:
        line = data[: exc.pos].count(b"\n") + 1 if exc.pos is not None else "?"
        where = row or f"第{line}行 / line {line}"
        raise _file_issue(file, "broken_file", where, detail=exc.msg) from None


def open_source(path: str | Path | Sequence[str | Path], models: Models = CORE_MODELS) -> Source:
    """Validate the header of a dataset file and make its institutions iterable in chunks.

    `path` is a `.json` or `.jsonl` file, or 填报表: an `.xlsx` workbook, a `.csv` file, a folder
    of them, or several of these given together, read as one dataset (core/io/workbook.py).
    `models`: the registry's (`Registry.models()`) when plugins declare data of their own;
    the institutions are later validated with the same models (see `validate_chunk`)."""
    if not isinstance(path, (str, Path)):
        paths = [Path(p) for p in path]
        if len(paths) != 1:
            return tabular_source(paths, models)
        path = paths[0]
    p = Path(path)
    file = str(path)
    if p.is_dir() or p.suffix.lower() in TABULAR_SUFFIXES:
        return tabular_source([p], models)
    if p.suffix.lower() not in (".json", ".jsonl", ""):
        raise _file_issue(file, "unsupported_format", suffix=p.suffix)
    try:
        size_ok = p.is_file()
    except OSError:
        size_ok = False
    if not size_ok:
        raise _file_issue(file, "no_file")
    _not_json(p, file)
    if p.suffix.lower() == ".jsonl":
        with p.open("rb") as fh:
            head = _loads(fh.readline(), file, "第1行 / line 1")
            count = sum(1 for line in fh if line.strip())
        if is_school_record(head):  # JSON Lines of school records: no header, hence no dataset
            raise InputError([school_alone(file, [head])])
        if not isinstance(head, dict) or "institutions" in head:
            raise _file_issue(file, "bad_header", "第1行 / line 1")
        return Source(file, parse_dataset(head, file, models), _sha256(p), count, path=p)
    data = p.read_bytes()
    try:
        return _document(data, file, models, path=p)
    except InputError as exc:
        if exc.issues and exc.issues[0].code == "broken_file" and looks_gbk(data):
            raise _file_issue(file, "broken_file", detail="文件不是UTF-8编码（可能是GBK/GB18030），请另存为UTF-8 / "
                                                          "the file is not UTF-8 (probably GBK/GB18030): save it as UTF-8") from None
        raise


def _not_json(p: Path, file: str) -> None:
    """A workbook or a ZIP given where JSON was expected: say what it is and what to run."""
    kind = sniff(p)
    if kind == "xlsx":
        raise _file_issue(file, "wrong_format", what_zh="Excel工作簿（.xlsx）", what_en="an Excel workbook (.xlsx)",
                          hint_zh=f"请将扩展名改为 .xlsx 后运行 mhpolicy check --data {p.with_suffix('.xlsx')}",
                          hint_en=f"rename it to .xlsx and run mhpolicy check --data {p.with_suffix('.xlsx')}")
    if kind == "xls":
        raise _file_issue(file, "wrong_format", what_zh="旧版Excel文件（.xls）", what_en="an old Excel file (.xls)",
                          hint_zh="请在Excel中另存为 .xlsx 后运行 mhpolicy check --data 文件.xlsx",
                          hint_en="save it as .xlsx in Excel and run mhpolicy check --data FILE.xlsx")
    if kind == "zip":
        raise _file_issue(file, "wrong_format", what_zh="ZIP压缩包", what_en="a ZIP archive",
                          hint_zh="请解压后运行 mhpolicy check --data 解压出的文件夹/",
                          hint_en="unpack it and run mhpolicy check --data FOLDER/ on the unpacked folder")


def tabular_source(paths: list[Path], models: Models = CORE_MODELS) -> Source:
    """填报表 as a source: workbooks, CSV files and folders read as one dataset, every problem at
    its cell. The dataset is then its canonical JSON document (as `memory_source`), so its hash is
    that of the same data given as JSON and dumped the same way."""
    name = ", ".join(str(p) for p in paths)
    dataset, files = read_document(paths, models, name)
    doc = dataset.model_dump(mode="json")
    data = orjson.dumps(doc)
    single = files[0] if len(files) == 1 else None
    rows: list[Any] = doc.pop("institutions")
    cls = type(dataset.institutions[0]) if dataset.institutions else None
    if cls is not None and getattr(sys.modules.get(cls.__module__), cls.__qualname__, None) is cls:
        # Validated already, every row at its cell: the chunks carry the models themselves (they
        # pickle to worker processes by class reference), not a second validation's input.
        rows = list(dataset.institutions)
    return Source(name, parse_dataset(doc, name, models), hashlib.sha256(data).hexdigest(), len(rows),
                  path=single, _raw=rows, _bytes=data)


def memory_source(dataset: Dataset) -> Source:
    """A dataset built in memory, as a source: its canonical JSON document (the model dumped as
    JSON, field order as declared) is what is validated, decided, hashed and archived, exactly as
    if it had been written to a `.json` file and checked from there (same digest too). It is
    validated again with the models it was built with (plugin-declared fields included)."""
    return _document(orjson.dumps(dataset.model_dump(mode="json")), IN_MEMORY, models_of(dataset), keep_bytes=True)


def _document(data: bytes, file: str, models: Models, *, path: Path | None = None,
              keep_bytes: bool = False) -> Source:
    """A dataset as one JSON document: the header validated now, the institutions kept parsed."""
    raw = _loads(data, file)
    if is_school_record(raw) or is_school_list(raw):  # a school's own export: accepted beside the bureau's data
        raise InputError([school_alone(file, raw if isinstance(raw, list) else [raw])])
    if not isinstance(raw, dict):
        raise _file_issue(file, "not_an_object")
    institutions = raw.pop("institutions", [])
    if not isinstance(institutions, list):
        raise InputError([InputIssue("not_a_list", file, "", "institutions")])
    header = parse_dataset(raw, file, models)
    return Source(file, header, hashlib.sha256(data).hexdigest(), len(institutions), path=path,
                  _raw=institutions, _bytes=data if keep_bytes else None)


def add_unique(seen: set[str], rows: list[tuple[str, str]], file: str) -> None:
    """Add a chunk's (institution id, row label) pairs to the ids seen so far; an id seen before
    is an input error naming the row that repeats it (the line of a JSON Lines file)."""
    dupes = []
    for ident, row in rows:  # one pass: catches repeats within the chunk as well as across chunks
        if ident in seen:
            dupes.append((ident, row))
        seen.add(ident)
    if dupes:
        raise InputError([InputIssue("duplicate_id", file, f"{row} (id={d})", "id",
                                     {"id": d, "table": "institutions"}) for d, row in dupes])


def validate_chunk(chunk: RawChunk, header: Dataset, file: str, models: Models | None = None) -> list[Institution]:
    """Validate a chunk of institutions against the model and the header's districts.

    Without `models`, the institution model is the one the header was validated with, so
    a streamed check needs no more than `open_source(path, models)`."""
    models = models or models_of(header)
    model = models.institution
    districts = {d.id for d in header.districts}
    out: list[Institution] = []
    issues: list[InputIssue] = []
    for row, obj in chunk.rows:
        try:
            inst = (obj if isinstance(obj, model)  # a row of a form, validated as it was read
                    else model.model_validate_json(obj) if isinstance(obj, (bytes, str))
                    else model.model_validate(obj))
        except ValidationError as exc:
            for issue in label_issues(issues_from(exc, file, None, model), models, Entity.INSTITUTION):
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


def read_dataset(path: str | Path, models: Models = CORE_MODELS) -> tuple[Dataset, bytes]:
    """The whole dataset in memory, validated exactly as a streamed check validates it (small data,
    tests); returns the model and the file's bytes."""
    source = open_source(path, models)
    institutions, seen = [], set[str]()
    for chunk in source.chunks():
        valid = validate_chunk(chunk, source.header, source.name)
        add_unique(seen, [(i.id, row) for i, (row, _) in zip(valid, chunk.rows, strict=True)], source.name)
        institutions += valid
    if source._bytes is not None:  # 填报表: the document they were read as
        return source.header.model_copy(update={"institutions": institutions}), source._bytes
    assert source.path is not None
    return source.header.model_copy(update={"institutions": institutions}), source.path.read_bytes()
