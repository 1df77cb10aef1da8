"""Texts for people: a finding's gap and explanation without the data paths a developer reads.

Core names a missing record with its Chinese label and, in brackets, the data path for
whoever fills in the data ("需补报：课后服务情况（after_school[2024-2025-2]）"). A principal
or a bureau official reads the label; the semester a path selects is named the way schools
name it ("2024-2025学年第二学期"); institution kinds by their Chinese names. The findings and
the store keep the full text (the CSV for data staff too); only what the HTML shows is plain.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mhpolicy.core.model.entities import InstitutionKind

_TERM = {"1": "第一学期", "2": "第二学期"}
# "（after_school[2024-2025-2]）", "（staff[].trainings）", "（events）": a bracket holding a path
_PATH = re.compile(r"（([a-z_][a-z0-9_]*(?:\[[^\]（）]*\])?(?:\.[a-z0-9_\[\]=]+)*)）")
_SEMESTER = re.compile(r"\[(\d{4})-(\d{4})-([12])\]")
_KIND = re.compile(r"不适用于([a-z_]+)类机构")
_KIND_LABELS = InstitutionKind.labels()


def _path_to_words(match: re.Match[str]) -> str:
    sem = _SEMESTER.search(match[1])
    return f"（{sem[1]}-{sem[2]}学年{_TERM[sem[3]]}）" if sem else ""


@lru_cache(maxsize=16384)  # a gap text recurs across the schools of a run: each is made plain once
def plain(text: str | None) -> str:
    """`text` as people read it: data paths dropped (a semester they select kept, in words)."""
    if not text:
        return ""
    text = _PATH.sub(_path_to_words, text)
    return _KIND.sub(lambda m: f"不适用于{_KIND_LABELS.get(m[1], m[1])}", text)
