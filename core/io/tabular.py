"""The dataset as tables (填报表): one sheet per kind of record, derived from the model.

Nothing here is written by hand per field: the layout is walked from the (possibly
plugin-extended) pydantic models (`Models`), so a field a plugin declares gets its column, and
a list of records it declares gets its sheet, without a change here.

- The dataset's own fields and its city (the single nested model) make the sheet 数据集, one row.
- Every list of records makes a sheet (学校基本信息 for `institutions`, 教职工 for
  `institutions[].staff`, 培训记录 for `institutions[].staff[].trainings` …). A row of a
  nested sheet names its parents by key columns (学校编号, 教职工编号; a parent without an `id`
  by its 序号, the 1-based position among its siblings).
- A single nested model (`counseling_room`) is flattened into its parent's row, column by
  column (`counseling_room.built`); all its cells empty means the model is absent.
- A list of plain values (grades, follow-up dates, room functions) is one cell, items separated
  by 、 (or ； , ;). Any other shape is a JSON text cell.
- A list of records the model lets be unreported (`list[X] | None`: None is 未报送 → 缺数据, [] is
  "none happened") gets a 填报情况 column on its parent's row (已填报 / 无记录 / 未填报), since
  "no rows" on a sheet cannot tell the two apart. Left empty it reads as before: rows mean
  reported, no rows unreported. A list the model defaults to [] gets no such column: the model
  (and so every rule) reads "none given" one way for it, and a choice that changes nothing would
  mislead the person filling the form in.

The same layout writes (core/authoring/export.py, template.py) and reads (workbook.py), which is
why a dataset exported and read back is the same document (same hash).
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model.extensions import Entity, Models
from ..model.vocabulary import LabelledEnum

HEADER_SHEET = "数据集"
INSTRUCTIONS_SHEET = "填表说明"
OPTIONS_SHEET = "选项"
GUIDE_PREFIX = "例："  # the second row of a generated sheet: an example and the unit, never data
LIST_SEPARATOR = "、"
_SPLIT = re.compile(r"\s*[、；;,，]\s*")

# Chinese names of the core fields (a field's own `title`, or a plugin's `label_zh`, wins).
LABELS: dict[str, str] = {
    "schema_version": "数据格式版本", "as_of": "数据截至日期", "code": "城市代码", "name": "名称",
    "id": "编号", "district_id": "所属区县编号", "kind": "类型", "public": "公办",
    "boarding_students": "寄宿生人数", "central_primary": "中心校", "class1_middle": "中学一类校",
    "small_scale": "小规模学校", "archives_kept": "建立心理健康档案", "referral_channel_established": "转介绿色通道建立日期",
    "leadership_group": "心理健康教育领导小组", "working_group": "工作小组", "crisis_group": "心理危机干预小组",
    "role": "岗位", "full_time": "专职", "qualified": "有资质", "backbone": "思政教育骨干", "campus": "校区",
    "date": "日期", "hours": "学时", "level": "级别", "topic": "主题", "grade": "年级", "stage": "学段",
    "students": "学生人数", "school_year": "学年", "lessons_per_two_weeks": "每两周课节数", "required": "必修",
    "credits": "学分", "held_by": "组织者教职工编号", "participants": "参加人数", "title": "标题",
    "grades": "年级（多个用、分隔）", "students_screened": "筛查人数", "consent_obtained": "已获知情同意",
    "case_id": "个案化名编号", "tier": "预警等级", "opened": "建档日期", "handling_level": "处置层级",
    "referred": "已转介", "follow_ups": "随访日期（多个用、分隔）", "closed": "结案日期", "semester": "学期",
    "built": "建成日期", "functions": "功能（多个用、分隔）", "equipment": "设备（多个用、分隔）",
    "opening_hours_per_week": "每周开放时长", "meets_standard": "达标", "total_minutes": "课后服务总时长",
    "interest_club_minutes": "兴趣和社团活动时长", "pe_minutes_in_school_per_day": "每天校内体育活动时间",
    "pe_minutes_out_of_school_per_day": "每天校外体育活动时间", "item": "确认事项编号", "value": "是否符合",
    "by": "确认人岗位", "note": "备注", "parent_id": "上级站点编号", "established": "建立日期",
    "city": "城市", "counseling_room": "心理辅导室", "teacher_development_center": "教师发展中心",
}
# Sheet names of the core lists (a plugin's list gets its `label_zh`); the path is without indexes.
SHEETS: dict[str, str] = {
    "districts": "区县", "institutions": "学校基本信息", "stations": "站点",
    "city.events": "全市活动", "city.attestations": "全市人工确认事项",
    "districts.events": "区县活动", "districts.attestations": "区县人工确认事项",
    "districts.teacher_development_center.staff": "教师发展中心人员",
    "districts.teacher_development_center.events": "教师发展中心活动",
    "institutions.campuses": "校区", "institutions.enrollment": "年级与班级", "institutions.staff": "教职工",
    "institutions.staff.trainings": "培训记录", "institutions.lessons": "课时安排", "institutions.courses": "课程",
    "institutions.events": "活动", "institutions.screenings": "测评筛查", "institutions.warning_cases": "预警个案",
    "institutions.home_visits": "家访", "institutions.after_school": "课后服务",
    "institutions.attestations": "人工确认事项",
    "stations.staff": "站点人员", "stations.events": "站点活动", "stations.attestations": "站点人工确认事项",
    "stations.staff.trainings": "站点人员培训记录", "stations.reports_sent": "站点报表报送",
    "districts.teacher_development_center.staff.trainings": "教师发展中心人员培训记录",
}
_ENTITY_OF_TOP = {"districts": Entity.DISTRICT, "institutions": Entity.INSTITUTION, "stations": Entity.STATION}


class Kind:
    TEXT, INT, FLOAT, BOOL, DATE, ENUM, LIST, JSON = "text", "int", "float", "bool", "date", "enum", "list", "json"
    STATUS = "status"  # whether a list of records was reported: 已填报 / 无记录 / 未填报


# The 填报情况 of a list the model lets be unreported, as the dropdown offers it, and what each means.
REPORTED, NO_RECORDS, UNREPORTED = "已填报", "无记录", "未填报"
STATUS_LABELS = (REPORTED, NO_RECORDS, UNREPORTED)
STATUS_SUFFIX = "填报情况"
_STATUS_WORDS = {REPORTED: REPORTED, "有记录": REPORTED, "reported": REPORTED,
                 NO_RECORDS: NO_RECORDS, "无": NO_RECORDS, "本期无": NO_RECORDS, "none": NO_RECORDS,
                 UNREPORTED: UNREPORTED, "未填": UNREPORTED, "未报送": UNREPORTED, "unreported": UNREPORTED,
                 "not reported": UNREPORTED}


@dataclass(slots=True)
class Column:
    """One column: a field of the row's model, or of a single model nested in it."""

    path: tuple[str, ...]  # relative to the row's model: ("hours",), ("counseling_room", "built")
    header: str  # Chinese header with the unit: "学时（小时）"
    kind: str
    owner: type[BaseModel]  # the model the last field belongs to (what a rule reading it touches)
    required: bool = False
    enum: type[Enum] | None = None
    item: str = ""  # for LIST: the kind of each item
    unit: str = ""
    ge: float | None = None
    le: float | None = None
    description: str = ""
    example: Any = None
    alt_header: str = ""  # the header as earlier forms wrote it, still read
    status_of: str = ""  # for STATUS: the code of the table whose rows it says were reported or not

    @property
    def code(self) -> str:
        return ".".join(self.path)


@dataclass(slots=True)
class Table:
    """A sheet: the records at one list path (`institutions.staff`), or the dataset header."""

    path: tuple[str, ...]  # fields from the dataset root, lists and single models alike
    sheet: str
    model: type[BaseModel]
    columns: list[Column]
    parent: Table | None = None
    keyed: bool = False  # rows are told apart by their `id` (else by 序号 when a child needs it)
    needs_position: bool = False  # a child table refers to these rows by 序号
    entity: Entity | None = None  # which plugin entity its own fields extend (labels)
    list_field: str = ""  # the list field in the parent's model that holds these rows
    via: tuple[str, ...] = ()  # single models between the parent row and the list (teacher_development_center)
    children: list[Table] = field(default_factory=list)
    code: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self.code = ".".join(self.path)  # read for every row: computed once

    def ancestors(self) -> list[Table]:
        out, t = [], self.parent
        while t is not None and t.parent is not None:  # the header sheet is no key
            out.insert(0, t)
            t = t.parent
        return out

    def key_headers(self) -> list[str]:
        """The key columns naming a row's parents, outermost first."""
        return [key_header(t) for t in self.ancestors()]

    def headers(self) -> list[str]:
        own = ["序号"] if self.needs_position and not self.keyed else []
        return [*self.key_headers(), *own, *(c.header for c in self.columns)]


def key_header(table: Table) -> str:
    noun = table.sheet.removesuffix("基本信息")
    return f"{noun}编号" if table.keyed else f"{noun}序号"


def inner(annotation: Any) -> tuple[Any, bool, bool]:
    """(the type inside, is a list, accepts None) for `list[X]`, `X | None`, `Annotated[X, …]`."""
    is_list = optional = False
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            optional = optional or len(rest) < len(args)
            if len(rest) != 1:
                return annotation, is_list, optional
            annotation = rest[0]
        elif origin is list and not is_list:
            is_list = True
            annotation = args[0] if args else Any
        else:
            return annotation, is_list, optional


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _scalar_kind(tp: Any) -> str:
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return Kind.ENUM
        if issubclass(tp, bool):
            return Kind.BOOL
        if issubclass(tp, int):
            return Kind.INT
        if issubclass(tp, float):
            return Kind.FLOAT
        if issubclass(tp, datetime):
            return Kind.JSON
        if issubclass(tp, date):
            return Kind.DATE
        if issubclass(tp, str):
            return Kind.TEXT
    return Kind.JSON


def _bounds(info: FieldInfo) -> tuple[float | None, float | None, str]:
    ge = le = None
    infos = [info]
    stack = [info.annotation]
    while stack:  # constraints inside `Annotated[int | None, Field(...)]`
        ann = stack.pop()
        if typing.get_origin(ann) is typing.Annotated:
            infos += [m for m in ann.__metadata__ if isinstance(m, FieldInfo)]
        stack += list(typing.get_args(ann))
    unit = ""
    for i in infos:
        for m in i.metadata:
            ge = getattr(m, "ge", ge) if getattr(m, "ge", None) is not None else ge
            le = getattr(m, "le", le) if getattr(m, "le", None) is not None else le
        extra = i.json_schema_extra if isinstance(i.json_schema_extra, dict) else {}
        unit = unit or str(extra.get("unit", ""))
    return ge, le, unit


def _label(name: str, info: FieldInfo, models: Models, entity: Entity | None) -> str:
    if entity is not None and (ext := models.label(entity, name)):
        return ext
    if info.title and name != "boarding":
        return info.title
    return LABELS.get(name, "寄宿制学校" if name == "boarding" else name)


_EXAMPLES = {Kind.INT: 1, Kind.FLOAT: 1.5, Kind.BOOL: "是", Kind.DATE: "2025-09-01", Kind.TEXT: "",
             Kind.JSON: "{}"}


def _example(name: str, kind: str, enum: type[Enum] | None, ge: float | None) -> Any:
    if enum is not None:
        first = next(iter(enum))
        return first.label if isinstance(first, LabelledEnum) else first.value
    if name == "school_year":
        return "2024-2025"
    if name == "semester":
        return "2024-2025-1"
    if name in ("grade", "grades"):
        return 1
    if kind in (Kind.INT, Kind.FLOAT) and ge is not None and ge > 1:
        return ge
    if kind == Kind.TEXT:
        return "XX-01" if name.endswith("id") else "（文字）"
    return _EXAMPLES.get(kind, "")


def layout(models: Models) -> list[Table]:
    """Every table of the data, header sheet first, parents before their children."""
    root = Table((), HEADER_SHEET, models.dataset, [], entity=Entity.DATASET)
    tables = [root]
    _walk(models, models.dataset, root, (), (), Entity.DATASET, root.columns, tables)
    for t in tables:
        if any(c.parent is t for c in tables) and not t.keyed and t.parent is not None:
            t.needs_position = True
    return tables


def _walk(models: Models, model: type[BaseModel], table: Table, prefix: tuple[str, ...], path: tuple[str, ...],
          entity: Entity | None, columns: list[Column], tables: list[Table]) -> None:
    for name, info in model.model_fields.items():
        tp, is_list, optional = inner(info.annotation)
        here = (*path, name)
        if _is_model(tp) and is_list:
            sub_entity = _ENTITY_OF_TOP.get(name) if not path else None
            code = ".".join(here)
            sheet = SHEETS.get(code) or _label(name, info, models, entity)
            child = Table(here, _unique_sheet(sheet, tables), tp, [], parent=table,
                          keyed="id" in tp.model_fields, entity=sub_entity, list_field=name, via=prefix)
            tables.append(child)
            table.children.append(child)
            if optional:  # None (未报送) and [] (none happened) differ: the parent's row says which
                columns.append(Column((*prefix, name), f"{child.sheet}{STATUS_SUFFIX}", Kind.STATUS, model,
                                      description=f"{child.sheet}：已填报／无记录（本期无此类记录）／未填报",
                                      example=REPORTED, status_of=code))
            _walk(models, tp, child, (), here, sub_entity, child.columns, tables)
        elif _is_model(tp):
            _walk(models, tp, table, (*prefix, name), here, Entity.CITY if name == "city" and not path else None,
                  columns, tables)
        else:
            kind = Kind.LIST if is_list else _scalar_kind(tp)
            item_tp = inner(tp)[0] if is_list else tp
            enum = item_tp if isinstance(item_tp, type) and issubclass(item_tp, Enum) else None
            ge, le, unit = _bounds(info)
            label = _label(name, info, models, entity)
            if prefix and not label.startswith(LABELS.get(prefix[-1], prefix[-1])):
                label = f"{LABELS.get(prefix[-1], prefix[-1])}{label}"  # 心理辅导室建成日期
            shown = unit.replace("（", "，").replace("）", "")  # 节（每班每两周） -> 节，每班每两周: one bracket
            header = f"{label}（{shown}）" if unit and unit not in label else label
            columns.append(Column(
                (*prefix, name), header, kind, model, alt_header=f"{label}（{unit}）" if shown != unit else "",
                required=info.is_required() and not prefix and not optional,
                enum=enum, item=_scalar_kind(item_tp) if is_list else "", unit=unit, ge=ge, le=le,
                description=str(info.description or "").split(" / ")[0],
                example=_example(name, _scalar_kind(item_tp), enum, ge)))
    seen: dict[str, int] = {}
    for c in columns:  # two fields with one Chinese name (a plugin's) keep distinct headers
        seen[c.header] = seen.get(c.header, 0) + 1
    for c in columns:
        if seen[c.header] > 1:
            c.header = f"{c.header}（{c.code}）"


def _unique_sheet(name: str, tables: list[Table]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "", name)[:28]
    taken = {t.sheet for t in tables}
    out, n = name, 2
    while out in taken:
        out, n = f"{name}{n}", n + 1
    return out


# ---- values: cell -> JSON value (reading) and model value -> cell (writing) ----------------

_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_TRUE = {"是", "有", "已", "true", "yes", "y", "t", "1", "√", "✓", "对"}
_FALSE = {"否", "无", "未", "false", "no", "n", "f", "0", "×", "✗", "不"}


def to_json(column: Column, value: Any) -> Any:
    """The JSON value a cell stands for; `value` is already known not to be empty. A value that
    cannot be read is passed on as it is, so validation reports it with its catalogue code."""
    kind = column.kind
    if kind == Kind.STATUS:
        text = _text(value)
        return _STATUS_WORDS.get(text, _STATUS_WORDS.get(text.lower(), text))
    if kind == Kind.LIST:
        items = value if isinstance(value, list) else [x for x in _SPLIT.split(_text(value)) if x]
        return [_scalar(column.item, column.enum, v) for v in items]
    return _scalar(kind, column.enum, value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _scalar(kind: str, enum: type[Enum] | None, value: Any) -> Any:
    if kind == Kind.TEXT:
        return _text(value)
    if kind == Kind.DATE:
        if isinstance(value, datetime):
            return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        if isinstance(value, date):
            return value.isoformat()
        m = _DATE_TEXT.match(str(value))
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return str(value)  # 2025/2/30: pydantic says it is no date, the cell echoes it
        return _text(value)
    if kind == Kind.BOOL:
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        return True if text in _TRUE else False if text in _FALSE else text
    if kind in (Kind.INT, Kind.FLOAT):
        if isinstance(value, bool):
            return _text(value)
        if isinstance(value, (int, float)):
            return int(value) if kind == Kind.INT and float(value).is_integer() else value
        text = _text(value).replace(",", "").replace("，", "")
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if kind == Kind.INT and number.is_integer() else number
    if kind == Kind.ENUM and enum is not None:
        return enum_value(enum, _text(value))
    if kind == Kind.JSON:
        import orjson

        try:
            return orjson.loads(_text(value))
        except orjson.JSONDecodeError:
            return _text(value)
    return value


def enum_value(enum: type[Enum], text: str) -> str:
    """The value for a label, alias, value or `value（label）` as a file may hold it; else the text."""
    text = text.strip()
    lookup = _enum_lookup(enum)
    found = lookup.get(text) or lookup.get(text.lower())
    if found is not None:
        return found
    m = re.match(r"^(\S+?)\s*[（(](.+)[)）]$", text)
    if m and m[1] in lookup:
        return lookup[m[1]]
    return text


@cache
def _enum_lookup(enum: type[Enum]) -> dict[str, str]:
    """Every spelling of each member (value, lower-case value, label, aliases) -> its value."""
    out: dict[str, str] = {}
    for member in enum:
        value = str(member.value)
        words = [value.lower()]
        if isinstance(member, LabelledEnum):
            words += [member.label, *member.aliases]
        for w in words:
            out.setdefault(w, value)
        out[value] = value
    return out


def to_cell(column: Column, value: Any) -> Any:
    """A model value (as dumped to JSON) as a person reads it in a cell."""
    if column.kind == Kind.STATUS:  # the list itself: None not reported, [] none happened
        return UNREPORTED if value is None else REPORTED if value else NO_RECORDS
    if value is None:
        return None
    if column.kind == Kind.LIST:
        if not value:
            return None
        return LIST_SEPARATOR.join(str(_cell_scalar(column.item, column.enum, v)) for v in value)
    return _cell_scalar(column.kind, column.enum, value)


def _cell_scalar(kind: str, enum: type[Enum] | None, value: Any) -> Any:
    if kind == Kind.BOOL:
        return "是" if value else "否"
    if kind == Kind.DATE:
        return date.fromisoformat(value) if isinstance(value, str) else value
    if kind == Kind.ENUM and enum is not None:
        member = enum(value)
        return member.label if isinstance(member, LabelledEnum) else member.value
    if kind == Kind.JSON:
        import orjson

        return orjson.dumps(value).decode()
    return value


def enum_labels(enum: type[Enum]) -> list[str]:
    """What a dropdown offers: each value's Chinese label (the value itself for a plain enum)."""
    return [m.label if isinstance(m, LabelledEnum) else str(m.value) for m in enum]


# Columns a form may never have: student identities are not collected (《个人信息保护法》).
PERSONAL_HEADERS = re.compile(r"姓名|名字|身份证|证件号|学籍号|手机号|联系电话|家庭住址|student_?name|id_?card|"
                              r"identity", re.IGNORECASE)


def is_personal_header(header: str) -> bool:
    """A header like 学生姓名 / 身份证号 (asked only of a header that is no column of the form):
    such a column is refused with its cell named."""
    return bool(PERSONAL_HEADERS.search(header))
