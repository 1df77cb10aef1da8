"""The catalogue of input errors: every problem a data file can have, as data (after
frictionless-py's error catalogue).

Each entry has a stable `code` (what scripts and the `--json` error object key on), its
meaning in Chinese and English, message templates in both languages with named slots, and
an example input that produces it. An `InputIssue` is made from a code plus slot values
and renders its messages through this table, so no message is written where an error is
raised, and a code that is not in the catalogue cannot be raised at all.

`tests/test_errors.py` checks that every code is documented and that each example really
produces its code; `tests/test_readme_errors.py` that the README's "Input errors" table lists
exactly these codes (`python -m mhpolicy.core.model.errors` prints that table).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ExampleTarget = Literal["institution", "dataset", "file", "pydantic"]


@dataclass(frozen=True, slots=True)
class Example:
    """An input that produces the error.

    `target` says what `text` is: `institution` — JSON fields merged into a valid school row
    (null removes a field); `dataset` — JSON fields merged into a valid dataset; `file` — the whole file's text (None:
    no file at all), named `file_name`; `pydantic` — a pydantic error type no JSON input can
    reach (the catch-all), fed to the loader directly.
    """

    text: str | None
    target: ExampleTarget = "institution"
    file_name: str = "data.json"


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    meaning_zh: str
    meaning_en: str
    template_zh: str  # str.format template; its {slots} come from the raise site
    template_en: str
    example: Example


def _c(code: str, meaning_zh: str, meaning_en: str, template_zh: str, template_en: str,
       example: Example) -> tuple[str, ErrorCode]:
    return code, ErrorCode(code, meaning_zh, meaning_en, template_zh, template_en, example)


_DATE = "不是有效日期（应为YYYY-MM-DD）"
CATALOGUE: dict[str, ErrorCode] = dict([
    # ---- the file itself ------------------------------------------------------------------
    _c("no_file", "数据文件不存在", "the data file does not exist",
       "文件不存在", "file not found",
       Example(None, "file")),
    _c("unsupported_format", "文件格式不受支持", "the file is neither JSON, JSON Lines, an Excel workbook nor CSV",
       "只支持JSON（.json）、JSON Lines（.jsonl）、Excel工作簿（.xlsx）或CSV（.csv）数据文件及其文件夹，不支持 '{suffix}'",
       "only JSON (.json), JSON Lines (.jsonl), Excel (.xlsx) or CSV (.csv) data files, or a folder of them, "
       "are supported, not '{suffix}'",
       Example("id,name\n", "file", "data.txt")),
    _c("wrong_format", "文件内容与扩展名不符（如Excel或ZIP文件被命名为 .json）",
       "the file is not what its extension says (an Excel or ZIP file named .json)",
       "这是{what_zh}，不是JSON：{hint_zh}", "this is {what_en}, not JSON: {hint_en}",
       Example("PK\x03\x04", "file", "data.json")),
    # ---- 填报表: workbooks, CSV files and folders of them -----------------------------------
    _c("broken_workbook", "Excel文件无法打开（损坏、加密或不是xlsx）",
       "the Excel file cannot be opened (damaged, password-protected or not .xlsx)",
       "无法打开Excel工作簿：{detail}（请在Excel中另存为 .xlsx 后重试）",
       "cannot open the workbook: {detail} (save it as .xlsx in Excel and try again)",
       Example("not a workbook", "file", "data.xlsx")),
    _c("unknown_sheet", "工作表名称不认识", "a sheet (or CSV file) name is not one of the form's sheets",
       "工作表「{sheet}」不是填报表中的表（CSV文件请以表名命名），应为：{known}",
       "sheet '{sheet}' is not a sheet of the form (name a CSV file after its sheet); expected one of: {known}",
       Example("编号\nA\n", "file", "名册.csv")),
    _c("missing_sheet", "缺少必需的工作表", "a sheet the data needs is absent",
       "缺少工作表「{sheet}」（城市代码与名称）", "the sheet '{sheet}' (city code and name) is missing",
       Example("编号,名称\nD1,甲区\n", "file", "区县.csv")),
    _c("unknown_column", "列名不认识（拼错，或本表没有此列）", "a column header is not one of the sheet's columns",
       "工作表「{sheet}」没有列「{header}」（列名是否拼错？请对照 mhpolicy template 生成的模板）",
       "sheet '{sheet}' has no column '{header}' (misspelt? compare with a form from mhpolicy template)",
       Example("编号,学生数量\n", "file", "学校基本信息.csv")),
    _c("personal_column", "表中有学生个人信息列（姓名、身份证号等不收集）",
       "a column for personal data (a name, an ID number) that is never collected",
       "不收集个人身份信息：请删除列「{header}」（只填化名编号和汇总数）",
       "personal data is not collected: remove the column '{header}' (pseudonymous codes and totals only)",
       Example("编号,名称,学生姓名\n", "file", "学校基本信息.csv")),
    _c("missing_column", "缺少必填列", "a required column is absent from a sheet",
       "工作表「{sheet}」缺少列「{header}」", "sheet '{sheet}' lacks the column '{header}'",
       Example("编号,岗位\nT1,班主任\n", "file", "教职工.csv")),
    _c("unknown_parent", "所属记录不存在（编号在上级表中找不到）",
       "a row names a parent (school, staff member …) that its sheet does not have",
       "在工作表「{sheet}」中找不到编号 '{value}'", "'{value}' is not in the sheet '{sheet}'",
       Example("学校编号,编号,岗位\nS9,T1,班主任\n", "file", "教职工.csv")),
    _c("duplicate_row", "同一编号出现两次（同一文件内或两个文件之间）",
       "the same id appears twice (in one file or in two files of a folder)",
       "工作表「{sheet}」中编号 '{id}' 重复，已见于 {other}", "id '{id}' appears twice in sheet '{sheet}', also at {other}",
       Example("编号,名称\nD1,甲区\nD1,乙区\n", "file", "区县.csv")),
    _c("conflicting_rows", "数据集信息在两处不一致", "two rows of the dataset sheet disagree",
       "工作表「{sheet}」与 {other} 不一致（城市、数据截至日期须相同）",
       "sheet '{sheet}' disagrees with {other} (city and as-of date must be the same)",
       Example("城市代码,城市名称\nx,X市\ny,Y市\n", "file", "数据集.csv")),
    _c("too_many_issues", "错误过多，只列出前面的", "too many errors in one file; the first are listed",
       "本文件另有{more}处错误未列出（每个文件最多列出{limit}处）",
       "{more} more errors in this file are not listed (at most {limit} per file)",
       Example("编号,名称\n" + "D1,甲区\n" * 202, "file", "区县.csv")),
    _c("broken_file", "文件不是有效的JSON", "the file (or a JSON Lines line) is not valid JSON",
       "不是有效的JSON：{detail}", "not valid JSON: {detail}",
       Example('{"city": {"code": "x", "name": "X"},', "file")),
    _c("school_record_alone", "单所学校的记录不是完整数据集（缺城市、区县、数据截至日期）",
       "one school's own record is not a whole dataset (no city, districts or as-of date)",
       "这是单所学校的记录（编号 {ids}），不是完整数据集：缺少城市（代码与名称）、区县和数据截至日期，"
       "这些由教育局的数据集或填报表提供；请一起检查，如 mhpolicy check --data 教育局数据.xlsx --data {name}，"
       "或把本文件放进收齐的文件夹",
       "this is one school's own record (id {ids}), not a whole dataset: the city (code and name), the "
       "districts and the as-of date come from the bureau's dataset or form; check them together, e.g. "
       "mhpolicy check --data bureau.xlsx --data {name}, or put this file in the collected folder",
       Example('{"id": "S1", "name": "一小", "district_id": "D1", "kind": "primary"}', "file", "第一小学.json")),
    _c("bad_header", "JSON Lines 文件第1行不是数据集头部", "line 1 of a JSON Lines file is not the dataset header",
       "第1行应为不含 institutions 的数据集头部（JSON对象）",
       "line 1 must be the dataset header (a JSON object) without institutions",
       Example('[1, 2]\n', "file", "data.jsonl")),
    # ---- a field's value ------------------------------------------------------------------
    _c("missing", "缺少必填字段", "a required field is absent",
       "缺少必填字段", "required field is missing",
       Example('{"kind": null}')),
    _c("unknown_field", "未知字段（列名拼错，或不收集的数据如学生姓名）",
       "a field the model does not know (misspelt column, or data not collected such as a student's name)",
       "未知字段（列名是否拼错？）", "unknown field (misspelt column?)",
       Example('{"studnets": 3}')),
    _c("negative", "数量为负数", "a count or amount is negative",
       "数值不能小于{ge}（不能为负数）", "must be at least {ge} (no negative values)",
       Example('{"boarding": true, "boarding_students": -2}')),
    _c("too_small", "数值小于下限", "a number is below its lower bound (other than zero)",
       "数值不能小于{ge}（允许范围：{range_zh}）", "must be at least {ge} (allowed range: {range_en})",
       Example('{"schema_version": 0}', "dataset")),
    _c("too_large", "数值超过上限（各字段的范围和单位见 mhpolicy schema）",
       "a number is above its upper bound (each field's range and unit: mhpolicy schema)",
       "数值不能大于{le}（允许范围：{range_zh}）", "must be at most {le} (allowed range: {range_en})",
       Example('{"lessons": [{"school_year": "2024-2025", "grade": 17, "lessons_per_two_weeks": 1}]}')),
    _c("too_long", "文本过长", "a text is longer than allowed",
       "不能超过{max_length}个字符", "must be at most {max_length} characters",
       Example('{"id": "' + "S" * 65 + '"}')),
    _c("empty", "文本为空", "a text that must not be empty is empty",
       "不能为空", "must not be empty",
       Example('{"id": ""}')),
    _c("not_a_date", "日期无效", "not a valid calendar date",
       _DATE, "not a valid date (expected YYYY-MM-DD)",
       Example('{"referral_channel_established": "2024-02-30"}')),
    _c("not_an_integer", "不是整数", "not a whole number",
       "不是整数", "not an integer",
       Example('{"boarding": true, "boarding_students": 1.5}')),
    _c("not_a_number", "不是数字", "not a number",
       "不是数字", "not a number",
       Example('{"lessons": [{"school_year": "2024-2025", "grade": 1, "lessons_per_two_weeks": "two"}]}')),
    _c("not_a_boolean", "不是是/否值", "not a boolean",
       "不是是/否值（true/false）", "not a boolean (true/false)",
       Example('{"boarding": "maybe"}')),
    _c("not_allowed", "取值不在允许范围（枚举）", "not one of the allowed values of a list",
       "取值不在允许范围：{allowed_zh}", "not one of the allowed values: {allowed_en}",
       Example('{"kind": "castle"}')),
    _c("bad_format", "格式不符", "a text does not have the required format (school year, semester)",
       "格式不符（应如 {expected}）", "wrong format (expected like {expected})",
       Example('{"lessons": [{"school_year": "2024", "grade": 1, "lessons_per_two_weeks": 1}]}')),
    _c("not_text", "应为文本", "a text was expected",
       "应为文本", "must be text",
       Example('{"name": 5}')),
    _c("not_a_list", "应为列表", "a list was expected",
       "应为列表", "must be a list",
       Example('{"staff": "none"}')),
    _c("not_an_object", "应为JSON对象", "a JSON object was expected",
       "应为对象", "must be an object",
       Example('{"counseling_room": "yes"}')),
    _c("invalid", "其他无效取值（兜底，本目录尚未单列的校验错误）",
       "any other invalid value (catch-all for a validation error this catalogue does not name yet)",
       "取值无效：{detail}", "invalid value: {detail}",
       Example("string_unicode", "pydantic")),
    # ---- checks across fields and rows ----------------------------------------------------
    _c("identity_number", "个案编号疑似身份证号（不收集学生身份信息）",
       "a case id looks like an identity-card number (no student identities are kept)",
       "个案编号疑似身份证号，请改用化名编号", "looks like an identity-card number; use a pseudonymous code",
       Example('{"warning_cases": [{"case_id": "11010520100101123X", "tier": "red", "opened": "2024-03-01"}]}')),
    _c("exceeds", "部分数超过总数", "a part is larger than the whole it belongs to",
       "{part_label}（{part}={part_value}）超过{whole_label}（{whole}={whole_value}）",
       "{part} ({part_value}) exceeds {whole} ({whole_value})",
       Example('{"home_visits": [{"semester": "2024-2025-1", "families": 3, "families_visited": 5}]}')),
    _c("inconsistent_values", "两个字段互相矛盾", "two fields contradict each other",
       "{name_label}（{name}={value}）与{other_label}（{other}={other_value}）矛盾",
       "{name} ({value}) contradicts {other} ({other_value})",
       Example('{"boarding": false, "boarding_students": 40}')),
    _c("duplicate_id", "编号重复", "the same id appears twice in a table",
       "编号重复 '{id}'（{table} 中已出现）", "duplicate id '{id}' (already in {table})",
       Example('{"districts": [{"id": "D1", "name": "甲区"}, {"id": "D1", "name": "乙区"}]}', "dataset")),
    _c("unknown_reference", "引用的编号不存在", "a reference names an id that is not in the data",
       "引用的编号 '{value}' 在 {table} 中不存在", "'{value}' does not match any id in {table}",
       Example('{"district_id": "D9"}')),
    _c("station_cycle", "站点上级关系成环", "the stations' parent links form a cycle",
       "站点 '{id}' 的上级关系成环：{path}", "station '{id}': its parent links form a cycle: {path}",
       Example('{"stations": [{"id": "A", "name": "甲站", "level": "district", "parent_id": "B"}, '
               '{"id": "B", "name": "乙站", "level": "school", "parent_id": "A"}]}', "dataset")),
    _c("station_two_tops", "一级（最高层级）站点不止一个", "more than one top-tier (tier 1) station",
       "站点 '{id}' 与 '{first}' 都是1级站点，最高层级只能有一个站点",
       "station '{id}' and '{first}' are both tier 1; the network has one top station",
       Example('{"stations": [{"id": "C1", "name": "中心", "level": "city", "tier": 1}, '
               '{"id": "C2", "name": "另一中心", "level": "city", "tier": 1}]}', "dataset")),
    _c("station_top_has_parent", "1级站点不应有上级站点", "a tier-1 (top) station has a parent",
       "站点 '{id}' 是1级（最高层级）站点，不应有上级站点 '{parent}'",
       "station '{id}' is tier 1 (the top) and cannot have a parent ('{parent}')",
       Example('{"stations": [{"id": "C0", "name": "站", "level": "city"}, '
               '{"id": "C1", "name": "中心", "level": "city", "tier": 1, "parent_id": "C0"}]}', "dataset")),
    _c("station_without_parent", "下级站点未指明上级站点", "a station below tier 1 names no parent",
       "站点 '{id}' 为{tier}级站点，须指明上级站点（parent_id）",
       "station '{id}' is tier {tier} and must name its parent (parent_id)",
       Example('{"stations": [{"id": "C1", "name": "中心", "level": "city", "tier": 1}, '
               '{"id": "T2", "name": "县站", "level": "district", "tier": 2}]}', "dataset")),
    _c("station_parent_tier", "上级站点不是高一级的站点", "a station's parent is not one tier above it",
       "站点 '{id}' 为{tier}级站点，其上级站点 '{parent}' 应为{expected}级，实为{parent_tier}级",
       "station '{id}' is tier {tier}; its parent '{parent}' must be tier {expected}, not {parent_tier_en}",
       Example('{"stations": [{"id": "C1", "name": "中心", "level": "city", "tier": 1}, '
               '{"id": "T3", "name": "校站", "level": "school", "tier": 3, "parent_id": "C1"}]}', "dataset")),
    _c("tier_not_in_scheme", "预警等级不在本市分级中", "a warning tier is not one of the data city's tiers",
       "预警等级 '{tier}' 不在本市（{scheme}）分级中：{allowed}", "tier '{tier}' is not in {scheme}'s scheme: {allowed}",
       Example('{"warning_cases": [{"case_id": "C-1", "tier": "purple", "opened": "2024-03-01"}]}')),
])


class _Slots(dict):  # type: ignore[type-arg]
    """Slot values for a template; a slot the raise site forgot fails loudly (a bug, not input)."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"message slot {{{key}}} not given")


def render(code: str, slots: Mapping[str, Any]) -> tuple[str, str]:
    """The Chinese and English message of `code` with `slots` filled in."""
    entry = CATALOGUE[code]
    values = _Slots(slots)
    return entry.template_zh.format_map(values), entry.template_en.format_map(values)


@dataclass(frozen=True, slots=True)
class InputIssue:
    """One problem in an input file: where it is, its catalogue code and the slot values.

    The messages are rendered from the catalogue; there is no way to give one directly.
    """

    code: str
    file: str
    row: str  # "institutions[3] (id=FZ-003)", "第5行 / line 5 (id=…)" or "" for file-level issues
    field: str  # "enrollment[0].students"
    slots: Mapping[str, Any] = field(default_factory=dict, hash=False)
    # The Chinese label of a plugin-declared field the issue is in (core/model/extensions.py), so a
    # reader sees which plan's data is wrong; core fields carry their names in the messages.
    label: str = ""

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"input error code {self.code!r} is not in the catalogue (core/model/errors.py)")
        render(self.code, self.slots)  # every slot its templates name is given

    @property
    def message_zh(self) -> str:
        text = render(self.code, self.slots)[0]
        return f"{self.label}：{text}" if self.label else text

    @property
    def message_en(self) -> str:
        return render(self.code, self.slots)[1]

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "file": self.file, "row": self.row, "field": self.field,
                "label": self.label, "message_zh": self.message_zh, "message_en": self.message_en}

    def __str__(self) -> str:
        where = " ".join(x for x in (self.file, self.row, self.field) if x)
        return f"{where}: {self.message_zh} / {self.message_en}"


class InputError(Exception):
    """A data file failed validation; `issues` lists every problem found (nothing is stored)."""

    def __init__(self, issues: list[InputIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in pipeline worker processes. The default would re-run __init__ with the
        # joined text as `issues` (str() of the copy then reads one character a line).
        return (InputError, (self.issues,))


class DataCheck(ValueError):
    """Raised by the model's own validators (core/model/entities.py) with a catalogue code and slots.

    pydantic wraps it in a ValidationError and keeps the instance in the error's context,
    where the loader finds it. A model-level check names the field it is about with `on`
    (appended to the model's path); a dataset-level check that names the offending row
    itself gives `at` = (table, index, field) (its location is then the whole dataset).
    """

    def __init__(self, code: str, at: tuple[str, int, str] | None = None, on: str = "", **slots: Any) -> None:
        if code not in CATALOGUE:
            raise ValueError(f"input error code {code!r} is not in the catalogue (core/model/errors.py)")
        self.code, self.at, self.on, self.slots = code, at, on, slots
        zh, en = render(code, slots)
        super().__init__(f"{zh} / {en}")


def _example_text(ex: Example) -> str:
    if ex.target == "file":
        if ex.text is None:
            return f"file `{ex.file_name}`: (none)"
        text = ex.text.strip()
        if len(text) > 60:  # a long example (hundreds of rows) is shown by its start
            text = text[:40] + f"…（共{text.count(chr(10)) + 1}行 / {text.count(chr(10)) + 1} lines）"
        # one table row: line breaks shown as ⏎, control bytes (a ZIP's signature) escaped
        text = "".join("⏎" if ch == "\n" else ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
        return f"file `{ex.file_name}`: `{text}`"
    if ex.target == "pydantic":
        return f"pydantic error type `{ex.text}`"
    return f"{ex.target} `{ex.text}`"


def markdown_table() -> str:
    """The README's "Input errors" table, generated from the catalogue."""
    lines = ["| code | 含义 | meaning | message (zh / en) | example |", "|---|---|---|---|---|"]
    for e in CATALOGUE.values():
        lines.append(f"| `{e.code}` | {e.meaning_zh} | {e.meaning_en} | {e.template_zh} / {e.template_en} | "
                     f"{_example_text(e.example)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
