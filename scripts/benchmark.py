"""Benchmark of the check on synthetic data (scripts/synthetic.py), stage by stage.

    python scripts/benchmark.py                                  # N = 1,000 / 10,000 / 100,000, fuzhou
    python scripts/benchmark.py --sizes 1000,10000 --cities all  # every installed city, one check
    python scripts/benchmark.py --station-tree 2000 --months 24  # 新乡: a station network with monthly sheets

For each N it prints:
- end to end: `mhpolicy check --data FILE.jsonl` run as a user runs it, in a fresh process
  (workers as the CLI picks them), with its wall time and peak memory (ru_maxrss of the
  process and, separately, of its largest worker);
- the stages, measured in one process over the same chunks: load and validate (pydantic),
  evaluate (measures in Python, then the rule engine), store (SQLite), report (builders and
  files); and beside the engine, the same facts decided by the same compiled conditions
  without it, and the ratio.

Targets (issue #3): 100,000 institutions end to end under 30 s and 1.5 GB on this 2-core
machine; the engine within 10x of the direct path. This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "mhpolicy-bench"


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports kilobytes


def _data(n: int, city: str) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"synthetic-{city}-{n}.jsonl"
    if not path.exists():
        part = path.with_name(path.stem + ".part.jsonl")
        subprocess.run([sys.executable, str(SCRIPTS / "synthetic.py"), str(n), str(part), "--city", city], check=True)
        part.rename(path)
    return path


def end_to_end(data: Path, cities: list[str], since: str | None = None) -> dict[str, Any]:
    """`mhpolicy check` in this process (run me in a fresh one): wall time and peaks."""
    from mhpolicy.core.cli import main

    with tempfile.TemporaryDirectory(prefix="mhpolicy-bench-") as tmp:
        args = ["check", "--data", str(data), "--db", f"{tmp}/b.db", "--out", f"{tmp}/out"]
        args += ["--since", since] if since else []
        for c in cities:
            args += ["--city", c]
        t0 = time.perf_counter()
        code = main(args)
        wall = time.perf_counter() - t0
        sizes = {p.name: round(p.stat().st_size / 2**20, 1) for p in Path(tmp, "out").iterdir()}
        db = round(Path(tmp, "b.db").stat().st_size / 2**20, 1)
    return {"exit": code, "wall": wall, "peak": _peak_mb(), "peak_worker": _peak_mb(resource.RUSAGE_CHILDREN),
            "files_mb": sizes, "db_mb": db}


def stages(data: Path, city: str) -> dict[str, Any]:
    """Each stage timed separately, single process, chunk by chunk (nothing kept between chunks)."""
    from mhpolicy.core.evaluation.decide import decide_batch, engine_for
    from mhpolicy.core.evaluation.engine import DirectDecider
    from mhpolicy.core.evaluation.evaluate import Evaluation
    from mhpolicy.core.evaluation.pipeline import paused_gc
    from mhpolicy.core.io.source import open_source, validate_chunk
    from mhpolicy.core.io.store import Store
    from mhpolicy.core.plugins.registry import discover
    from mhpolicy.core.rules.context import Context, Subject
    from mhpolicy.core.rules.requirement import SubjectKind
    from mhpolicy.reports.build import ReportBuilder
    from mhpolicy.reports.render import write_gap_report

    policy = discover().get(city)
    engine = engine_for(policy)
    direct = DirectDecider(engine.conditions)
    t: dict[str, float] = dict.fromkeys(("open", "validate", "python", "engine", "direct", "store", "report"), 0.0)
    facts = findings = 0

    def engine_timed(eng: Any, fs: list[dict[str, Any]]) -> Any:
        nonlocal facts
        facts += len(fs)
        t0 = time.perf_counter()
        try:
            return eng.run(fs)
        finally:
            t["engine"] += time.perf_counter() - t0

    def direct_timed(eng: Any, fs: list[dict[str, Any]]) -> Any:
        t0 = time.perf_counter()
        try:
            return direct(fs)
        finally:
            t["direct"] += time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="mhpolicy-bench-") as tmp, paused_gc():
        t0 = time.perf_counter()
        src = open_source(data)
        t["open"] = time.perf_counter() - t0
        as_of = src.header.as_of or date(2025, 9, 30)
        ctx = Context(as_of=as_of, city=policy.info, parameters=policy.parameters, dataset=src.header)
        store = Store(f"{tmp}/b.db")
        csv_fh = open(f"{tmp}/actions.csv", "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        builder = ReportBuilder(policy, Evaluation(policy.code, as_of, policy.info.version, src.digest), csv_fh)
        with store.writing() as w:
            run_id = w.begin(city=city, plugin=city, plugin_version="bench", as_of=as_of, data_hash=src.digest)
            for chunk in src.chunks():
                t0 = time.perf_counter()
                institutions = validate_chunk(chunk, src.header, str(data))
                t["validate"] += time.perf_counter() - t0
                subjects = {SubjectKind.INSTITUTION: [Subject(SubjectKind.INSTITUTION, i.id, i.name, i.district_id, i)
                                                      for i in institutions]}
                t0 = time.perf_counter()
                part = decide_batch(policy, ctx, subjects, engine, engine_timed)
                t["python"] += time.perf_counter() - t0
                t0 = time.perf_counter()
                decide_batch(policy, ctx, subjects, engine, direct_timed)
                t["direct_path"] = t.get("direct_path", 0.0) + time.perf_counter() - t0
                findings += len(part)
                t0 = time.perf_counter()
                w.add(run_id, part)
                t["store"] += time.perf_counter() - t0
                t0 = time.perf_counter()
                builder.add(part)
                t["report"] += time.perf_counter() - t0
            w.finish(run_id)
            csv_fh.close()
            t0 = time.perf_counter()
            write_gap_report(Path(tmp, "out"), builder.report(run_id), city)
            t["report"] += time.perf_counter() - t0
    t["python"] -= t["engine"]
    t["direct_python"] = t.pop("direct_path") - t["direct"]
    return {"t": t, "facts": facts, "findings": findings, "institutions": src.institutions, "peak": _peak_mb()}


def station_tree_data(n: int, months: int) -> Path:
    """A 新乡-shaped city of `n` stations (one 一级 centre, a tenth 二级, the rest 三级 spread over
    them) with `months` monthly sheets each, ending the month before 2025-12; about 1 sheet in 20
    late, 1 in 50 to the wrong station and 1 in 50 missing, so every path of the rules runs."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"station-tree-{n}-{months}.json"
    if path.exists():
        return path
    middle = max(1, n // 10)
    stations: list[dict[str, Any]] = [{"id": "C", "name": "中心", "level": "city", "tier": 1}]
    codes = []
    y, m = 2025, 11
    for _ in range(months):
        codes.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    groups = ["students", "teachers", "parents"]
    for k in range(n - 1):
        tier2 = k < middle
        sid, parent = (f"M{k}", "C") if tier2 else (f"L{k}", f"M{k % middle}")
        sent = []
        for j, (yy, mm) in enumerate(codes):
            if (k + j) % 50 == 7:
                continue  # missing
            day = 28 if (k + j) % 20 == 3 else 20
            to = "C" if (not tier2 and (k + j) % 50 == 11) else parent
            ny, nm = (yy + 1, 1) if mm == 12 else (yy, mm + 1)
            sent.append({"month": f"{yy}-{mm:02d}", "recipient_id": to,
                         "sent": f"{ny}-{nm:02d}-03" if tier2 else f"{yy}-{mm:02d}-{day:02d}"})
        stations.append({
            "id": sid, "name": f"站点{sid}", "level": "district" if tier2 else "school", "tier": 2 if tier2 else 3,
            "parent_id": parent, "reports_sent": sent,
            "staff": [{"id": f"{sid}-T1", "role": "psych_teacher", "full_time": tier2}],
            "sunshine_activities": [{"date": "2025-03-10", "title": "阳光成长讲座", "groups": groups},
                                    {"date": "2025-10-10", "title": "阳光成长团辅", "groups": groups[: 2 + k % 2]}],
            "budget_lines": [{"year": 2025, "amount_yuan": 10000}]})
    data = {"as_of": "2025-12-20", "city": {"code": "xinxiang", "name": "新乡市（合成）"}, "stations": stations}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def station_tree_run(n: int, months: int) -> None:
    """`mhpolicy check --city xinxiang` on the station city, end to end, in a fresh process."""
    data = station_tree_data(n, months)
    e2e = _child("e2e", data, ["xinxiang"], since="2024-01-01")  # every month of the data judged
    sheets = sum(len(s.get("reports_sent", [])) for s in json.loads(data.read_text(encoding="utf-8"))["stations"])
    print(f"station tree: {n:,} stations × {months} months ({sheets:,} sheets), as of 2025-12-20, since 2024-01-01: "
          f"e2e {e2e['wall']:.1f} s, peak {e2e['peak']:,.0f} MB, worker {e2e['peak_worker']:,.0f} MB, "
          f"exit {e2e['exit']}, outputs MB {e2e['files_mb']}, sqlite {e2e['db_mb']} MB", flush=True)


def _child(kind: str, data: Path, cities: list[str], since: str | None = None) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, f"--{kind}", str(data), "--cities", ",".join(cities),
                          *(["--since", since] if since else [])], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cities(arg: str) -> list[str]:
    if arg != "all":
        return arg.split(",")
    from mhpolicy.core.plugins.registry import discover

    return sorted(discover().policies)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="mhpolicy benchmark")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--cities", default="fuzhou")
    ap.add_argument("--e2e", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--station-tree", type=int, metavar="N", help="a 新乡 city of N stations instead (see --months)")
    ap.add_argument("--months", type=int, default=24, help="monthly sheets per station for --station-tree")
    ap.add_argument("--since", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.station_tree:
        station_tree_run(args.station_tree, args.months)
        return 0
    cities = _cities(args.cities)
    if args.e2e:
        print(json.dumps(end_to_end(args.e2e, cities, args.since)))
        return 0
    if args.stages:
        print(json.dumps(stages(args.stages, cities[0])))
        return 0
    print(f"{'N':>8} {'cities':<16} {'e2e s':>7} {'peak MB':>8} {'worker MB':>9} | per city, one process: "
          f"{'load+valid':>10} {'python':>7} {'engine':>7} {'direct':>7} {'eng/dir':>7} {'store':>6} {'report':>6} "
          f"{'findings':>9} {'µs/fact eng':>11}")
    for n in (int(x) for x in args.sizes.split(",")):
        data = _data(n, cities[0])
        e2e = _child("e2e", data, cities)
        for k, city in enumerate(cities):
            st = _child("stages", data, [city])
            t = st["t"]
            head = (f"{n:>8,} {','.join(cities):<16} {e2e['wall']:>7.1f} {e2e['peak']:>8,.0f} {e2e['peak_worker']:>9,.0f}"
                    if k == 0 else " " * 53)
            print(f"{head} | {city:<9} {t['open'] + t['validate']:>10.2f} {t['python']:>7.2f} {t['engine']:>7.2f} "
                  f"{t['direct']:>7.2f} {t['engine'] / max(t['direct'], 1e-9):>6.1f}x {t['store']:>6.2f} "
                  f"{t['report']:>6.2f} {st['findings']:>9,} {t['engine'] / max(st['facts'], 1) * 1e6:>11.1f}",
                  flush=True)
        print(f"{'':>8} outputs MB: {e2e['files_mb']}  sqlite {e2e['db_mb']} MB  exit {e2e['exit']}", flush=True)
    print("e2e: `mhpolicy check` as run by a user (stream, workers as the CLI picks them, store, reports); "
          "peak MB: the check's own process, worker MB: its largest worker. Stage columns: one process, seconds; "
          "python = measures and findings, engine = durable_rules, direct = the same compiled conditions in Python.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
