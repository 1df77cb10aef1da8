"""`mhpolicy` command line.

Exit codes: 0 the command ran (whatever the check found); 1 a status named in --fail-on
was found; 2 usage or input error (nothing stored); 3 a rule raised (错误 findings, the
other rules still ran and were stored); 4 a city plugin that was asked for (by name or by
`--city all`) failed to load; 5 an internal error (a bug: please report it). When several
apply, the first of 3, 4, 1 wins.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import traceback
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from .evaluate import Evaluation
from .loading import InputError
from .model import Dataset
from .pipeline import auto_workers, run_stream
from .plugins import CityPolicy, PluginError, Registry, discover
from .requirement import RequirementKind, WarningScheme
from .source import Source, open_source, row_id
from .status import PRECEDENCE, Status, parse_statuses
from .store import Store

EXIT_OK, EXIT_FAIL_ON, EXIT_INPUT, EXIT_RULE_ERROR, EXIT_PLUGIN, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5


class UsageError(Exception):
    pass


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} '{text}' 不是有效日期（应为YYYY-MM-DD） / is not a valid date (expected YYYY-MM-DD)") from None


def _cities(reg: Registry, wanted: list[str]) -> tuple[list[CityPolicy], bool]:
    """The policies asked for, and whether `all` had to leave out a plugin that failed to load."""
    codes: list[str] = []
    for w in wanted or []:
        for code in (sorted(reg.policies) if w == "all" else [w]):
            if code not in codes:
                codes.append(code)
    if not codes:
        raise UsageError("请用 --city 指定城市 / name a city with --city (or --city all)")
    out = []
    for code in codes:
        if code not in reg.policies:
            failed = [e for e in reg.errors if e.plugin == code]
            if failed:
                raise failed[0]
            raise UsageError(f"未知城市 / unknown city '{code}'（已安装 / installed: {', '.join(sorted(reg.policies))}）")
        out.append(reg.policies[code])
    return out, "all" in wanted and bool(reg.errors)


def _progress(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


@dataclass(slots=True)
class _Summary:
    city: str
    as_of: date
    counts: Counter[Status]
    overdue: int


def _summary_table(summaries: list[_Summary]) -> str:
    head = ["城市", *[s.value for s in PRECEDENCE], "逾期"]
    rows = [[x.city, *[str(x.counts.get(s, 0)) for s in PRECEDENCE], str(x.overdue)] for x in summaries]
    widths = [max(_w(r[i]) for r in [head, *rows]) for i in range(len(head))]
    line = lambda r: "  ".join(x + " " * (widths[i] - _w(x)) for i, x in enumerate(r))  # noqa: E731
    return "\n".join([line(head), *[line(r) for r in rows]])


def _w(text: str) -> int:  # display width: CJK characters take two columns
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _writable_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".mhpolicy-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"报告目录不可写 / cannot write reports to '{path}': {exc}") from None
    return path


def _open_store(url: str) -> Store:
    try:
        return Store(url)
    except Exception as exc:  # SQLAlchemy raises many types for a bad URL or an unusable file
        raise UsageError(f"无法打开数据库 / cannot open the database '{url}': {type(exc).__name__}: {exc}") from None


def _plan(args: argparse.Namespace, reg: Registry, policies: list[CityPolicy]) -> list[tuple[Source, list[CityPolicy]]]:
    """Which data each city is checked on: one shared dataset (--data, --sample) or its own sample."""
    if args.data and args.sample:
        raise UsageError("--data 与 --sample 只能二选一 / give --data or --sample, not both")
    if args.data or args.sample:
        path = Path(args.data) if args.data else Path(str(_cities(reg, [args.sample])[0][0].sample_path()))
        return [(open_source(path), policies)]
    return [(open_source(Path(str(p.sample_path()))), [p]) for p in policies]


def _check_school(source: Source, school: str) -> None:
    """--school must name an institution of the data: checked before anything runs."""
    for chunk in source.chunks():
        for _, obj in chunk.rows:
            if row_id(obj) == school:
                return
    raise UsageError(f"数据中没有学校 / no institution with id '{school}' in {source.path}")


def _check_source(args: argparse.Namespace, store: Store, out: Path, source: Source, group: list[CityPolicy],
                  as_of: date, scheme: WarningScheme | None, summaries: list[_Summary], written: list[Path],
                  json_findings: list[dict[str, Any]] | None) -> None:
    """One dataset under one or more plans, in one transaction: runs, findings and reports.

    Reports are written to a staging folder inside the transaction and moved into place
    before it commits: if anything fails, nothing of these runs is stored or published.
    """
    from mhpolicy.reports.build import ComparisonBuilder, ReportBuilder, only_subject
    from mhpolicy.reports.render import write_comparison, write_gap_report

    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        with store.writing() as w, ExitStack() as files:
            w.dataset(data_hash=source.digest, city=source.header.city.code, as_of=source.header.as_of,
                      source=str(source.path), institutions=source.institutions, payload=source.compressed)
            runs: dict[str, int] = {}
            builders: dict[str, tuple[ReportBuilder, str]] = {}
            for p in group:
                runs[p.code] = w.begin(city=p.code, plugin=p.plugin_name, plugin_version=p.info.version,
                                       as_of=as_of, data_hash=source.digest)
                stem = f"{p.code}-{args.school}" if args.school else p.code
                fh = files.enter_context((staging / f"{stem}-actions.csv").open("w", encoding="utf-8-sig", newline=""))
                ev = Evaluation(p.code, as_of, p.info.version, source.digest)
                builders[p.code] = (ReportBuilder(p, ev, fh), stem)
            comp = ComparisonBuilder([p.code for p in group]) if len(group) > 1 else None
            show_progress = sys.stderr.isatty() and source.institutions >= 2000
            for part in run_stream(source, group, as_of, workers=args.workers or auto_workers(source.institutions),
                                   scheme=scheme, progress=_progress if show_progress else None):
                if args.school:
                    part = {city: only_subject(fs, args.school) for city, fs in part.items()}
                for city, findings in part.items():
                    w.add(runs[city], findings)
                    builders[city][0].add(findings)
                    if json_findings is not None:
                        json_findings.extend(f.to_json() for f in findings)
                if comp:
                    comp.add(part)
            files.close()  # the CSVs are complete before they are moved into place
            for p in group:
                w.finish(runs[p.code])
                builder, stem = builders[p.code]
                write_gap_report(staging, builder.report(runs[p.code]), stem)
                summaries.append(_Summary(p.code, as_of, builder.counts, builder.overdue))
            if comp:
                write_comparison(staging, comp.result(), {"as_of": as_of.isoformat(), "data_hash": source.digest})
            for f in sorted(staging.iterdir()):
                target = out / f.name
                f.replace(target)
                written.append(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def cmd_check(args: argparse.Namespace) -> int:
    reg = discover()
    for e in reg.errors:
        _err(f"警告 / warning: {e}")
    policies, plugin_failed = _cities(reg, args.city)
    try:
        fail_on = parse_statuses(args.fail_on) if args.fail_on else set()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    explicit_as_of = _parse_date(args.as_of, "--as-of") if args.as_of else None
    plan = _plan(args, reg, policies)
    if args.school:
        for source, _ in plan:
            _check_school(source, args.school)
    out = _writable_dir(Path(args.out))
    store = _open_store(args.db)
    summaries: list[_Summary] = []
    written: list[Path] = []
    json_findings: list[dict[str, Any]] = []
    for source, group in plan:
        as_of = explicit_as_of or source.header.as_of or date.today()
        own_city = reg.policies.get(source.header.city.code)  # cases are graded in the data's own city's tiers
        scheme = own_city.warning_scheme if own_city else None
        _check_source(args, store, out, source, group, as_of, scheme, summaries, written,
                      json_findings if args.json else None)
    report_stream = sys.stderr if args.json else sys.stdout
    if args.json:
        sys.stdout.write(orjson.dumps(json_findings, option=orjson.OPT_INDENT_2).decode() + "\n")
    for source, group in plan:
        for p in group:
            print(f"{p.code}: 数据 / data {source.path}（{source.institutions} 所机构）", file=report_stream)
    print(f"评估日期 / as of: {', '.join(sorted({x.as_of.isoformat() for x in summaries}))}", file=report_stream)
    print(_summary_table(summaries), file=report_stream)
    if len(policies) > 1 and len(plan) > 1:
        print("各城市按各自的样例数据检查；要在同一份数据上对照各城市，请加 --data FILE 或 --sample CITY / "
              "each city ran on its own sample; add --data FILE or --sample CITY to compare plans on one dataset",
              file=report_stream)
    print("报告 / reports: " + ", ".join(str(p) for p in written), file=report_stream)
    errors = sum(x.counts[Status.ERROR] for x in summaries)
    if errors:
        _err(f"错误 / error: {errors} 项规则执行出错，详见报告 / rule errors, see the reports")
        return EXIT_RULE_ERROR
    if plugin_failed:
        return EXIT_PLUGIN
    if fail_on and any(x.counts[st] for x in summaries for st in fail_on):
        return EXIT_FAIL_ON
    return EXIT_OK


def cmd_policies(args: argparse.Namespace) -> int:
    reg = discover()
    for code, p in sorted(reg.policies.items()):
        measured = sum(r.kind is RequirementKind.MEASURED for r in p.requirements)
        attest = len(p.requirements) - measured
        print(f"{code:<12} {p.info.name}  《{p.info.document}》 {p.info.issuer} "
              f"{p.info.issued or '未署日期'}  v{p.info.version}  要求 {measured} 项数据判定 + {attest} 项人工确认，"
              f"未建模条款 {len(p.unmodelled)} 项")
    for e in reg.errors:
        _err(str(e))
    return EXIT_PLUGIN if reg.errors else EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    reg = discover()
    for p in reg.policies.values():
        for r in p.requirements:
            if r.id == args.rule_id:
                print(f"{r.id}  [{r.modality.value}] {r.title}")
                print(f"文件：《{p.info.document}》 条款：{r.clause}")
                print(f"原文：“{r.quote}”")
                print(f"适用：{r.applies_to.text}　对象：{r.subject.value}　类型：{r.kind.value}")
                if r.kind is RequirementKind.MEASURED:
                    print(f"判定：{r.observed_label} {r.op} 要求值（单位：{r.unit}）")
                if r.due:
                    print(f"截止：{r.due.isoformat()}")
                if r.period:
                    print(f"周期：{r.period.value}（按评估日前最近一个完整周期判定）")
                for pid in r.parameters:
                    prm = p.parameters[pid]
                    vals = "，".join(f"自{d.isoformat()}起 {v:g}" for d, v in sorted(prm.values.items()))
                    print(f"参数：{prm.id} {prm.label} = {vals} {prm.unit}（{prm.clause}：“{prm.quote}”）")
                if r.reading:
                    print(f"解读：{r.reading}")
                if r.allowance:
                    print(f"原则上的例外：{r.allowance}")
                return EXIT_OK
    _err(f"未知规则 / unknown rule '{args.rule_id}'")
    return EXIT_INPUT


def cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(orjson.dumps(Dataset.model_json_schema(), option=orjson.OPT_INDENT_2).decode() + "\n")
    return EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    for r in Store(args.db).runs():
        print(f"{r.id:>4}  {r.city:<10} v{r.plugin_version}  as of {r.as_of}  data {r.data_hash[:12]}  "
              f"{r.findings} findings  {r.started_at:%Y-%m-%d %H:%M}")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="mhpolicy", description="学生心理健康工作政策合规检查 / student mental-health policy checker")
    sub = ap.add_subparsers(dest="command", required=True)
    db_default = os.environ.get("MHPOLICY_DB", "sqlite:///mhpolicy.db")
    c = sub.add_parser("check", help="检查数据 / check data against one or more city plans")
    c.add_argument("--city", action="append", default=[], help="城市代码，可重复；all 表示全部")
    c.add_argument("--data", help="数据文件（JSON）；所有城市都检查这一份数据并对照")
    c.add_argument("--sample", metavar="CITY", help="用该城市自带的样例数据检查所有城市（并对照）")
    c.add_argument("--as-of", help="评估日期 YYYY-MM-DD；缺省为数据的 as_of，否则今天")
    c.add_argument("--out", default="mhpolicy-out", help="报告目录")
    c.add_argument("--db", default=db_default, help="数据库 URL（缺省 sqlite:///mhpolicy.db）")
    c.add_argument("--school", help="只出具该校的报告 / report for this institution only")
    c.add_argument("--json", action="store_true", help="把结论以JSON输出到标准输出")
    c.add_argument("--fail-on", help="出现这些结论时退出码为1，如 不符合,缺数据")
    c.add_argument("--workers", type=int, default=0, help="并行进程数；缺省在5000所以上机构时用2个")
    c.set_defaults(func=cmd_check)
    p = sub.add_parser("policies", help="列出已安装的城市插件")
    p.set_defaults(func=cmd_policies)
    e = sub.add_parser("explain", help="显示规则及其条款原文")
    e.add_argument("rule_id")
    e.set_defaults(func=cmd_explain)
    s = sub.add_parser("schema", help="输出输入数据的 JSON Schema")
    s.set_defaults(func=cmd_schema)
    r = sub.add_parser("runs", help="列出已保存的运行")
    r.add_argument("--db", default=db_default)
    r.set_defaults(func=cmd_runs)
    from .scaffold import add_parser as add_new_city_parser  # the command lives in its own module

    add_new_city_parser(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    args = ap.parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as exc:
        _err("输入数据有误 / invalid input:")
        for issue in exc.issues[:50]:
            _err(f"  {issue}")
        if len(exc.issues) > 50:
            _err(f"  …… 另有 {len(exc.issues) - 50} 处 / and {len(exc.issues) - 50} more")
        return EXIT_INPUT
    except UsageError as exc:
        _err(str(exc))
        return EXIT_INPUT
    except PluginError as exc:
        _err(str(exc))
        return EXIT_PLUGIN
    except Exception:  # a bug: say so, never exit 1 (which means --fail-on matched)
        _err("内部错误，请报告 / internal error, please report:\n" + traceback.format_exc())
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
