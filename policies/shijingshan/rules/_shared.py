"""What several of 石景山's clause modules share: the dated-parameter shorthand, the schools the
plan speaks to (中小学), the periods per-period records are keyed by, and attestation items."""

from __future__ import annotations

from mhpolicy.core.model.entities import InstitutionKind
from mhpolicy.core.rules.clauses import clause_slug
from mhpolicy.core.rules.context import Context
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind, school_year_code, semester_code
from mhpolicy.core.rules.requirement import AppliesTo, Modality, Requirement, RequirementKind, SubjectKind

from ..document import CITY, EFFECTIVE

# 中小学: the district's primary and secondary schools (the plan is the district's 中小学 plan; it has
# no vocational schools in view: 中职 are run under the city's vocational system).
SCHOOL_KINDS = frozenset({InstitutionKind.PRIMARY, InstitutionKind.JUNIOR, InstitutionKind.SENIOR,
                          InstitutionKind.NINE_YEAR, InstitutionKind.COMPLETE_SECONDARY,
                          InstitutionKind.TWELVE_YEAR})
SCHOOLS = AppliesTo(text="中小学", kinds=SCHOOL_KINDS)


def param(pid: str, label: str, unit: str, value: float, clause: str, quote: str, note: str = "") -> Parameter:
    """A threshold in force from the plan's date; `pid` is given without the city prefix."""
    return Parameter(id=f"{CITY}.{pid}", label=label, unit=unit, values={EFFECTIVE: value}, clause=clause,
                     quote=quote, note=note)


def semester(ctx: Context) -> str:
    """The data's code of the semester under judgement (2024-2025-1 autumn, -2 spring)."""
    return semester_code(ctx.period(PeriodKind.SEMESTER))


def school_year(ctx: Context) -> str:
    """The data's code of the school year under judgement (2024-2025)."""
    return school_year_code(ctx.period(PeriodKind.SCHOOL_YEAR))


def attest(clause: str, name: str, quote: str, title: str, *, word: str = "", reading: str = "",
           modality: Modality = Modality.MANDATORY, subject: SubjectKind = SubjectKind.INSTITUTION,
           applies_to: AppliesTo = SCHOOLS) -> Requirement:
    """A qualitative item a person attests (待人工确认 until an attestation answers it)."""
    plain = ("原文为对学校的任务陈述，无情态词；作为本区实施方案对学校的工作要求，读作强制，由人确认是否落实。"
             if not word else "")
    return Requirement(
        id=f"{CITY}.{clause_slug(clause)}.{name}", city=CITY, clause=clause, quote=quote, title=title,
        topic=f"attest.{name.replace('-', '_')}", subject=subject, applies_to=applies_to, modality=modality,
        modal_word=word, kind=RequirementKind.ATTESTATION, reading=reading or plain)
