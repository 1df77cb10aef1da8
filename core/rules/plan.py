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
