"""The numbered clauses of a policy text, labelled as the plugins spell clauses.

Chinese government documents number their parts in four ranks, each with its own marker:

    rank 0  一、            top-level section          label "四"
    rank 1  （一） / (一)   sub-section                label "四(二)"
    rank 2  1. / 1、 / 1．  item                       label "四(二)5", or "五、1" directly under a section
    rank 3  （1） / (1) / 1)  sub-item                 label "四(一)1(1)"

A heading is a marker at the start of a line (after Markdown `#` and `**`, which the
南昌 text carries). The rank is fixed by the marker, not by the order the document happens
to use, so a section without sub-sections still gets "五、1".

Numbers also open lines that are not headings: dates and figures in a PDF extraction
(平凉: "2024" / "年底" on lines of their own), page numbers, "(2024) 1 号". So a heading is
accepted only when it continues its rank's count: it is 1, or one more than the last
accepted heading of that rank. Counts of lower ranks restart under a new section, and items
may run on across sub-sections (新乡 and 南昌 number 1–17 through all of 四). Text after a line
starting with 附件 (the annex list) is not read. Where the sections start again at 一, the
plan follows its cover notice: the notice's own numbered points are dropped, the plan's kept.

PDF extractions put a marker on a line of its own: "1." followed by the heading on the next
line, or "1" followed by a line starting with ")" (平凉's "1）"); both are read.

One repair: 福州 numbers its first section "1、 指导思想" and the next "二、发展目标". Items
standing before the first section, numbered 1…n-1 when that section is numeral n, are read
as the sections they stand for ("一").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

NUMERALS = "零一二三四五六七八九"
TOP, SUB, ITEM, SUBITEM = 0, 1, 2, 3
_CN = "[一二三四五六七八九十]+"

_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (TOP, re.compile(rf"^(?P<n>{_CN})\s*[、．]\s*(?P<rest>.*)$")),
    (SUB, re.compile(rf"^[（(]\s*(?P<n>{_CN})\s*[）)]\s*(?P<rest>.*)$")),
    (SUBITEM, re.compile(r"^(?:[（(]\s*(?P<n>\d{1,2})\s*[）)]|(?P<m>\d{1,2})[）)])\s*(?P<rest>.*)$")),
    (ITEM, re.compile(r"^(?P<n>\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(?P<rest>.*)$")),
)
_MARKDOWN = re.compile(r"^(?:#+\s*)?(?:\*\*\s*)?")
_BARE_NUMBER = re.compile(r"^\d{1,2}$")
_HEADING_END = re.compile(r"[。：:]")


@dataclass(frozen=True, slots=True)
class OutlineClause:
    """One numbered heading: its label as plugins cite it, its words, and its 1-based line."""

    label: str
    heading: str
    line: int
    parent: str = ""  # label of the enclosing clause; "" at top level
    rank: int = TOP


def chinese_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23 (enough for clause numbers)."""
    if "十" not in text:
        return NUMERALS.index(text) if len(text) == 1 else -1
    tens, _, units = text.partition("十")
    return (NUMERALS.index(tens) if tens else 1) * 10 + (NUMERALS.index(units) if units else 0)


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三."""
    if n < 10:
        return NUMERALS[n]
    tens, units = divmod(n, 10)
    return (NUMERALS[tens] if tens > 1 else "") + "十" + (NUMERALS[units] if units else "")


def _clean(line: str) -> str:
    return _MARKDOWN.sub("", line.strip()).strip()


def _heading(rest: str) -> str:
    text = rest.replace("*", "").strip()
    return _HEADING_END.split(text, maxsplit=1)[0].strip()


def _label(rank: int, n: int, parent: OutlineClause | None) -> str:
    if rank == TOP:
        return chinese_numeral(n)
    base = parent.label if parent else ""
    if rank == SUB:
        return f"{base}({chinese_numeral(n)})"
    if rank == ITEM:
        return f"{base}、{n}" if parent and parent.rank == TOP else f"{base}{n}"
    return f"{base}({n})"


def _marker(lines: list[str], i: int) -> tuple[int, int, str, int] | None:
    """The marker opening line i: (rank, number, heading text, lines consumed), or None."""
    text = _clean(lines[i])
    following = _clean(lines[i + 1]) if i + 1 < len(lines) else ""
    if _BARE_NUMBER.match(text) and following.startswith((")", "）")):
        return SUBITEM, int(text), _heading(following[1:]), 2
    for rank, pattern in _MARKERS:
        m = pattern.match(text)
        if not m:
            continue
        raw = m["n"] or m.groupdict().get("m")
        n = chinese_number(raw) if rank in (TOP, SUB) else int(raw)
        rest = m["rest"]
        if not rest.replace("*", "").strip():  # the heading stands on the next line (PDF extraction)
            return rank, n, _heading(following), 2 if following else 1
        return rank, n, _heading(rest), 1
    return None


def numbered_clauses(text: str) -> list[OutlineClause]:
    """The document's numbered headings in order, each labelled as plugins cite clauses."""
    lines = text.splitlines()
    clauses: list[OutlineClause] = []
    stack: list[OutlineClause] = []
    last = [0, 0, 0, 0]  # last accepted number per rank
    i = 0
    while i < len(lines):
        if _clean(lines[i]).startswith("附件"):
            break
        found = _marker(lines, i)
        if found is None:
            i += 1
            continue
        rank, n, heading, consumed = found
        if rank == TOP and last[TOP] == 0 and n > 1 and _promote_leading_items(clauses, n):
            last[TOP] = n - 1
            stack = [clauses[-1]] if clauses else []
        if rank == TOP and n == 1 and last[TOP] > 0:
            clauses, stack, last = [], [], [0, 0, 0, 0]  # numbering starts again: the plan after its cover notice
        if n != 1 and n != last[rank] + 1:
            i += 1  # a number that does not continue the count: a date, a figure, a page number
            continue
        while stack and stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1] if stack else None
        clause = OutlineClause(_label(rank, n, parent), heading, i + 1, parent.label if parent else "", rank)
        clauses.append(clause)
        stack.append(clause)
        last[rank] = n
        for lower in range(rank + 1, len(last)):
            if rank == TOP or lower > ITEM:  # items run on across sub-sections; sub-items do not
                last[lower] = 0
        i += consumed
    return clauses


def _promote_leading_items(clauses: list[OutlineClause], first_section: int) -> bool:
    """Read items 1…n-1 standing before section n as sections 一…(n-1) (福州's "1、 指导思想")."""
    if not clauses or any(c.rank != ITEM or c.parent for c in clauses):
        return False
    if [c.label for c in clauses] != [str(k) for k in range(1, first_section)]:
        return False
    clauses[:] = [replace(c, label=chinese_numeral(int(c.label)), rank=TOP) for c in clauses]
    return True


def leaves(clauses: list[OutlineClause]) -> list[OutlineClause]:
    """The most specific clauses: those no other clause names as its parent."""
    parents = {c.parent for c in clauses}
    return [c for c in clauses if c.label not in parents]


def ancestors(label: str, clauses: list[OutlineClause]) -> list[str]:
    """Labels enclosing `label`, nearest first."""
    by_label = {c.label: c for c in clauses}
    out: list[str] = []
    current = by_label.get(label)
    while current is not None and current.parent:
        out.append(current.parent)
        current = by_label.get(current.parent)
    return out
