"""`mhpolicy lint`: does each city plugin cite its document faithfully, and how much of it does it cover?

For policy staff and CI. It reads what the plugins declare (requirements, parameters,
not-modelled notes), the shipped source text and the Gherkin specs under
`features/<city>/`, and reports violations of the developer guide's citation rules:

    quote-missing             a requirement quotes nothing
    quote-not-verbatim        a requirement's or parameter's quote is not in the source text
    no-scenario               no scenario in features/<city>/ names the requirement
    spec-names-unknown-rule   a scenario names a rule the plugin does not have
    spec-unreadable           an outline placeholder has no Examples column
    parameter-undeclared      a requirement reads a parameter the plugin does not declare
    parameter-undated         a parameter has no dated value
    parameter-no-clause       a parameter cites no clause
    parameter-no-quote        a parameter quotes no sentence
    parameter-unused          no requirement reads the parameter
    clause-unknown            a clause cited that the document does not number (see core.rules.outline)
    modal-word-not-in-quote   the modal word is not in the quoted sentence
    modal-word-mismatch       the modal word does not make the requirement's modality
    modal-word-missing        no modal word, and the requirement is not a mandatory one with a reading
    unmodelled-no-reason      a not-modelled clause gives no reason
    source-normalisation-failed  the plugin's source normalisation raised

Quotes are searched after removing all whitespace from quote and source (PDF line breaks),
and after the plugin's own `CityInfo.source_normalisation` of the source, if it states one.

Clause coverage: the document's leaf clauses (core.rules.outline: the most specific numbered
items, e.g. 四(二)5, or 五(一) where a sub-section has no items) and what covers each. A leaf
is covered by a measured rule or an attestation item citing it, or by a not-modelled note
(with a reason) citing it or a clause enclosing it (a note on 六 sets all of 六 aside, in words). A rule
citing an enclosing clause (福州's rules on 四) covers that clause only, not each item in it: a
rule implements one sentence, not every item of its section. Coverage is reported, never a
violation.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..plugins.registry import CityPolicy, Registry, discover
from ..rules.outline import OutlineClause, ancestors, leaves, numbered_clauses
from ..rules.requirement import MODAL_WORDS, Modality, RequirementKind
from ..terminal import display_width, pad

EXIT_OK, EXIT_USAGE, EXIT_PLUGIN = 0, 2, 4
EXIT_LINT = 6  # violations found (1..5 are the check command's codes)

# The catalogue of checks: code -> (Chinese, English) message templates, filled from the violation.
CHECKS: dict[str, tuple[str, str]] = {
    "quote-missing": ("规则没有引用原文", "the rule quotes no sentence"),
    "quote-not-verbatim": ("引文在原文 {source} 中找不到（逐字，去空白后）",
                           "quote is not found verbatim in {source} (whitespace removed)"),
    "no-scenario": ("features/{city}/ 中没有场景检验这条规则", "no scenario in features/{city}/ exercises this rule"),
    "spec-names-unknown-rule": ("{file} 中的场景引用了插件没有的规则", "a scenario in {file} names a rule the plugin lacks"),
    "spec-unreadable": ("规格文件无法读取：{detail}", "spec file cannot be read: {detail}"),
    "parameter-undeclared": ("读取未声明的参数 {parameter}", "reads undeclared parameter {parameter}"),
    "parameter-undated": ("参数没有带日期的取值", "parameter has no dated value"),
    "parameter-no-clause": ("参数未注明条款", "parameter cites no clause"),
    "parameter-no-quote": ("参数未引用原文", "parameter quotes no sentence"),
    "parameter-unused": ("没有规则读取这个参数", "no requirement reads this parameter"),
    "clause-unknown": ("条款“{clause}”不是文件的条款编号（{hint}）",
                       "clause {clause!r} is not numbered so in the document ({hint_en})"),
    "modal-word-not-in-quote": ("情态词“{word}”不在引文中", "modal word {word!r} is not in the quote"),
    "modal-word-mismatch": ("情态词“{word}”与严重程度“{modality}”不符",
                            "modal word {word!r} does not make modality {modality}"),
    "modal-word-missing": ("规则未标明引文中的情态词，且{why}", "the rule names no modal word in its quote, and {why_en}"),
    "unmodelled-no-reason": ("未建模条款“{clause}”没有说明理由", "not-modelled clause {clause!r} gives no reason"),
    "source-normalisation-failed": ("原文规范化出错：{detail}", "source normalisation failed: {detail}"),
}

STEP = re.compile(r'规则 "(?P<rule>[^"]+)" 对 "[^"]+" 的结论为 "(?P<status>[^"]+)"')
SCENARIO = re.compile(r"^\s*(场景大纲|剧本大纲|场景|剧本)\s*:")


class SpecError(ValueError):
    """A feature file the coverage reader cannot resolve."""


@dataclass(frozen=True, slots=True)
class Violation:
    city: str
    id: str  # the rule, parameter or clause the violation is about
    code: str
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.city} {self.id} [{self.code}] {self.message_zh} / {self.message_en}"


def violation(city: str, ident: str, code: str, /, **values: Any) -> Violation:
    zh, en = CHECKS[code]
    return Violation(city, ident, code, zh.format(**values), en.format(**values))


# --- specs -----------------------------------------------------------------------------------

def statuses_by_rule(city: str, base: Path) -> dict[str, set[str]]:
    """Rule id -> the statuses the specs of `city` expect of it.

    Literal `的结论为 "符合"` steps count as written; outline placeholders `"<结论>"` are
    resolved through the scenario's Examples table.
    """
    seen: dict[str, set[str]] = defaultdict(set)
    for path in sorted((base / city).rglob("*.feature")):  # subfolders too, as the collector reads them
        for rule, status in _expected_statuses(path):
            seen[rule].add(status)
    return seen


def spec_folder(policy: CityPolicy, base: Path) -> Path:
    """Where a city's specs are: `<base>/<code>/` in this project; for an outside plugin that
    ships its specs as package data, the `features/` folder of its package."""
    here = base / policy.code
    if here.is_dir():
        return here
    try:
        shipped = Path(str(policy._resource("features")))
    except Exception:  # a plugin whose package cannot be told has no shipped specs
        return here
    return shipped if shipped.is_dir() else here


def rule_files(city: str, base: Path) -> dict[str, str]:
    """Rule id -> the first feature file naming it (for messages), in `<base>/<city>/`."""
    return rule_files_in(base / city)


def rule_files_in(folder: Path) -> dict[str, str]:
    """Rule id -> the first feature file naming it, in `folder` and below (as the specs are collected)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.feature")):
        for rule, _ in _expected_statuses(path):
            found.setdefault(rule, path.name)
    return found


def _expected_statuses(path: Path) -> Iterable[tuple[str, str]]:
    blocks: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if SCENARIO.match(line):
            blocks.append([])
        blocks[-1].append(line)
    for block in blocks:
        rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in block if ln.strip().startswith("|")]
        for m in (STEP.search(ln) for ln in block):
            if not m:
                continue
            status = m["status"]
            if not (status.startswith("<") and status.endswith(">")):
                yield m["rule"], status
                continue
            header = next((r for r in rows if status[1:-1] in r), None)
            if header is None:
                raise SpecError(f"{path.name}: placeholder {status} has no Examples column")
            idx = header.index(status[1:-1])
            for row in rows:
                if row == header:
                    continue
                if idx >= len(row):
                    raise SpecError(f"{path.name}: an Examples row has no {status[1:-1]} column: {row}")
                yield m["rule"], row[idx]


# --- checks ----------------------------------------------------------------------------------

def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def searchable_source(policy: CityPolicy) -> str:
    """The source text as quotes are searched in it: the plugin's normalisation, then no whitespace."""
    text = policy.source_text()
    if policy.info.source_normalisation is not None:
        text = policy.info.source_normalisation(text)
    return squash(text)


def check_quotes(policy: CityPolicy) -> list[Violation]:
    try:
        source = searchable_source(policy)
    except Exception as exc:  # a plugin's bug is reported, not raised
        return [violation(policy.code, policy.code, "source-normalisation-failed", detail=f"{type(exc).__name__}: {exc}")]
    quoted = [(r.id, r.quote) for r in policy.requirements] + [(p.id, p.quote) for p in policy.parameters.by_id.values()]
    out = [violation(policy.code, r.id, "quote-missing") for r in policy.requirements if not r.quote.strip()]
    out += [violation(policy.code, ident, "quote-not-verbatim", source=policy.info.source_file)
            for ident, quote in quoted if quote.strip() and squash(quote) not in source]
    return out


def check_scenarios(policy: CityPolicy, features: Path) -> list[Violation]:
    try:
        files = rule_files_in(spec_folder(policy, features))
    except SpecError as exc:
        return [violation(policy.code, policy.code, "spec-unreadable", detail=str(exc))]
    known = {r.id for r in policy.requirements}
    out = [violation(policy.code, r.id, "no-scenario", city=policy.code) for r in policy.requirements if r.id not in files]
    out += [violation(policy.code, rule, "spec-names-unknown-rule", file=name)
            for rule, name in sorted(files.items()) if rule not in known]
    return out


def check_parameters(policy: CityPolicy) -> list[Violation]:
    out: list[Violation] = []
    used: set[str] = set()
    for r in policy.requirements:
        for pid in r.parameters:
            used.add(pid)
            if pid not in policy.parameters:
                out.append(violation(policy.code, r.id, "parameter-undeclared", parameter=pid))
    for p in policy.parameters.by_id.values():
        if not p.values:
            out.append(violation(policy.code, p.id, "parameter-undated"))
        if not p.clause.strip():
            out.append(violation(policy.code, p.id, "parameter-no-clause"))
        if not p.quote.strip():
            out.append(violation(policy.code, p.id, "parameter-no-quote"))
        if p.id not in used:
            out.append(violation(policy.code, p.id, "parameter-unused"))
    return out


def _spelling_key(clause: str) -> str:
    """A clause with its spelling variants folded: full-width brackets, 、 and spaces."""
    return re.sub(r"[、\s]", "", clause.replace("（", "(").replace("）", ")"))


def _clause_hint(clause: str, outline: list[OutlineClause]) -> tuple[str, str]:
    """Say how the document spells the clause meant, or which clauses it has near it."""
    same = [c.label for c in outline if _spelling_key(c.label) == _spelling_key(clause)]
    if same:
        return f"应写作“{same[0]}”", f"the document spells it {same[0]!r}"
    near = [c.label for c in outline if clause[:1] and c.label.startswith(clause[:1])] or [c.label for c in outline]
    listed = "、".join(near[:15]) + (" …" if len(near) > 15 else "")
    return f"文件有：{listed}", f"it has: {listed}"


def check_clauses(policy: CityPolicy, outline: list[OutlineClause]) -> list[Violation]:
    labels = {c.label for c in outline}
    cited = [(r.id, r.clause) for r in policy.requirements]
    cited += [(p.id, p.clause) for p in policy.parameters.by_id.values() if p.clause.strip()]
    cited += [(f"{policy.code}:{n.clause}", n.clause) for n in policy.unmodelled]
    out = []
    for ident, clause in cited:
        if clause not in labels:
            hint, hint_en = _clause_hint(clause, outline)
            out.append(violation(policy.code, ident, "clause-unknown", clause=clause, hint=hint, hint_en=hint_en))
    return out


def check_modality(policy: CityPolicy) -> list[Violation]:
    out: list[Violation] = []
    for r in policy.requirements:
        word = r.modal_word
        if word and word not in r.quote:
            out.append(violation(policy.code, r.id, "modal-word-not-in-quote", word=word))
        if word and word not in MODAL_WORDS[r.modality]:
            out.append(violation(policy.code, r.id, "modal-word-mismatch", word=word, modality=r.modality.value))
        # A target (a plan's 主要目标 "比例达到95%") may carry no modal word, like a duty: its reading says why.
        if not word and r.modality not in (Modality.MANDATORY, Modality.TARGET):
            out.append(violation(policy.code, r.id, "modal-word-missing", why=f"严重程度为“{r.modality.value}”",
                                 why_en=f"modality {r.modality.value} needs the word that sets it"))
        elif not word and not r.reading:
            # A plain statement of a task ("学校每学年召开一次…") binds only if a reading says why.
            out.append(violation(policy.code, r.id, "modal-word-missing", why="没有说明为何具有约束力的解读（reading）",
                                 why_en="no reading says why it binds"))
        for advice in MODAL_WORDS[Modality.ADVICE]:
            if r.quote.startswith(advice) and r.modality is not Modality.ADVICE and word != advice:
                out.append(violation(policy.code, r.id, "modal-word-mismatch", word=advice, modality=r.modality.value))
    return out


def check_unmodelled(policy: CityPolicy) -> list[Violation]:
    return [violation(policy.code, f"{policy.code}:{n.clause}", "unmodelled-no-reason", clause=n.clause)
            for n in policy.unmodelled if not n.reason.strip()]


# --- coverage --------------------------------------------------------------------------------

@dataclass(slots=True)
class ClauseCoverage:
    clause: str
    heading: str
    line: int
    measured: list[str] = field(default_factory=list)
    attestation: list[str] = field(default_factory=list)
    unmodelled: list[str] = field(default_factory=list)  # "<clause cited>: <summary>"

    @property
    def covered(self) -> bool:
        return bool(self.measured or self.attestation or self.unmodelled)


@dataclass(slots=True)
class Coverage:
    document: str
    leaves: list[ClauseCoverage]
    parents_cited: dict[str, list[str]]  # an enclosing clause -> rules citing it (they cover it only)

    @property
    def uncovered(self) -> list[str]:
        return [c.clause for c in self.leaves if not c.covered]

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "leaf_clauses": len(self.leaves),
                "covered": len(self.leaves) - len(self.uncovered), "uncovered": self.uncovered,
                "clauses": [asdict(c) | {"covered": c.covered} for c in self.leaves],
                "parents_cited": self.parents_cited}


def clause_coverage(policy: CityPolicy, outline: list[OutlineClause]) -> Coverage:
    rows = {c.label: ClauseCoverage(c.label, c.heading, c.line) for c in leaves(outline)}
    parents: dict[str, list[str]] = defaultdict(list)
    for r in policy.requirements:
        if r.clause in rows:
            target = rows[r.clause]
            (target.attestation if r.kind is RequirementKind.ATTESTATION else target.measured).append(r.id)
        elif r.clause in {c.label for c in outline}:
            parents[r.clause].append(r.id)
    for note in (n for n in policy.unmodelled if n.reason.strip()):  # a note without a reason covers nothing
        for row in rows.values():
            if note.clause == row.clause or note.clause in ancestors(row.clause, outline):
                row.unmodelled.append(f"{note.clause}: {note.summary}")
    return Coverage(policy.info.document, list(rows.values()), dict(parents))


# --- one city, all cities --------------------------------------------------------------------

def outline_of(policy: CityPolicy) -> list[OutlineClause]:
    reader = policy.info.clause_outline or numbered_clauses
    return reader(policy.source_text())


@dataclass(slots=True)
class CityLint:
    policy: CityPolicy
    violations: list[Violation]
    coverage: Coverage

    def to_json(self) -> dict[str, Any]:
        return {"city": self.policy.code, "name": self.policy.info.name, "document": self.policy.info.document,
                "source_normalisation": self.policy.info.source_normalisation_text,
                "violations": [asdict(v) for v in self.violations], "coverage": self.coverage.to_json()}


def lint_policy(policy: CityPolicy, features: Path) -> CityLint:
    outline = outline_of(policy)
    found = (check_quotes(policy) + check_scenarios(policy, features) + check_parameters(policy)
             + check_clauses(policy, outline) + check_modality(policy) + check_unmodelled(policy))
    return CityLint(policy, found, clause_coverage(policy, outline))


def lint_registry(registry: Registry, cities: list[str], features: Path) -> list[CityLint]:
    codes = cities or sorted(registry.policies)
    return [lint_policy(registry.get(code), features) for code in codes]


# --- printing ----------------------------------------------------------------------------------

def print_table(results: list[CityLint], out: TextIO) -> None:
    for res in results:
        info = res.policy.info
        cov = res.coverage
        print(f"{info.name} ({info.code}) 《{info.document}》", file=out)
        if info.source_normalisation_text:
            print(f"  原文规范化 / source normalisation: {info.source_normalisation_text}", file=out)
        print(f"  违规 / violations: {len(res.violations)}", file=out)
        for v in res.violations:
            print(f"    {v.id} [{v.code}] {v.message_zh} / {v.message_en}", file=out)
        covered = len(cov.leaves) - len(cov.uncovered)
        print(f"  条款覆盖 / clause coverage: {covered}/{len(cov.leaves)} 末级条款 / leaf clauses", file=out)
        width = max([display_width(c.clause) for c in cov.leaves] + [4]) + 2
        print(f"    {pad('条款', width)}测量  确认  不建模  标题 / clause, measured, attested, not modelled, heading",
              file=out)
        for row in cov.leaves:
            mark = "✓" if row.unmodelled else "-"
            flag = "" if row.covered else "  ← 未覆盖 / uncovered"
            print(f"    {pad(row.clause, width)}{len(row.measured):>4}  {len(row.attestation):>4}  "
                  f"{mark:>6}  {row.heading[:24]}{flag}", file=out)
        for parent, rules in sorted(cov.parents_cited.items()):
            print(f"    {parent}（上级条款 / enclosing clause）: {len(rules)} 条规则 / rules", file=out)
        print(file=out)


# --- command -----------------------------------------------------------------------------------

def add_lint_command(sub: Any) -> None:
    """Register `mhpolicy lint [CITY…] [--json] [--features DIR]` on the CLI's subparsers."""
    p = sub.add_parser("lint", help="检查插件引文、条款、参数、规格与条款覆盖 / lint city plugins")
    p.add_argument("cities", nargs="*", metavar="CITY", help="城市代码；缺省为全部已安装城市")
    p.add_argument("--json", action="store_true", help="以JSON输出到标准输出")
    p.add_argument("--features", default="features", help="规格目录（缺省 ./features，内含 <city>/*.feature）")
    p.set_defaults(func=cmd_lint)


def _usage_error(args: argparse.Namespace, code: str, message: str) -> int:
    """The message on stderr; with --json also the error object `check --json` prints (cli.py)."""
    print(message, file=sys.stderr)
    if getattr(args, "json", False):
        json.dump({"error": {"kind": "usage", "code": code, "message": message}}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return EXIT_USAGE


def cmd_lint(args: argparse.Namespace, registry: Registry | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    features = Path(args.features)
    if not features.is_dir():
        return _usage_error(args, "no_features",
                            f"规格目录不存在 / features folder not found: {features} (--features DIR)")
    reg = registry if registry is not None else discover()
    for err in reg.errors:
        print(str(err), file=sys.stderr)
    unknown = [c for c in args.cities if c not in reg.policies]
    if unknown:
        known = ", ".join(sorted(reg.policies)) or "none"
        return _usage_error(args, "unknown_city", f"未知城市 / unknown city: {', '.join(unknown)} (installed: {known})")
    results = lint_registry(reg, list(args.cities), features)
    if args.json:
        json.dump({"ok": not reg.errors and not any(r.violations for r in results),
                   "plugin_errors": [str(e) for e in reg.errors], "cities": [r.to_json() for r in results]},
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_table(results, out)
    if reg.errors:
        return EXIT_PLUGIN
    return EXIT_LINT if any(r.violations for r in results) else EXIT_OK
