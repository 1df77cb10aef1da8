"""The cleaned text of 平凉's plan: what the PDF extraction in source.txt says, readable and quotable.

source.txt is kept exactly as published (a web page's PDF extraction). Quotes (rules,
parameters, specs) are checked against `clean(source.txt)`, wired in through
`CityInfo.source_normalisation`; cleaned.txt is the same text shipped for people to read
(a test keeps it equal to `clean(source.txt)`). The transformation, step by step:

1. The web page's frame is cut: the text starts at the notice's heading
   (中共平凉市委教育工作领导小组文件) and ends with its printing line (…日印发).
2. Page numbers are dropped: a line holding only the next page number in sequence
   (1, 2, … 18) that does not open a sub-item (the next line does not start with ")").
   This removes the stray "9" in "至2024年底,9各学校" and keeps "5\\n)建强师资队伍".
3. Broken lines are rejoined: a paragraph ends only after "。" or before a heading
   (一、 / (一) / 1. / a number followed by a ")" line) or a "责任单位:" line.
4. Punctuation the extraction turned half-width is made full-width again, as the printed
   document has it: , : ; ( ) -> ，：；（）. The item markers "1." keep their ASCII dot.
5. Characters lost in extraction are restored by reading, each listed in `RESTORED` with
   the reason; each must occur exactly once, or `clean` raises (the text changed).

Defects left as they are (no rule quotes them, and the lost characters cannot be told from
the extraction): the quotation marks around 五位一体 and 五道防线, "专项行" for 专项行动,
"领导小" for 领导小组, "等部" for 等部门, "熟练掌12项" (掌握 and a range), the dates and
document number of the cover notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Restoration:
    broken: str  # as it reads after steps 1-4 (lines rejoined, punctuation full-width)
    restored: str
    why: str


RESTORED: tuple[Restoration, ...] = (
    Restoration(
        "高校按师生比例不低于14000配备", "高校按师生比例不低于1：4000配备",
        "“14000”是比例“1：4000”丢了冒号：“1”与“4000”在抽取文本中各占一行；“师生比例不低于”后须是比例，"
        "且国家《全面加强和改进新时代学生心理健康工作专项行动计划（2023—2025年）》同句为“高校按师生比例不低于1∶4000"
        "配备专职心理健康教育教师，且每校至少配备2名”。补回全角冒号，与本文件其余全角标点一致。"),
    Restoration(
        "2个以上学分（3236学时）", "2个以上学分（32—36学时）",
        "“32”与“36”各占一行，中间的连接号丢失；“3236学时”不合 2 个学分的学时，读作区间 32—36 学时；"
        "用本文件标题“2023—2025”所用的破折号式连接号。"),
    Restoration(
        "专项行动计划（20232025年）", "专项行动计划（2023—2025年）",
        "国家行动计划的名称是《……专项行动计划（2023—2025年）》；本文件标题中同一区间写作“2023—2025”，此处连接号在抽取时丢失。"),
)

_START = "中共平凉市委教育工作领导小组文件"
_END = "日印发"
_BARE_NUMBER = re.compile(r"^\d{1,2}$")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\.(?!\d)|责任单位)")
_HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})


class CleaningError(ValueError):
    """The source no longer reads as this cleaning expects (a restoration does not occur exactly once)."""


def cut_frame(lines: list[str]) -> list[str]:
    """Step 1: the notice and plan only, without the web page around them."""
    start = next(i for i, line in enumerate(lines) if line.strip() == _START)
    end = max(i for i, line in enumerate(lines) if line.strip() == _END)
    return lines[start:end + 1]


def drop_page_numbers(lines: list[str], first_page: int = 1) -> tuple[list[str], list[int]]:
    """Step 2: the lines without page numbers, and the numbers dropped (in order).

    `first_page` is the number of the first page still ahead in `lines`; the frame cut in
    step 1 starts after page number 1 of the PDF, so `clean` passes 2."""
    out: list[str] = []
    dropped: list[int] = []
    expected = first_page
    for i, line in enumerate(lines):
        text = line.strip()
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _BARE_NUMBER.match(text) and int(text) == expected and not following.startswith((")", "）")):
            dropped.append(expected)
            expected += 1
            continue
        out.append(line)
    return out, dropped


def _opens_paragraph(lines: list[str], i: int) -> bool:
    text = lines[i].strip()
    following = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return bool(_HEADING.match(text)) or (_BARE_NUMBER.match(text) is not None and following.startswith((")", "）")))


def rejoin(lines: list[str]) -> list[str]:
    """Step 3: one line per paragraph."""
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if current and _opens_paragraph(lines, i):
            paragraphs.append(current)
            current = ""
        current += text
        if current.endswith("。"):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def full_width(text: str) -> str:
    """Step 4: the half-width punctuation of the extraction as the printed text has it."""
    return text.translate(_HALF_TO_FULL)


def restore(text: str) -> str:
    """Step 5: the characters restored by reading (`RESTORED`), each found exactly once."""
    for r in RESTORED:
        count = text.count(r.broken)
        if count != 1:
            raise CleaningError(f"待修复的文字“{r.broken}”出现{count}次（应为1次） / "
                                f"the text to restore {r.broken!r} occurs {count} times, not once")
        text = text.replace(r.broken, r.restored)
    return text


def clean(source: str) -> str:
    """The cleaned text of source.txt: steps 1-5 of the module docstring."""
    lines, _ = drop_page_numbers(cut_frame(source.splitlines())[1:], first_page=2)
    body = [_START, *rejoin(lines)]
    return restore(full_width("\n".join(body))) + "\n"


SUMMARY = ("PDF 抽取文本的清理（policies/pingliang/cleaning.py）：去掉网页框架与页码，按句号和条款编号重接断行，"
           "半角标点 , : ; ( ) 还原为全角，按阅读补回抽取时丢失的字符：1：4000、32—36、2023—2025（理由见 RESTORED）。")
