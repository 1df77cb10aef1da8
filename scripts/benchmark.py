"""Benchmark of the check on synthetic data (scripts/synthetic.py), end to end and stage by stage.

    python scripts/benchmark.py --sizes 10000,100000 --cities all --runs 3   # the province figures
    python scripts/benchmark.py --sizes 100000 --cities all --together-only  # only every city in one check
    python scripts/benchmark.py --sizes 1000000 --cities fuzhou              # a million, streamed from JSONL
    python scripts/benchmark.py ... --record                                 # append to benchmark-results.jsonl
    python scripts/benchmark.py ... --python ../old/.venv/bin/python         # measure another checkout
    python scripts/benchmark.py --station-tree 2000 --months 24              # 新乡: a station network, monthly sheets

For each N it prints:
- end to end: `mhpolicy check --data FILE.jsonl` run as a user runs it, in a fresh process
  (workers as the CLI picks them), every city in one check and then each city alone, `--runs`
  times each: wall time of each run (min / median), seconds per city, peak memory of the check's
  process and of its largest worker, the store's size, findings and findings per second; beside
  each, the last figure recorded for the same size and cities (scripts/benchmark-results.jsonl,
  oldest first: the trend);
- the stages, measured in one process over the same chunks (up to --stage-limit institutions):
  load and validate (pydantic), evaluate (measures in Python, then the rule engine), store
  (SQLite), report (builders and files); and beside the engine, the same facts decided by the
  same compiled conditions without it, and the ratio.

Targets (issue 13): 100,000 institutions × every installed city ≤ 12 s per city end to end on
this 2-core machine, peak memory of all processes ≤ 1.5 GB, store ≤ 100 MB per city per 100,000;
the engine stage within 2× of the direct path. This prints figures; it asserts nothing.

Aggregate requirements (targets over a population, issue #9; aggregates should add < 10%):

    python scripts/benchmark.py --sizes 10000 --cities pingliang --aggregates 3   # e2e with vs without, 3 runs each
    python scripts/benchmark.py --sizes 100000 --cities pingliang --fold-cost     # CPU s of the fold beside deciding

Measured 2026-12-02 on the shared 2-core machine (load average ~8 from other checks, so wall
times spread widely): --fold-cost at 100,000 institutions under 平凉: validate 33.0 s, decide
192.2 s, fold 3.6 s, decide totals 0.4 s CPU: aggregates add 1.8%; at 10,000 under 平凉 1.6%,
under all three cities 0.4%. End to end at 10,000 under 平凉 (3 runs each, wall s): without
148.7 107.2 167.2, with 163.9 155.7 125.0: median +4.7%, within the spread of the runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "mhpolicy-bench"


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports kilobytes


def _pss_mb(pid: int) -> float:
    """A process's proportional set size: its private pages plus its share of pages it shares
    (a forked worker's pages still shared with its parent count half to each), so the sum over
    processes is the memory they hold together, which a sum of RSS counts twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # the process ended between listing and reading
        pass
    return 0.0


def _family(root: int) -> list[int]:
    """`root` and every process descended from it (workers, their children)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, []))
    return out


class PssSampler:
    """The largest sum of PSS over this process and its descendants, sampled every `every`
    seconds in a thread while a check runs (Linux; None where /proc has no smaps_rollup)."""

    def __init__(self, every: float = 1.0) -> None:
        self.every, self.peak = every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, sum(_pss_mb(pid) for pid in _family(os.getpid())))

    def __enter__(self) -> PssSampler:
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def result(self) -> float | None:
        return round(self.peak, 1) if self.peak else None


def _data(n: int, city: str) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"synthetic-{city}-{n}.jsonl"
    if not path.exists():
        part = path.with_name(path.stem + ".part.jsonl")
        subprocess.run([sys.executable, str(SCRIPTS / "synthetic.py"), str(n), str(part), "--city", city], check=True)
        part.rename(path)
    return path


def _without_aggregates() -> None:
    """Make `mhpolicy check` in this process load every plan without its aggregate requirements
    (targets over a population, core/rules/aggregate.py): the same run without the fold, to
    measure what the fold adds."""
    from mhpolicy.core import cli
    from mhpolicy.core.plugins import registry

    def discover() -> registry.Registry:
        reg = registry.discover()
        for p in reg.policies.values():
            p.requirements = [r for r in p.requirements if r.aggregate is None]
        return reg

    cli.discover = discover  # type: ignore[assignment]


def end_to_end(data: Path, cities: list[str], since: str | None = None,
               aggregates: bool = True) -> dict[str, Any]:
    """`mhpolicy check` in this process (run me in a fresh one): wall time and peaks."""
    from mhpolicy.core.cli import main

    if not aggregates:
        _without_aggregates()

    with tempfile.TemporaryDirectory(prefix="mhpolicy-bench-") as tmp:
        args = ["check", "--data", str(data), "--db", f"{tmp}/b.db", "--out", f"{tmp}/out"]
        args += ["--since", since] if since else []
        for c in cities:
            args += ["--city", c]
        t0 = time.perf_counter()
        with PssSampler() as pss:
            code = main(args)
        wall = time.perf_counter() - t0
        sizes = {p.name: round(p.stat().st_size / 2**20, 1) for p in Path(tmp, "out").iterdir() if p.is_file()}
        db = round(Path(tmp, "b.db").stat().st_size / 2**20, 1)
        from mhpolicy.core.io.store import Store

        counts = Store(f"{tmp}/b.db").counts()
    return {"exit": code, "wall": wall, "peak": _peak_mb(), "peak_worker": _peak_mb(resource.RUSAGE_CHILDREN),
            "pss": pss.result, "files_mb": sizes, "db_mb": db, "findings": counts["findings"]}


def stages(data: Path, city: str, limit: int | None = None) -> dict[str, Any]:
    """Each stage timed separately, single process, chunk by chunk (nothing kept between chunks),
    over the first `limit` institutions (all when None)."""
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

    def engine_timed(eng: Any, keys: list[Any]) -> Any:
        nonlocal facts
        facts += len(keys)
        t0 = time.perf_counter()
        try:
            return eng.decide(keys)
        finally:
            t["engine"] += time.perf_counter() - t0

    def direct_timed(eng: Any, keys: list[Any]) -> Any:
        t0 = time.perf_counter()
        try:
            return direct.decide(keys)
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
            staged = 0
            for chunk in src.chunks():
                if limit is not None and staged >= limit:
                    break
                staged += len(chunk.rows)
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
    return {"t": t, "facts": facts, "findings": findings, "institutions": staged, "peak": _peak_mb()}


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


PYTHON = sys.executable  # the interpreter children run in: `--python` measures another checkout's install


def _child(kind: str, data: Path, cities: list[str], since: str | None = None, *extra: str) -> dict[str, Any]:
    out = subprocess.run([PYTHON, __file__, f"--{kind}", str(data), "--cities", ",".join(cities),
                          *(["--since", since] if since else []), *extra], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cities(arg: str) -> list[str]:
    if arg != "all":
        return arg.split(",")
    from mhpolicy.core.plugins.registry import discover

    return sorted(discover().policies)


def fold_cost(data: Path, cities: list[str]) -> dict[str, float]:
    """CPU seconds, one process, chunk by chunk: validating and deciding the institutions, beside
    folding the aggregate requirements over them and deciding the totals. CPU time, not wall: on
    a shared machine the fold's share is read far more steadily this way."""
    from mhpolicy.core.evaluation.decide import decide_aggregates, decide_batch, engine_for, fold_aggregates
    from mhpolicy.core.evaluation.pipeline import paused_gc
    from mhpolicy.core.io.source import open_source, validate_chunk
    from mhpolicy.core.plugins.registry import discover
    from mhpolicy.core.rules.aggregate import merge_all
    from mhpolicy.core.rules.context import Context, Subject, subjects_of
    from mhpolicy.core.rules.requirement import SubjectKind

    reg = discover()
    policies = [reg.get(c) for c in cities]
    src = open_source(data, reg.models())
    as_of = src.header.as_of or date(2025, 9, 30)
    ctx = {p.code: Context(as_of=as_of, city=p.info, parameters=p.parameters, dataset=src.header) for p in policies}
    t = dict.fromkeys(("validate", "decide", "fold", "final"), 0.0)
    totals = {p.code: fold_aggregates(p, ctx[p.code], None) for p in policies}
    clock = time.process_time
    with paused_gc():
        for chunk in src.chunks():
            t0 = clock()
            institutions = validate_chunk(chunk, src.header, str(data))
            t["validate"] += clock() - t0
            subjects = {SubjectKind.INSTITUTION: [Subject(SubjectKind.INSTITUTION, i.id, i.name, i.district_id, i)
                                                  for i in institutions]}
            for p in policies:
                t0 = clock()
                decide_batch(p, ctx[p.code], subjects, engine_for(p), None)
                t["decide"] += clock() - t0
                t0 = clock()
                merge_all(totals[p.code], fold_aggregates(p, ctx[p.code], institutions))
                t["fold"] += clock() - t0
            gc.collect(0)
        scopes = {k: subjects_of(src.header, k) for k in (SubjectKind.CITY, SubjectKind.DISTRICT)}
        for p in policies:
            t0 = clock()
            decide_aggregates(p, ctx[p.code], scopes, totals[p.code], engine_for(p))
            t["final"] += clock() - t0
    return t


def _aggregates(sizes: str, cities: list[str], runs: int) -> int:
    """What folding the targets over a population adds to a whole check: `mhpolicy check` in a
    fresh process, alternately with and without the aggregate requirements, `runs` times each."""
    print(f"{'N':>8} {'cities':<28} {'without s (runs)':<34} {'with s (runs)':<34} {'median +%':>9}")
    for n in (int(x) for x in sizes.split(",")):
        data = _data(n, cities[0])
        walls: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(runs):
            for with_ in (False, True):
                e2e = _child("e2e", data, cities, None, *([] if with_ else ["--no-aggregates"]))
                assert e2e["exit"] == 0, e2e
                walls[with_].append(e2e["wall"])
        med = {k: sorted(v)[len(v) // 2] for k, v in walls.items()}
        fmt = {k: " ".join(f"{w:.1f}" for w in v) for k, v in walls.items()}
        print(f"{n:>8,} {','.join(cities):<28} {fmt[False]:<34} {fmt[True]:<34} "
              f"{(med[True] / med[False] - 1) * 100:>8.1f}%", flush=True)
    return 0


def _fold_cost(sizes: str, cities: list[str]) -> int:
    for n in (int(x) for x in sizes.split(",")):
        t = _child("fold-cost", _data(n, cities[0]), cities)
        base = t["validate"] + t["decide"]
        print(f"{n:>8,} {','.join(cities):<28} CPU s: validate {t['validate']:.2f}  decide {t['decide']:.2f}  "
              f"fold {t['fold']:.2f}  decide totals {t['final']:.2f}  -> aggregates add "
              f"{(t['fold'] + t['final']) / base * 100:.1f}%", flush=True)
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="mhpolicy benchmark")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--cities", default="fuzhou")
    ap.add_argument("--e2e", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--no-aggregates", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--fold-cost", nargs="?", const=True, default=None,
                    help="instead: CPU time of folding and deciding the aggregates beside validating and deciding")
    ap.add_argument("--aggregates", type=int, metavar="RUNS", default=0,
                    help="instead: end to end with and without the plans' aggregate requirements, RUNS times each")
    ap.add_argument("--station-tree", type=int, metavar="N", help="a 新乡 city of N stations instead (see --months)")
    ap.add_argument("--months", type=int, default=24, help="monthly sheets per station for --station-tree")
    ap.add_argument("--since", help=argparse.SUPPRESS)
    ap.add_argument("--python", help="run the checks with this interpreter (another checkout's venv: a before/after)")
    ap.add_argument("--runs", type=int, default=1, help="end-to-end runs per check (min and median printed)")
    ap.add_argument("--together-only", action="store_true", help="only every city in one check, not each alone")
    ap.add_argument("--record", action="store_true", help=f"append the figures to {RESULTS.name} (the trend)")
    ap.add_argument("--stage-limit", type=int, default=10000,
                    help="stage table over at most this many institutions (it decides every chunk twice)")
    args = ap.parse_args(argv)
    global PYTHON
    PYTHON = args.python or PYTHON
    if args.station_tree:
        station_tree_run(args.station_tree, args.months)
        return 0
    cities = _cities(args.cities)
    if args.e2e:
        print(json.dumps(end_to_end(args.e2e, cities, args.since, aggregates=not args.no_aggregates)))
        return 0
    if isinstance(args.fold_cost, str):  # the child: one dataset
        print(json.dumps(fold_cost(Path(args.fold_cost), cities)))
        return 0
    if args.fold_cost:
        return _fold_cost(args.sizes, cities)
    if args.aggregates:
        return _aggregates(args.sizes, cities, args.aggregates)
    if args.stages:
        print(json.dumps(stages(args.stages, cities[0], args.stage_limit if args.stage_limit else None)))
        return 0
    return province(args.sizes, cities, args.runs, args.record, args.stage_limit, args.together_only)


RESULTS = SCRIPTS / "benchmark-results.jsonl"  # every recorded figure, oldest first: the trend


def _previous(n: int, cities: list[str], kind: str) -> dict[str, Any] | None:
    """The latest recorded figure for the same size, cities and kind of run."""
    if not RESULTS.exists():
        return None
    found = None
    for line in RESULTS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if (rec["n"], rec["cities"], rec["kind"]) == (n, ",".join(cities), kind):
            found = rec
    return found


def _commit() -> str:
    """The commit of the mhpolicy the children run (another checkout's with `--python`)."""
    where = subprocess.run([PYTHON, "-c", "import pathlib, mhpolicy.core as m; print(pathlib.Path(m.__file__).parent)"],
                           capture_output=True, text=True).stdout.strip() or str(SCRIPTS)
    out = subprocess.run(["git", "-C", where, "log", "-1", "--format=%h"], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def _runs(data: Path, cities: list[str], runs: int) -> dict[str, Any]:
    """`mhpolicy check` on `data` under `cities`, `runs` times, each in a fresh process."""
    results = [_child("e2e", data, cities) for _ in range(runs)]
    assert all(r["exit"] in (0, 1) for r in results), results
    walls = sorted(r["wall"] for r in results)
    last = results[-1]
    return {"walls": [round(w, 1) for w in walls], "min": walls[0], "median": walls[len(walls) // 2],
            "peak": max(r["peak"] for r in results), "peak_worker": max(r["peak_worker"] for r in results),
            "pss": max((r["pss"] for r in results if r.get("pss")), default=None),
            "db_mb": last["db_mb"], "findings": last["findings"], "files_mb": last["files_mb"]}


def _line(label: str, r: dict[str, Any], per_city: int) -> str:
    workers = 2 if r["peak_worker"] else 0  # the CLI forks two from 4,000 institutions on (pipeline.auto_workers)
    peak_all = r["peak"] + workers * r["peak_worker"]
    return (f"  {label:<34} wall {r['min']:>7.1f} / {r['median']:>7.1f} s ({' '.join(map(str, r['walls']))})  "
            f"{r['median'] / per_city:>6.1f} s/city  peak {r['peak']:>5,.0f} + {workers}×{r['peak_worker']:,.0f} MB "
            f"(≤ {peak_all:,.0f}; together {r['pss'] or 0:,.0f})  store {r['db_mb']:>6.1f} MB  {r['findings']:>10,} findings  "
            f"{r['findings'] / r['median']:>9,.0f}/s")


def _was(rec: dict[str, Any]) -> str:
    store = f", store {rec['db_mb']} MB" if rec.get("db_mb") is not None else ""
    wall = (f"{rec['min']:.1f} / {rec['median']:.1f}" if rec.get("median") is not None
            else "–".join(f"{w:.0f}" for w in rec["walls"]))
    return (f"      recorded {rec['when']} at {rec['commit']}: wall {wall} s{store}"
            f"{' (' + rec['note'] + ')' if rec.get('note') else ''}")


def province(sizes: str, cities: list[str], runs: int, record: bool, stage_limit: int,
             together_only: bool = False) -> int:
    """For each size: every city in one check, then each city alone (`runs` runs each, min and
    median wall seconds), beside the last recorded figures; then the stage table per city."""
    print(f"mhpolicy benchmark · {_commit()} · {len(cities)} cities · {runs} run(s) each, wall min / median · "
          f"load average now {os.getloadavg()[0]:.1f}", flush=True)
    new: list[dict[str, Any]] = []
    for n in (int(x) for x in sizes.split(",")):
        data = _data(n, "all" if len(cities) > 1 else cities[0])
        print(f"N = {n:,} institutions ({data.name})", flush=True)
        alone = [(c, [c]) for c in cities] if len(cities) > 1 and not together_only else []
        checks = [("every city in one check", cities), *alone]
        for label, group in checks:
            r = _runs(data, group, runs)
            print(_line(label, r, len(group)), flush=True)
            kind = "e2e"
            if before := _previous(n, group, kind):
                print(_was(before), flush=True)
            new.append({"when": date.today().isoformat(), "commit": _commit(), "n": n, "cities": ",".join(group),
                        "kind": kind, "runs": runs, **{k: r[k] for k in ("walls", "min", "median", "peak",
                                                                         "peak_worker", "pss", "db_mb", "findings")}})
        limit = None if n <= stage_limit else stage_limit
        print(f"  stages, one process{'' if limit is None else f', over the first {limit:,} institutions'}, seconds:",
              flush=True)
        print(f"    {'city':<12} {'load+valid':>10} {'python':>7} {'engine':>7} {'direct':>7} {'eng/dir':>7} "
              f"{'store':>6} {'report':>6} {'findings':>9}", flush=True)
        for city in cities:
            st = _child("stages", data, [city], None, *(["--stage-limit", str(limit)] if limit else []))
            t = st["t"]
            print(f"    {city:<12} {t['open'] + t['validate']:>10.2f} {t['python']:>7.2f} "
                  f"{t['engine']:>7.2f} {t['direct']:>7.2f} {t['engine'] / max(t['direct'], 1e-9):>6.2f}x "
                  f"{t['store']:>6.2f} {t['report']:>6.2f} {st['findings']:>9,}", flush=True)
    print("wall: `mhpolicy check` end to end as a user runs it (read, validate, decide, store, reports; workers as the "
          "CLI picks them), fresh process each run; s/city: median / cities checked; peak: the check's process + each "
          "worker's peak RSS (their sum counts pages a worker shares with the check twice); together: the largest sum "
          "of PSS over the check and its workers, sampled every second (each shared page counted once; sampling "
          "costs ~1% of wall time); store: the SQLite file (the dataset, compressed, "
          "and every finding). Stages: python = measures and findings, engine = durable_rules (each distinct fact "
          "once), direct = the same compiled conditions in Python on every fact.")
    if record:
        with RESULTS.open("a", encoding="utf-8") as fh:
            for rec in new:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"recorded in {RESULTS.relative_to(SCRIPTS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
