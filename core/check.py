"""The check as a service: plugins -> source -> evaluate (streamed) -> store -> reports.

`run_check` is what `mhpolicy check` runs, callable from Python with the same options. The
command line only parses arguments into a `CheckRequest` and prints the `CheckResult`.

    from mhpolicy.core.check import CheckRequest, run_check
    result = run_check(CheckRequest(cities=["fuzhou"], data="district.json", out="reports"))
    result.summaries[0].counts["不符合"]

A check is one transaction: its runs, findings and reports are written together (reports
are staged and moved into place just before the commit), so a bad row, a report that cannot
be written or a crash leaves nothing of the check behind, and nothing stored earlier is
touched. While it evaluates, a check writes into a private staging store (a temporary SQLite
file beside the reports); the shared store is locked only for the final copy (`Store.publish`),
so several checks can run on one store at once. A store another check keeps locked longer
than `store_timeout` seconds raises `UsageError` with code `store_unavailable` (exit 7).
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from .evaluation.evaluate import Evaluation
from .evaluation.pipeline import Part, auto_workers, run_stream, warning_scheme_for
from .io.loading import InputError
from .io.source import Source, open_source, row_id
from .io.store import DEFAULT_TIMEOUT, DEFAULT_URL, RunWriter, Store, StoreUnavailable
from .plugins.registry import CityPolicy, PluginError, Registry, discover
from .results.findings import Finding
from .results.status import Status
from .rules.requirement import WarningScheme

Progress = Callable[[int, int], None]


class UsageError(Exception):
    """The request itself is wrong, not the data. `code` is what `--json` reports:
    no_city, unknown_city, data_and_sample, unwritable_out, bad_database, store_unavailable (here), bad_date,
    bad_fail_on, bad_arguments (the command line), no_features (lint), usage (anything else)."""

    def __init__(self, message: str, code: str = "usage") -> None:
        super().__init__(message)
        self.code = code


@dataclass(slots=True)
class CheckRequest:
    """What to check. `cities` may hold `all`; with neither `data` nor `sample`, each city is
    checked on its own bundled sample; with one of them, every city on that one dataset (and a
    comparison is written when there are two or more)."""

    cities: Sequence[str]
    data: str | Path | Sequence[str | Path] | None = None  # a file or folder; several: 填报表 merged into one dataset
    sample: str | None = None  # a city whose bundled sample every city is checked on
    as_of: date | None = None  # default: the data's own as_of, else today
    since: date | None = None  # widen the window periodic duties are judged in (default: 12 months)
    out: str | Path = "mhpolicy-out"
    db: str = DEFAULT_URL
    school: str | None = None  # a school's own report: that institution only, read and decided alone
    per_school: str | Path | None = None  # also one feedback page per school, in <per_school>/<city>/, same pass
    workers: int = 0  # 0: two processes from a few thousand institutions on
    keep_findings: bool = False  # also return every finding (as JSON objects) in the result
    progress: Progress | None = None  # called with (done, total) institutions per dataset
    store_timeout: float = DEFAULT_TIMEOUT  # seconds to wait for a store another check is writing to
    on_store_wait: Callable[[str], None] | None = None  # told (once) when the check has to wait for the store


@dataclass(slots=True)
class CitySummary:
    city: str
    name: str
    as_of: date
    source: str  # the dataset it was checked on
    institutions: int
    run_id: int
    counts: Counter[Status]
    overdue: int
    requirements: int  # how many the plan has: 0 for a city just scaffolded by `new-city`
    basis: str = ""  # the standing of the plan's text (draft, term ended), shown with the summary


@dataclass(slots=True)
class CheckResult:
    summaries: list[CitySummary] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)  # only with keep_findings
    plugin_errors: list[PluginError] = field(default_factory=list)  # plugins that failed to load
    skipped_plugins: bool = False  # `all` had to leave out a plugin that failed to load
    shared_dataset: bool = True  # False when each city ran on its own sample

    def count(self, status: Status) -> int:
        return sum(s.counts.get(status, 0) for s in self.summaries)


def select_cities(reg: Registry, wanted: Sequence[str]) -> tuple[list[CityPolicy], bool]:
    """The policies asked for (codes, or `all`), and whether `all` left out a plugin that failed."""
    codes: list[str] = []
    for w in wanted or []:
        for code in (sorted(reg.policies) if w == "all" else [w]):
            if code not in codes:
                codes.append(code)
    if not codes:
        raise UsageError("请用 --city 指定城市 / name a city with --city (or --city all)", "no_city")
    out = []
    for wanted_code in codes:
        code = resolve_city(reg, wanted_code)
        if code not in reg.policies:
            failed = [e for e in reg.errors if e.plugin == code]
            if failed:
                raise failed[0]
            installed = "、".join(f"{c}（{p.info.name}）" for c, p in sorted(reg.policies.items()))
            guess = did_you_mean(code, [*reg.policies, *(p.info.name for p in reg.policies.values())])
            raise UsageError(f"未知城市 / unknown city '{code}'{guess}（已安装 / installed: {installed}）", "unknown_city")
        if reg.policies[code] not in out:
            out.append(reg.policies[code])
    return out, "all" in wanted and bool(reg.errors)


def resolve_city(reg: Registry, name: str) -> str:
    """The code of the city `name` names: its code in any case (Fuzhou), its Chinese name with or
    without 市 (福州市, 福州); anything else is returned as given (then reported unknown)."""
    key = name.strip()
    for code, p in reg.policies.items():
        if key.lower() == code.lower() or key in (p.info.name, p.info.name.removesuffix("市")):
            return code
    return key


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """"，是否要找 'fuzhou'？ / did you mean 'fuzhou'?" for the closest choice, else ""."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"，是否要找 '{close[0]}'？ / did you mean '{close[0]}'?" if close else ""


def _plan(req: CheckRequest, reg: Registry, policies: list[CityPolicy]) -> list[tuple[Source, list[CityPolicy]]]:
    """Which data each city is checked on: one shared dataset (data, sample) or its own sample.
    Data is validated with the fields every loaded plugin declares (`Registry.models`)."""
    if req.data and req.sample:
        raise UsageError("--data 与 --sample 只能二选一 / give --data or --sample, not both", "data_and_sample")
    if req.data or req.sample:
        if req.data is not None and not isinstance(req.data, (str, Path)):  # several 填报表, one dataset
            return [(open_source([Path(p) for p in req.data], reg.models()), policies)]
        path = Path(req.data) if req.data else Path(str(select_cities(reg, [req.sample or ""])[0][0].sample_path()))
        return [(open_source(path, reg.models()), policies)]
    return [(open_source(Path(str(p.sample_path())), reg.models()), [p]) for p in policies]


def _writable_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".mhpolicy-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"报告目录不可写 / cannot write reports to '{path}': {exc}", "unwritable_out") from None
    return path


def open_store(url: str, timeout: float = DEFAULT_TIMEOUT, on_wait: Callable[[str], None] | None = None) -> Store:
    try:
        return Store(url, timeout=timeout, on_wait=on_wait)
    except StoreUnavailable as exc:
        raise UsageError(str(exc), "store_unavailable") from None
    except OperationalError as exc:
        if "locked" in str(exc.orig) or "busy" in str(exc.orig):
            raise UsageError(f"数据库被占用，无法打开 / the store '{url}' stayed locked for more than {timeout:g} s: "
                             f"{exc.orig}", "store_unavailable") from None
        raise UsageError(f"无法打开数据库 / cannot open the database '{url}': {exc.orig}", "bad_database") from None
    except Exception as exc:  # SQLAlchemy raises many types for a bad URL or an unusable file
        raise UsageError(f"无法打开数据库 / cannot open the database '{url}': {type(exc).__name__}: {exc}", "bad_database") from None


def run_check(req: CheckRequest, registry: Registry | None = None) -> CheckResult:
    """Check the requested data under the requested plans; store the runs and write the reports.

    Raises `UsageError` for a wrong request, `loading.InputError` for bad data (nothing of the
    check stored) and `PluginError` when a city asked for by name failed to load.
    """
    reg = registry if registry is not None else discover()
    policies, skipped = select_cities(reg, req.cities)
    plan = _plan(req, reg, policies)
    if req.school:
        try:
            return _run_check(req, reg, policies, skipped, plan)
        except InputError as exc:
            if any(i.row == "--school" for i in exc.issues):  # an id not in the data: suggest the closest
                ids = [i for source, _ in plan for chunk in source.chunks() for _, obj in chunk.rows
                       if (i := row_id(obj))]
                exc.hint = did_you_mean(req.school, ids)  # type: ignore[attr-defined]
            raise
    return _run_check(req, reg, policies, skipped, plan)


def _run_check(req: CheckRequest, reg: Registry, policies: list[CityPolicy], skipped: bool,
               plan: list[tuple[Source, list[CityPolicy]]]) -> CheckResult:
    if req.school:
        plan = [(source.restricted_to(req.school), group) for source, group in plan]
    out = _writable_dir(Path(req.out))
    if req.per_school:
        _writable_dir(Path(req.per_school))
    store = open_store(req.db, req.store_timeout, req.on_store_wait)
    result = CheckResult(plugin_errors=list(reg.errors), skipped_plugins=skipped,
                         shared_dataset=len(plan) == 1 or len(policies) == 1)
    # Every dataset of the check is evaluated into a private staging store, reports staged
    # beside the output folder; then one short transaction copies the runs into the shared
    # store, and the reports (which name the runs' ids there) are written and moved into place
    # just before its commit: a bad row in the last dataset (or a school only one of them has)
    # leaves nothing of the check stored or published.
    # The commit itself can still fail (SQLite: locked by a reader beyond the timeout), so each
    # report it replaces is kept aside until the commit is through, and put back if it is not.
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    staging_db = Path(tempfile.mkdtemp(prefix=".staging-db-", dir=out))
    published: list[tuple[Path, Path | None]] = []  # (report, the earlier file it replaced)
    pending: list[_PendingRun] = []

    def publish_reports(ids: dict[int, int]) -> None:
        for run in pending:  # the reports were rendered before the lock; they get the run's id here
            run.summary.run_id = ids[run.summary.run_id]
            _name_run(staging, run.stem, _placeholder(ids, run), run.summary.run_id)
            result.summaries.append(run.summary)
        staged = [(f, out / f.name) for f in sorted(staging.iterdir()) if f.name != _PER_SCHOOL]
        if req.per_school:
            per_school = _writable_dir(Path(req.per_school))
            staged += [(f, per_school / f.name) for f in sorted((staging / _PER_SCHOOL).iterdir())]
        replaced = staging / ".replaced"
        replaced.mkdir()
        for n, (f, target) in enumerate(staged):
            earlier = replaced / f"{n}-{f.name}" if target.exists() else None
            if earlier is not None:
                target.replace(earlier)
            f.replace(target)
            published.append((target, earlier))
            result.reports.append(target)

    try:
        private = Store(str(staging_db / "check.db"))
        with private.writing() as w:
            for source, group in plan:
                as_of = req.as_of or source.header.as_of or date.today()
                scheme = warning_scheme_for(source.header, group, reg)
                pending += _check_dataset(req, w, staging, source, group, as_of, scheme, result, store)
        private.engine.dispose()
        store.publish(private, publish_reports)
    except BaseException as exc:
        for target, earlier in reversed(published):
            if earlier is not None:
                if target.is_dir():
                    shutil.rmtree(target)
                earlier.replace(target)
            elif target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
        result.summaries.clear()
        if isinstance(exc, StoreUnavailable):
            raise UsageError(str(exc), "store_unavailable") from None
        if isinstance(exc, OperationalError):  # disk full, read-only file …: not a bug
            raise UsageError(f"数据库无法写入，本次检查未保存 / the database '{req.db}' cannot be "
                             f"written; nothing of this check was stored: {exc.orig}", "bad_database") from None
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(staging_db, ignore_errors=True)
    return result


# A run's reports are rendered while the check evaluates, naming the run by a placeholder id
# (far beyond any real one); the few places that show it are patched once the shared store
# has numbered the run, so the lock is not held while a large report renders.
_PLACEHOLDER = 9_000_000_000_000
_PER_SCHOOL = ".per-school"  # staged per-school pages: <staging>/.per-school/<city>/<school>.html


@dataclass(slots=True)
class _PendingRun:
    """A run evaluated into the staging store; its reports wait for its id in the shared store."""

    summary: CitySummary  # run_id: the staging id until published
    stem: str


def _placeholder(ids: dict[int, int], run: _PendingRun) -> int:
    return _PLACEHOLDER + next(staged for staged, real in ids.items() if real == run.summary.run_id)


def _name_run(staging: Path, stem: str, placeholder: int, run_id: int) -> None:
    """Put the run's id where its rendered reports show the placeholder (JSON meta.run_id, the
    HTML header of the city page and of each district page), in place: the id padded with spaces
    to the placeholder's width (whitespace in both JSON and HTML), so a report of hundreds of
    megabytes is patched, not rewritten."""
    old = str(placeholder).encode()
    new = str(run_id).encode().ljust(len(old))
    for path in (staging / f"{stem}.json", staging / f"{stem}.html", *sorted((staging / f"{stem}-districts").glob("*.html"))):
        _replace_in_place(path, old, new)


def _replace_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Every `old` in the file replaced by `new` (of the same length), read a megabyte at a time.
    Mapped whole, a million institutions' 1.1 GB JSON counted in the check's memory at its end."""
    assert len(new) == len(old)
    with path.open("r+b") as fh:
        tail, offset = b"", 0  # the last len(old) - 1 bytes read: an `old` may straddle two blocks
        while block := fh.read(1 << 20):
            data, start = tail + block, offset - len(tail)
            offset += len(block)
            at = data.find(old)
            while at != -1:
                fh.seek(start + at)
                fh.write(new)
                at = data.find(old, at + len(old))
            fh.seek(offset)
            tail = data[len(data) - len(old) + 1:]


def _check_dataset(req: CheckRequest, w: RunWriter, staging: Path, source: Source, group: list[CityPolicy],
                   as_of: date, scheme: WarningScheme | None, result: CheckResult,
                   shared: Store | None = None) -> list[_PendingRun]:
    """One dataset under one or more plans, into the staging store: runs and findings; the
    reports are written to `staging`, the gap reports naming each run by a placeholder id."""
    from mhpolicy.reports.build import DETAIL_LIMIT, ComparisonBuilder, ReportBuilder, report_meta
    from mhpolicy.reports.render import write_comparison
    from mhpolicy.reports.school import SchoolPages, pages_href

    with ExitStack() as files:
        w.dataset(data_hash=source.digest, city=source.header.city.code, as_of=source.header.as_of,
                  source=source.name, institutions=source.dataset_institutions, payload_into=source.compress_into)
        runs: dict[str, int] = {}
        builders: dict[str, tuple[ReportBuilder, str]] = {}
        for p in group:
            runs[p.code] = w.begin(city=p.code, plugin=p.plugin_name, plugin_version=p.info.version,
                                   as_of=as_of, data_hash=source.digest, basis=p.info.basis(as_of))
            stem = f"{p.code}-{req.school}" if req.school else p.code
            fh = files.enter_context((staging / f"{stem}-actions.csv").open("w", encoding="utf-8-sig", newline=""))
            ev = Evaluation(p.code, as_of, p.info.version, source.digest)
            builders[p.code] = (ReportBuilder(p, ev, fh, stations=source.header.stations,
                                              district_names={d.id: d.name for d in source.header.districts}), stem)
            if source.institutions > DETAIL_LIMIT:  # the report will list roll-ups only: keep no findings for it
                builders[p.code][0].detail = None
            if req.per_school:  # each school's page is written as its chunk arrives: one pass for all
                b = builders[p.code][0]
                b.school_pages = SchoolPages(staging / _PER_SCHOOL / p.code, as_of, report_meta(p, ev),
                                             b.overview.district_names,
                                             href=pages_href(Path(req.per_school) / p.code, Path(req.out)))
        comp = ComparisonBuilder([p.code for p in group]) if len(group) > 1 else None
        workers = req.workers or auto_workers(source.institutions)
        digest = None if req.keep_findings else _digest([b for b, _ in builders.values()], comp)
        for part in run_stream(source, group, as_of, workers=workers, scheme=scheme, progress=req.progress,
                               since=req.since, encode=True, digest=digest):
            _take(part, w, runs, builders, result if req.keep_findings else None)
            if comp:
                if part.summary is None:
                    comp.add(part)
                else:
                    comp.merge(part.summary[_COMPARISON])
        files.close()  # the CSVs are complete before they are moved into place
    pending = []
    side_by_side = workers > 1 and len(group) > 1 and source.institutions * len(group) <= SIDE_BY_SIDE_UP_TO
    jobs: list[Callable[[], Any]] = []
    for p in group:
        w.finish(runs[p.code])
        builder, stem = builders[p.code]
        if builder.school_pages is not None:
            builder.school_pages.close()
        progress = (_progress_since(shared, w, p.code, source.name, runs[p.code])  # the store: read here, not forked
                    if shared is not None and not req.school else _NO_PROGRESS)
        jobs.append(partial(_write_city_report, staging, builder, _PLACEHOLDER + runs[p.code], stem, progress,
                            1 if side_by_side else None))
        pending.append(_PendingRun(CitySummary(p.code, p.info.name, as_of, source.name, source.institutions,
                                               runs[p.code], builder.counts, builder.overdue, len(p.requirements),
                                               p.info.basis(as_of)),
                                   stem))
    if comp:
        # Each city's column says what its plan is, and a draft or an ended term says so there too.
        labels = {p.code: p.info.name + (f"（{basis}）" if (basis := p.info.basis(as_of)) else "") for p in group}
        jobs.append(partial(write_comparison, staging, comp.result(), {"as_of": as_of.isoformat(),
                                                                       "data_hash": source.digest, "labels": labels}))
    run_forked(jobs, workers if side_by_side else 1)
    return pending


# The reports of several plans are independent files written after the last chunk, when the
# worker processes are done: with workers, forked processes write them side by side (a city's
# district pages then in its own process, not forked again). Measured at 100,000 institutions
# under five plans, writing them one after another was a serial end of 37 s (reports of 10,000
# under five: 7 s). A forked writer copies the memory pages whose objects it reads, so past
# SIDE_BY_SIDE_UP_TO institutions × plans the reports are written in this process.
SIDE_BY_SIDE_UP_TO = 1_000_000
_NO_PROGRESS = object()  # a report with no "progress" section (no shared store, or a school's report)


def _write_city_report(staging: Path, builder: Any, run_id: int, stem: str, progress: Any,
                       page_workers: int | None) -> None:
    from mhpolicy.reports.render import write_gap_report

    report = builder.report(run_id, release=True)
    if progress is not _NO_PROGRESS:
        report["progress"] = progress
    write_gap_report(staging, report, stem, page_workers=page_workers)


_FORKED_JOBS: Sequence[Callable[[], Any]] = ()  # set just before forking: children read it, nothing is pickled


def _run_forked_job(n: int) -> None:
    _FORKED_JOBS[n]()


def run_forked(jobs: Sequence[Callable[[], Any]], workers: int) -> None:
    """Run every job, `workers` forked processes at a time (in this process when 1 or one job);
    the first job that raises raises here, and the jobs not yet started are cancelled. A job's
    effects must be files: what it changes in memory stays in its process."""
    global _FORKED_JOBS
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            job()
        return
    _FORKED_JOBS = jobs
    try:
        with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_run_forked_job, n) for n in range(len(jobs))]
            try:
                for future in futures:
                    future.result()
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
    finally:
        _FORKED_JOBS = ()


def _progress_since(shared: Store, w: RunWriter, city: str, source: str, run_id: int) -> dict[str, Any] | None:
    """Fixed / new / still open since the latest stored run of this city on data of the same
    lineage (the same data file name); None when there is none."""
    from mhpolicy.reports.progress import compare

    from .io.store import iter_finding_states, previous_run

    before = previous_run(shared, city, source)
    if before is None or before.id is None:
        return None
    diff = compare(iter_finding_states(shared, before.id), iter_finding_states(w.session, run_id))
    return {"before_run": before.id, "before_as_of": before.as_of.isoformat(), **diff}


_COMPARISON = ""  # the comparison's share in a digested chunk's summary (city codes are never empty)


def _digest(builders: list[Any], comp: Any) -> Callable[[dict[str, list[Finding]]], dict[str, Any]] | None:
    """What a worker process makes of a chunk's findings for the reports (`run_stream(digest=)`):
    each city's `ReportBuilder.summary_of` and the comparison's, so the findings never travel.
    None when a report needs the findings themselves (it lists every finding)."""
    if any(b.detail is not None for b in builders):
        return None
    by_city = {b.policy.code: b for b in builders}

    def digest(part: dict[str, list[Finding]]) -> dict[str, Any]:
        out: dict[str, Any] = {code: by_city[code].summary_of(findings) for code, findings in part.items()}
        if comp is not None:
            out[_COMPARISON] = comp.summary_of(part)
        return out

    return digest


def _take(part: Part, w: Any, runs: dict[str, int], builders: dict[str, Any], result: CheckResult | None) -> None:
    for city, findings in part.items():
        w.add(runs[city], findings)
        if part.summary is None:
            builders[city][0].add(findings)
        else:
            builders[city][0].merge(part.summary[city])
        if result is not None:
            result.findings.extend(f.to_json() for f in findings)
