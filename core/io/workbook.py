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
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..model.errors import DataCheck, InputError, InputIssue
from ..model.extensions import Entity, Models, label_issues
from .encodings import decode_text, sniff
from .loading import issues_from
from .tabular import (
    GUIDE_PREFIX,
    HEADER_SHEET,
    INSTRUCTIONS_SHEET,
    OPTIONS_SHEET,
    Column,
    Table,
    is_personal_header,
    key_header,
    layout,
    to_json,
)

MAX_ISSUES_PER_FILE = 200
TABULAR_SUFFIXES = (".xlsx", ".xlsm", ".csv")


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


def _files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TABULAR_SUFFIXES
                          and not f.name.startswith(("~$", ".")))  # Excel's lock files
        else:
            out.append(p)
    return out


# ---- assembling the document ---------------------------------------------------------------

@dataclass(slots=True)
class _Assembly:
    models: Models
    tables: list[Table]
    doc: dict[str, Any] = field(default_factory=dict)
    origins: dict[int, RowOrigin] = field(default_factory=dict)
    issues: list[InputIssue] = field(default_factory=list)
    # table code -> parent key tuple -> (row object, origin)
    index: dict[str, dict[tuple[str, ...], tuple[dict[str, Any], RowOrigin]]] = field(default_factory=dict)
    header_origin: RowOrigin | None = None
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
    flat = [(i, col, col.path[0] if len(col.path) == 1 else None) for i, col in mapped.items()]
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


def _sheet_row(sheet: str, row: int) -> str:
    return f"工作表「{sheet}」第{row}行 / sheet '{sheet}' row {row}"


def _attach(a: _Assembly, table: Table, obj: dict[str, Any], origin: RowOrigin, parent_key: tuple[str, ...],
            values: list[Any], key_cols: dict[int, int], position_col: int | None) -> None:
    if table.parent is None:  # the dataset's own row
        if a.header_origin is not None:
            first = a.header_origin
            same = {k: v for k, v in a.doc.items() if not isinstance(v, list)} == obj
            if not same:
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
            x == obj and a.origins[id(x)].file != origin.file for x in siblings):
        return  # the city's records, repeated in every school's workbook, are kept once
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


def _same_fields(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two rows with the same cells (the records attached to the first since are not compared)."""
    def cells(x: dict[str, Any]) -> dict[str, Any]:
        return {k: cells(v) if isinstance(v, dict) else v for k, v in x.items() if not isinstance(v, list)}
    return cells(a) == cells(b)


# ---- locating a validation error at its cell -----------------------------------------------

def _locate(a: _Assembly, loc: list[Any]) -> tuple[RowOrigin | None, tuple[str, ...]]:
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
    return origin, tuple(p for p in rel if isinstance(p, str))


def _at_cell(issue: InputIssue, origin: RowOrigin | None, rel: tuple[str, ...]) -> InputIssue:
    if origin is None:
        return issue
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
        if origin is not None and issue.code == "missing" and rel and rel[:1] and origin.missing.get(rel) is not None:
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
    for f in files:
        kind = f.suffix.lower()
        if not f.is_file():
            a.issues.append(_issue("no_file", str(f)))
            continue
        if kind == ".csv":
            sheets = [_csv_sheet(f, by_name)]
        elif kind in (".xlsx", ".xlsm") or sniff(f) == "xlsx":
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
    for table in tables:  # parents before children, whatever file they are in
        for s in grouped.get(table.code, []):
            _read_sheet(a, table, s)
    if a.header_origin is None and not any(i.code == "no_file" for i in a.issues):
        a.issues.append(_issue("missing_sheet", name, "", "", sheet=HEADER_SHEET))
    if a.issues:
        raise InputError(_cap(a.issues))
    try:
        dataset = models.dataset.model_validate(a.doc)
    except ValidationError as exc:
        raise InputError(_cap(_validation_issues(a, exc, name))) from None
    return dataset, files
