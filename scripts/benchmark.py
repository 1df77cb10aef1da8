"""Benchmark of the check, stage by stage, on synthetic datasets (scripts/synthetic.py).

    python scripts/benchmark.py                          # N = 1,000 / 10,000 / 100,000, fuzhou
    python scripts/benchmark.py --sizes 1000,10000 --cities fuzhou,nanchang   (or --cities all)
    python scripts/benchmark.py --one 10000 [--city fuzhou] [--data FILE]   # one size, this process

Each (size, city) runs in a fresh subprocess (`--one`), so the peak memory printed is that
size's own: `ru_maxrss` of the process (process-wide peak over all stages) and of its forked
evaluation workers. The dataset is generated beforehand by another process and read as
bytes, so the generator's own memory is not counted (with `--one` alone it is generated in
process, and the peak then includes it).

Stages, as `mhpolicy check` runs them:
  load     orjson bytes -> parse_dataset (pydantic validation)
  hash     data_hash(dataset) (the run's reproducibility key)
  eval     iter_evaluate, chunks kept (workers as the CLI picks them: 2 from 5,000 schools)
  store    Store on a temp SQLite file, record_run with the chunks (one transaction)
  report   gap_report + write_gap_report (HTML, JSON, actions CSV) to a temp dir
Then, single process and chunks discarded: the engine path split into Python (facts and
findings) and the engine (RuleEngine.run, timed through `decide=`), and the engine-free
path (decide_direct on the same compiled conditions).

Targets: 100,000 institutions end to end under 30 s and 1.5 GB on this 2-core machine;
the engine within 10x of the direct path. This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import orjson

SCRIPTS = Path(__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "mhpolicy-bench"
MB = 1024 * 1024


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


class _Clock:
    """Accumulates the time spent inside a wrapped callable."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args)
            finally:
                self.seconds += time.perf_counter() - start

        return timed


def run_one(n: int, city: str, data: Path | None, workers: int | None, seed: int) -> dict[str, Any]:
    """All stages for one size and city, in this process; returns the figures."""
    from mhpolicy.core.engine import decide_direct
    from mhpolicy.core.evaluate import Evaluation, auto_workers, data_hash, engine_for, iter_evaluate
    from mhpolicy.core.loading import parse_dataset
    from mhpolicy.core.plugins import discover
    from mhpolicy.core.store import Store
    from mhpolicy.reports.build import gap_report
    from mhpolicy.reports.render import write_gap_report

    out: dict[str, Any] = {"n": n, "city": city, "mem": {}}

    def mark(stage: str) -> None:
        out["mem"][stage] = {"rss": round(_rss_mb()), "peak": round(_peak_mb())}
        print(f"  [{city} {n}] {stage:<10} rss {_rss_mb():7.0f} MB  peak {_peak_mb():7.0f} MB", file=sys.stderr)

    policy = discover().get(city)
    engine_for(policy)  # compile the ruleset outside the timings (once per process in the CLI too)
    mark("start")
    if data is None:
        sys.path.insert(0, str(SCRIPTS))
        from synthetic import make_dataset

        raw_dict = make_dataset(n, city, seed)
        raw = orjson.dumps(raw_dict)
        del raw_dict
        gc.collect()
        out["generated_in_process"] = True
    else:
        raw = data.read_bytes()
    out["json_mb"] = round(len(raw) / MB, 1)
    mark("bytes")

    t0 = time.perf_counter()
    dataset = parse_dataset(orjson.loads(raw), "synthetic")
    out["load"] = time.perf_counter() - t0
    mark("load")
    as_of = dataset.as_of or date(2025, 9, 30)

    t0 = time.perf_counter()
    digest = data_hash(dataset)
    out["hash"] = time.perf_counter() - t0
    mark("hash")

    w = workers if workers is not None else auto_workers(len(dataset.institutions))
    out["workers"] = w
    t0 = time.perf_counter()
    chunks = [part for part in iter_evaluate(dataset, policy, as_of, workers=w)]
    out["eval"] = time.perf_counter() - t0
    out["findings"] = sum(len(c) for c in chunks)
    mark("eval")

    with tempfile.TemporaryDirectory(prefix="mhpolicy-bench-") as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        run_id = store.record_run(city=policy.code, plugin=policy.plugin_name, plugin_version=policy.info.version,
                                  as_of=as_of, data_hash=digest, dataset_city=dataset.city.code,
                                  dataset_as_of=dataset.as_of, source="synthetic", raw=raw,
                                  institutions=len(dataset.institutions), findings=iter(chunks))
        out["store"] = time.perf_counter() - t0
        store.engine.dispose()
        out["db_mb"] = round((Path(tmp) / "bench.db").stat().st_size / MB, 1)
        mark("store")

        t0 = time.perf_counter()
        ev = Evaluation(policy.code, as_of, policy.info.version, digest)
        ev.findings = sorted((f for part in chunks for f in part), key=lambda f: (f.subject_kind, f.subject_id, f.rule_id))
        del chunks
        report = gap_report(ev, policy, run_id)
        out["report_build"] = time.perf_counter() - t0
        mark("report-dic")
        t1 = time.perf_counter()
        paths = write_gap_report(Path(tmp) / "out", report, policy.code)
        out["report_write"] = time.perf_counter() - t1
        out["report"] = time.perf_counter() - t0
        out["report_files_mb"] = {p.suffix.lstrip("."): round(p.stat().st_size / MB, 1) for p in paths}
        mark("report")
    del report, ev
    gc.collect()
    out["total"] = out["load"] + out["hash"] + out["eval"] + out["store"] + out["report"]
    out["peak_pipeline"] = round(_peak_mb())
    out["peak_children"] = round(_peak_mb(resource.RUSAGE_CHILDREN))

    # Single process, findings discarded: the engine split, then the engine-free path.
    engine_clock = _Clock()
    t0 = time.perf_counter()
    count = 0
    for part in iter_evaluate(dataset, policy, as_of, decide=lambda eng, facts: engine_clock.wrap(eng.run)(facts)):
        count += len(part)
    out["engine_path"] = time.perf_counter() - t0
    out["engine_decide"] = engine_clock.seconds
    out["facts"] = count
    direct_clock = _Clock()
    t0 = time.perf_counter()
    direct_count = 0
    for part in iter_evaluate(dataset, policy, as_of,
                              decide=lambda eng, facts: direct_clock.wrap(decide_direct)(eng.conditions, facts)):
        direct_count += len(part)
    out["direct_path"] = time.perf_counter() - t0
    out["direct_decide"] = direct_clock.seconds
    out["direct_findings"] = direct_count
    out["peak"] = round(_peak_mb())
    mark("done")
    return out


def _ensure_data(n: int, city: str, seed: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"synthetic-{city}-{n}-{seed}.json"
    if not path.exists():
        t0 = time.perf_counter()
        tmp = path.with_suffix(".part")
        subprocess.run([sys.executable, str(SCRIPTS / "synthetic.py"), str(n), str(tmp), "--city", city,
                        "--seed", str(seed)], check=True)
        tmp.rename(path)
        print(f"generated {path} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return path


def _row(r: dict[str, Any]) -> list[str]:
    n = r["n"]
    return [
        r["city"], f"{n:,}", f"{r['json_mb']:.0f}", f"{r['load']:.2f}", f"{r['hash']:.2f}",
        f"{r['eval']:.2f}", str(r["workers"]), f"{r['store']:.2f}", f"{r['report']:.2f}", f"{r['total']:.2f}",
        f"{r['eval'] / n * 1e6:.0f}", f"{r['engine_path']:.2f}", f"{r['direct_path']:.2f}",
        f"{r['engine_path'] / r['direct_path']:.1f}x", f"{r['findings']:,}", f"{r['peak_pipeline']:,}",
        f"{r['peak_children']:,}",
    ]


def _split_row(r: dict[str, Any]) -> list[str]:
    n, facts = r["n"], r["facts"]
    py = r["engine_path"] - r["engine_decide"]
    py_direct = r["direct_path"] - r["direct_decide"]
    return [
        r["city"], f"{n:,}", f"{facts:,}", f"{r['engine_path']:.2f}", f"{py:.2f}", f"{r['engine_decide']:.2f}",
        f"{r['engine_decide'] / facts * 1e6:.1f}", f"{r['direct_path']:.2f}", f"{py_direct:.2f}",
        f"{r['direct_decide']:.2f}", f"{r['direct_decide'] / facts * 1e6:.2f}",
        f"{r['engine_decide'] / r['direct_decide']:.0f}x", f"{r['engine_path'] / n * 1e6:.0f}",
        f"{r['direct_path'] / n * 1e6:.0f}",
    ]


def _table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
    fmt = lambda row: "  ".join(x.rjust(w) for x, w in zip(row, widths, strict=True))  # noqa: E731
    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *[fmt(r) for r in rows]])


def print_tables(results: list[dict[str, Any]]) -> None:
    print("\nStages (seconds; eval with the CLI's worker count; total = load+hash+eval+store+report)")
    print(_table(["city", "N", "JSON MB", "load", "hash", "eval", "wk", "store", "report", "total", "µs/inst",
                  "engine 1p", "direct 1p", "eng/dir", "findings", "peak MB", "workers MB"],
                 [_row(r) for r in results]))
    print("  peak MB: ru_maxrss of the benchmark process over all stages (process-wide peak, one fresh process"
          " per size);\n  workers MB: largest ru_maxrss among its forked evaluation workers.")
    print("\nEvaluate stage split (single process): Python = facts preparation + findings; engine = RuleEngine.run")
    print(_table(["city", "N", "facts", "engine path", "python", "engine", "µs/fact", "direct path", "python",
                  "direct", "µs/fact", "eng/dir decide", "µs/inst eng", "µs/inst dir"],
                 [_split_row(r) for r in results]))
    print("\nMemory by stage (MB: current RSS / peak so far)")
    stages = list(results[0]["mem"]) if results else []
    print(_table(["city", "N", *stages],
                 [[r["city"], f"{r['n']:,}", *[f"{r['mem'][s]['rss']}/{r['mem'][s]['peak']}" for s in stages]]
                  for r in results]))
    print("\nReport outputs (MB) and report time split (s)")
    print(_table(["city", "N", "sqlite", "html", "json", "csv", "build dicts", "write files"],
                 [[r["city"], f"{r['n']:,}", f"{r['db_mb']}", f"{r['report_files_mb'].get('html', 0)}",
                   f"{r['report_files_mb'].get('json', 0)}", f"{r['report_files_mb'].get('csv', 0)}",
                   f"{r['report_build']:.2f}", f"{r['report_write']:.2f}"] for r in results]))
    for r in results:
        if r["n"] >= 100_000:
            ok_t = "meets" if r["total"] < 30 else "MISSES"
            ok_m = "meets" if r["peak_pipeline"] < 1536 and r["peak_children"] < 1536 else "MISSES"
            ratio = r["engine_path"] / r["direct_path"]
            print(f"\n{r['city']} {r['n']:,}: end to end {r['total']:.1f} s ({ok_t} < 30 s); peak "
                  f"{r['peak_pipeline']:,} MB ({ok_m} < 1.5 GB); engine path {ratio:.1f}x the direct path "
                  f"({'meets' if ratio <= 10 else 'MISSES'} <= 10x)")


def _cities(arg: str) -> list[str]:
    from mhpolicy.core.plugins import discover

    reg = discover()
    for e in reg.errors:
        print(f"warning: {e}", file=sys.stderr)
    if arg == "all":
        return sorted(reg.policies)
    wanted = [c.strip() for c in arg.split(",") if c.strip()]
    missing = [c for c in wanted if c not in reg.policies]
    if missing:
        raise SystemExit(f"city plugin(s) not loaded: {', '.join(missing)} (loaded: {', '.join(sorted(reg.policies))})")
    return wanted


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated institution counts")
    ap.add_argument("--cities", default="fuzhou", help="comma-separated city codes, or 'all'")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=None, help="evaluation workers (default: as the CLI picks)")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)  # internal: one size, this process
    ap.add_argument("--city", default="fuzhou", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.one is not None:
        result = run_one(args.one, args.city, args.data, args.workers, args.seed)
        if args.data is None:  # run by hand (or under cProfile): show the tables too
            print_tables([result])
        print("RESULT " + orjson.dumps(result).decode())
        return 0

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    cities = _cities(args.cities)
    results = []
    for n in sizes:
        for city in cities:
            data = _ensure_data(n, city, args.seed)
            cmd = [sys.executable, str(Path(__file__).resolve()), "--one", str(n), "--city", city, "--data", str(data),
                   "--seed", str(args.seed)]
            if args.workers is not None:
                cmd += ["--workers", str(args.workers)]
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
            line = next((x for x in reversed(proc.stdout.splitlines()) if x.startswith("RESULT ")), None)
            if proc.returncode != 0 or line is None:
                print(f"{city} {n}: run failed (exit {proc.returncode})", file=sys.stderr)
                continue
            results.append(orjson.loads(line[len("RESULT "):]))
    print_tables(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
