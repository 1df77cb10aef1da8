"""`mhpolicy template`: the 填报模板 workbook for the chosen cities, generated from the model.

Which columns a city reads is not written down anywhere by hand; it is observed. Each chosen
plan's measures are run on every chosen plan's bundled sample (validated with the registry's
models, contexts built as the pipeline builds them) while every read of a model field is
recorded (`_Recorder`: pydantic models' attribute access, for the duration of one measure), and
the data paths a measure reports missing (`MissingData.fields`) are added. An attestation item
reads its subject's `attestations`. A column is in the form when a rule reads it, when the model
requires it (ids, names, kinds) or when it is a key its sheet's rows are told apart by; a sheet
when a rule reads its list. The instructions list, for every column, the rules that read it.

Limits of the observation, stated: a branch no sample reaches (a measure that returns early
for every sample subject) reads nothing, so its fields are only known through its MissingData
paths. That is why every chosen plan's measures also run on the other chosen plans' samples.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..io.source import read_dataset
from ..io.tabular import (
    HEADER_SHEET,
    LIST_SEPARATOR,
    NO_RECORDS,
    REPORTED,
    STATUS_LABELS,
    UNREPORTED,
    Kind,
    Table,
    enum_labels,
    inner,
    layout,
)
from ..model.extensions import Models
from ..plugins.registry import CityPolicy
from ..rules.context import Context, subjects_of
from ..rules.periods import completed_in_window, running
from ..rules.plan import SubjectKind
from ..rules.requirement import MissingData, RequirementKind
from .export import SheetPlan, write_workbook

Reads = dict[tuple[type, str], set[str]]  # (model class, field) -> rule ids

_current: list[str] = []  # the rule being measured (a stack of one)
_reads: Reads = defaultdict(set)


def _recording_getattribute(self: Any, name: str) -> Any:
    value = object.__getattribute__(self, name)
    if _current and not name.startswith("_"):
        cls = type(self)
        if name in cls.__pydantic_fields__:
            _reads[(cls, name)].add(_current[-1])
    return value


@contextmanager
def _recorder() -> Iterator[Reads]:
    """Every model field read while it is open, by the rule in `_current` (pydantic v2 keeps field
    values in the instance dict, so a read is an attribute access on the model)."""
    _reads.clear()
    assert "__getattribute__" not in BaseModel.__dict__  # restored below by deleting ours
    BaseModel.__getattribute__ = _recording_getattribute  # type: ignore[method-assign]
    try:
        yield _reads
    finally:
        del BaseModel.__getattribute__  # type: ignore[misc]


def _subject_model(models: Models, kind: SubjectKind) -> type[BaseModel]:
    return {SubjectKind.INSTITUTION: models.institution, SubjectKind.STATION: models.station,
            SubjectKind.DISTRICT: models.district}.get(kind, models.city)


def _missing_paths(reads: Reads, model: type[BaseModel], path: str, rule: str) -> None:
    """`staff[role=counselor].trainings`, `counseling_room.meets_standard`: each field on the way."""
    current: Any = model
    for part in re.sub(r"\[[^\]]*\]", "", path).split("."):
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return
        reads[(current, part)].add(rule)
        current = inner(current.model_fields[part].annotation)[0]


def fields_read(policies: Sequence[CityPolicy], models: Models) -> Reads:
    """Which model fields each rule of `policies` reads, observed on the chosen plans' samples."""
    samples = []
    for p in policies:
        try:
            samples.append(read_dataset(p.sample_path(), models)[0])
        except Exception:  # a plan without a usable sample contributes its MissingData paths only
            continue
    found: Reads = defaultdict(set)
    for dataset in samples:
        as_of = dataset.as_of or date.today()
        with _recorder() as reads:
            for p in policies:
                ctx = Context(as_of=as_of, city=p.info, parameters=p.parameters, dataset=dataset)
                for req in p.requirements:
                    model = _subject_model(models, req.subject)
                    if req.kind is RequirementKind.ATTESTATION:
                        found[(model, "attestations")].add(req.id)
                        for name in ("item", "value", "date", "by"):
                            found[(_attestation_model(model), name)].add(req.id)
                    if req.aggregate is not None:  # a target over a population reads each record it counts
                        _observe_aggregate(req, dataset, ctx)
                    for subject in subjects_of(dataset, req.subject):
                        _current.append(req.id)
                        try:  # who it applies to is read for an attestation item too
                            if (req.applies_to.where is None or req.applies_to.where(subject, ctx)) and (
                                    req.measure is not None and req.kind is RequirementKind.MEASURED):
                                for view in _views(req, ctx):  # each period it is judged in reads its own records
                                    result = req.measure(subject, view)
                                    if isinstance(result, MissingData):
                                        for path in result.fields:
                                            _missing_paths(found, model, path, req.id)
                        except Exception:  # a rule that raises on a sample is 错误 in a check, not here
                            pass
                        finally:
                            _current.pop()
            for key, rules in reads.items():
                found[key] |= rules
    return found


def _observe_aggregate(req: Any, dataset: Any, ctx: Context) -> None:
    """Run an aggregate's `counts` on every record it folds over (institutions, stations or a
    plugin's dataset-level records), so the columns it reads are on the form."""
    agg = req.aggregate
    records = dataset.institutions if agg.streamed else agg.header_records(ctx)
    _current.append(req.id)
    try:
        for view in _views(req, ctx):
            for record in records:
                # core reads these too: the county a record counts for, and how a lagging record is named
                for name in ("id", "name", "district_id"):
                    getattr(record, name, None)
                try:
                    agg.counts(record, view)
                except Exception:  # as for measures: a raising rule is 错误 in a check, not here
                    pass
    finally:
        _current.pop()


def _views(req: Any, ctx: Context) -> list[Context]:
    """The contexts a periodic duty is measured in: every completed period of the window and the
    running one (a branch may read a field only when that period has records); else the context."""
    if req.period is None:
        return [ctx]
    anchor = ctx.city.effective
    periods = completed_in_window(req.period, ctx.as_of, ctx.window_start, anchor)
    now = running(req.period, ctx.as_of, anchor)
    return [ctx.judging(p) for p in [*periods, *([now] if now else [])]] or [ctx]


def _attestation_model(model: type[BaseModel]) -> type[BaseModel]:
    return inner(model.model_fields["attestations"].annotation)[0]


def _table_read(table: Table, reads: Reads) -> set[str]:
    """The rules that read the list a table holds (on its parent's model, or a model in between)."""
    if table.parent is None:
        return {"*"}
    if table.parent.parent is None:  # districts, institutions, stations: measured as subjects, not as a list
        own = set().union(*(rules for (cls, _), rules in reads.items() if cls is table.model))
        if own:
            return own
    holder: Any = table.parent.model
    for part in table.via:
        holder = inner(holder.model_fields[part].annotation)[0]
    return reads.get((holder, table.list_field), set())


def plan_sheets(models: Models, reads: Reads, level: str) -> list[SheetPlan]:
    """The sheets and columns of a form: what the rules read, what the model requires, the keys."""
    tables = layout(models)
    wanted: dict[str, set[str]] = {}
    for t in tables:
        rules = _table_read(t, reads)
        if t.parent is None or (rules and (t.parent.code in wanted)):
            wanted[t.code] = rules
    wanted.setdefault("districts", set())  # every school and station names its district (district_id)
    if level == "school":  # one school's own form: its own records, its district row, the city
        wanted = {code: r for code, r in wanted.items()
                  if code in ("", "districts") or code.startswith("institutions")}
        wanted.setdefault("districts", set())
        wanted.setdefault("institutions", set())
    plans = []
    for t in tables:
        if t.code not in wanted:
            continue
        columns, readers = [], {}
        for c in t.columns:
            if c.kind == Kind.STATUS:  # 填报情况 of a list: on the form when its sheet is
                if c.status_of in wanted and not (level == "school" and t.code == "districts"):
                    columns.append(c)
                    readers[c.code] = sorted(wanted[c.status_of] - {"*"})
                continue
            rules = reads.get((c.owner, c.path[-1]), set())
            nested_ok = len(c.path) == 1 or reads.get((t.model, c.path[0]))
            if level == "school" and t.code == "districts" and not c.required:
                continue  # a school names its district; the district's own data is the bureau's
            if c.required or c.path == ("id",) or (rules and nested_ok) or t.parent is None:
                columns.append(c)
                readers[c.code] = sorted(rules)
        plans.append(SheetPlan(t, columns, readers))
    return plans


def _clauses(rule_ids: Sequence[str], policies: Sequence[CityPolicy]) -> str:
    by_id = {r.id: (p, r) for p in policies for r in p.requirements}
    out: dict[str, list[str]] = {}
    for rid in rule_ids:
        if rid in by_id:
            p, r = by_id[rid]
            out.setdefault(p.info.name, [])
            if r.clause not in out[p.info.name]:
                out[p.info.name].append(r.clause)
    return "；".join(f"{city} {LIST_SEPARATOR.join(cl)}" for city, cl in out.items())


def instructions(plans: Sequence[SheetPlan], policies: Sequence[CityPolicy], level: str) -> list[list[Any]]:
    who = "本校填写自己的一行（学校基本信息只填一行）" if level == "school" else "教育局汇总：每所学校一行，各表以学校编号关联"
    docs = "；".join(f"{p.info.name}《{p.info.document}》" for p in policies)
    lines: list[list[Any]] = [
        ["学生心理健康工作数据填报表", f"适用：{docs}"],
        ["生成", "由 mhpolicy template 依据数据模型和所选城市规则读取的字段生成，请勿改动表头和工作表名称"],
        ["填报层级", who],
        ["日期", "填 YYYY-MM-DD（如 2025-09-01）；2025/9/1、2025年9月1日 或 Excel 日期格式也可"],
        ["是/否", "填“是”或“否”（下拉选择）"],
        ["下拉项", "枚举字段请从下拉框选择中文选项；手工输入须与选项一致"],
        ["多个值", f"一格填多个值时用“{LIST_SEPARATOR}”分隔（如 年级：7{LIST_SEPARATOR}8）"],
        ["第2行", "每表第2行（灰色，以“例：”开头）是示例和单位，不是数据，请从第3行起填写；空行会被跳过"],
        ["关联", "子表用上级表的编号关联（学校编号、教职工编号…）；没有编号的记录用“序号”"],
        ["个人信息", "不收集学生姓名、身份证号等个人信息：预警个案只填化名编号；含“姓名”“身份证号”等的列会被拒收"],
        *_status_lines(plans),
        ["检查", "填好后运行：mhpolicy check --city 城市 --data 本文件.xlsx（或收齐的文件夹/）"],
        ["JSON记录", "学校系统导出的本校JSON记录（一所学校一个对象，含编号id、类型kind）可放进收齐的文件夹，"
                     "或与本表一起检查（--data 本文件.xlsx --data 学校.json）；同一学校出现在两个文件中会报错并列出两个文件"],
        [],
        ["工作表", "记录什么", "服务的条款（规则读取该表）"],
    ]
    for p in plans:
        rules = sorted({r for rs in p.readers.values() for r in rs})
        what = "数据集信息（城市、数据截至日期），一行" if p.table.sheet == HEADER_SHEET else f"{p.table.sheet}，每条记录一行"
        lines.append([p.table.sheet, what, _clauses(rules, policies) or "（编号与必填项）"])
    lines += [[], ["工作表", "列", "字段", "单位与范围 / 取值", "读取该列的规则"]]
    for p in plans:
        for c in p.columns:
            if c.enum is not None:
                values = "、".join(enum_labels(c.enum))
            elif c.kind == Kind.BOOL:
                values = "是/否"
            elif c.kind == Kind.STATUS:
                values = "/".join(STATUS_LABELS)
            elif c.kind == Kind.DATE:
                values = "日期"
            elif c.ge is not None and c.le is not None:
                values = f"{c.ge:g}–{c.le:g} {c.unit}".strip()
            else:
                values = c.description or ""
            readers = p.readers.get(c.code) or []
            lines.append([p.table.sheet, c.header, c.code, values,
                          "、".join(readers) if readers else ("必填" if c.required else "编号")])
    return lines


def _status_lines(plans: Sequence[SheetPlan]) -> list[list[Any]]:
    """How to say "本校本期无此类记录": the 填报情况 columns of the form, explained once."""
    status = [(p.table.sheet, c.header) for p in plans for c in p.columns if c.kind == Kind.STATUS]
    if not status:
        return []
    where = "；".join(f"{sheet}表的「{header}」" for sheet, header in status)
    return [["填报情况", f"记录表没有行，既可能是“本期没有此类记录”，也可能是“还没填”，两者结论不同：无记录可能判为不符合，"
                        f"未填报判为缺数据。请在上级行的填报情况列中选择：{REPORTED}（记录表中有记录）、{NO_RECORDS}"
                        f"（本期确无此类记录）、{UNREPORTED}（尚未填写）；留空则按记录表：有行视为已填报，没有行视为未填报。"
                        f"本表的填报情况列：{where}"]]


def make_template(policies: Sequence[CityPolicy], models: Models, out: str | Path, *, level: str = "school",
                  prefill: dict[str, Any] | None = None) -> tuple[Path, list[SheetPlan]]:
    """Write the form for these plans; `prefill` (a dataset's JSON document) fills last period's rows in."""
    reads = fields_read(policies, models)
    plans = plan_sheets(models, reads, level)
    path = write_workbook(out, plans, prefill, instructions=instructions(plans, policies, level))
    return path, plans
