"""What a JSON document is, by its keys: a dataset, one school's own record, or a list of them.

A bureau collects files as people have them: the bureau's dataset (`mhpolicy schema`), and from
schools what their own systems export, which is one institution object, the same shape as one
element of a dataset's `institutions`. The shape is told from the keys, never from the file name:

- a **dataset** has `institutions` or `city` (`city` is the one field a dataset requires, and the
  header line of a JSON Lines file has it without `institutions`);
- a **school record** has `id` and `kind` (both required of an institution, and no dataset field is
  called so) and neither `institutions` nor `city`. `district_id` is not asked for: a record
  without it is still recognisably a school's, and validation then names the missing field;
- anything else is treated as a dataset, so validation names every field that is wrong.

A school record alone is no dataset: the header (city, districts, as-of date) is the bureau's.
"""

from __future__ import annotations

from typing import Any

import orjson

from ..model.errors import InputError, InputIssue
from .encodings import UTF8_BOM, looks_gbk

DATASET_KEYS = ("institutions", "city")
SCHOOL_KEYS = ("id", "kind")


def is_school_record(obj: Any) -> bool:
    """One institution object as a school exports it (see the module docstring for why these keys)."""
    return (isinstance(obj, dict) and all(k in obj for k in SCHOOL_KEYS)
            and not any(k in obj for k in DATASET_KEYS))


def is_school_list(obj: Any) -> bool:
    """A JSON array of school records (several schools exported together)."""
    return isinstance(obj, list) and bool(obj) and all(is_school_record(x) for x in obj)


def school_ids(records: list[Any]) -> str:
    """The ids of school records, for a message: 'S1、S2' (at most five, then …)."""
    ids = [str(r.get("id")) for r in records if isinstance(r, dict)]
    return "、".join(ids[:5]) + ("…" if len(ids) > 5 else "")


def school_alone(file: str, records: list[Any]) -> InputIssue:
    """School records given without any dataset header: what is missing, and how to give it."""
    return InputIssue("school_record_alone", file, "", "", {"ids": school_ids(records), "name": file})


def load_json(data: bytes, file: str, row: str = "") -> Any:
    """Parsed JSON, or an InputError naming the line (and GBK, when the bytes read as GBK)."""
    try:
        return orjson.loads(data.removeprefix(UTF8_BOM))  # Notepad saves UTF-8 with a BOM
    except orjson.JSONDecodeError as exc:
        line = data[: exc.pos].count(b"\n") + 1 if exc.pos is not None else "?"
        detail = exc.msg
        if looks_gbk(data):
            detail = ("文件不是UTF-8编码（可能是GBK/GB18030），请另存为UTF-8 / "
                      "the file is not UTF-8 (probably GBK/GB18030): save it as UTF-8")
        raise InputError([InputIssue("broken_file", file, row or f"第{line}行 / line {line}", "",
                                     {"detail": detail})]) from None
