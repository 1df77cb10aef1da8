"""How a clause is spelled: one place for the clause number as the document prints it,
and the ASCII slug that rule ids, module names and lint reports derive from it.

The canonical spelling follows the documents' own numbering with ASCII punctuation
where the document uses full-width brackets:

    三          a top-level clause (Chinese numeral)
    五、1       an item numbered directly under a top-level clause ("、" as printed)
    五(一)      a sub-level under a top-level clause (ASCII parentheses)
    四(二)5     an item under a sub-level
    四(一)2(5)  a sub-item under an item (平凉 prints it "5）" under "2." under "（一）"); the
                sub-item is always ASCII digits in ASCII parentheses, after an item only

The slug writes every level as an ASCII number joined by "-": "五、1" -> "5-1",
"四(二)5" -> "4-2-5", "四(一)2(5)" -> "4-1-2-5". Other spellings ("五-1", "4-2-5", "四（二）5") are rejected, so a
clause is written one way everywhere and its slug never has to be guessed.
"""

from __future__ import annotations

import re

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# A Chinese numeral from 1 to 99 as documents write it: 一 … 九, 十, 十一 … 十九, 二十 … 九十九.
# "一十" and "零" do not occur in clause numbers and are not canonical.
_NUMERAL = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ITEM = r"[1-9][0-9]*"
_CLAUSE = re.compile(
    rf"(?P<top>{_NUMERAL})"
    rf"(?:\((?P<sub>{_NUMERAL})\)(?P<sub_item>{_ITEM})?|、(?P<item>{_ITEM}))?"
    rf"(?:(?<=[0-9])\((?P<leaf>{_ITEM})\))?"  # a sub-item, only right after an item number
)


def chinese_numeral_value(numeral: str) -> int:
    """The value of a Chinese numeral from 一 to 九十九 ("十九" -> 19, "二十" -> 20)."""
    if not re.fullmatch(_NUMERAL, numeral):
        raise ValueError(f"不是一至九十九的中文数字 / not a Chinese numeral from 1 to 99: {numeral!r}")
    tens, sep, units = numeral.partition("十")
    if not sep:
        return _DIGITS[numeral]
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def is_clause_spelling(clause: str) -> bool:
    """True when `clause` is spelled the canonical way ("五、1", "四(二)5", "三", "五(一)")."""
    return isinstance(clause, str) and _CLAUSE.fullmatch(clause) is not None


def _parts(clause: str) -> re.Match[str]:
    match = _CLAUSE.fullmatch(clause) if isinstance(clause, str) else None
    if match is None:
        raise ValueError(
            f"条款编号 {clause!r} 的写法不规范，应按文件编号书写，如 “三”“五、1”“五(一)”“四(二)5”"
            f" / clause {clause!r} is not spelled as the document numbers it, e.g. 三, 五、1, 五(一), 四(二)5"
        )
    return match


def clause_slug(clause: str) -> str:
    """The rule-id slug of a canonically spelled clause: "五、1" -> "5-1", "四(二)5" -> "4-2-5".

    Raises ValueError (naming the clause) for any other spelling.
    """
    m = _parts(clause)
    levels = [chinese_numeral_value(m["top"])]
    if m["sub"]:
        levels.append(chinese_numeral_value(m["sub"]))
    item = m["sub_item"] or m["item"]
    if item:
        levels.append(int(item))
    if m["leaf"]:
        levels.append(int(m["leaf"]))
    return "-".join(str(n) for n in levels)


def top_level(clause: str) -> str:
    """The top-level clause, as the document numbers it: "四(二)5" -> "四", "五、1" -> "五"."""
    return _parts(clause)["top"]


def clause_module_prefix(clause: str) -> str:
    """The ASCII prefix of the rules module that implements a clause: "四(二)5" -> "c4_2_5".

    A city's `rules/` package names each module `<prefix>_<topic>.py`, so the module of a
    feature file `features/<city>/四(二)5_….feature` is found by its clause alone.
    """
    return "c" + clause_slug(clause).replace("-", "_")
