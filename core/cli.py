"""`mhpolicy` command line.

Exit codes: 0 the command ran (whatever the check found); 1 a status named in --fail-on
was found; 2 usage or input error (nothing stored); 3 a rule raised (错误 findings, the
other rules still ran and were stored); 4 a city plugin that was asked for (by name or by
`--city all`) failed to load; 5 an internal error (a bug: please report it); 7 the store
stayed locked by another process longer than --db-timeout (nothing stored). When several
apply, the first of 3, 4, 1 wins. `verify` exits 1 when a stored run does not match what was
recorded when it was written.

With `check --json`, a command that stops with an error prints it on stdout as
`{"error": {"kind": "input" | "usage" | "plugin" | "internal", ...}}` (input errors list
their issues with catalogue codes, core/model/errors.py); the human text stays on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from .authoring.export import export
from .authoring.lint import add_lint_command
from .authoring.scaffold import add_parser as add_new_city_parser
from .authoring.template import make_template
from .check import (
    CheckRequest,
    CitySummary,
    UsageError,
    did_you_mean,
    open_store,
    resolve_city,
    run_check,
    select_cities,
)
from .io.loading import InputError
from .io.source import read_dataset
from .io.workbook import data_files
from .plugins.registry import PluginError, discover
from .results.status import PRECEDENCE, Status, parse_statuses
from .rules.requirement import RequirementKind
from .terminal import display_width, pad

EXIT_OK, EXIT_FAIL_ON, EXIT_INPUT, EXIT_RULE_ERROR, EXIT_PLUGIN, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_STORE_UNAVAILABLE = 7  # 6 is lint's (core/authoring/lint.py)


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} '{text}' 不是有效日期（应为YYYY-MM-DD） / is not a valid date (expected YYYY-MM-DD)",
                         "bad_date") from None


_started: list[float] = []
LOG_PROGRESS_FROM = 1000  # institutions: below this a check takes seconds and prints no progress lines


_logged = [-1]  # the twentieth of the run last written to a log


def _progress(done: int, total: int) -> None:
    import time

    if not _started:
        _started.append(time.monotonic())
    width = 30
    filled = int(width * done / total) if total else width
    elapsed = time.monotonic() - _started[0]
    left = f"，剩余约 {elapsed / done * (total - done):.0f} 秒" if 0 < done < total else ""
    if done >= total:
        _started[:] = [time.monotonic()]  # the next dataset of the check times its own
    if not sys.stderr.isatty():  # a log (CI, cron): a line per chunk, at most one per twentieth of the run
        step = (20 * done // total) if total else 20
        if total >= LOG_PROGRESS_FROM and (step > _logged[0] or done >= total):
            _logged[0] = -1 if done >= total else step
            sys.stderr.write(f"已检查 {done}/{total} 所机构{left}\n")
            sys.stderr.flush()
        return
    sys.stderr.write(f"\r已检查 [{'#' * filled}{'.' * (width - filled)}] {done}/{total} 所机构{left}   ")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _summary_table(summaries: list[CitySummary]) -> str:
    head = ["城市", *[s.value for s in PRECEDENCE], "逾期"]
    rows = [[x.name, *[str(x.counts.get(s, 0)) for s in PRECEDENCE], str(x.overdue)] for x in summaries]
    widths = [max(display_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    line = lambda r: "  ".join(pad(x, widths[i]) for i, x in enumerate(r))  # noqa: E731
    return "\n".join([line(head), *[line(r) for r in rows]])


def _data_paths(given: list[str] | None) -> str | list[str] | None:
    """`--data` once: that file or folder; several times: one dataset from all of them (workbooks,
    CSV, JSON datasets and schools' own JSON records, folders), merged or refused with the file
    named, never one silently dropped (core/io/workbook.py)."""
    if not given:
        return None
    return given[0] if len(given) == 1 else list(given)


def _print_skipped(given: list[str] | None, stream: Any) -> None:
    """Files of a `--data` folder left out as clearly no data: said, so nothing disappears unseen."""
    for s in data_files([Path(g) for g in given or []])[1]:
        print(f"已跳过 / skipped: {s}", file=stream)


def _request(args: argparse.Namespace) -> CheckRequest:
    # A bar on a terminal, lines in a log (large runs only); a school's report reads one row.
    show_progress = not args.school
    import time

    _started[:] = [time.monotonic()]  # time left counts from the start of the check
    return CheckRequest(
        cities=args.city, data=_data_paths(args.data), sample=args.sample,
        as_of=_parse_date(args.as_of, "--as-of") if args.as_of else None,
        since=_parse_date(args.since, "--since") if args.since else None,
        out=args.out, db=args.db, school=args.school, per_school=args.per_school, workers=args.workers, keep_findings=args.json,
        progress=_progress if show_progress else None, store_timeout=args.db_timeout, on_store_wait=_err,
    )


def cmd_check(args: argparse.Namespace) -> int:
    try:
        fail_on = parse_statuses(args.fail_on) if args.fail_on else set()
    except ValueError as exc:
        raise UsageError(str(exc), "bad_fail_on") from None
    _print_skipped(args.data, sys.stderr if args.json else sys.stdout)
    result = run_check(_request(args), discover())
    for e in result.plugin_errors:
        _err(f"警告 / warning: {e}")
    report_stream = sys.stderr if args.json else sys.stdout
    if args.json:
        sys.stdout.write(orjson.dumps(result.findings, option=orjson.OPT_INDENT_2).decode() + "\n")
    for x in result.summaries:
        print(f"{x.name}: 数据 / data {x.source}（{x.institutions} 所机构）", file=report_stream)
        if x.basis:
            print(f"{x.name}: 注意 / note: {x.basis}", file=report_stream)
        if not x.requirements:
            print(f"{x.city}: 尚无规则，故无结论；请在 policies/{x.city}/rules/ 按条款编写 / "
                  f"has no rules yet, hence no findings (see docs/adding-a-city.md)", file=report_stream)
    print(f"评估日期 / as of: {', '.join(sorted({x.as_of.isoformat() for x in result.summaries}))}", file=report_stream)
    print(_summary_table(result.summaries), file=report_stream)
    if not result.shared_dataset:
        print("各城市按各自的样例数据检查；要在同一份数据上对照各城市，请加 --data FILE 或 --sample CITY / "
              "each city ran on its own sample; add --data FILE or --sample CITY to compare plans on one dataset",
              file=report_stream)
    print("报告 / reports: " + ", ".join(str(p) for p in result.reports), file=report_stream)
    errors = result.count(Status.ERROR)
    if errors:
        _err(f"错误 / error: {errors} 项规则执行出错，详见报告 / rule errors, see the reports")
        return EXIT_RULE_ERROR
    if result.skipped_plugins:
        return EXIT_PLUGIN
    if fail_on and any(result.count(st) for st in fail_on):
        return EXIT_FAIL_ON
    return EXIT_OK


def cmd_policies(args: argparse.Namespace) -> int:
    reg = discover()
    for code, p in sorted(reg.policies.items()):
        measured = sum(r.kind is RequirementKind.MEASURED for r in p.requirements)
        attest = len(p.requirements) - measured
        print(f"{code:<12} {p.info.name}  《{p.info.document}》 {p.info.issuer} "
              f"{p.info.issued or '未署日期'}  [{p.info.status_text}]  v{p.info.version}  要求 {measured} 项数据判定 + {attest} 项人工确认，"
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
                print(f"文件：《{p.info.document}》［{p.info.status_text}］ 条款：{r.clause}")
                print(f"原文：“{r.quote}”")
                print(f"适用：{r.applies_to.text}　对象：{r.subject.label}　类型：{r.kind.label}")
                if r.kind is RequirementKind.MEASURED:
                    print(f"判定：{r.observed_label} {r.op} 要求值（单位：{r.unit}）")
                if r.due:
                    print(f"截止：{r.due.isoformat()}")
                if r.period:
                    print(f"周期：每{r.period.label}（评估窗口内每个已结束的周期各判定一次，进行中的周期另列）")
                for pid in r.parameters:
                    prm = p.parameters[pid]
                    vals = "，".join(f"自{d.isoformat()}起 {v:g}" for d, v in sorted(prm.values.items()))
                    print(f"参数：{prm.id} {prm.label} = {vals} {prm.unit}（{prm.clause}：“{prm.quote}”）")
                if r.reading:
                    print(f"解读：{r.reading}")
                if r.allowance:
                    print(f"原则上的例外：{r.allowance}")
                return EXIT_OK
    ids = [r.id for p in reg.policies.values() for r in p.requirements]
    _err(f"未知规则 / unknown rule '{args.rule_id}'{did_you_mean(args.rule_id, ids)}"
         "（用 mhpolicy rules 城市 列出规则编号 / list rule ids with `mhpolicy rules CITY`）")
    return EXIT_INPUT


def cmd_rules(args: argparse.Namespace) -> int:
    """A city's rule ids, with clause, force and title: what `explain` and the footnotes name."""
    reg = discover()
    code = resolve_city(reg, args.city)
    if code not in reg.policies:
        raise UsageError(f"未知城市 / unknown city '{args.city}'{did_you_mean(code, list(reg.policies))}", "unknown_city")
    p = reg.policies[code]
    print(f"{p.info.name}《{p.info.document}》：{len(p.requirements)} 条规则")
    for r in p.requirements:
        print(f"{r.id}  {r.clause}  [{r.modality.value}] {r.title}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """The input schema, with the data fields every installed plugin declares."""
    reg = discover()
    for e in reg.errors:
        _err(f"警告 / warning: {e}")
    schema = reg.models().dataset.model_json_schema()
    sys.stdout.write(orjson.dumps(schema, option=orjson.OPT_INDENT_2).decode() + "\n")
    return EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    if args.action == "show":
        return _runs_show(args)
    for r in open_store(args.db).runs():  # a bad URL is a usage error (exit 2), not a crash
        print(f"{r.id:>4}  {r.city:<10} v{r.plugin_version}  as of {r.as_of}  data {r.data_hash[:12]}  "
              f"{r.findings} findings  {r.started_at:%Y-%m-%d %H:%M}")
    return EXIT_OK


def _stored_run(store: Any, run_id: int | None, what: str) -> Any:
    from .io.store import run_record

    if run_id is None:
        raise UsageError(f"请给出运行编号 / give a run id ({what})", "usage")
    run = run_record(store, run_id)
    if run is None:
        known = [str(r.id) for r in store.runs()]
        raise UsageError(f"未知运行 / unknown run {run_id}{did_you_mean(str(run_id), known)}"
                         f"（用 mhpolicy runs 列出 / list them with `mhpolicy runs`）", "usage")
    return run


def _runs_show(args: argparse.Namespace) -> int:
    """Re-render a stored run's reports from the store (the plugin as installed now names the rules)."""
    from pathlib import Path

    from mhpolicy.reports.stored import rerender

    store = open_store(args.db)
    run = _stored_run(store, args.run_id, "mhpolicy runs show N")
    reg = discover()
    if run.city not in reg.policies:
        raise UsageError(f"该运行的城市插件未安装 / the plugin of city '{run.city}' is not installed", "unknown_city")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths = rerender(store, run, reg.policies[run.city], out)
    print(f"运行 {run.id}（{reg.policies[run.city].info.name}，评估日期 {run.as_of}）报告 / reports: "
          + ", ".join(str(p) for p in paths))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """Progress between two runs of one city: fixed, new, still open, per district and school."""
    from mhpolicy.reports.progress import as_text, compare

    from .io.store import dataset_source, iter_finding_states, previous_run

    store = open_store(args.db)
    runs = store.runs()
    if not runs:
        raise UsageError("数据库中没有运行 / the store has no runs", "usage")
    if args.new is None:
        after = runs[-1] if args.old is None else _stored_run(store, args.old, "")
        before = previous_run(store, after.city, dataset_source(store, after.data_hash), before=after.id)
        if args.old is not None:
            before, after = after, runs[-1]
    else:
        before, after = _stored_run(store, args.old, ""), _stored_run(store, args.new, "")
    if before is None or before.id == after.id:
        raise UsageError(f"运行 {after.id} 之前没有同一城市、同一数据来源的运行可比 / no earlier run of "
                         f"'{after.city}' on the same data to compare with", "usage")
    if before.city != after.city:
        raise UsageError(f"两次运行不是同一城市 / runs {before.id} and {after.id} are of different cities", "usage")
    reg = discover()
    name = reg.policies[after.city].info.name if after.city in reg.policies else after.city
    diff = compare(iter_finding_states(store, before.id), iter_finding_states(store, after.id))
    if args.json:
        sys.stdout.write(orjson.dumps({"before": before.id, "after": after.id, **diff},
                                      option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    print(as_text(diff, f"{name}：运行 {before.id}（{before.as_of}）→ 运行 {after.id}（{after.as_of}）"))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """Recount and rehash every stored run's findings against what its run row recorded."""
    verdicts = open_store(args.db, args.db_timeout).verify(args.run or None)
    label = {"ok": "OK", "mismatch": "不一致 / MISMATCH", "unverifiable": "无法验证 / cannot be verified"}
    for v in verdicts:
        line = f"{v.run_id:>4}  {v.city:<10} {label[v.status]}  {v.found} findings"
        if v.status == "mismatch":
            line += (f" (recorded {v.recorded}"
                     + (", hash differs" if v.recorded_hash and v.recorded_hash != v.found_hash else "") + ")")
        elif v.status == "unverifiable":
            line += "（该运行写入时尚未记录哈希 / written before runs recorded a hash）"
        print(line)
    bad = sum(v.status == "mismatch" for v in verdicts)
    unverifiable = sum(v.status == "unverifiable" for v in verdicts)
    print(f"{len(verdicts)} runs: {len(verdicts) - bad - unverifiable} OK, {bad} mismatch, {unverifiable} unverifiable")
    if args.run and len(verdicts) < len(set(args.run)):
        _err(f"未知运行 / unknown run id(s): {sorted(set(args.run) - {v.run_id for v in verdicts})}")
        return EXIT_INPUT
    if bad:
        _err(f"错误 / error: {bad} 个运行与写入时记录的不一致 / runs do not match what was recorded")
        return EXIT_FAIL_ON
    return EXIT_OK


def _xlsx_out(text: str) -> Path:
    out = Path(text)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"输出文件应以 .xlsx 结尾 / the output must be an .xlsx file: '{text}'", "usage")
    return out


def cmd_template(args: argparse.Namespace) -> int:
    """A form for the chosen cities: the columns their rules read, checked back by `check --data`."""
    reg = discover()
    for e in reg.errors:
        _err(f"警告 / warning: {e}")
    policies, _ = select_cities(reg, args.city)
    out = _xlsx_out(args.out)
    prefill = None
    if args.prefill:
        prefill = read_dataset(args.prefill, reg.models())[0].model_dump(mode="json")
    path, plans = make_template(policies, reg.models(), out, level=args.level, prefill=prefill)
    columns = sum(len(p.columns) for p in plans)
    print(f"填报模板 / form: {path}（{len(plans)} 张表，{columns} 列；城市：{', '.join(p.code for p in policies)}；"
          f"层级 / level: {args.level}）")
    print(f"填好后 / when filled in: mhpolicy check --city {' --city '.join(p.code for p in policies)} --data {path}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    reg = discover()
    if bool(args.data) == bool(args.sample):
        raise UsageError("请给出 --data 或 --sample 之一 / give --data or --sample", "data_and_sample")
    source = args.data or str(select_cities(reg, [args.sample])[0][0].sample_path())
    dataset, _ = read_dataset(source, reg.models())
    path = export(dataset.model_dump(mode="json"), reg.models(), _xlsx_out(args.out))
    print(f"已导出 / exported: {path}（{len(dataset.institutions)} 所机构 / institutions）")
    return EXIT_OK


def _timeout(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds >= 0")
    return value


_ARGPARSE_ZH = [("unrecognized arguments", "无法识别的参数"), ("the following arguments are required", "缺少必需的参数"),
                ("expected one argument", "该选项需要一个值"), ("invalid choice", "无效的选择"),
                ("invalid int value", "不是整数"), ("invalid _timeout value", "不是有效的秒数")]


class _Parser(argparse.ArgumentParser):
    """argparse with its errors said in Chinese too, and the closest option suggested."""

    def _all_options(self) -> list[str]:
        options = [o for a in self._actions for o in a.option_strings]
        for a in self._actions:
            if isinstance(a, argparse._SubParsersAction):
                for sub in a.choices.values():
                    options += [o for act in sub._actions for o in act.option_strings]
        return sorted(set(options))

    def error(self, message: str) -> Any:  # never returns: exits 2 like argparse
        zh = next((z for en, z in _ARGPARSE_ZH if en in message), "命令行参数有误")
        hint = ""
        if message.startswith("unrecognized arguments"):
            words = [w for w in message.split(":", 1)[1].split() if w.startswith("-")]
            hint = "".join(did_you_mean(w.split("=")[0], self._all_options()) for w in words)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 错误 / error: {zh} / {message}{hint}\n")


def parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="mhpolicy", description="学生心理健康工作政策合规检查 / student mental-health policy checker")
    sub = ap.add_subparsers(dest="command", required=True)
    db_default = os.environ.get("MHPOLICY_DB", "sqlite:///mhpolicy.db")
    timeout_default = os.environ.get("MHPOLICY_DB_TIMEOUT", "60")
    timeout_help = "等待被其他检查占用的数据库的秒数（缺省60，环境变量 MHPOLICY_DB_TIMEOUT）；超时退出码7"
    c = sub.add_parser("check", help="检查数据 / check data against one or more city plans")
    c.add_argument("--city", action="append", default=[], help="城市代码或名称（如 fuzhou、福州、福州市），可重复；all 表示全部")
    c.add_argument("--data", action="append",
                   help="数据：JSON/JSONL文件，或填报表（.xlsx、.csv、收齐的文件夹/，可重复给出合并为一份）；所有城市都检查这一份数据并对照")
    c.add_argument("--sample", metavar="CITY", help="用该城市自带的样例数据检查所有城市（并对照）")
    c.add_argument("--as-of", help="评估日期 YYYY-MM-DD；缺省为数据的 as_of，否则今天")
    c.add_argument("--since", help="周期性义务自该日起逐期评判 YYYY-MM-DD；缺省为评估日前12个月（只放宽不收窄）")
    c.add_argument("--out", default="mhpolicy-out", help="报告目录")
    c.add_argument("--db", default=db_default, help="数据库 URL（缺省 sqlite:///mhpolicy.db）")
    c.add_argument("--db-timeout", type=_timeout, default=timeout_default, help=timeout_help)
    c.add_argument("--school", help="只出具该校的报告 / report for this institution only")
    c.add_argument("--per-school", metavar="DIR", help="同时为每所学校出具一份检查反馈（DIR/城市代码/学校编号.html，"
                   "附 index.html），与全市报告一次完成 / one feedback page per school, in the same pass")
    c.add_argument("--json", action="store_true", help="把结论以JSON输出到标准输出")
    c.add_argument("--fail-on", help="出现这些结论时退出码为1，如 不符合,缺数据")
    c.add_argument("--workers", type=int, default=0, help="并行进程数；缺省在4000所以上机构时用2个（pipeline.auto_workers）")
    c.set_defaults(func=cmd_check)
    p = sub.add_parser("policies", help="列出已安装的城市插件")
    p.set_defaults(func=cmd_policies)
    e = sub.add_parser("explain", help="显示规则及其条款原文")
    e.add_argument("rule_id")
    e.set_defaults(func=cmd_explain)
    rl = sub.add_parser("rules", help="列出某城市的规则编号（供 explain 查看） / list a city's rule ids")
    rl.add_argument("city", help="城市代码或名称，如 fuzhou、福州、福州市")
    rl.set_defaults(func=cmd_rules)
    s = sub.add_parser("schema", help="输出输入数据的 JSON Schema")
    s.set_defaults(func=cmd_schema)
    r = sub.add_parser("runs", help="列出已保存的运行；runs show N 重新生成运行N的报告")
    r.add_argument("action", nargs="?", choices=["show"], help="show：重新生成该运行的报告 / re-render a run")
    r.add_argument("run_id", nargs="?", type=int, help="运行编号")
    r.add_argument("--out", default="mhpolicy-out", help="报告目录（runs show）")
    r.add_argument("--db", default=db_default)
    d = sub.add_parser("diff", help="两次检查之间的进展：已整改、新出现、仍未解决 / progress between two runs")
    d.add_argument("old", nargs="?", type=int, help="较早的运行编号；缺省为最新运行之前同城市同数据来源的一次")
    d.add_argument("new", nargs="?", type=int, help="较新的运行编号；缺省为最新运行")
    d.add_argument("--json", action="store_true", help="以JSON输出")
    d.add_argument("--db", default=db_default)
    d.set_defaults(func=cmd_diff)
    r.set_defaults(func=cmd_runs)
    v = sub.add_parser("verify", help="核对每个已保存运行的结论条数与哈希 / prove each stored run whole")
    v.add_argument("--db", default=db_default)
    v.add_argument("--db-timeout", type=_timeout, default=timeout_default, help=timeout_help)
    v.add_argument("--run", type=int, action="append", default=[], help="只核对该运行（可重复）")
    v.set_defaults(func=cmd_verify)
    t = sub.add_parser("template", help="生成填报模板（Excel） / write the data-collection form for the chosen cities")
    t.add_argument("--city", action="append", default=[], help="城市代码，可重复；all 表示全部")
    t.add_argument("--level", choices=["school", "bureau"], default="school",
                   help="school：学校填本校一行；bureau：教育局汇总多校（缺省 school）")
    t.add_argument("--prefill", help="把这份数据（上期数据，JSON或填报表）预先填入模板")
    t.add_argument("--out", default="填报模板.xlsx", help="输出文件（.xlsx）")
    t.set_defaults(func=cmd_template)
    x = sub.add_parser("export", help="把数据集导出为填报表（Excel） / write a dataset as a form workbook")
    x.add_argument("--data", help="数据文件（JSON/JSONL或填报表）")
    x.add_argument("--sample", metavar="CITY", help="导出该城市自带的样例数据")
    x.add_argument("--out", required=True, help="输出文件（.xlsx）")
    x.set_defaults(func=cmd_export)
    add_lint_command(sub)  # mhpolicy lint: the command lives in core/authoring/lint.py
    add_new_city_parser(sub)  # mhpolicy new-city: in core/authoring/scaffold.py
    return ap


def _error_object(exc: BaseException) -> dict[str, Any]:
    """What `--json` prints on stdout when a command stops with an error (the text goes to stderr)."""
    if isinstance(exc, InputError):
        return {"kind": "input", "issues": [i.to_json() for i in exc.issues]}
    if isinstance(exc, UsageError):
        return {"kind": "usage", "code": exc.code, "message": str(exc)}
    if isinstance(exc, PluginError):
        return {"kind": "plugin", "code": "plugin_failed", "plugin": exc.plugin, "message": str(exc)}
    return {"kind": "internal", "code": "internal_error", "message": f"{type(exc).__name__}: {exc}"}


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message (or --help) to stderr
        if exc.code == EXIT_INPUT and "--json" in (sys.argv[1:] if argv is None else argv):
            sys.stdout.write(orjson.dumps({"error": {
                "kind": "usage", "code": "bad_arguments",
                "message": "命令行参数有误，详见标准错误输出 / invalid command-line arguments, see stderr"}},
                option=orjson.OPT_INDENT_2).decode() + "\n")
        raise
    stdout, sys.stdout = sys.stdout, _ReaderMayLeave(sys.stdout)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a reader gone before the last buffered line is met here, not at exit
        return code
    except BrokenPipeError:  # written past the wrapper (a stream kept from before): nothing to return
        _discard_stdout()
        return EXIT_OK
    except Exception as exc:  # every error gets an exit code and, with --json, an object
        code = _report_error(exc)
        if getattr(args, "json", False):
            sys.stdout.write(orjson.dumps({"error": _error_object(exc)}, option=orjson.OPT_INDENT_2).decode() + "\n")
        return code
    finally:
        sys.stdout = stdout


def _discard_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so what is still buffered raises no second error at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno() if sys.__stdout__ else 1)


class _ReaderMayLeave:
    """stdout whose reader may leave early (`mhpolicy check … | head`): from then on the output
    is discarded but the command runs to its end, so its exit code (1 for --fail-on, 3 for a
    rule error …) is what the pipeline sees, not a quiet 0."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._leave()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._leave()

    def _leave(self) -> None:
        self._gone = True
        _discard_stdout()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _report_error(exc: Exception) -> int:
    """The human text on stderr, and the exit code, for an error that stopped a command."""
    if isinstance(exc, InputError):
        _err("输入数据有误 / invalid input:")
        for issue in exc.issues[:50]:
            _err(f"  {issue}")
        if len(exc.issues) > 50:
            _err(f"  …… 另有 {len(exc.issues) - 50} 处 / and {len(exc.issues) - 50} more")
        if getattr(exc, "hint", ""):
            _err(f"  {exc.hint.lstrip('，')}")  # type: ignore[attr-defined]
        return EXIT_INPUT
    if isinstance(exc, UsageError):
        _err(str(exc))
        return EXIT_STORE_UNAVAILABLE if exc.code == "store_unavailable" else EXIT_INPUT
    if isinstance(exc, PluginError):
        _err(str(exc))
        return EXIT_PLUGIN
    # a bug: say so, never exit 1 (which means --fail-on matched)
    _err("内部错误，请报告 / internal error, please report:\n" + "".join(traceback.format_exception(exc)))
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
