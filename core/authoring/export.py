"""Writing a dataset as a 填报表 workbook (`mhpolicy export`), and the sheet writer the
template (template.py) shares.

The layout is `core/io/tabular.py`'s, walked from the models: the workbook read back with
`mhpolicy check --data x.xlsx` is the same dataset, with the same hash and the same findings
(tests/test_forms_roundtrip.py, every installed city). Written with openpyxl in write-only mode,
so a bureau's 10,000 schools are written row by row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..io.tabular import (
    GUIDE_PREFIX,
    INSTRUCTIONS_SHEET,
    OPTIONS_SHEET,
    STATUS_LABELS,
    Column,
    Kind,
    Table,
    enum_labels,
    layout,
    to_cell,
)
from ..model.extensions import Models
from ..terminal import display_width

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
KEY_FILL = PatternFill("solid", fgColor="1F3864")
GUIDE_FONT = Font(italic=True, color="7F7F7F")
FIRST_ROW = 3  # row 1 headers, row 2 the guide (例：…), data from row 3


@dataclass(slots=True)
class SheetPlan:
    """A table as written: the columns chosen (all, or those the chosen cities read)."""

    table: Table
    columns: list[Column]
    readers: dict[str, list[str]] = field(default_factory=dict)  # column code -> rule ids reading it


def _get(obj: dict[str, Any], path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def rows_of(doc: dict[str, Any], table: Table, columns: Sequence[Column]) -> Iterator[list[Any]]:
    """The rows of one table in a dataset's JSON document: parent keys, 序号, then the columns."""
    def walk(t: Table) -> Iterator[tuple[dict[str, Any], list[Any]]]:
        if t.parent is None:
            yield doc, []
            return
        for parent, keys in walk(t.parent):
            holder: Any = parent
            for part in t.via:
                holder = holder.get(part) if isinstance(holder, dict) else None
            items = holder.get(t.list_field, []) if isinstance(holder, dict) else []
            for n, item in enumerate(items or [], start=1):
                own = item.get("id") if t.keyed else n
                yield item, [*keys, own]

    for obj, keys in walk(table):
        parent_keys = keys[:-1] if table.parent is not None else []
        position = [keys[-1]] if table.needs_position and not table.keyed else []
        yield [*parent_keys, *position, *(to_cell(c, _get(obj, c.path)) for c in columns)]


def _header_cells(ws: Any, plan: SheetPlan) -> list[Any]:
    cells = []
    keys = len(plan.table.key_headers()) + (1 if plan.table.needs_position and not plan.table.keyed else 0)
    headers = [*plan.table.key_headers(), *(["序号"] if keys > len(plan.table.key_headers()) else []),
               *(c.header for c in plan.columns)]
    for i, h in enumerate(headers):
        cell = WriteOnlyCell(ws, value=h)
        cell.font = HEADER_FONT
        cell.fill = KEY_FILL if i < keys else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cells.append(cell)
    return cells


def _guide(c: Column) -> str:
    bits = []
    if c.kind == Kind.DATE or c.item == Kind.DATE:
        bits.append("日期 YYYY-MM-DD，也可 2025/9/1")
    if c.kind == Kind.BOOL:
        bits.append("是/否")
    if c.kind == Kind.STATUS:
        bits.append("下拉选择；本期无此类记录选无记录，未填写选未填报")
    if c.enum is not None:
        bits.append("下拉选择")
    if c.kind == Kind.LIST:
        bits.append("多个用、分隔")
    if c.ge is not None and c.le is not None:
        bits.append(f"{c.ge:g}–{c.le:g}{c.unit}")
    if c.required:
        bits.append("必填")
    example = "" if c.example is None else str(c.example)
    return f"{GUIDE_PREFIX}{example}" + (f"（{'；'.join(bits)}）" if bits else "")


def _guide_cells(ws: Any, plan: SheetPlan) -> list[Any]:
    keys = len(plan.table.key_headers()) + (1 if plan.table.needs_position and not plan.table.keyed else 0)
    values = [f"{GUIDE_PREFIX}{'XX-01' if i < len(plan.table.key_headers()) else 1}（上级表中的编号）"
              if i < keys else None for i in range(keys)]
    values += [_guide(c) for c in plan.columns]
    out = []
    for v in values:
        cell = WriteOnlyCell(ws, value=v)
        cell.font = GUIDE_FONT
        out.append(cell)
    return out


def _validations(ws: Any, plan: SheetPlan, options: dict[str, str], last_row: int) -> None:
    offset = len(plan.table.key_headers()) + (1 if plan.table.needs_position and not plan.table.keyed else 0)
    for i, c in enumerate(plan.columns):
        letter = get_column_letter(offset + i + 1)
        ref = f"{letter}{FIRST_ROW}:{letter}{last_row}"
        dv: DataValidation | None = None
        if c.kind == Kind.ENUM and c.enum is not None:
            dv = DataValidation(type="list", formula1=options[c.enum.__name__], allow_blank=True)
        elif c.kind == Kind.BOOL:
            dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
        elif c.kind == Kind.STATUS:
            dv = DataValidation(type="list", formula1=f'"{",".join(STATUS_LABELS)}"', allow_blank=True)
        elif c.kind == Kind.DATE:
            dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                                formula2="DATE(2100,12,31)", allow_blank=True)
        elif c.kind in (Kind.INT, Kind.FLOAT) and c.ge is not None and c.le is not None:
            dv = DataValidation(type="whole" if c.kind == Kind.INT else "decimal", operator="between",
                                formula1=f"{c.ge:g}", formula2=f"{c.le:g}", allow_blank=True)
        if dv is None:
            continue
        dv.error = f"{c.header}：{_guide(c).removeprefix(GUIDE_PREFIX)}"
        dv.errorTitle = "取值不符 / invalid value"
        dv.showErrorMessage = True
        dv.add(ref)
        ws.data_validations.append(dv)


def _options_sheet(wb: Workbook, plans: Sequence[SheetPlan]) -> dict[str, str]:
    """A hidden sheet with each enumeration's labels in a column; dropdowns refer to its ranges."""
    enums: dict[str, Any] = {}
    for p in plans:
        for c in p.columns:
            if c.enum is not None:
                enums.setdefault(c.enum.__name__, c.enum)
    ws = wb.create_sheet(OPTIONS_SHEET)
    ws.sheet_state = "hidden"
    columns = [[name, *enum_labels(e)] for name, e in enums.items()]
    height = max((len(c) for c in columns), default=0)
    for r in range(height):
        ws.append([c[r] if r < len(c) else None for c in columns])
    return {name: f"{OPTIONS_SHEET}!${get_column_letter(i + 1)}$2:${get_column_letter(i + 1)}${len(col)}"
            for i, (name, col) in enumerate(zip(enums, columns, strict=True))}


def write_workbook(path: str | Path, plans: Sequence[SheetPlan], doc: dict[str, Any] | None, *,
                   instructions: Sequence[Sequence[Any]] = (), blank_rows: int = 500) -> Path:
    """Write the sheets (headers, guide row, data rows of `doc` if given, dropdowns, validation,
    frozen header, widths) and, first, an instructions sheet when `instructions` are given."""
    wb = Workbook(write_only=True)
    if instructions:
        ws = wb.create_sheet(INSTRUCTIONS_SHEET)
        ws.column_dimensions["A"].width = 24
        for col in "BCDE":
            ws.column_dimensions[col].width = 40
        for line in instructions:
            ws.append(list(line))
    sheets = [(p, wb.create_sheet(p.table.sheet)) for p in plans]
    options = _options_sheet(wb, plans)
    for plan, ws in sheets:
        headers = _header_cells(ws, plan)
        for i, cell in enumerate(headers):
            ws.column_dimensions[get_column_letter(i + 1)].width = min(max(10, display_width(str(cell.value)) + 4), 40)
        ws.freeze_panes = f"A{FIRST_ROW}"
        ws.append(headers)
        ws.append(_guide_cells(ws, plan))
        n = 0
        if doc is not None:
            for n, row in enumerate(rows_of(doc, plan.table, plan.columns), start=1):  # noqa: B007
                ws.append(row)
        _validations(ws, plan, options, FIRST_ROW + n + blank_rows)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def export(doc: dict[str, Any], models: Models, out: str | Path) -> Path:
    """Every column of every sheet, filled with the dataset (`mhpolicy export`)."""
    plans = [SheetPlan(t, list(t.columns)) for t in layout(models)]
    return write_workbook(out, plans, doc, blank_rows=0)

