"""One school's feedback (学校检查反馈), built from that school's findings alone.

What a principal acts on, in this order: what is overdue or wrong now (past periods' misses
included), what the running period still owes with its deadline and days left, advice, and
the attestation checklist to fill in and send back. 不适用 is left out; what is met is one
short list. Rule ids go to numbered footnotes so the action text stays plain Chinese.

`SchoolPages` renders each institution's page as soon as its chunk arrives, so a check writes
every school's feedback in the same pass (never holding the findings of other schools).
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mhpolicy.core.model.entities import InstitutionKind
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status

from .plain import plain
from .render import school_file, write_school_index, write_school_page

# How an attestation checklist goes back: the reading chosen where the plans say nothing
# (they name no form or deadline for it); the bureau may replace it (SchoolPages(send_back=…)).
SEND_BACK = ("请逐项勾选“是”或“否”，填写确认日期和确认人职务（如“分管副校长”，不写姓名），"
             "由校长签字并加盖学校公章，于收到本反馈之日起10个工作日内将扫描件报送{district}教育局"
             "（学生心理健康工作负责科室）；无法确认的事项请勾“否”并在备注中写明原因和计划完成日期。")
_TYPE_LABELS = InstitutionKind.labels()
_DUE_NOTE = re.compile(r"（剩余\d+天，截止[\d-]+）")  # the running table has columns for these


file_name = school_file  # a school's page name: its id, with anything a file system may refuse replaced


def pages_href(pages: Path, report_dir: Path) -> str:
    """The folder of a city's school pages as a link from its report's folder: relative, so the
    two folders can be copied or zipped together and still link ("../schools/fuzhou")."""
    try:
        rel = os.path.relpath(pages.resolve(), report_dir.resolve())
    except ValueError:  # another drive (Windows): no relative path, the pages' own address
        return pages.resolve().as_uri()
    return quote(Path(rel).as_posix(), safe="/")


def _row(f: Finding, as_of: date, note: int) -> dict[str, Any]:
    days_left = (f.due - as_of).days if f.due and f.status is Status.IN_PROGRESS else None
    gap = plain(f.gap_text)
    if days_left is not None:
        gap = _DUE_NOTE.sub("", gap)
    title = f"〔{f.subject_name}〕{f.title}" if f.subject_kind == "campus" else f.title  # a campus of the school
    return {"title": title, "status": f.status.value, "gap": gap or f.title,
            "why": plain(f.explanation), "clause": f.clause, "modality": f.modality.value,
            "due": f.due.isoformat() if f.due else "", "overdue": f.overdue, "period": f.period or "",
            "days_left": days_left, "allowance": f.allowance, "note": note}


def school_view(findings: list[Finding], as_of: date, meta: dict[str, Any], district: str,
                send_back: str = SEND_BACK) -> dict[str, Any]:
    """The page of one school (findings: that institution's, any order)."""
    shown = sorted((f for f in findings if f.status is not Status.NOT_APPLICABLE), key=lambda f: f.sort_key)
    notes: dict[str, int] = {}
    rules: list[dict[str, str]] = []

    def note(f: Finding) -> int:
        if f.rule_id not in notes:
            notes[f.rule_id] = len(notes) + 1
            rules.append({"n": str(notes[f.rule_id]), "rule_id": f.rule_id, "clause": f.clause})
        return notes[f.rule_id]

    to_fix = [_row(f, as_of, note(f)) for f in shown
              if f.status in (Status.ERROR, Status.FAIL, Status.MISSING, Status.TARGET_MISSED)]
    running = [_row(f, as_of, note(f)) for f in shown
               if f.status is Status.IN_PROGRESS and (f.gap is None or f.gap > 0)]
    running.sort(key=lambda r: r["due"])
    advice = [_row(f, as_of, note(f)) for f in shown if f.status is Status.ADVICE]
    attest = [_row(f, as_of, note(f)) for f in shown if f.status is Status.PENDING]
    met = sorted({f.title for f in shown if f.status is Status.PASS})
    first = next(f for f in findings if f.subject_kind != "campus")
    return {"meta": meta, "school": {"id": first.subject_id, "name": first.subject_name, "district": district,
                                     "type": _TYPE_LABELS.get(first.subject_type or "", "")},
            "to_fix": to_fix, "running": running, "advice": advice, "attest": attest, "met": met,
            "overdue": sum(r["overdue"] for r in to_fix), "notes": rules,
            "send_back": send_back.format(district=district or "所在区县")}


class SchoolPages:
    """Writes `<dir>/<school id>.html` for each institution as its findings arrive, and an index.
    `href`: where the city report finds these pages once published (`pages_href`); the city and
    district pages link each school to its page only when it is given."""

    def __init__(self, out: Path, as_of: date, meta: dict[str, Any], district_names: dict[str, str],
                 href: str | None = None) -> None:
        self.out, self.as_of, self.meta, self.district_names = out, as_of, meta, district_names
        self.href = href
        self.index: list[dict[str, Any]] = []
        out.mkdir(parents=True, exist_ok=True)

    def sibling(self) -> SchoolPages:
        """Pages written into the same folder with an index of their own: a worker process writes
        the pages of the chunks it decides, and the check's own `index` takes their rows."""
        return SchoolPages(self.out, self.as_of, self.meta, self.district_names, self.href)

    def add(self, findings: list[Finding]) -> None:
        first = findings[0]
        district = self.district_names.get(first.district_id or "", first.district_id or "")
        view = school_view(findings, self.as_of, self.meta, district)
        name = file_name(first.subject_id)
        write_school_page(self.out / name, view)
        self.index.append({"id": first.subject_id, "name": first.subject_name, "district": district, "file": name,
                           "to_fix": len(view["to_fix"]), "overdue": view["overdue"],
                           "attest": len(view["attest"])})

    def close(self) -> None:
        self.index.sort(key=lambda r: (r["district"], -r["overdue"], -r["to_fix"], r["id"]))
        write_school_index(self.out / "index.html", self.meta, self.index)
