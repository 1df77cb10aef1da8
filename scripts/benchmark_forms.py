"""Benchmark of reading 填报表: a bureau workbook of N schools vs the same data as JSON.

    python scripts/benchmark_forms.py                 # N = 10,000 (fuzhou)
    python scripts/benchmark_forms.py --sizes 1000,10000 --city nanchang

For each N it generates the synthetic dataset (scripts/synthetic.py), writes it as JSON and,
with `mhpolicy export`'s writer, as one workbook, and prints: the time to write the workbook;
the time to read each file as a check reads it (`open_source` and every chunk validated, i.e.
`read_dataset`), best of `--repeat`; the ratio (target of issue 12: the workbook within 2× of
the JSON); both file sizes; and that both give the same dataset hash. It asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))


def _best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def run(n: int, city: str, repeat: int) -> dict[str, float | int | bool]:
    from synthetic import make_dataset

    from mhpolicy.core.authoring.export import export
    from mhpolicy.core.io.source import memory_source, open_source, read_dataset
    from mhpolicy.core.plugins.registry import discover

    models = discover().models()
    with tempfile.TemporaryDirectory(prefix="mhpolicy-forms-bench-") as tmp:
        doc = make_dataset(n, city)
        js = Path(tmp) / "data.json"
        dataset = models.dataset.model_validate(doc)
        js.write_bytes(memory_source(dataset)._bytes or b"")  # the canonical document: hashes comparable
        t0 = time.perf_counter()
        book = export(dataset.model_dump(mode="json"), models, Path(tmp) / "data.xlsx")
        write = time.perf_counter() - t0
        read_json = _best(lambda: read_dataset(js, models), repeat)
        read_book = _best(lambda: read_dataset(book, models), repeat)
        same = open_source(js, models).digest == open_source(book, models).digest
        return {"n": n, "write_xlsx_s": round(write, 2), "read_json_s": round(read_json, 2),
                "read_xlsx_s": round(read_book, 2), "ratio": round(read_book / read_json, 2),
                "json_mb": round(js.stat().st_size / 1e6, 1), "xlsx_mb": round(book.stat().st_size / 1e6, 1),
                "same_hash": same}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000")
    ap.add_argument("--city", default="fuzhou")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    for n in (int(x) for x in args.sizes.split(",")):
        r = run(n, args.city, args.repeat)
        print(json.dumps(r, ensure_ascii=False))
        print(f"N={n}: workbook written in {r['write_xlsx_s']} s; read JSON {r['read_json_s']} s, "
              f"workbook {r['read_xlsx_s']} s = {r['ratio']}× (target ≤ 2×); "
              f"{r['json_mb']} MB JSON, {r['xlsx_mb']} MB xlsx; same hash: {r['same_hash']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
