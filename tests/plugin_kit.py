"""Build throwaway city plugins for contract tests: a module of hookimpls (the older form a plugin
may still take) or a `CityPlugin` of declarations (the form the built-in cities take)."""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from mhpolicy.core.plugins.base import CityPlugin
from mhpolicy.core.plugins.registry import hookimpl
from mhpolicy.core.rules.clauses import clause_slug
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    CityInfo,
    Measure,
    MeasureResult,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

SOURCE = "测试市学生心理健康工作方案。学校应配备专职心理教师不少于2名。鼓励学校开展心理社团活动。原则上每校设心理辅导室。要把育德与育心统一起来。"


def info(tmp: Path, code: str = "testcity") -> CityInfo:
    src = tmp / f"{code}.txt"
    src.write_text(SOURCE, encoding="utf-8")
    return CityInfo(code=code, name="测试市", document="测试方案", issuer="测试局", issued=date(2024, 1, 1),
                    effective=date(2024, 1, 1), source_file=str(src), version="9.9")


def staff_count(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    return Measure(observed=sum(s.full_time for s in inst.staff), required=ctx.param("testcity.min_staff"),
                   inputs={"学生数": inst.students})


def requirement(code: str = "testcity", rid: str = "staff", *, modality: Modality = Modality.MANDATORY,
                word: str = "应", measure: Callable[[Subject, Context], MeasureResult] | None = staff_count,
                kind: RequirementKind = RequirementKind.MEASURED, op: str = ">=", **kw: Any) -> Requirement:
    quotes = {"应": "学校应配备专职心理教师不少于2名", "鼓励": "鼓励学校开展心理社团活动",
              "原则上": "原则上每校设心理辅导室", "要": "要把育德与育心统一起来"}
    fields: dict[str, Any] = dict(
        city=code, clause="一、1", quote=quotes[word], title=f"测试要求 {rid}",
        topic=f"test.{rid}", subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="各校"),
        modality=modality, modal_word=word, kind=kind, measure=measure if kind is RequirementKind.MEASURED else None,
        op=op, observed_label="专职心理教师", unit="名", gap_text="缺{gap}名专职心理教师",
        parameters=("testcity.min_staff",) if measure is staff_count and kind is RequirementKind.MEASURED else ())
    fields.update(kw)
    if "id" not in fields:  # ids derive from the clause
        fields["id"] = f"{code}.{clause_slug(fields['clause'])}.{rid}"
    return Requirement(**fields)


MIN_STAFF = Parameter(id="testcity.min_staff", label="最少专职心理教师", unit="名",
                      values={date(2024, 1, 1): 2, date(2025, 1, 1): 3}, clause="一、1",
                      quote="学校应配备专职心理教师不少于2名")


LATER = Parameter(id="testcity.later", label="后生效的参数", unit="名", values={date(2025, 1, 1): 1},
                  clause="一、1", quote="学校应配备专职心理教师不少于2名")


def plugin_module(tmp: Path, requirements: list[Requirement], *, code: str = "testcity",
                  extra: dict[str, Callable[..., Any]] | None = None,
                  info_changes: dict[str, Any] | None = None) -> types.ModuleType:
    mod = types.ModuleType(f"{code}_plugin")
    city = dataclasses.replace(info(tmp, code), **(info_changes or {}))

    @hookimpl
    def mhpolicy_city_info() -> CityInfo:
        return city

    @hookimpl
    def mhpolicy_parameters() -> list[Parameter]:
        return [MIN_STAFF, LATER] if code == "testcity" else []

    @hookimpl
    def mhpolicy_requirements() -> list[Requirement]:
        return requirements

    mod.mhpolicy_city_info = mhpolicy_city_info  # type: ignore[attr-defined]
    mod.mhpolicy_parameters = mhpolicy_parameters  # type: ignore[attr-defined]
    mod.mhpolicy_requirements = mhpolicy_requirements  # type: ignore[attr-defined]
    for name, fn in (extra or {}).items():
        setattr(mod, name, fn)
    return mod


def city_plugin(tmp: Path, requirements: list[Requirement], *, code: str = "testcity") -> CityPlugin:
    """The declarations-only form of `plugin_module` (source text by absolute path, so no package)."""
    return CityPlugin(info=info(tmp, code), requirements=requirements,
                      parameters=[MIN_STAFF, LATER] if code == "testcity" else [])


def school(sid: str, full_time: int, students: int | None = 500, **kw: Any) -> dict[str, Any]:
    inst: dict[str, Any] = {"id": sid, "name": f"学校{sid}", "district_id": "D1", "kind": "primary",
                            "staff": [{"id": f"{sid}-T{i}", "role": "psych_teacher", "full_time": True}
                                      for i in range(full_time)]}
    if students is not None:
        inst["enrollment"] = [{"grade": 1, "stage": "primary", "students": students}]
    inst.update(kw)
    return inst


def dataset(*schools: dict[str, Any], code: str = "testcity") -> dict[str, Any]:
    return {"city": {"code": code, "name": "测试市"}, "districts": [{"id": "D1", "name": "一区"}],
            "institutions": list(schools)}
