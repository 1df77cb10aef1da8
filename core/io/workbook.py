"""Reading 填报表 back: XLSX workbooks, CSV files and folders of them, as one dataset.

The sheets are laid out by `tabular.layout` (the model's own shape). Every row becomes the JSON
object the model reads, remembering the cell each value came from; the assembled document is
validated with the same (plugin-extended) models as a JSON file, and every problem is reported
at its cell: file, sheet, row, column as Excel letter and header, the value found and what was
expected, in Chinese and English, all problems of a file at once (up to `MAX_ISSUES_PER_FILE`).
A folder is one dataset: a school in two files is an error naming both, and nothing of a
rejected folder is checked or stored.

What is accepted as people type it: dates as 2025-09-01, 2025/9/1, 2025年9月1日 or a date
cell; enumerations by Chinese label (小学), alias or value; 是/否 for yes/no; a merged cell
stands for every cell it covers; empty rows are skipped; the guide row (例：…) of a generated
form is not data. The dataset read is the model dumped as JSON (`memory_source`), so a workbook
exported from a JSON file and read back has that dataset's hash.

JSON among the forms (`--data` repeated, or in the folder): a dataset or JSON Lines file brings
its header (which must agree with the other files') and its records; a school's own record
(core/io/shapes.py) is that school. JSON files are merged first, so a bureau's dataset gives
whole records that schools' workbooks only repeat. Files in a folder that are clearly no data
are skipped and listed (`data_files`, printed by the check); a spreadsheet or archive not read
here is refused with its name. A 填报情况 cell (tabular.py) makes a list empty or leaves it out.
"""

from __future__ import annotations

import csv
import gc
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from pydantic import ValidationError

from ..model.errors import DataCheck, InputError, InputIssue
from ..model.extensions import Entity, Models, label_issues
from .encodings import decode_text, sniff
from .loading import issues_from
from .shapes import is_school_list, is_school_record, load_json, school_alone
from .tabular import (
    GUIDE_PREFIX,
    HEADER_SHEET,
    INSTRUCTIONS_SHEET,
    NO_RECORDS,
    OPTIONS_SHEET,
    REPORTED,
    STATUS_LABELS,
    UNREPORTED,
    Column,
    Kind,
    Table,
    is_personal_header,
    key_header,
    layout,
    to_json,
)

MAX_ISSUES_PER_FILE = 200
TABULAR_SUFFIXES = (".xlsx", ".xlsm", ".csv")
JSON_SUFFIXES = (".json", ".jsonl")
# In a folder: files that hold data in a form not read here (an old workbook, another spreadsheet, an
# archive) are refused with their name, never skipped: a school's data would silently be missing.
REFUSED_IN_FOLDER = (".xls", ".xlsb", ".et", ".ods", ".numbers", ".zip", ".rar", ".7z", ".tsv")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass(slots=True)
class Cell:
    column: int  # 0-based
    header: str
    value: Any


@dataclass(slots=True)
class SheetColumns:
    """How one sheet's columns map to fields (shared by its rows)."""

    headers: list[str]
    at: dict[tuple[str, ...], int]  # field path -> column index
    missing: dict[tuple[str, ...], str]  # required fields whose column the sheet lacks -> header


@dataclass(slots=True)
class RowOrigin:
    """Where a JSON object of the assembled document came from: its row, kept as read, so a cell
    is only made into words when an error names it."""

    file: str
    sheet: str
    row: int  # as Excel numbers it (1-based)
    table: Table
    columns: SheetColumns
    values: list[Any]

    @property
    def missing(self) -> dict[tuple[str, ...], str]:
        return self.columns.missing

    def cell(self, path: tuple[str, ...]) -> Cell | None:
        i = self.columns.at.get(path)
        if i is None or i >= len(self.values) or _blank(self.values[i]):
            return None
        return Cell(i, self.columns.headers[i], self.values[i])

    def where(self) -> str:
        return f"工作表「{self.sheet}」第{self.row}行 / sheet '{self.sheet}' row {self.row}"


@dataclass(slots=True)
class JsonOrigin:
    """Where an object read from a JSON file came from: the file and its place in it."""

    file: str
    label: str  # "institutions[3] (id=S1)", "学校记录 / school record (id=S1)", "第5行 / line 5 (id=S1)"
    missing: ClassVar[dict[tuple[str, ...], str]] = {}  # a JSON object names its own fields

    def where(self) -> str:
        return self.label


Origin = RowOrigin | JsonOrigin


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a folder that is clearly no data (a README, Excel's lock file, a hidden file),
    left out and said so in the check's output, so nothing disappears unseen."""

    path: Path
    reason_zh: str
    reason_en: str

    def __str__(self) -> str:
        return f"{self.path}（{self.reason_zh} / {self.reason_en}）"


@dataclass(slots=True)
class SheetData:
    file: str
    name: str
    rows: list[list[Any]]


def _issue(code: str, file: str, row: str = "", fld: str = "", **slots: Any) -> InputIssue:
    return InputIssue(code, file, row, fld, slots)


def cell_text(cell: Cell, *, echo: bool = True) -> str:
    shown = "" if not echo or cell.value in (None, "") else f"，填写值 / value: '{cell.value}'"
    return f"{column_letter(cell.column)}列「{cell.header}」 / column {column_letter(cell.column)} '{cell.header}'{shown}"


# ---- reading files into sheets ------------------------------------------------------------

def _xlsx_sheets(path: Path) -> list[SheetData]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # a corrupt or password-protected file
        raise InputError([_issue("broken_workbook", str(path), detail=f"{type(exc).__name__}: {exc}")]) from None
    out = []
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:  # a merged cell stands for every cell it covers
            if r0 >= len(rows) or c0 >= len(rows[r0]):
                continue
            value = rows[r0][c0]
            for r in range(r0, min(r1 + 1, len(rows))):
                row = rows[r]
                row.extend([""] * (c1 + 1 - len(row)))
                for c in range(c0, c1 + 1):
                    row[c] = value
        out.append(SheetData(str(path), name, rows))
    return out


def _csv_sheet(path: Path, tables: dict[str, Table]) -> SheetData:
    text, _ = decode_text(path.read_bytes())
    rows = [list(r) for r in csv.reader(io.StringIO(text))]
    stem = path.stem
    name = next((s for s in sorted(tables, key=len, reverse=True) if stem == s or stem.endswith(("-" + s, "_" + s, " " + s))),
                stem)
    return SheetData(str(path), name, rows)


def data_files(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """The files a `--data` list stands for (a folder: every file in it, sorted, subfolders too),
    and those of its folders left out as clearly no data, each with the reason. A file given by
    name is always read (an unsupported one is then an error naming it)."""
    out: list[Path] = []
    skipped: list[Skipped] = []
    for p in paths:
        if not p.is_dir():
            out.append(p)
            continue
        for root, dirs, names in os.walk(p):
            for d in sorted(dirs):
                if d.startswith("."):  # .git, .Trash: one note for the whole folder, not one per file
                    skipped.append(Skipped(Path(root) / d, "隐藏文件夹", "hidden folder"))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                f = Path(root) / name
                suffix = f.suffix.lower()
                if name.startswith("~$"):
                    skipped.append(Skipped(f, "Excel打开时的临时锁文件", "Excel's lock file of an open workbook"))
                elif name.startswith("."):
                    skipped.append(Skipped(f, "隐藏文件", "hidden file"))
                elif suffix in TABULAR_SUFFIXES or suffix in JSON_SUFFIXES or suffix in REFUSED_IN_FOLDER:
                    out.append(f)
                else:
                    skipped.append(Skipped(f, "不是数据文件，只读 .xlsx、.csv、.json、.jsonl",
                                           "not a data file; only .xlsx, .csv, .json, .jsonl are read"))
    return out, skipped


def _files(paths: Iterable[Path]) -> list[Path]:
    """The data files, each once: a file given twice (by name and in its folder) is one file."""
    seen: set[Path] = set()
    out = []
    for f in data_files(paths)[0]:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# ---- assembling the document ---------------------------------------------------------------

@dataclass(slots=True)
class _Assembly:
    models: Models
    tables: list[Table]
    doc: dict[str, Any] = field(default_factory=dict)
    origins: dict[int, Origin] = field(default_factory=dict)
    issues: list[InputIssue] = field(default_factory=list)
    # table code -> parent key tuple -> (row object, origin)
    index: dict[str, dict[tuple[str, ...], tuple[dict[str, Any], Origin]]] = field(default_factory=dict)
    header_origin: Origin | None = None
    school_records: list[Any] = field(default_factory=list)  # read from schools' own JSON files
    # 填报情况 cells: (the row object, its column, the state read, where, column index), checked
    # against the rows once every sheet is read (`_apply_statuses`)
    statuses: list[tuple[dict[str, Any], Column, Any, RowOrigin, int]] = field(default_factory=list)
    collapsed: set[tuple[str, str, tuple[str, ...]]] = field(default_factory=set)  # (file, table, key) rows dropped


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _set(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


def _key_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_sheet(a: _Assembly, table: Table, sheet: SheetData) -> None:
    rows = sheet.rows
    if not rows:
        return
    headers = [_key_text(h) if not _blank(h) else "" for h in rows[0]]
    by_header: dict[str, Column] = {}
    for c in table.columns:
        by_header[c.header] = c
        by_header.setdefault(c.code, c)  # the field path is accepted as a header too (export's CSV, scripts)
        if c.alt_header:
            by_header.setdefault(c.alt_header, c)
        by_header.setdefault(re.sub(r"（[^（）]*）$", "", c.header), c)  # the header without its unit
    keys = table.key_headers()
    position = "序号" if table.needs_position and not table.keyed else None
    mapped: dict[int, Column] = {}
    key_cols: dict[int, int] = {}
    position_col: int | None = None
    for i, h in enumerate(headers):
        if not h:
            continue
        if h in keys:
            key_cols[keys.index(h)] = i
        elif h == position:
            position_col = i
        elif h in by_header:
            mapped[i] = by_header[h]
        elif is_personal_header(h):
            a.issues.append(_issue("personal_column", sheet.file, _sheet_row(sheet.name, 1),
                                   cell_text(Cell(i, h, None)), header=h))
        else:
            a.issues.append(_issue("unknown_column", sheet.file, _sheet_row(sheet.name, 1), cell_text(Cell(i, h, None)),
                                   header=h, sheet=sheet.name))
    for k, head in enumerate(keys):
        if k not in key_cols:
            a.issues.append(_issue("missing_column", sheet.file, _sheet_row(sheet.name, 1), "", header=head,
                                   sheet=sheet.name))
            return
    present = {c.path for c in mapped.values()}
    missing = {c.path: c.header for c in table.columns if c.required and c.path not in present}
    for header in missing.values():
        a.issues.append(_issue("missing_column", sheet.file, _sheet_row(sheet.name, 1), "", header=header,
                               sheet=sheet.name))
    start = 1
    if len(rows) > 1:
        first = next((v for v in rows[1] if not _blank(v)), "")
        if isinstance(first, str) and first.startswith(GUIDE_PREFIX):
            start = 2  # the guide row of a generated form
    shared = SheetColumns(headers, {c.path: i for i, c in mapped.items()}, missing)
    statuses = [(i, col) for i, col in mapped.items() if col.kind == Kind.STATUS]
    flat = [(i, col, col.path[0] if len(col.path) == 1 else None) for i, col in mapped.items() if col.kind != Kind.STATUS]
    for r in range(start, len(rows)):
        values = rows[r]
        if all(v is None or v == "" or (isinstance(v, str) and not v.strip()) for v in values):
            continue  # an empty row between the entries
        origin = RowOrigin(sheet.file, sheet.name, r + 1, table, shared, values)
        obj: dict[str, Any] = {}
        width = len(values)
        for i, col, name in flat:
            v = values[i] if i < width else None
            if v is None or v == "" or (isinstance(v, str) and not v.strip()):
                continue
            if name is not None:
                obj[name] = to_json(col, v)
            else:
                _set(obj, col.path, to_json(col, v))
        parent_key = tuple(_key_text(values[key_cols[k]]) if key_cols[k] < len(values) else ""
                           for k in range(len(keys)))
        _attach(a, table, obj, origin, parent_key, values, key_cols, position_col)
        if statuses:
            target = a.doc if table.parent is None else obj
            if a.origins.get(id(target)) is origin:  # a row kept (not a repeat dropped)
                for i, col in statuses:
                    v = values[i] if i < width else None
                    if not _blank(v):
                        a.statuses.append((target, col, to_json(col, v), origin, i))


def _apply_statuses(a: _Assembly) -> None:
    """填报情况 against the rows: 无记录 makes the list empty ("none happened"), 未填报 leaves it out
    (not reported: 缺数据), 已填报 asks for rows; a state the rows contradict is an error at its cell."""
    sheets = {t.code: t.sheet for t in a.tables}
    for target, col, state, origin, i in a.statuses:
        holder: Any = target
        for part in col.path[:-1]:
            holder = holder.setdefault(part, {}) if isinstance(holder, dict) else None
        if not isinstance(holder, dict):
            continue
        rows = holder.get(col.path[-1])
        count = len(rows) if isinstance(rows, list) else 0
        cell = Cell(i, col.header, origin.values[i])
        if state not in STATUS_LABELS:
            a.issues.append(_issue("not_allowed", origin.file, origin.where(), cell_text(cell),
                                   allowed_zh="、".join(STATUS_LABELS), allowed_en=", ".join(STATUS_LABELS)))
        elif (state == REPORTED) != (count > 0):
            a.issues.append(_issue("inconsistent_values", origin.file, origin.where(), cell_text(cell),
                                   name_label=col.header, name=col.code, value=state,
                                   other_label=f"工作表「{sheets[col.status_of]}」中本行的记录",
                                   other=f"rows in sheet '{sheets[col.status_of]}'", other_value=f"{count}行 / rows"))
        elif state == NO_RECORDS:
            holder[col.path[-1]] = []
        elif state == UNREPORTED:
            holder.pop(col.path[-1], None)


def _sheet_row(sheet: str, row: int) -> str:
    return f"工作表「{sheet}」第{row}行 / sheet '{sheet}' row {row}"


def _attach(a: _Assembly, table: Table, obj: dict[str, Any], origin: RowOrigin, parent_key: tuple[str, ...],
            values: list[Any], key_cols: dict[int, int], position_col: int | None) -> None:
    if table.parent is None:  # the dataset's own row
        if a.header_origin is not None:
            first = a.header_origin
            if not _same_header(a.models, a.doc, obj):
                a.issues.append(_issue("conflicting_rows", origin.file, origin.where(), "", sheet=origin.sheet,
                                       other=f"{first.file} {first.where()}"))
            return
        a.doc.update(obj)
        a.header_origin = origin
        a.origins[id(a.doc)] = origin
        return
    if (origin.file, table.parent.code, parent_key) in a.collapsed:
        # a record of a row kept from an earlier file (the district every school's workbook repeats)
        if table.keyed:
            a.collapsed.add((origin.file, table.code, (*parent_key, _key_text(obj.get("id", "")))))
        return
    parent_index = a.index.get(table.parent.code, {}) if table.parent.parent is not None else None
    if parent_index is None:
        parent_obj = a.doc
    else:
        found = parent_index.get(parent_key)
        if found is None:
            k = len(parent_key) - 1
            a.issues.append(_issue("unknown_parent", origin.file, origin.where(),
                                   cell_text(Cell(key_cols[k], key_header(table.parent), parent_key[k])),
                                   value="/".join(parent_key), sheet=table.parent.sheet))
            return
        parent_obj = found[0]
    holder = parent_obj
    for part in table.via:
        holder = holder.setdefault(part, {})
    siblings = holder.setdefault(table.list_field, [])
    if parent_index is None and not table.keyed and any(
            _same_record(x, obj) and ((o := a.origins.get(id(x))) is None or o.file != origin.file) for x in siblings):
        return  # the city's records, repeated in every school's workbook (or in a JSON dataset), are kept once
    own = a.index.setdefault(table.code, {})
    if table.keyed:
        ident = obj.get("id")
        key = (*parent_key, _key_text(ident) if ident is not None else "")
        if ident is not None and key in own:
            prev_obj, prev = own[key]
            if prev.file != origin.file and table.parent.parent is None and table.list_field not in (
                    "institutions", "stations") and _same_fields(prev_obj, obj):
                # the same district in every school's workbook: the first file's row and records are kept
                a.collapsed.add((origin.file, table.code, key))
                return
            a.issues.append(_issue("duplicate_row", origin.file, origin.where(),
                                   cell_text(origin.cell(("id",)) or Cell(0, "编号", ident)),
                                   id=_key_text(ident), sheet=table.sheet, other=f"{prev.file} {prev.where()}"))
            a.collapsed.add((origin.file, table.code, key))  # its records are not reported again
            return
        own[key] = (obj, origin)
    elif table.needs_position:
        pos = _key_text(values[position_col]) if position_col is not None and position_col < len(values) else ""
        own[(*parent_key, pos or str(len(siblings) + 1))] = (obj, origin)
    siblings.append(obj)
    a.origins[id(obj)] = origin


def _same_record(a: Any, b: Any) -> bool:
    """The same record, a JSON null being an empty cell."""
    def plain(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: plain(v) for k, v in x.items() if v is not None}
        return [plain(v) for v in x] if isinstance(x, list) else x
    return a == b or plain(a) == plain(b)


def _same_fields(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two rows with the same cells (the records attached to the first since are not compared; a
    JSON null is an empty cell)."""
    def cells(x: dict[str, Any]) -> dict[str, Any]:
        return {k: cells(v) if isinstance(v, dict) else v for k, v in x.items()
                if not isinstance(v, list) and v is not None}
    return cells(a) == cells(b)


def _same_header(models: Models, x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Two dataset headers (city, as-of date …; record lists aside) say the same, defaults filled in:
    a workbook's 数据集 row that leaves 数据格式版本 empty agrees with a JSON header giving 1."""
    def header(d: dict[str, Any]) -> dict[str, Any]:
        own = {k: v for k, v in d.items() if not isinstance(v, list)}
        try:
            return models.dataset.model_validate(own).model_dump(mode="json", exclude_none=True)
        except ValidationError:
            return own  # invalid: compared as given (the error itself is reported by validation)
    return _same_fields(header(x), header(y))


# ---- JSON files among the forms: a dataset, or a school's own record ------------------------

def _json_document(f: Path, file: str) -> tuple[dict[str, Any], str]:
    """A JSON or JSON Lines file as (a dataset-shaped object, how its institutions are named):
    a dataset as it is; a school record (or a list of them) as a dataset of those institutions,
    without a header. Raises InputError for a file that is neither."""
    data = f.read_bytes()
    if f.suffix.lower() == ".jsonl":
        lines = [(n, line) for n, line in enumerate(data.splitlines(), start=1) if line.strip()]
        objs = [load_json(line, file, f"第{n}行 / line {n}") for n, line in lines]
        if not objs:
            return {}, "line"
        if is_school_record(objs[0]):
            return {"institutions": objs}, "line"
        head = objs[0]
        if not isinstance(head, dict) or "institutions" in head:
            raise InputError([_issue("bad_header", file, "第1行 / line 1")])
        return {**head, "institutions": objs[1:]}, "line+1"
    raw = load_json(data, file)
    if is_school_record(raw):
        return {"institutions": [raw]}, "school"
    if is_school_list(raw):
        return {"institutions": raw}, "list"
    if not isinstance(raw, dict):
        raise InputError([_issue("not_an_object", file)])
    return raw, "dataset"


def _json_label(style: str, key: str, k: int, item: Any) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    tail = f" (id={ident})" if isinstance(ident, str) else ""
    if key == "institutions" and style == "school":
        return f"学校记录 / school record{tail}"
    if key == "institutions" and style.startswith("line"):
        n = k + (2 if style == "line+1" else 1)
        return f"第{n}行 / line {n}{tail}"
    return f"[{k}]{tail}" if style == "list" else f"{key}[{k}]{tail}"


def _read_json(a: _Assembly, f: Path) -> None:
    """Merge a JSON file into the dataset being assembled: its header (if it has one) must agree with
    the header read so far; its districts, schools, stations … join those of the other files, a
    school (or station) in two files being an error naming both, the same district repeated kept once."""
    file = str(f)
    try:
        got = _json_document(f, file)
    except InputError as exc:
        a.issues += exc.issues
        return
    doc, style = got
    top = {t.list_field: t for t in a.tables if t.parent is not None and t.parent.parent is None and not t.via}
    header = {k: v for k, v in doc.items() if not (k in top and isinstance(v, list))}
    if header:
        origin = JsonOrigin(file, "数据集信息 / dataset header")
        if a.header_origin is None:
            a.doc.update(header)
            a.header_origin = origin
            a.origins[id(a.doc)] = origin
        elif not _same_header(a.models, a.doc, header):
            first = a.header_origin
            a.issues.append(_issue("conflicting_rows", file, origin.where(), "", sheet=HEADER_SHEET,
                                   other=f"{first.file} {first.where()}"))
    for key, table in top.items():
        items = doc.get(key)
        if not isinstance(items, list):
            continue
        if key == "institutions" and style != "dataset":
            a.school_records += items
        if not isinstance(a.doc.get(key), list):
            a.doc[key] = []
        siblings: list[Any] = a.doc[key]
        own = a.index.setdefault(table.code, {})
        for k, item in enumerate(items):
            origin = JsonOrigin(file, _json_label(style, key, k, item))
            ident = item.get("id") if isinstance(item, dict) else None
            if table.keyed and isinstance(ident, str):
                at = (_key_text(ident),)
                if at in own:
                    prev_obj, prev = own[at]
                    if prev.file != file and key not in ("institutions", "stations") and _same_fields(prev_obj, item):
                        continue  # the same district in the bureau's file and a school's: kept once
                    a.issues.append(_issue("duplicate_row", file, origin.where(), "id", id=ident, sheet=table.sheet,
                                           other=f"{prev.file} {prev.where()}"))
                    continue
                own[at] = (item, origin)
            elif not table.keyed and any(_same_record(x, item) and ((o := a.origins.get(id(x))) is None or o.file != file)
                                         for x in siblings):
                continue  # dataset-wide records repeated in several files are kept once
            siblings.append(item)
            if isinstance(item, dict):
                a.origins[id(item)] = origin


# ---- locating a validation error at its cell -----------------------------------------------

def _locate(a: _Assembly, loc: list[Any]) -> tuple[Origin | None, tuple[Any, ...]]:
    obj: Any = a.doc
    origin = a.origins.get(id(a.doc))
    rel: list[Any] = []
    for part in loc:
        try:
            obj = obj[part]
        except (KeyError, IndexError, TypeError):
            obj = None
        if isinstance(obj, dict) and id(obj) in a.origins:
            origin, rel = a.origins[id(obj)], []
        else:
            rel.append(part)
    return origin, tuple(rel)


def _json_path(parts: tuple[Any, ...]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _at_cell(issue: InputIssue, origin: Origin | None, rel: tuple[Any, ...]) -> InputIssue:
    if origin is None:
        return issue
    if isinstance(origin, JsonOrigin):  # a JSON object: its field path, as a JSON file's errors name it
        return _replace(issue, origin.file, origin.where(), _json_path(rel))
    rel = tuple(p for p in rel if isinstance(p, str))  # a row's cells: no list positions
    echo = issue.code != "identity_number"  # an identity number is not repeated back
    for n in range(len(rel), 0, -1):
        path = rel[:n]
        cell = origin.cell(path)
        if cell is not None:
            return _replace(issue, origin.file, origin.where(), cell_text(cell, echo=echo))
        if path in origin.missing:
            head = origin.missing[path]
            return _replace(issue, origin.file, origin.where(), f"缺少列「{head}」 / no column '{head}'")
        col = next((c for c in origin.table.columns if c.path == path), None)
        if col is not None:
            return _replace(issue, origin.file, origin.where(), f"列「{col.header}」（空） / column '{col.header}' (empty)")
    return _replace(issue, origin.file, origin.where(), ".".join(rel))


def _replace(issue: InputIssue, file: str, row: str, fld: str) -> InputIssue:
    return InputIssue(issue.code, file, row, fld, issue.slots, issue.label)


def _validation_issues(a: _Assembly, exc: ValidationError, name: str) -> list[InputIssue]:
    raw = issues_from(exc, name, a.doc, a.models.dataset)
    raw = label_issues(raw, a.models, Entity.DATASET)
    out = []
    for issue, err in zip(raw, exc.errors(), strict=True):
        loc = list(err["loc"])
        check = (err.get("ctx") or {}).get("error")
        if isinstance(check, DataCheck):
            if check.at and not err["loc"]:
                loc = list(check.at)
            elif check.on:
                loc = [*loc, check.on]
        origin, rel = _locate(a, loc)
        cells = tuple(p for p in rel if isinstance(p, str))
        if origin is not None and issue.code == "missing" and cells and origin.missing.get(cells) is not None:
            continue  # the missing column was reported once for the sheet
        out.append(_at_cell(issue, origin, rel))
    return out


def _cap(issues: list[InputIssue]) -> list[InputIssue]:
    """At most MAX_ISSUES_PER_FILE issues of each file, and a note of how many more."""
    out: list[InputIssue] = []
    per: dict[str, int] = {}
    for i in issues:
        per[i.file] = per.get(i.file, 0) + 1
        if per[i.file] <= MAX_ISSUES_PER_FILE:
            out.append(i)
    for f, n in per.items():
        if n > MAX_ISSUES_PER_FILE:
            out.append(_issue("too_many_issues", f, more=n - MAX_ISSUES_PER_FILE, limit=MAX_ISSUES_PER_FILE))
    return out


def read_document(paths: list[Path], models: Models, name: str) -> tuple[Any, list[Path]]:
    """The dataset in these workbooks, CSV files and folders, validated: (the model instance, the
    files read). Raises InputError listing every problem, each at its cell.

    The cyclic garbage collector is paused meanwhile: a bureau's workbook makes millions of
    objects that all live until the end, and collecting them over and over tripled the time of a
    10,000-school read (nothing read here forms a cycle worth collecting early)."""
    was = gc.isenabled()
    gc.disable()
    try:
        return _read_document(paths, models, name)
    finally:
        if was:
            gc.enable()


def _read_document(paths: list[Path], models: Models, name: str) -> tuple[Any, list[Path]]:
    tables = layout(models)
    by_name = {t.sheet: t for t in tables} | {t.code: t for t in tables if t.code}
    a = _Assembly(models, tables)
    files = _files(paths)
    if not files:
        raise InputError([_issue("no_file", name)])
    grouped: dict[str, list[SheetData]] = {}
    json_files: list[Path] = []
    for f in files:
        kind = f.suffix.lower()
        if not f.is_file():
            a.issues.append(_issue("no_file", str(f)))
            continue
        sniffed = sniff(f) if kind in JSON_SUFFIXES or kind in REFUSED_IN_FOLDER else ""
        if kind in JSON_SUFFIXES and not sniffed:
            json_files.append(f)
            continue
        if kind in JSON_SUFFIXES and sniffed != "xlsx":  # an old workbook or an archive named .json
            what = ("旧版Excel文件（.xls）", "an old Excel file (.xls)") if sniffed == "xls" else ("ZIP压缩包", "a ZIP archive")
            a.issues.append(_issue("wrong_format", str(f), what_zh=what[0], what_en=what[1],
                                   hint_zh="请另存为 .xlsx 或解压后放入文件夹", hint_en="save it as .xlsx or unpack it into the folder"))
            continue
        if kind == ".csv":
            sheets = [_csv_sheet(f, by_name)]
        elif kind in (".xlsx", ".xlsm") or sniffed == "xlsx" or (kind not in JSON_SUFFIXES and sniff(f) == "xlsx"):
            sheets = _xlsx_sheets(f)
        else:
            a.issues.append(_issue("unsupported_format", str(f), suffix=f.suffix))
            continue
        for s in sheets:
            if s.name in (INSTRUCTIONS_SHEET, OPTIONS_SHEET):
                continue
            table = by_name.get(s.name)
            if table is None:
                if any(not _blank(v) for r in s.rows for v in r):
                    a.issues.append(_issue("unknown_sheet", s.file, _sheet_row(s.name, 1), "", sheet=s.name,
                                           known="、".join(t.sheet for t in tables)))
                continue
            grouped.setdefault(table.code, []).append(s)
    # JSON files first: a bureau's dataset brings the header and whole records (a district's
    # teacher-development centre, the city's events) that the schools' workbooks only repeat in part.
    for f in json_files:
        _read_json(a, f)
    for table in tables:  # parents before children, whatever file they are in
        for s in grouped.get(table.code, []):
            _read_sheet(a, table, s)
    _apply_statuses(a)
    if a.header_origin is None and not any(i.code in ("no_file", "broken_file") for i in a.issues):
        if a.school_records:  # only schools' own records: the bureau's header is what is missing
            a.issues.append(school_alone(name, a.school_records))
        else:
            a.issues.append(_issue("missing_sheet", name, "", "", sheet=HEADER_SHEET))
    if a.issues:
        raise InputError(_cap(a.issues))
    try:
        dataset = models.dataset.model_validate(a.doc)
    except ValidationError as exc:
        raise InputError(_cap(_validation_issues(a, exc, name))) from None
    return dataset, files
