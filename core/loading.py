"""Reading a dataset file, with validation errors as data (after frictionless).

Every problem becomes an `InputIssue` naming the file, the row (table, index and id) and
the field, with a message in Chinese and English. Nothing is stored until a file
validates in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .extensions import CORE_MODELS, Entity, Models, label_issues
from .model import Dataset, Institution
from .requirement import WarningScheme


@dataclass(frozen=True, slots=True)
class InputIssue:
    code: str  # machine-readable: missing, unknown_field, negative, not_a_date, broken_file …
    file: str
    row: str  # "institutions[3] (id=FZ-003)" or "" for file-level issues
    field: str  # "enrollment[0].students"
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        where = " ".join(x for x in (self.file, self.row, self.field) if x)
        return f"{where}: {self.message_zh} / {self.message_en}"


class InputError(Exception):
    def __init__(self, issues: list[InputIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


# pydantic error type -> (code, Chinese template, English template); {x} from the error ctx
_TEMPLATES: dict[str, tuple[str, str, str]] = {
    "missing": ("missing", "缺少必填字段", "required field is missing"),
    "extra_forbidden": ("unknown_field", "未知字段（列名是否拼错？）", "unknown field (misspelt column?)"),
    "greater_than_equal": ("negative", "数值不能小于{ge}（不能为负数）", "must be at least {ge} (no negative values)"),
    "less_than_equal": ("too_large", "数值不能大于{le}", "must be at most {le}"),
    "date_from_datetime_parsing": ("not_a_date", "不是有效日期（应为YYYY-MM-DD）", "not a valid date (expected YYYY-MM-DD)"),
    "date_parsing": ("not_a_date", "不是有效日期（应为YYYY-MM-DD）", "not a valid date (expected YYYY-MM-DD)"),
    "date_type": ("not_a_date", "不是有效日期（应为YYYY-MM-DD）", "not a valid date (expected YYYY-MM-DD)"),
    "date_from_datetime_inexact": ("not_a_date", "不是有效日期（应为YYYY-MM-DD）", "not a valid date (expected YYYY-MM-DD)"),
    "int_parsing": ("not_a_number", "不是整数", "not an integer"),
    "int_type": ("not_a_number", "不是整数", "not an integer"),
    "int_from_float": ("not_a_number", "不是整数", "not an integer"),
    "float_parsing": ("not_a_number", "不是数字", "not a number"),
    "float_type": ("not_a_number", "不是数字", "not a number"),
    "bool_parsing": ("not_a_boolean", "不是是/否值（true/false）", "not a boolean (true/false)"),
    "bool_type": ("not_a_boolean", "不是是/否值（true/false）", "not a boolean (true/false)"),
    "enum": ("not_allowed", "取值不在允许范围：{expected}", "not one of the allowed values: {expected}"),
    "literal_error": ("not_allowed", "取值不在允许范围：{expected}", "not one of the allowed values: {expected}"),
    "string_pattern_mismatch": ("bad_format", "格式不符（应匹配 {pattern}）", "wrong format (expected {pattern})"),
    "string_too_short": ("empty", "不能为空", "must not be empty"),
    "string_type": ("not_text", "应为文本", "must be text"),
    "list_type": ("not_a_list", "应为列表", "must be a list"),
    "model_type": ("not_an_object", "应为对象", "must be an object"),
    "model_attributes_type": ("not_an_object", "应为对象", "must be an object"),
}
_PATH_IN_MESSAGE = re.compile(r"^(?P<table>\w+)\[(?P<index>\d+)\]\.(?P<field>[\w.\[\]]+): (?P<msg>.*)$")
_ROW_TABLES = ("institutions", "districts", "stations")


def _row(raw: Any, table: str, index: int) -> str:
    try:
        ident = raw[table][index].get("id")
    except (KeyError, IndexError, TypeError, AttributeError):
        ident = None
    return f"{table}[{index}]" + (f" (id={ident})" if ident else "")


def _field(parts: list[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def issues_from(exc: ValidationError, file: str, raw: Any) -> list[InputIssue]:
    issues: list[InputIssue] = []
    for err in exc.errors():
        loc = list(err["loc"])
        ctx = {k: v for k, v in (err.get("ctx") or {}).items()}
        if err["type"] == "value_error":
            msg = str(ctx.get("error", err["msg"]))
            m = _PATH_IN_MESSAGE.match(msg)
            if m and not loc:  # dataset-level reference checks name their own row and field
                row, field, msg = _row(raw, m["table"], int(m["index"])), m["field"], m["msg"]
            else:
                row, field = _split(loc, raw)
            zh, _, en = msg.partition(" / ")  # the model's own checks say it in both languages
            issues.append(InputIssue("invalid_value", file, row, field, f"取值无效：{zh}", f"invalid value: {en or zh}"))
            continue
        code, zh, en = _TEMPLATES.get(err["type"], ("invalid", "取值无效：{msg}", "invalid value: {msg}"))
        ctx.setdefault("msg", err["msg"])
        row, field = _split(loc, raw)
        issues.append(InputIssue(code, file, row, field, zh.format_map(_Safe(ctx)), en.format_map(_Safe(ctx))))
    return issues


class _Safe(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


def _split(loc: list[Any], raw: Any) -> tuple[str, str]:
    if len(loc) >= 2 and loc[0] in _ROW_TABLES and isinstance(loc[1], int):
        return _row(raw, loc[0], loc[1]), _field(loc[2:])
    return "", _field(loc)


def parse_dataset(raw: Any, file: str, models: Models = CORE_MODELS) -> Dataset:
    """Validate a dataset (or a header without institutions) with the core or extended models."""
    try:
        return models.dataset.model_validate(raw)
    except ValidationError as exc:
        raise InputError(label_issues(issues_from(exc, file, raw), models, Entity.DATASET)) from None


def check_warning_tiers(institutions: list[Institution], scheme: WarningScheme | None, file: str,
                        offset: int = 0) -> None:
    """Warning cases must use the tiers of the scheme their city declares (红/橙/黄 …)."""
    if scheme is None:
        return
    allowed = "/".join(scheme.tiers)
    issues = [
        InputIssue("not_allowed", file, f"institutions[{offset + i}] (id={inst.id})", f"warning_cases[{j}].tier",
                   f"预警等级 '{case.tier}' 不在本市分级中：{allowed}",
                   f"tier '{case.tier}' is not in {scheme.code}'s scheme: {allowed}")
        for i, inst in enumerate(institutions)
        for j, case in enumerate(inst.warning_cases)
        if case.tier not in scheme.tiers
    ]
    if issues:
        raise InputError(issues)
