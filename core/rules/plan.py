"""Who a plan is and what it speaks about: the plan's identity (`CityInfo`) and the kinds of
subject its requirements are decided for (`SubjectKind`).

These sit below both `context` (a measure function's view) and `requirement` (a plan's
duties), so that neither has to import the other in a circle. Plugins import them from
`mhpolicy.core.rules.requirement`, which re-exports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..model.vocabulary import LabelledEnum

if TYPE_CHECKING:
    from .outline import OutlineClause


class DocumentStatus(LabelledEnum):
    """Where a plan's text stands. Core shows it with every finding, report and spec page."""

    IN_FORCE = "in_force", "现行有效"
    DRAFT = "draft", "征求意见稿"  # no final text published: read as in force, always marked
    EXPIRED = "expired", "已失效"  # repealed or replaced: findings still shown, always marked


@dataclass(frozen=True, slots=True)
class PlanTerm:
    """The years a plan covers (新乡's 2024-2025, 平凉's 2023—2025): after its end, periodic
    duties are judged up to the end of the term, and every finding says the term has ended."""

    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"plan term ends ({self.end}) before it starts ({self.start})")

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()}至{self.end.isoformat()}"

    def ended(self, as_of: date) -> bool:
        return as_of > self.end


class SubjectKind(LabelledEnum):
    INSTITUTION = "institution", "学校"
    STATION = "station", "辅导站"
    DISTRICT = "district", "区县"
    CITY = "city", "市"
    # A campus (校区) of a school with several sites: derived per institution from
    # `Institution.campuses`; its findings name the campus and carry the school as parent.
    CAMPUS = "campus", "校区"
    # An education group (教育集团) of member schools, decided from the dataset header like a district.
    GROUP = "group", "教育集团"


@dataclass(frozen=True, slots=True)
class CityInfo:
    code: str  # "fuzhou"
    name: str  # "福州市"
    document: str  # title of the plan
    issuer: str
    issued: date | None  # None where the document is undated
    effective: date  # from when its duties are read as in force
    source_file: str  # path of the shipped source text, inside the plugin package
    version: str
    document_number: str = ""
    notes: str = ""
    # `mhpolicy lint` searches quotes in the source after removing all whitespace. A text that
    # needs more (a PDF extraction's page numbers, ASCII for full-width punctuation) states it
    # here as a function of the whole text, and says in words what it does; the plugin tests it.
    source_normalisation: Callable[[str], str] | None = None
    source_normalisation_text: str = ""
    # The document's numbered clauses, where the generic reader (core.rules.outline) misreads them.
    clause_outline: Callable[[str], list[OutlineClause]] | None = None
    status: DocumentStatus = DocumentStatus.IN_FORCE
    term: PlanTerm | None = None

    def basis(self, as_of: date) -> str:
        """What a reader must know about the text a finding rests on, or "" for a plan in
        force and within its term: shown beside every finding, report and spec page."""
        notes = []
        if self.status is DocumentStatus.DRAFT:
            notes.append("依据征求意见稿（尚无正式文本，按现行要求评判）")
        elif self.status is DocumentStatus.EXPIRED:
            notes.append("依据已失效文件（仅供对照）")
        if self.term is not None and self.term.ended(as_of):
            notes.append(f"计划期已结束（{self.term.label}）：周期性要求评判至计划期末")
        return "；".join(notes)

    @property
    def status_text(self) -> str:
        """The document's status with its term, for headers: "征求意见稿", "现行有效（计划期…）"."""
        term = f"（计划期{self.term.label}）" if self.term else ""
        return self.status.label + term
