"""Synthetic datasets for the benchmark: n institutions of one city, valid for `Dataset`.

    python scripts/synthetic.py N OUT.json [--city fuzhou] [--seed 0]
    python scripts/synthetic.py N OUT.json --city all   # 福州's data, answering every installed plan's items

Institutions are spread over ~n/100 districts. Each district has a teacher development
centre (a researcher, monthly research events) and one district-level station with staff.
Kinds are mixed as in a real city (mostly kindergartens, primary and junior schools; some
senior, nine-year and vocational schools; a few universities and special schools). Every
record covers the last two school years before `as_of` (2025-09-30). About 70–85% of the
institutions are mostly compliant; the rest have gaps and some missing data.

All people are pseudonymous codes; warning cases carry only a case id, tier and dates.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

AS_OF = "2025-09-30"

# (code, start date, length in days): the four semesters of the last two school years.
SEMESTERS = [
    ("2023-2024-1", date(2023, 9, 1), 150),
    ("2023-2024-2", date(2024, 2, 1), 210),
    ("2024-2025-1", date(2024, 9, 1), 150),
    ("2024-2025-2", date(2025, 2, 1), 210),
]
SCHOOL_YEARS = [("2023-2024", date(2023, 9, 1)), ("2024-2025", date(2024, 9, 1))]
CALENDAR_YEARS = [2024, 2025]

# kind -> (weight, [(grade, stage)], students per grade (low, high))
KINDS: dict[str, tuple[float, list[tuple[int, str]], tuple[int, int]]] = {
    "kindergarten": (25, [(0, "preschool")], (60, 400)),
    "primary": (34, [(g, "primary") for g in range(1, 7)], (30, 260)),
    "junior": (15, [(g, "junior") for g in range(7, 10)], (80, 450)),
    "nine_year": (7, [(g, "primary") for g in range(1, 7)] + [(g, "junior") for g in range(7, 10)], (30, 200)),
    "senior": (7, [(g, "senior") for g in range(10, 13)], (200, 700)),
    "complete_secondary": (2, [(g, "junior") for g in range(7, 10)] + [(g, "senior") for g in range(10, 13)],
                           (150, 450)),
    "twelve_year": (1, [(g, "primary") for g in range(1, 7)] + [(g, "junior") for g in range(7, 10)]
                    + [(g, "senior") for g in range(10, 13)], (40, 200)),
    "secondary_vocational": (4, [(g, "vocational") for g in range(10, 13)], (150, 700)),
    "technical": (1, [(g, "vocational") for g in range(10, 13)], (100, 500)),
    "university": (1.5, [(g, "higher") for g in range(13, 17)], (1000, 5000)),
    "special_education": (1.5, [(g, "special") for g in range(1, 10)], (5, 30)),
}
_KIND_NAMES = list(KINDS)
_KIND_WEIGHTS = [KINDS[k][0] for k in _KIND_NAMES]
K12 = {"primary", "junior", "senior", "nine_year", "complete_secondary", "twelve_year", "secondary_vocational",
       "technical"}
SUFFIX = {"kindergarten": "幼儿园", "primary": "小学", "junior": "中学", "nine_year": "九年一贯制学校",
          "senior": "高级中学", "complete_secondary": "完全中学", "twelve_year": "十二年一贯制学校",
          "secondary_vocational": "职业中专", "technical": "技工学校", "university": "学院",
          "special_education": "特殊教育学校"}
FUNCTIONS = ["office", "archives", "individual", "group", "assessment", "relaxation"]
# What can go wrong at a school with gaps (each draws 2–5 of these).
GAPS = ["psych_teacher", "no_staff", "no_enrollment", "screening", "census", "joint_meeting", "parent_meeting",
        "room", "functions", "referral", "archives", "groups", "training", "themed", "home_visits", "after_school",
        "lessons", "follow_up", "events", "staff_training_records"]


def _day(start: date, span: int, rng: random.Random) -> str:
    return (start + timedelta(days=rng.randrange(5, span - 5))).isoformat()


def city_name(city_code: str) -> str:
    """The city's name as its installed plugin declares it (the code itself if none loads)."""
    try:
        from mhpolicy.core.plugins.registry import discover
        policy = discover().policies.get(city_code)
    except Exception:  # the generator must work without the plugins
        policy = None
    return policy.info.name if policy is not None else city_code


def _attestation_items(city_code: str) -> dict[str, list[str]]:
    """Attestation requirement ids of the city's plugin (of every installed plugin for `all`), by
    subject kind (empty if none loads)."""
    try:
        from mhpolicy.core.plugins.registry import discover
        from mhpolicy.core.rules.requirement import RequirementKind
        found = discover().policies
        policies = list(found.values()) if city_code == "all" else [found[city_code]] if city_code in found else []
    except Exception:  # the generator must work without the plugins
        policies = []
    items: dict[str, list[str]] = {"institution": [], "station": [], "district": [], "city": []}
    for policy in policies:
        for r in policy.requirements:
            if r.kind is RequirementKind.ATTESTATION and r.subject.value in items:
                items[r.subject.value].append(r.id)
    return items


def _attest(items: list[str], rng: random.Random, share: float, yes: float = 0.9) -> list[dict[str, Any]]:
    return [{"item": i, "value": rng.random() < yes, "date": _day(date(2025, 3, 1), 150, rng), "by": "校长"}
            for i in items if rng.random() < share]


def _training(year: int, hours: float, kind: str, rng: random.Random, level: str = "county") -> dict[str, Any]:
    return {"date": _day(date(year, 1, 1), 270 if year == 2025 else 365, rng), "hours": hours, "kind": kind,
            "level": level}


def _staff(code: str, kind: str, students: int, gaps: set[str], rng: random.Random
           ) -> tuple[list[dict[str, Any]], list[str]]:
    """Staff list and the codes of the head teachers / counselors (who hold themed meetings)."""
    if "no_staff" in gaps:
        return [], []
    if kind == "university":
        full = max(2, math.ceil(students / 4000))
        part = rng.randint(0, 2)
    elif kind in K12 and students >= 800:
        full = max(math.ceil(students / 1000), 1)
        part = max(0, math.ceil(students / 800) - full)
    else:
        full, part = 0, 1
    if "psych_teacher" in gaps:
        if full:
            full -= 1
        else:
            part = 0
    no_records = "staff_training_records" in gaps
    short = "training" in gaps
    staff: list[dict[str, Any]] = []
    for n in range(full + part):
        ft = n < full
        trainings = [] if no_records else [
            _training(2024, 1 if short and n == 0 else 2, "case_practice", rng),
            _training(2024, (8 if ft else 4) - (3 if short and n == 0 else 0), "supervision", rng, "municipal"),
            _training(2024, 32.0 if ft else 12.0, "general", rng),
            _training(2025, rng.choice((4, 6, 8)), "general", rng),
        ]
        staff.append({"id": f"{code}-P{n + 1:02d}", "role": "psych_teacher", "full_time": ft,
                      "qualified": ft or rng.random() < 0.92, "trainings": trainings})
    leaders = []
    role = "counselor" if kind == "university" else "head_teacher"
    for n in range(rng.randint(3, 6) if kind == "university" else rng.randint(2, 4)):
        sid = f"{code}-H{n + 1:02d}"
        leaders.append(sid)
        trainings = [] if no_records else [_training(2024, 12 if not (short and n == 0) else 6, "general", rng)]
        staff.append({"id": sid, "role": role, "backbone": n == 0, "trainings": trainings})
    staff.append({"id": f"{code}-C01", "role": "cadre", "trainings": [] if no_records else
                  [_training(2024, 3, "crisis", rng)]})
    for n in range(rng.randint(2, 3)):
        staff.append({"id": f"{code}-T{n + 1:02d}", "role": "other_teacher",
                      "trainings": [] if no_records or (short and n == 0) else [_training(2024, 3, "general", rng)]})
    return staff, leaders


def _events(kind: str, leaders: list[str], grades: list[int], gaps: set[str], rng: random.Random
            ) -> list[dict[str, Any]]:
    if "events" in gaps:
        return []
    ev: list[dict[str, Any]] = []
    last = SEMESTERS[-1][0]
    for code, start, span in SEMESTERS:
        for n, sid in enumerate(leaders):
            if "themed" in gaps and code == last and n == 0:
                continue
            e: dict[str, Any] = {"date": _day(start, span, rng), "kind": "themed_class_meeting", "held_by": sid}
            if grades and kind != "university":
                e["grade"] = grades[n % len(grades)]
            ev.append(e)
        if kind != "university":
            ev.append({"date": _day(start, span, rng), "kind": "themed_class_meeting"})
            ev.append({"date": _day(start, span, rng), "kind": "themed_activity"})
            if not ("parent_meeting" in gaps and code == last):
                ev.append({"date": _day(start, span, rng), "kind": "parent_meeting"})
            ev.append({"date": _day(start, span, rng), "kind": "parent_lecture"})
    for code, start in SCHOOL_YEARS:
        if not ("joint_meeting" in gaps and code == "2024-2025"):
            ev.append({"date": _day(start, 300, rng), "kind": "joint_meeting"})
        ev.append({"date": _day(start, 300, rng), "kind": "all_staff_training", "hours": 2 if rng.random() < 0.9 else 3})
        if kind != "university":
            ev.append({"date": _day(start, 300, rng), "kind": "parent_counseling"})
    for year in CALENDAR_YEARS:
        ev.append({"date": _day(date(year, 1, 1), 260, rng), "kind": "cadre_training"})
        if kind == "university":
            ev.append({"date": _day(date(year, 1, 1), 260, rng), "kind": "backbone_training", "hours": 8})
    return ev


def _institution(n: int, district: dict[str, Any], gap: bool, items: list[str], rng: random.Random) -> dict[str, Any]:
    kind = rng.choices(_KIND_NAMES, _KIND_WEIGHTS)[0]
    _, grade_stages, (lo, hi) = KINDS[kind]
    code = f"I{n:06d}"
    gaps = set(rng.sample(GAPS, rng.randint(2, 5))) if gap else set()
    enrollment = []
    for grade, stage in grade_stages:
        students = rng.randint(lo, hi)
        classes = max(1, students // 45 + (students % 45 > 0))
        row: dict[str, Any] = {"grade": grade, "stage": stage, "students": students, "classes": classes}
        if stage in ("junior", "senior"):
            row["classes_with_psych_committee_pair"] = classes if rng.random() < 0.8 else rng.randint(0, classes)
        enrollment.append(row)
    students = sum(r["students"] for r in enrollment)
    grades = [r["grade"] for r in enrollment]
    staff, leaders = _staff(code, kind, students, gaps, rng)
    inst: dict[str, Any] = {
        "id": code,
        "name": f"{district['name']}第{n % 100 + 1}{SUFFIX[kind]}",
        "district_id": district["id"],
        "kind": kind,
        "public": rng.random() < 0.85,
        "small_scale": kind in ("primary", "kindergarten") and students < 200,
        "central_primary": kind == "primary" and rng.random() < 0.1,
        "class1_middle": kind in ("junior", "senior", "complete_secondary") and rng.random() < 0.15,
        "enrollment": [] if "no_enrollment" in gaps else enrollment,
        "staff": staff,
        "events": _events(kind, leaders, grades, gaps, rng),
    }
    if kind == "senior" and rng.random() < 0.3:
        inst["boarding"], inst["boarding_students"] = True, students // 2
    if kind != "kindergarten":
        screenings = []
        for code_, start, span in SEMESTERS:
            if "screening" in gaps and code_ == SEMESTERS[-1][0]:
                continue
            if not ("census" in gaps and code_.startswith("2024-2025")):
                screenings.append({"date": _day(start, span, rng), "kind": "census", "grades": grades,
                                   "students_screened": students, "consent_obtained": True})
            screenings.append({"date": _day(start, span, rng), "kind": "focus_group",
                               "students_screened": max(1, students // 20)})
        inst["screenings"] = screenings
    if kind in K12:
        key = sorted({g for g in grades if g in (1, 7, 10)})
        short = "lessons" in gaps
        inst["lessons"] = [{"school_year": y, "grade": g, "lessons_per_two_weeks": 0.5 if short and y == "2024-2025"
                            else 1} for y, _ in SCHOOL_YEARS for g in key]
        families = students
        inst["home_visits"] = [
            {"semester": c, "families": families,
             "families_visited": families - (rng.randint(1, max(1, families // 10)) if "home_visits" in gaps else 0)}
            for c, _, _ in SEMESTERS]
        if "after_school" not in gaps or rng.random() < 0.5:
            rows = []
            for c, _, _ in SEMESTERS:
                total = rng.choice((5400, 6000, 7200))
                share = 0.4 if "after_school" in gaps else rng.choice((0.5, 0.55, 0.6))
                rows.append({"semester": c, "total_minutes": total, "interest_club_minutes": int(total * share),
                             "pe_minutes_in_school_per_day": 60, "pe_minutes_out_of_school_per_day": 60})
            inst["after_school"] = rows
        if "groups" in gaps:
            inst["leadership_group"], inst["working_group"] = True, rng.choice((False, None))
            inst["crisis_group"] = rng.choice((True, False))
        else:
            inst["leadership_group"] = inst["working_group"] = inst["crisis_group"] = True
    if kind in ("secondary_vocational", "technical"):
        inst["courses"] = [{"name": "心理健康与职业生涯", "required": True, "grade": 10, "hours": 36,
                            "school_year": "2024-2025"}]
    if kind == "university":
        inst["courses"] = [{"name": "大学生心理健康教育", "required": True, "credits": 2, "hours": 32}]
    if "room" not in gaps:
        functions = FUNCTIONS if "functions" not in gaps else rng.sample(FUNCTIONS, rng.randint(2, 5))
        inst["counseling_room"] = {"built": f"{rng.randint(2012, 2022)}-09-01", "functions": functions,
                                   "opening_hours_per_week": 10, "meets_standard": "functions" not in gaps}
    if "referral" in gaps:
        if rng.random() < 0.5:
            inst["referral_channel_established"] = "2022-03-01"
    else:
        inst["referral_channel_established"] = f"{rng.randint(2017, 2020)}-06-01"
    if "archives" in gaps:
        if rng.random() < 0.5:
            inst["archives_kept"] = False
    else:
        inst["archives_kept"] = True
    if kind in K12 and rng.random() < 0.3:
        cases = []
        for _ in range(rng.randint(1, 2)):
            opened = date(2025, 3, 1) + timedelta(days=rng.randrange(0, 150))
            last = date(2025, 9, 30) - timedelta(days=60 if "follow_up" in gaps else rng.randrange(3, 25))
            cases.append({"case_id": f"C-{rng.randrange(1_000_000):06d}", "tier": rng.choice(("red", "orange", "yellow")),
                          "opened": opened.isoformat(), "handling_level": "school", "referred": rng.random() < 0.3,
                          "follow_ups": [max(opened, last).isoformat()]})
        inst["warning_cases"] = cases
    inst["attestations"] = _attest(items, rng, 0.6 if gap else 0.85, 0.75 if gap else 0.99)
    return inst


def make_streamed(n: int, city_code: str = "fuzhou", seed: int = 0
                  ) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """The dataset's header and its `n` institutions made one by one (a million fit no memory)."""
    rng = random.Random(seed)
    items = _attestation_items(city_code)
    if city_code == "all":  # data of one city (福州) answering the attestation items of every installed plan
        city_code = "fuzhou"
    name_of_city = city_name(city_code)
    n_districts = max(1, round(n / 100))
    districts, stations = [], []
    for d in range(n_districts):
        did = f"D{d + 1:04d}"
        name = f"第{d + 1}区"
        months = [date(2024, 9, 1) + timedelta(days=31 * k) for k in range(13)]
        tdc_events = [{"date": (m.replace(day=rng.randint(5, 25))).isoformat(), "kind": "research_activity",
                       "title": "心理健康教育专项教研"} for m in months if rng.random() < 0.95]
        districts.append({
            "id": did, "name": name, "kind": "district",
            "teacher_development_center": {
                "name": f"{name}教师发展中心",
                "staff": [{"id": f"{did}-R01", "role": "researcher", "full_time": True, "qualified": True,
                           "trainings": [_training(2024, 40, "general", rng, "municipal")]}],
                "events": tdc_events,
            },
            "events": [{"date": _day(date(y, 1, 1), 300, rng), "kind": "backbone_training", "hours": 4}
                       for y in CALENDAR_YEARS for _ in range(2)]
            + [{"date": _day(date(y, 1, 1), 300, rng), "kind": "crisis_training", "hours": 3} for y in CALENDAR_YEARS],
            "attestations": _attest(items["district"], rng, 0.8),
        })
        stations.append({
            "id": f"{did}-ST01", "name": f"{name}未成年人心理健康辅导站", "level": "district", "district_id": did,
            "established": f"{rng.randint(2015, 2021)}-05-01",
            "staff": [{"id": f"{did}-ST-P{k + 1:02d}", "role": "psych_teacher", "full_time": k == 0 or rng.random() < 0.5,
                       "qualified": True} for k in range(rng.randint(1, 3))],
            "attestations": _attest(items["station"], rng, 0.8),
        })
    gap_share = rng.uniform(0.15, 0.30)
    city_rng = random.Random(seed + 1)  # the city's own records: the same whether institutions stream or not
    header = {
        "schema_version": 1,
        "as_of": AS_OF,
        "city": {
            "code": city_code, "name": name_of_city,
            "events": [{"date": _day(date(y, 1, 1), 300, city_rng), "kind": "backbone_training", "hours": 8}
                       for y in CALENDAR_YEARS]
            + [{"date": "2024-11-20", "kind": "assessment_round", "title": "示范校（站点）评估"}],
            "attestations": _attest(items["city"], city_rng, 0.8),
        },
        "districts": districts,
        "stations": stations,
    }
    institutions = (_institution(i + 1, districts[i % n_districts], rng.random() < gap_share, items["institution"], rng)
                    for i in range(n))
    return header, institutions


def make_dataset(n: int, city_code: str = "fuzhou", seed: int = 0) -> dict[str, Any]:
    """A JSON-able dataset of `n` institutions, valid for `mhpolicy.core.model.entities.Dataset`."""
    header, institutions = make_streamed(n, city_code, seed)
    return {**header, "institutions": list(institutions)}


def main(argv: list[str]) -> int:
    import argparse

    import orjson

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--city", default="fuzhou")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.out.suffix == ".jsonl":  # header line, then one institution per line, made as written
        header, institutions = make_streamed(args.n, args.city, args.seed)
        with args.out.open("wb") as fh:
            fh.write(orjson.dumps(header) + b"\n")
            for inst in institutions:
                fh.write(orjson.dumps(inst) + b"\n")
    else:
        args.out.write_bytes(orjson.dumps(make_dataset(args.n, args.city, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
