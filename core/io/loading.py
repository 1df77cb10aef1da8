"""Reading a dataset file, with validation errors as data (after frictionless).

Every problem becomes an `InputIssue` naming the file, the row (table, index and id) and
the field, with a catalogue code (core/model/errors.py) whose templates give the message in
Chinese and English. Nothing is stored until a file validates in full.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from ..model.entities import Dataset, Institution
from ..model.errors import DataCheck, InputError, InputIssue
from ..model.extensions import CORE_MODELS, Entity, Models, label_issues
from ..rules.requirement import WarningScheme

__all__ = ["InputError", "InputIssue", "check_warning_tiers", "issues_from", "parse_dataset"]

# pydantic error type -> catalogue code. The code's template names the slots it reads
# from the error's context (ge, le, max_length …).
_CODES: dict[str, str] = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "less_than_equal": "too_large",
    "string_too_long": "too_long",
    "string_too_short": "empty",
    "date_from_datetime_parsing": "not_a_date",
    "date_parsing": "not_a_date",
    "date_type": "not_a_date",
    "date_from_datetime_inexact": "not_a_date",
    "int_parsing": "not_an_integer",
    "int_type": "not_an_integer",
    "int_from_float": "not_an_integer",
    "float_parsing": "not_a_number",
    "float_type": "not_a_number",
    "bool_parsing": "not_a_boolean",
    "bool_type": "not_a_boolean",
    "enum": "not_allowed",
    "literal_error": "not_allowed",
    "string_pattern_mismatch": "bad_format",
    "string_type": "not_text",
    "list_type": "not_a_list",
    "model_type": "not_an_object",
    "model_attributes_type": "not_an_object",
    "json_invalid": "broken_file",
}
# A pattern as people read it: an example value rather than a regular expression.
_PATTERN_EXAMPLES = {r"^\d{4}-\d{4}$": "2024-2025", r"^\d{4}-\d{4}-[12]$": "2024-2025-1"}
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


def _inner(annotation: Any) -> Any:
    """The model or enum inside `list[X]`, `X | None`, `Annotated[X, …]`."""
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin is typing.Annotated or (origin in (list, typing.Union, types.UnionType) and len(args) == 1):
            annotation = args[0]
        else:
            return annotation


def enum_at(root: type[BaseModel], loc: list[Any]) -> type[Enum] | None:
    """The enumeration a field at `loc` (as pydantic reports it) takes its values from."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, Enum) else None


def _field_infos(root: type[BaseModel], loc: list[Any]) -> list[FieldInfo]:
    """The field at `loc` and the `Field(...)` constraints inside its annotation (`X | None`, `list[X]`)."""
    current: Any = root
    infos: list[FieldInfo] = []
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        info = current.model_fields[part]
        infos = [info, *_annotated_infos(info.annotation)]
        current = _inner(info.annotation)
    return infos


def _annotated_infos(annotation: Any) -> list[FieldInfo]:
    found: list[FieldInfo] = []
    if typing.get_origin(annotation) is typing.Annotated:
        found += [m for m in annotation.__metadata__ if isinstance(m, FieldInfo)]
    for arg in typing.get_args(annotation):
        found += _annotated_infos(arg)
    return found


def _range(root: type[BaseModel], loc: list[Any], ctx: dict[str, Any]) -> dict[str, str]:
    """The allowed range of a number with its unit, as declared on the field (entities.bounded):
    "0–1000 小时" / "0–1000 hours"; a bound the field does not declare is left out."""
    infos = _field_infos(root, loc)
    ge, le = ctx.get("ge"), ctx.get("le")
    unit_zh = unit_en = ""
    for info in infos:
        for m in info.metadata:
            ge = getattr(m, "ge", None) if ge is None else ge  # annotated_types.Ge / Le
            le = getattr(m, "le", None) if le is None else le
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        unit_zh = unit_zh or str(extra.get("unit", ""))
        unit_en = unit_en or str(extra.get("unit_en", extra.get("unit", "")))
    if ge is not None and le is not None:
        span = f"{_num(ge)}–{_num(le)}"
    elif le is not None:
        span = f"≤{_num(le)}"
    else:
        span = f"≥{_num(ge)}"
    return {"range_zh": f"{span} {unit_zh}".strip(), "range_en": f"{span} {unit_en}".strip(),
            **{k: _num(v) for k, v in (("ge", ge), ("le", le)) if v is not None}}


def _num(x: Any) -> str:
    return str(int(x)) if isinstance(x, (int, float)) and float(x).is_integer() else str(x)


def _allowed(root: type[BaseModel], loc: list[Any], ctx: dict[str, Any]) -> dict[str, str]:
    """The allowed values, each with its label where the enum has labels, in both languages' punctuation."""
    enum = enum_at(root, loc)
    if enum is None:
        expected = str(ctx.get("expected", "?"))
        return {"allowed_zh": expected, "allowed_en": expected}
    labelled = [(str(m.value), getattr(m, "label", "")) for m in enum]
    return {"allowed_zh": "、".join(f"{v}（{lab}）" if lab else v for v, lab in labelled),
            "allowed_en": ", ".join(f"{v} ({lab})" if lab else v for v, lab in labelled)}


def _slots(err: Any, code: str, root: type[BaseModel], loc: list[Any]) -> dict[str, Any]:
    ctx = dict(err.get("ctx") or {})
    if code == "not_allowed":
        return _allowed(root, loc, ctx)
    if code == "bad_format":
        pattern = str(ctx.get("pattern", ""))
        return {"expected": _PATTERN_EXAMPLES.get(pattern, pattern)}
    if code in ("broken_file", "invalid"):
        return {"detail": str(ctx.get("error", err["msg"]))}
    if code in ("too_large", "too_small", "negative"):
        return _range(root, loc, ctx)
    return ctx


def issues_from(exc: ValidationError, file: str, raw: Any, root: type[BaseModel] = Dataset) -> list[InputIssue]:
    """One catalogue issue per pydantic error. `root` is the model that was validated."""
    issues: list[InputIssue] = []
    for err in exc.errors():
        loc = list(err["loc"])
        check = (err.get("ctx") or {}).get("error")
        if err["type"] == "value_error" and isinstance(check, DataCheck):
            if check.at and not loc:  # dataset-level reference checks name their own row and field
                table, index, field = check.at
                row = _row(raw, table, index)
            else:
                row, field = _split(loc + ([check.on] if check.on else []), raw)
            issues.append(InputIssue(check.code, file, row, field, check.slots))
            continue
        code = _CODES.get(err["type"], "invalid")
        if err["type"] == "greater_than_equal":  # a bound of zero is "no negative values"
            code = "negative" if (err.get("ctx") or {}).get("ge") == 0 else "too_small"
        row, field = _split(loc, raw)
        issues.append(InputIssue(code, file, row, field, _slots(err, code, root, loc)))
    return issues


def _split(loc: list[Any], raw: Any) -> tuple[str, str]:
    if len(loc) >= 2 and loc[0] in _ROW_TABLES and isinstance(loc[1], int):
        return _row(raw, loc[0], loc[1]), _field(loc[2:])
    return "", _field(loc)


def parse_dataset(raw: Any, file: str, models: Models = CORE_MODELS) -> Dataset:
    """Validate a dataset (or a header without institutions) with the core or extended models."""
    try:
        return models.dataset.model_validate(raw)
    except ValidationError as exc:
        raise InputError(label_issues(issues_from(exc, file, raw, models.dataset), models, Entity.DATASET)) from None


def check_warning_tiers(institutions: list[Institution], scheme: WarningScheme | None, file: str,
                        offset: int = 0) -> None:
    """Warning cases must use the tiers of the scheme their city declares (红/橙/黄 …)."""
    if scheme is None:
        return
    allowed = "/".join(scheme.tiers)
    issues = [
        InputIssue("tier_not_in_scheme", file, f"institutions[{offset + i}] (id={inst.id})", f"warning_cases[{j}].tier",
                   {"tier": case.tier, "scheme": scheme.code, "allowed": allowed})
        for i, inst in enumerate(institutions)
        for j, case in enumerate(inst.warning_cases)
        if case.tier not in scheme.tiers
    ]
    if issues:
        raise InputError(issues)
