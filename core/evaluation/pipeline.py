"""The one evaluation path: a dataset source in, findings out chunk by chunk, under several plans.

A check of a file (`check.run_check`) and an evaluation in memory (`evaluate.evaluate`) both run
`run_stream`. Each chunk of institutions is validated once, its warning cases checked against
the tiers of the data's own city, and decided under every requested city by `decide.decide_batch`
(measures in Python, statuses in the rule engine). With
workers > 1 the chunks go to forked processes, which hold their own compiled rulesets; the
parent only stores and reports, so validation and evaluation use both cores. The garbage
collector's automatic runs are paused for the run and replaced by one young-generation
collection per chunk: measured on 10,000 institutions, automatic collection doubled the
time (each chunk's objects were promoted and then rescanned by full collections), while no
collection at all leaked durable_rules' cyclic garbage (1.2 GB per worker at 100,000).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from ..io import blocks
from ..io.loading import InputError, InputIssue, check_warning_tiers
from ..io.source import CHUNK, RawChunk, Source, add_unique, validate_chunk
from ..model.entities import Dataset, unknown_members
from ..plugins.registry import CityPolicy, Registry, discover
from ..results.findings import Finding
from ..rules import grouping
from ..rules.aggregate import Partials, merge_all
from ..rules.context import HEADER_KINDS, Context, chunk_subjects, subjects_of
from ..rules.requirement import SubjectKind, WarningScheme
from .decide import decide_aggregates, decide_batch, engine_for, fold_aggregates
from .engine import RuleEngine
from .memory import keep_large_buffers_apart


class Part(dict[str, list[Finding]]):
    """City code -> findings of one chunk. With a `digest` (see `run_stream`), a chunk decided in a
    worker process comes as its blocks (`blocks.EncodedChunk` without the findings) and `summary`,
    what the digest made of the findings there."""

    summary: Any = None


Digest = Callable[[dict[str, list[Finding]]], Any]
Folds = dict[str, Partials]  # city code -> the partials of its aggregate requirements over one chunk
ChunkResult = tuple[list[tuple[str, str]], Part, Folds]

# Set by the parent just before forking: workers inherit it by copy-on-write, not pickling.
_JOB: tuple[Sequence[CityPolicy], Dataset, date, str, WarningScheme | None, date | None, bool, bool,
            Digest | None] | None = None
_WORKER_ENGINES: dict[str, RuleEngine] = {}


def _contexts(policies: Sequence[CityPolicy], header: Dataset, as_of: date,
              since: date | None = None) -> dict[str, Context]:
    return {p.code: Context(as_of=as_of, city=p.info, parameters=p.parameters, dataset=header, since=since)
            for p in policies}


def _has_aggregates(policy: CityPolicy) -> bool:
    return any(r.aggregate is not None for r in policy.requirements)


def _decide_chunk(chunk: RawChunk, policies: Sequence[CityPolicy], header: Dataset, file: str,
                  scheme: WarningScheme | None, contexts: dict[str, Context],
                  engines: Callable[[CityPolicy], RuleEngine], fold: bool = True,
                  encode: bool = False, digest: Digest | None = None) -> ChunkResult:
    """Validate and decide one chunk; returns its (institution id, row label) pairs, findings and
    (with `fold`) the partials of every plan's aggregate requirements over it. With `encode`
    (a worker of a check that stores its findings) each plan's findings come with their store
    block already compressed (`blocks.EncodedChunk`): the work is done here, on both cores,
    and the storing process only writes bytes. With a `digest` too, the findings stay here: the
    part carries the blocks and what the digest made of the findings (`Part.summary`)."""
    # durable_rules leaves ~2 objects per fired fact in reference cycles (its action Closure and
    # Content wrappers). With automatic collection paused, free them chunk by chunk, before the
    # chunk rather than after it: then the last chunk's institutions and findings are gone (sent,
    # stored) and the young generation holds little more than the garbage. Collected after the
    # chunk, with all of it alive, the pass took 0.4 s of CPU per 10,000 福州 institutions.
    grouping.forget()  # the last chunk's lists: let them go before the collection
    gc.collect(0)
    institutions = validate_chunk(chunk, header, file)  # all rows valid, in order, or it raised
    if scheme is not None:
        check_warning_tiers(institutions, scheme, file, offset=chunk.start)
    subjects = chunk_subjects(institutions)  # each institution and each of its campuses
    decided = {p.code: decide_batch(p, contexts[p.code], subjects, engines(p), None) for p in policies}
    summary = digest(decided) if digest is not None else None
    if encode:
        part = Part({code: blocks.encoded(findings, keep=digest is None) for code, findings in decided.items()})
    else:
        part = Part(decided)
    part.summary = summary
    folds = {p.code: fold_aggregates(p, contexts[p.code], institutions) for p in policies if fold and _has_aggregates(p)}
    return [(i.id, row) for i, (row, _) in zip(institutions, chunk.rows, strict=True)], part, folds


_WORKER_CONTEXTS: dict[str, Context] = {}


def _worker(chunk: RawChunk) -> ChunkResult:
    assert _JOB is not None
    policies, header, as_of, file, scheme, since, fold, encode, digest = _JOB
    if not _WORKER_CONTEXTS:
        _WORKER_CONTEXTS.update(_contexts(policies, header, as_of, since))

    def engine(p: CityPolicy) -> RuleEngine:  # a ruleset of the worker's own, never the parent's C state
        if p.code not in _WORKER_ENGINES:
            _WORKER_ENGINES[p.code] = RuleEngine(p.requirements)
        return _WORKER_ENGINES[p.code]

    return _decide_chunk(chunk, policies, header, file, scheme, _WORKER_CONTEXTS, engine, fold, encode, digest)


@contextmanager
def paused_gc() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def chunk_size(plans: int, institutions: int = 0, workers: int = 1) -> int:
    """Institutions per chunk: CHUNK under one plan, fewer under several, so a chunk's findings
    (what a worker holds and sends back at once) stay about the same size: measured at 10,000
    institutions under five plans, chunks of 2,000 held ~370,000 findings and 1 GB per worker.
    With workers, a run is cut into at least CHUNKS_PER_WORKER chunks per worker: 10,000
    institutions in 5 chunks left one worker with 3 and the other idle for a fifth of the run.

    A single plan's chunk is ONE_PLAN_CHUNK, half of CHUNK: measured on 100,000 福州 institutions
    (2 workers), each worker then held 212 MB of its own instead of 325 MB, the wall time the
    same within the machine's noise (74.0 / 75.7 s against 72.2 / 77.6 s) and the store smaller."""
    size = max(250, min(ONE_PLAN_CHUNK, CHUNK // max(1, plans)))
    if workers > 1 and institutions:
        size = min(size, max(250, -(-institutions // (CHUNKS_PER_WORKER * workers))))
    return size


CHUNKS_PER_WORKER = 4
ONE_PLAN_CHUNK = CHUNK // 2


def auto_workers(institutions: int) -> int:
    """Two processes once forking pays off (a few thousand institutions)."""
    return min(2, os.cpu_count() or 1) if institutions >= 4000 else 1


@contextmanager
def _chunk_results(chunks: Iterator[RawChunk], policies: Sequence[CityPolicy], header: Dataset, as_of: date,
                   file: str, scheme: WarningScheme | None, contexts: dict[str, Context],
                   workers: int, since: date | None = None, fold: bool = True,
                   encode: bool = False, digest: Digest | None = None) -> Iterator[Iterator[ChunkResult]]:
    """(institution ids, findings, partials) per chunk, in order: from forked workers, or in this
    process (where findings need no sending, so no digest either)."""
    global _JOB
    if workers <= 1:
        yield (_decide_chunk(raw, policies, header, file, scheme, contexts, engine_for, fold) for raw in chunks)
        return
    _JOB = (policies, header, as_of, file, scheme, since, fold, encode, digest)
    gc.freeze()  # children then share the parent's pages instead of copying them on every collection
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            keep_large_buffers_apart()  # here, in the parent only, once the workers are forked (memory.py)
            yield pool.imap(_worker, chunks)
    finally:
        _JOB = None
        gc.unfreeze()


_INSTALLED: Registry | None = None


def warning_scheme_for(header: Dataset, policies: Sequence[CityPolicy],
                       registry: Registry | None = None) -> WarningScheme | None:
    """The tiers warning cases must use: those of the city the data belongs to (`city.code`),
    whichever plans it is checked under. Looked up among `policies`, then `registry`, then the
    installed plugins; a city with no plugin (or no tiers) accepts what it is given."""
    global _INSTALLED
    code = header.city.code
    for p in policies:
        if p.code == code:
            return p.warning_scheme
    if registry is None:
        if _INSTALLED is None:
            _INSTALLED = discover()
        registry = _INSTALLED
    own = registry.policies.get(code)
    return own.warning_scheme if own else None


def run_stream(source: Source, policies: Sequence[CityPolicy], as_of: date, *, workers: int = 1,
               scheme: WarningScheme | None = None, chunk: int | None = None,
               progress: Callable[[int, int], None] | None = None, since: date | None = None,
               encode: bool = False, digest: Digest | None = None) -> Iterator[Part]:
    """Findings of every city, chunk by chunk: city, district and station subjects first, the
    aggregate requirements (targets over a population, rules/aggregate.py) last, as a final part
    decided from the partials every chunk contributed (merged here in chunk order).
    Periodic duties are judged for every period in the window up to `as_of` (widened by
    `since`, see `periods.completed_in_window`).

    A source restricted to one institution (`Source.restricted_to`, a school's own report) is
    decided for that institution only: no city, district or station subject, no other row
    validated, and no aggregate (a school's report is not its city's target). An id the data
    does not have is an input error once the source is read through.

    `encode`: the caller stores the findings (a check): forked workers then also compress each
    chunk's store block (`blocks.EncodedChunk`), so storing costs the parent only the write.

    `digest` (with `encode`): what the caller needs of a chunk's findings besides storing them,
    made in the worker that decided the chunk (a forked copy of the caller: the digest may use
    what the caller built before the run). The part then comes as blocks and the digest's result
    (`Part.summary`), never as findings: pickling findings to the parent and back into objects
    cost about as much CPU as reporting them (1.7 s against 1.6 s per 10,000 福州 institutions).
    Parts decided in this process (the header's subjects, the aggregates, a run without workers)
    come as findings.
    """
    file = source.name
    header = source.header
    contexts = _contexts(policies, header, as_of, since)
    seen: set[str] = set()
    fold = source.only is None and any(_has_aggregates(p) for p in policies)
    totals: Folds = {p.code: fold_aggregates(p, contexts[p.code], None) for p in policies if fold and _has_aggregates(p)}
    with paused_gc():
        if source.only is None:
            others = {k: subjects_of(header, k) for k in HEADER_KINDS}
            yield Part({p.code: decide_batch(p, contexts[p.code], others, engine_for(p), None) for p in policies})
        workers = workers if source.institutions > 1 else 1
        chunks = source.chunks(chunk or chunk_size(len(policies), source.institutions, workers))
        done = 0
        with _chunk_results(chunks, policies, header, as_of, file, scheme, contexts,
                            workers, since, fold, encode, digest if encode else None) as results:
            for ids, part, folds in results:
                add_unique(seen, ids, file)
                for code, partials in folds.items():
                    merge_all(totals[code], partials)
                done += len(ids)
                yield part
                if progress:
                    progress(done, source.institutions)
    if source.only is None and (dangling := unknown_members(header.groups, seen)):
        # Education groups name their member schools: references checked once every row is read.
        raise InputError([InputIssue("unknown_reference", file, f"groups[{n}] (id={header.groups[n].id})", "members",
                                     {"value": m, "table": "institutions"}) for n, m in dangling])
    if totals:  # every row read and every reference checked: the targets over the whole population
        scopes = {k: subjects_of(header, k) for k in (SubjectKind.CITY, SubjectKind.DISTRICT)}
        with paused_gc():
            yield Part({p.code: decide_aggregates(p, contexts[p.code], scopes, totals[p.code], engine_for(p))
                        for p in policies if p.code in totals})
    if source.only is not None and not seen:
        # The id a school's report asks for (--school) is a reference like any other.
        raise InputError([InputIssue("unknown_reference", file, "--school", "institutions",
                                     {"value": source.only, "table": "institutions"})])
