"""Gap reports, action lists and city comparisons, built incrementally from finding chunks.

A report is accumulated chunk by chunk, so a province-sized check never holds all its
findings: counts and roll-ups (by status, severity, clause, subject) are kept whole; the
per-subject detail and the per-subject action tables are kept up to `DETAIL_LIMIT`
subjects, beyond which the HTML shows the roll-ups and the most overdue subjects, and the
full action list is the CSV (written as the chunks arrive) and the store.

A periodic duty has a finding per period of the evaluation window: a report lists the
findings of one rule and subject together, latest period first (the running period's 进行中
row, then the latest completed period, then earlier ones), so earlier misses stay visible;
the action list keeps earlier overdue periods and adds what is still owed in the running one.
"""

from __future__ import annotations

import csv
import heapq
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import IO, Any

from mhpolicy.core.evaluation.evaluate import Evaluation
from mhpolicy.core.model.entities import Station
from mhpolicy.core.plugins.registry import CityPolicy
from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import ACTIONABLE, PRECEDENCE, Status, roll_up
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import Modality, SubjectKind

from .overview import Overview, OverviewState
from .plain import plain
from .tallies import SubjectRows, SubjectTallies

DETAIL_LIMIT = 5000  # subjects whose findings a report lists one by one
TOP_SUBJECTS = 200  # past the limit: the most overdue subjects shown with their actions
ACTION_COLUMNS = ["subject_id", "subject_name", "action", "clause", "rule_id", "status", "modality", "due",
                  "overdue", "period"]
# The CSV is opened by bureau staff in Excel: Chinese headers, 是/否 (the JSON keeps the keys above).
CSV_HEADERS = {"subject_id": "对象编号", "subject_name": "对象名称", "action": "事项", "clause": "条款",
               "rule_id": "规则编号", "status": "结论", "modality": "严重程度", "due": "截止日期",
               "overdue": "是否逾期", "period": "周期"}
SCHOOL_ROWS = 300  # the city page lists the worst schools; each district page lists all of its own

# What the subject is asked to do. 缺数据 and 待人工确认 gaps already read as actions
# ("需补报：…", "待人工确认：…"), so they take no verb of their own.
_VERB = {
    Status.ERROR: "规则执行出错，请联系维护者：",
    Status.FAIL: "整改：",
    Status.MISSING: "",
    Status.PENDING: "",
    Status.TARGET_MISSED: "力争达成：",
    Status.ADVICE: "建议：",
    Status.IN_PROGRESS: "",  # its gap already reads as an action: "本期尚需…（剩余N天，截止…）"
}


def only_subject(findings: Iterable[Finding], subject_id: str) -> list[Finding]:
    """A school's report shows that school only (ids are unique per table, so the kind counts too),
    with the findings of its campuses (a campus finding names its school as parent)."""
    return [f for f in findings if (f.subject_id == subject_id and f.subject_kind == "institution")
            or (f.subject_kind == "campus" and f.parent_id == subject_id)]


def _action(f: Finding) -> dict[str, Any]:
    return {"subject_id": f.subject_id, "subject_name": f.subject_name, "district_id": f.district_id,
            "action": _VERB[f.status] + (f.gap_text or f.title), "title": f.title, "rule_id": f.rule_id,
            "plain": _VERB[f.status] + (plain(f.gap_text) or f.title),
            "clause": f.clause, "status": f.status.value, "modality": f.modality.value,
            "due": f.due.isoformat() if f.due else "", "overdue": f.overdue, "period": f.period or ""}


def _calls_for_action(f: Finding) -> bool:
    """Actionable statuses, and a running period that still owes something (its gap is 0 once
    the period's duty is already met, None while data is missing or an attestation awaited)."""
    return f.status in ACTIONABLE or (f.status is Status.IN_PROGRESS and (f.gap is None or f.gap > 0))


_SORT_KEY = attrgetter("sort_key")


def calling_for_action(findings: Iterable[Finding]) -> list[Finding]:
    """The findings an action list is made of, in its order (`action_list`)."""
    return sorted(filter(_calls_for_action, findings), key=_SORT_KEY)


def action_list(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """What to do, by when, citing the clause: overdue first (earlier periods' misses too), then
    by due date and severity; what a running period still owes comes after, by its due date."""
    return [_action(f) for f in calling_for_action(findings)]


def _csv_row(f: Finding) -> list[Any]:
    """A line of the actions CSV: `_action(f)`'s values in ACTION_COLUMNS order, 是/否 for overdue,
    made without the action's dict (tests/test_reports.py holds the two together)."""
    return [f.subject_id, f.subject_name, _VERB[f.status] + (f.gap_text or f.title), f.clause, f.rule_id,
            f.status.value, f.modality.value, f.due.isoformat() if f.due else "", "是" if f.overdue else "否",
            f.period or ""]


def by_rule_latest_first(findings: Iterable[Finding]) -> list[Finding]:
    """A subject's findings for its detail table: rules by their worst status, then clause, and
    the periods of one rule together, latest period end (due date) first."""
    fs = list(findings)
    worst: dict[str, int] = {}
    for f in fs:
        worst[f.rule_id] = min(worst.get(f.rule_id, f.status.rank), f.status.rank)
    return sorted(fs, key=lambda f: (worst[f.rule_id], f.clause, f.rule_id, -(f.due or date.min).toordinal()))


_STATION = SubjectKind.STATION.value
_TALLY_KEY = attrgetter("status", "modality", "rule_id")
_SUBJECT_KEY = attrgetter("subject_kind", "subject_id")
_KIND = attrgetter("subject_kind")
_STATUS = attrgetter("status")
_OVERDUE = attrgetter("overdue")


def _zero() -> dict[str, int]:
    return {s.value: 0 for s in PRECEDENCE}


GAPS_PER_STATION = 30  # gaps a station's node in the tree view lists (its detail has them all)
_MONTH = re.compile(r"^(\d{4})年(\d{1,2})月$")
# One mark per status in the month grid; the cell's title gives the gap, due date and explanation.
_MARK = {Status.PASS: "✓", Status.FAIL: "✗", Status.MISSING: "?", Status.PENDING: "?", Status.IN_PROGRESS: "…",
         Status.NOT_APPLICABLE: "—", Status.ERROR: "!", Status.ADVICE: "·", Status.TARGET_MISSED: "△"}


def _month_key(label: str) -> str:
    """"2025年5月" → "2025-05" (a month period's label, core/rules/periods.py), so columns sort."""
    m = _MONTH.match(label)
    return f"{m.group(1)}-{int(m.group(2)):02d}" if m else label


class StationViews:
    """The station network of a plan that gives its stations tiers: the tree with each station's
    gaps, and a month-by-month grid of every monthly station duty (one row per station, one
    column per month). City-neutral: built from the data's stations and the findings alone."""

    def __init__(self, policy: CityPolicy, stations: Sequence[Station]) -> None:
        self.stations = list(stations)
        self.monthly = {r.id: r for r in policy.requirements
                        if r.subject is SubjectKind.STATION and r.period is PeriodKind.MONTH}
        self.gaps: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.status: dict[str, Counter[Status]] = defaultdict(Counter)
        self.grid: dict[str, dict[str, dict[str, dict[str, str]]]] = {rid: defaultdict(dict) for rid in self.monthly}

    def add(self, f: Finding) -> None:
        if f.subject_kind != SubjectKind.STATION.value:
            return
        self.status[f.subject_id][f.status] += 1
        if _calls_for_action(f) and f.status is not Status.IN_PROGRESS and len(self.gaps[f.subject_id]) < GAPS_PER_STATION:
            self.gaps[f.subject_id].append({"status": f.status.value, "text": f.gap_text or f.title,
                                            "clause": f.clause, "period": f.period or ""})
        if f.rule_id in self.monthly and f.period and f.status is not Status.NOT_APPLICABLE:
            self.grid[f.rule_id][f.subject_id][_month_key(f.period)] = {
                "status": f.status.value, "mark": _MARK.get(f.status, "?"),
                # The gap names what went wrong (late by N days, sent to whom); the explanation with
                # every input is in the station's detail, not repeated in each of a big grid's cells.
                "title": "；".join(x for x in (f.period, f"截止{f.due.isoformat()}" if f.due else "", f.gap_text) if x)}

    def report(self) -> dict[str, Any] | None:
        if not any(s.tier is not None for s in self.stations):
            return None
        kids: dict[str | None, list[Station]] = defaultdict(list)
        for s in self.stations:
            kids[s.parent_id].append(s)
        names = {s.id: s.name for s in self.stations}
        tree: list[dict[str, Any]] = []

        def walk(st: Station, depth: int) -> None:
            counts = self.status.get(st.id, Counter())
            tree.append({"id": st.id, "name": st.name, "tier": st.tier, "depth": depth, "parent_id": st.parent_id,
                         "status": roll_up(s for s, n in counts.items() if n).value if counts else "",
                         "gaps": self.gaps.get(st.id, [])})
            for child in sorted(kids.get(st.id, []), key=lambda c: c.id):
                walk(child, depth + 1)

        for root in sorted(kids.get(None, []), key=lambda s: (s.tier or 99, s.id)):
            walk(root, 0)
        grids = []
        for rid, rows in self.grid.items():
            if not rows:
                continue
            months = sorted({m for cells in rows.values() for m in cells})
            grids.append({"rule_id": rid, "title": self.monthly[rid].title, "clause": self.monthly[rid].clause,
                          "months": months,
                          "rows": [{"id": sid, "name": names.get(sid, sid), "cells": [rows[sid].get(m) for m in months]}
                                   for sid in sorted(rows)]})
        return {"tree": tree, "monthly": grids}


@dataclass(slots=True)
class ChunkReport:
    """One chunk's share of a city's report (`ReportBuilder.summary_of`): plain data, pickled from
    the worker process that decided the chunk to the check's process, which `merge`s it."""

    counts: Counter[Status]
    by_severity: dict[Modality, Counter[Status]]
    by_rule: dict[str, Counter[Status]]
    overdue: int
    subjects: SubjectTallies
    overview: OverviewState
    actions_csv: str  # the chunk's rows of the actions CSV, as written
    top: list[tuple[int, str, list[dict[str, Any]]]]  # the chunk's most overdue subjects
    school_index: list[dict[str, Any]]  # rows of the school pages written for the chunk


class ReportBuilder:
    """One city's gap report, fed finding chunks in any order of subjects. With the data's
    stations (`stations`), a plan that gives them tiers also gets the station views."""

    def __init__(self, policy: CityPolicy, ev: Evaluation, actions_csv: IO[str] | None = None,
                 stations: Sequence[Station] = (), district_names: dict[str, str] | None = None,
                 csv_header: bool = True) -> None:
        self.policy, self.ev = policy, ev
        self.station_views = StationViews(policy, stations) if stations else None
        self.counts: Counter[Status] = Counter()
        self.by_severity: dict[Modality, Counter[Status]] = {m: Counter() for m in Modality}
        self.by_rule: dict[str, Counter[Status]] = defaultdict(Counter)
        self.subjects = SubjectTallies()
        self.detail: dict[str, list[Finding]] | None = {}
        self.overdue = 0
        self._top: list[tuple[int, str, list[dict[str, Any]]]] = []  # heap of the most overdue subjects
        self._top_keys: set[str] = set()  # the subjects in `_top`: a subject's second part finds its first at once
        self._csv_file = actions_csv
        self._csv = csv.writer(actions_csv) if actions_csv else None
        if self._csv and csv_header:
            self._csv.writerow([CSV_HEADERS[c] for c in ACTION_COLUMNS])
        self.overview = Overview(policy)
        self.overview.district_names.update(district_names or {})  # the data's 区县 names (id -> name)
        self.school_pages: Any = None  # a SchoolPages, when the check writes one page per school

    def add(self, findings: list[Finding]) -> None:
        """Count a chunk of findings and file each subject's share. Counting goes through one
        Counter over (status, modality, rule) built in C, and findings are grouped by subject
        before anything per subject is done: at millions of findings the per-finding Python
        work was the check's largest cost after deciding."""
        tally = Counter(map(_TALLY_KEY, findings))
        for (status, modality, rule_id), n in tally.items():
            self.counts[status] += n
            self.by_severity[modality][status] += n
            self.by_rule[rule_id][status] += n
        self.overdue += sum(map(_OVERDUE, findings))
        if self.station_views is not None:
            for f in findings:
                if f.subject_kind == _STATION:
                    self.station_views.add(f)
        by_subject: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for key, f in zip(map(_SUBJECT_KEY, findings), findings, strict=True):
            by_subject[key].append(f)
        campuses: dict[str, list[Finding]] = defaultdict(list)
        if self.school_pages is not None:
            for f in findings:
                if f.subject_kind == "campus" and f.parent_id:
                    campuses[f.parent_id].append(f)
        for (kind, sid), fs in by_subject.items():
            key = f"{kind}:{sid}"
            first = fs[0]
            statuses = Counter(map(_STATUS, fs))  # counted once: the tally and the overview both read it
            met, judged = self.overview.add_subject(kind, first.district_id, fs, statuses)
            self.subjects.count(first, statuses, sum(map(_OVERDUE, fs)), met, judged)
            if self.school_pages is not None and kind == SubjectKind.INSTITUTION.value:
                # a campus is decided in its school's chunk, and its findings belong to that school's page
                self.school_pages.add(fs + campuses.get(sid, []))
            due = calling_for_action(fs)
            if self._csv and due:
                self._csv.writerows(map(_csv_row, due))
            if self.detail is not None:
                self.detail.setdefault(key, []).extend(fs)
                if len(self.detail) > DETAIL_LIMIT:
                    self.detail = None  # too many to list one by one: roll-ups and top subjects only
            if due:
                # an action's dict only for a subject the top list takes: most never enter it
                overdue = sum(map(_OVERDUE, due))
                if self._admits(key, overdue):
                    self._keep_top(key, overdue, [_action(f) for f in due])

    def summary_of(self, findings: list[Finding]) -> ChunkReport:
        """What `add` takes from one chunk, made apart: in a worker process that decided the chunk,
        so the check's process `merge`s counts instead of receiving millions of findings. The
        chunk's school pages are written here (their index rows travel). A report that lists every finding
        (`detail`) needs the findings themselves: use `add`. So do station views, but stations
        are decided with the header, never in a chunk of institutions: refused if one comes."""
        if self.detail is not None:
            raise ValueError("a report listing every finding takes them with add(), not summaries")
        if self.station_views is not None and _STATION in set(map(_KIND, findings)):
            raise ValueError("station findings take add(): the station views need them")
        text = io.StringIO()
        part = ReportBuilder(self.policy, self.ev, text, csv_header=False)  # the check's CSV has the header once
        part.detail = None
        part.overview.district_names = self.overview.district_names
        if self.school_pages is not None:
            part.school_pages = self.school_pages.sibling()
        part.add(findings)
        return ChunkReport(part.counts, part.by_severity, dict(part.by_rule), part.overdue, part.subjects,
                           part.overview.state(), text.getvalue(), part._top,
                           part.school_pages.index if part.school_pages is not None else [])

    def merge(self, chunk: ChunkReport) -> None:
        """Take a chunk's `summary_of`: the report then is as if `add` had been given its findings
        (chunks merged in the order they were decided)."""
        self.counts.update(chunk.counts)
        for modality, counts in chunk.by_severity.items():
            self.by_severity[modality].update(counts)
        for rule_id, counts in chunk.by_rule.items():
            self.by_rule[rule_id].update(counts)
        self.overdue += chunk.overdue
        self.subjects.merge(chunk.subjects)
        self.overview.merge(chunk.overview)
        if self._csv_file is not None and chunk.actions_csv:
            self._csv_file.write(chunk.actions_csv)
        for overdue, key, actions in chunk.top:
            self._keep_top(key, overdue, actions)
        if self.school_pages is not None:
            self.school_pages.index.extend(chunk.school_index)

    def _admits(self, key: str, overdue: int) -> bool:
        """Whether `_keep_top` would keep this subject (or join it to its earlier part)."""
        return key in self._top_keys or len(self._top) < TOP_SUBJECTS or (overdue, key) > self._top[0][:2]

    def _keep_top(self, key: str, overdue: int, actions: list[dict[str, Any]]) -> None:
        """Keep the TOP_SUBJECTS most overdue subjects. A subject may arrive in two parts (a city's
        own findings first, its aggregate targets after the last chunk): its actions are joined,
        never two heap entries with the same key (which would compare the action lists)."""
        if key in self._top_keys:
            for n, (old_overdue, old_key, old_actions) in enumerate(self._top):
                if old_key == key:
                    self._top[n] = self._top[-1]
                    self._top.pop()
                    heapq.heapify(self._top)
                    overdue, actions = old_overdue + overdue, old_actions + actions
                    break
            self._top_keys.discard(key)
        item = (overdue, key, actions)
        if len(self._top) < TOP_SUBJECTS:
            heapq.heappush(self._top, item)
            self._top_keys.add(key)
        elif item[:2] > self._top[0][:2]:
            dropped = heapq.heapreplace(self._top, item)
            self._top_keys.discard(dropped[1])
            self._top_keys.add(key)

    def report(self, run_id: int | None = None, release: bool = False) -> dict[str, Any]:
        """The report. With `release` it is the builder's last use (a check's): its subjects'
        tallies go to the report's rows (`tallies.SubjectRows`, made when read), not copied, and
        the builder keeps its counts and overdue total only."""
        policy, ev = self.policy, self.ev
        tallies = self.subjects.moved() if release else self.subjects.copy()
        total = len(tallies)
        order = tallies.report_order()
        detail = self.detail
        findings = None if detail is None else (
            lambda kind, sid: [f.to_json() for f in by_rule_latest_first(detail[f"{kind}:{sid}"])])
        subjects = SubjectRows(tallies, order, findings)
        clauses = []
        for req in policy.requirements:
            c = self.by_rule.get(req.id, Counter())
            clauses.append({"rule_id": req.id, "clause": req.clause, "title": req.title,
                            "modality": req.modality.value, "kind": req.kind.value, "quote": req.quote,
                            "status": roll_up(s for s, n in c.items() if n).value,
                            "counts": _zero() | {s.value: n for s, n in c.items()}})
        if self.detail is not None:
            groups = [(sum(a["overdue"] for a in acts), key, acts)
                      for key, acts in ((k, action_list(fs)) for k, fs in self.detail.items()) if acts]
        else:
            groups = list(self._top)
        groups.sort(key=lambda g: (-g[0], g[1]))
        overview = self.overview.result()
        overview["district_pages"] = any(d["id"] != "—" for d in overview["districts"])
        overview["schools"] = SubjectRows(tallies, tallies.worst_schools(order))  # without findings
        return {
            "meta": report_meta(policy, ev) | {"run_id": run_id, "detail": self.detail is not None,
                                               "detail_limit": DETAIL_LIMIT, "school_rows": SCHOOL_ROWS,
                                               "school_pages": getattr(self.school_pages, "href", None)},
            "overview": overview,
            "summary": {"status": roll_up(s for s, n in self.counts.items() if n).value,
                        "counts": _zero() | {s.value: n for s, n in self.counts.items()},
                        "subjects": total, "overdue": self.overdue},
            "precedence": [s.value for s in PRECEDENCE],
            "by_severity": {m.value: _zero() | {s.value: n for s, n in c.items()} for m, c in self.by_severity.items()},
            "by_clause": clauses,
            "subjects": subjects,
            "actions_by_subject": [{"subject_id": acts[0]["subject_id"], "subject_name": acts[0]["subject_name"],
                                    "subject_kind": key.split(":", 1)[0], "overdue": overdue, "actions": acts}
                                   for overdue, key, acts in groups],
            "stations": self.station_views.report() if self.station_views is not None else None,
        }


def report_meta(policy: CityPolicy, ev: Evaluation) -> dict[str, Any]:
    """What every page of a run shows in its header: the plan, its standing, the data."""
    return {"city": policy.code, "city_name": policy.info.name, "document": policy.info.document,
            "issuer": policy.info.issuer, "document_status": policy.info.status_text,
            "basis": policy.info.basis(ev.as_of), "as_of": ev.as_of.isoformat(), "plugin_version": ev.plugin_version,
            "data_hash": ev.data_hash}


def school_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Worst first: most 不符合, then 缺数据, then overdue items, then the lowest 达标率."""
    c = row["counts"]
    return (-c[Status.FAIL.value], -c[Status.MISSING.value], -row["overdue"],
            row["rate"] if row["rate"] is not None else 1.0, row["id"])


def gap_report(ev: Evaluation, policy: CityPolicy, run_id: int | None = None,
               stations: Sequence[Station] = (), district_names: dict[str, str] | None = None) -> dict[str, Any]:
    """The report of an evaluation held in memory (small data, tests); `stations`: the data's."""
    builder = ReportBuilder(policy, ev, stations=stations, district_names=district_names)
    builder.add(ev.findings)
    report = builder.report(run_id)
    report["actions"] = action_list(ev.findings)
    return report


ROW_LIMIT = 5000  # comparison rows listed one by one; past it, per-topic totals only

# The area a topic code starts with, in Chinese; the topic itself is named by the title of a
# rule that carries it (so a new city's topics are named without editing this table).
TOPIC_AREAS = {"archives": "心理档案", "attest": "人工确认事项", "curriculum": "课程与活动", "facilities": "场所设施",
               "family": "家校协同", "governance": "组织管理", "publicity": "宣传教育", "research": "教研",
               "screening": "筛查普查", "staffing": "师资配备", "training": "培训", "warning": "预警干预",
               "population": "人群目标", "stations": "辅导站"}


def topic_label(topic: str, title: str = "") -> str:
    area = TOPIC_AREAS.get(topic.split(".", 1)[0], "")
    return "：".join(x for x in (area, title) if x) or topic


@dataclass(slots=True)
class ComparisonChunk:
    """One chunk's share of a comparison (`ComparisonBuilder.summary_of`)."""

    rows: list[dict[str, Any]]  # in order, only those that can still be listed
    compared: int
    differing: int
    by_topic: dict[str, dict[str, Any]]
    titles: dict[str, str]


class ComparisonBuilder:
    """Requirement by requirement (aligned on topic), where the plans differ for the same subject.

    Fed one chunk of every city at a time (the pipeline decides a chunk under all plans
    together). Per topic it always keeps totals: subjects compared, subjects where the plans
    differ, and the cross-table of outcomes. Individual rows are kept up to `ROW_LIMIT`,
    differing rows first in line once that many have been seen.
    """

    def __init__(self, cities: list[str]) -> None:
        self.cities = cities
        self.rows: list[dict[str, Any]] = []
        self.by_topic: dict[str, dict[str, Any]] = {}
        self.compared = 0
        self.differing = 0
        self.truncated = False
        self._agreeing: list[int] = []  # positions in `rows` of rows where the plans agree
        self.titles: dict[str, str] = {}  # topic -> the title of the first rule seen with it

    def add(self, part: dict[str, list[Finding]]) -> None:
        self.merge(self.summary_of(part))

    def summary_of(self, part: dict[str, list[Finding]]) -> ComparisonChunk:
        """One chunk's comparison rows and totals, made apart (in the worker process that decided
        the chunk under every plan) for `merge`. Of its rows only those that can still be listed
        travel: the first ROW_LIMIT, and after them the first ROW_LIMIT where the plans differ
        (each can replace one agreeing row, and there are never more than ROW_LIMIT of those)."""
        chunk = ComparisonBuilder(self.cities)
        chunk.rows = ComparisonBuilder._Candidates()  # type: ignore[assignment]
        chunk._collect(part)
        return ComparisonChunk(list(chunk.rows), chunk.compared, chunk.differing, chunk.by_topic, chunk.titles)

    def merge(self, chunk: ComparisonChunk) -> None:
        """Take a chunk's `summary_of`: as if `add` had been given its findings."""
        self.compared += chunk.compared
        self.differing += chunk.differing
        for topic, totals in chunk.by_topic.items():
            t = self.by_topic.setdefault(topic, {"compared": 0, "differing": 0, "outcomes": Counter()})
            t["compared"] += totals["compared"]
            t["differing"] += totals["differing"]
            t["outcomes"].update(totals["outcomes"])
        for topic, title in chunk.titles.items():
            self.titles.setdefault(topic, title)
        for row in chunk.rows:
            self._keep(row)
        self.truncated = self.compared > ROW_LIMIT  # every compared row was offered to `_keep`

    class _Candidates(list):  # type: ignore[type-arg]
        """The rows of one chunk that can still be listed (see `summary_of`)."""

        differing_later = 0

        def append(self, row: dict[str, Any]) -> None:
            if len(self) < ROW_LIMIT:
                super().append(row)
            elif row["differs"] and self.differing_later < ROW_LIMIT:
                self.differing_later += 1
                super().append(row)

    def _collect(self, part: dict[str, list[Finding]]) -> None:
        """Compare one chunk: totals into this builder, every row to `rows.append`."""
        cells: dict[tuple[str, str, str], dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        for city, findings in part.items():
            for f in findings:  # a running period is not yet judged: nothing to compare
                if not f.topic.startswith("attest.") and f.status is not Status.IN_PROGRESS:
                    cells[(f.subject_kind, f.subject_id, f.topic)][city].append(f)
        for (_, sid, topic), per_city in sorted(cells.items()):
            if len(per_city) < 2:
                continue
            row = _compare_row(self.cities, sid, topic, per_city)
            row["topic_label"] = self.titles.setdefault(topic, topic_label(topic, next(iter(per_city.values()))[0].title))
            self.compared += 1
            self.differing += row["differs"]
            t = self.by_topic.setdefault(topic, {"compared": 0, "differing": 0, "outcomes": Counter()})
            t["compared"] += 1
            t["differing"] += row["differs"]
            t["outcomes"][" / ".join((row["cities"][c] or {}).get("status", "—") for c in self.cities)] += 1
            self.rows.append(row)

    def _keep(self, row: dict[str, Any]) -> None:
        if len(self.rows) < ROW_LIMIT:
            if not row["differs"]:
                self._agreeing.append(len(self.rows))
            self.rows.append(row)
            return
        self.truncated = True
        if row["differs"] and self._agreeing:  # a row where the plans agree gives way to one where they differ
            self.rows[self._agreeing.pop()] = row

    def result(self) -> dict[str, Any]:
        topics = [{"topic": t, "label": self.titles.get(t, t), "compared": v["compared"], "differing": v["differing"],
                   "outcomes": dict(v["outcomes"].most_common())} for t, v in sorted(self.by_topic.items())]
        return {"cities": self.cities, "rows": self.rows, "compared": self.compared, "differing": self.differing,
                "topics": topics, "truncated": self.truncated, "row_limit": ROW_LIMIT}


def _compare_row(cities: list[str], sid: str, topic: str, per_city: dict[str, list[Finding]]) -> dict[str, Any]:
    any_f = next(iter(per_city.values()))[0]
    entry: dict[str, Any] = {"subject_id": sid, "subject_name": any_f.subject_name, "topic": topic, "cities": {}}
    demands: list[set[tuple[Any, ...]]] = []
    for city in cities:
        fs = sorted(per_city.get(city, []), key=lambda f: f.rule_id)
        if not fs:
            entry["cities"][city] = None
            continue
        entry["cities"][city] = {
            "status": roll_up(f.status for f in fs).value,
            "rules": [{"status": f.status.value, "rule_id": f.rule_id, "clause": f.clause, "title": f.title,
                       "required": f.required, "observed": f.observed, "unit": f.unit,
                       "gap_text": f.gap_text, "modality": f.modality.value} for f in fs],
        }
        demands.append({(f.unit, f.required, f.modality.value, f.period)
                        for f in fs if f.status is not Status.NOT_APPLICABLE})
    statuses = {c["status"] for c in entry["cities"].values() if c}
    # Plans differ for this school when the outcome differs, or when they demand different
    # things: another amount (1:1000 → 2 teachers vs 1:800 → 3, or an extra minimum), another
    # force (支持 vs 须) or another period (per school year vs per semester).
    entry["differs"] = len(statuses) > 1 or any(d != demands[0] for d in demands[1:])
    return entry


def comparison(evaluations: list[Evaluation]) -> dict[str, Any]:
    """The comparison of evaluations held in memory (same dataset under several plans)."""
    builder = ComparisonBuilder([ev.city for ev in evaluations])
    builder.add({ev.city: ev.findings for ev in evaluations})
    return builder.result()
