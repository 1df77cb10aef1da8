"""Issue 8, item 11: a city plugin from outside the project checks data through the same
discovery path as the built-in cities, with no file of the project changed.

The plugin is written into a temporary folder as an installed distribution would leave it
(a package plus a ``*.dist-info`` with METADATA and entry_points.txt) and that folder is put
on sys.path, so `importlib.metadata` finds its entry point exactly as after ``pip install``.
One distribution declares a `CityPlugin` object, the other a module of ``@hookimpl`` functions.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from mhpolicy.core.cli import main
from mhpolicy.core.plugins.registry import ENTRY_POINT_GROUP, discover

REPO = Path(__file__).resolve().parents[1]
SOURCE = "外城市学生心理健康工作方案\n一、队伍建设\n1. 每所学校应配备专职心理教师不少于1名。\n"

# Shared by both plugin styles: one dated threshold and one measured requirement citing it.
RULES = '''
from datetime import date

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.queries import psych_teachers
from mhpolicy.core.rules.requirement import AppliesTo, CityInfo, Measure, Modality, Requirement, SubjectKind

CITY = "{code}"
QUOTE = "每所学校应配备专职心理教师不少于1名"
INFO = CityInfo(code=CITY, name="外城市", document="外城市学生心理健康工作方案", issuer="外城市教育局",
                issued=date(2024, 1, 1), effective=date(2024, 1, 1), source_file="source.txt", version="1.0")
MIN_FULL_TIME = Parameter(id=CITY + ".min_full_time", label="每校最少专职心理教师", unit="名",
                          values={{date(2024, 1, 1): 1}}, clause="一、1", quote=QUOTE)


def full_time_teachers(subject, ctx):
    inst = subject.institution
    return Measure(observed=len(psych_teachers(inst.staff, full_time=True)), required=ctx.param(MIN_FULL_TIME.id))


STAFF = Requirement(
    id=CITY + ".1-1.full-time-psych-teacher", city=CITY, clause="一、1", quote=QUOTE,
    title="每校至少1名专职心理教师", topic="staffing.psych_teacher_ratio", subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各校"), modality=Modality.MANDATORY, modal_word="应", measure=full_time_teachers,
    op=">=", observed_label="专职心理教师人数", unit="名", gap_text="缺{{gap}}名专职心理教师",
    parameters=(MIN_FULL_TIME.id,))
'''

AS_OBJECT = '''
from mhpolicy.core.plugins.base import CityPlugin

from .rules import INFO, MIN_FULL_TIME, STAFF

plugin = CityPlugin(info=INFO, parameters=[MIN_FULL_TIME], requirements=[STAFF])
'''

AS_MODULE = '''
from mhpolicy.core.plugins.registry import hookimpl

from .rules import INFO, MIN_FULL_TIME, STAFF


@hookimpl
def mhpolicy_city_info():
    return INFO


@hookimpl
def mhpolicy_parameters():
    return [MIN_FULL_TIME]


@hookimpl
def mhpolicy_requirements():
    return [STAFF]
'''


def write_distribution(site: Path, code: str, plugin_source: str, entry_point: str) -> None:
    """An installed distribution `outside-<code>`: package `outside_<code>` and its dist-info."""
    package = site / f"outside_{code}"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "rules.py").write_text(RULES.format(code=code), encoding="utf-8")
    (package / "plugin.py").write_text(textwrap.dedent(plugin_source), encoding="utf-8")
    (package / "source.txt").write_text(SOURCE, encoding="utf-8")
    info = site / f"outside_{code}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: outside-{code}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{code} = {entry_point}\n", encoding="utf-8")


def _git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO,
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    site = tmp_path / "site-packages"
    write_distribution(site, "outobj", AS_OBJECT, "outside_outobj.plugin:plugin")
    write_distribution(site, "outmod", AS_MODULE, "outside_outmod.plugin")
    monkeypatch.syspath_prepend(str(site))
    yield site
    for name in [m for m in sys.modules if m.startswith("outside_")]:
        del sys.modules[name]


def test_outside_plugins_are_found_through_the_entry_point_group(outside: Path) -> None:
    eps = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    assert eps["outobj"] == "outside_outobj.plugin:plugin" and eps["outmod"] == "outside_outmod.plugin"
    reg = discover()
    assert not reg.errors, reg.errors
    built_in = {name for name, value in eps.items() if value.startswith("mhpolicy.policies.")}
    assert built_in and set(reg.policies) >= built_in | {"outobj", "outmod"}
    for code in ("outobj", "outmod"):
        policy = reg.get(code)
        assert Path(str(sys.modules[f"outside_{code}.plugin"].__file__)).is_relative_to(outside)
        assert policy.source_text() == SOURCE  # read from the outside package, not from policies/


def test_an_outside_city_checks_a_dataset_on_the_cli_with_no_project_file_changed(
        outside: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    before = _git_status()
    schools = [{"id": sid, "name": f"学校{sid}", "district_id": "D1", "kind": "primary",
                "staff": [{"id": f"{sid}-T{i}", "role": "psych_teacher", "full_time": True} for i in range(n)]}
               for sid, n in (("S1", 1), ("S2", 0))]
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"city": {"code": "outobj", "name": "外城市"}, "as_of": "2024-12-31",
                                "districts": [{"id": "D1", "name": "一区"}], "institutions": schools},
                               ensure_ascii=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for code in ("outobj", "outmod"):
        assert main(["check", "--city", code, "--data", str(data), "--db", "s.db", "--out", "out", "--json"]) == 0
        findings = {f["subject_id"]: f for f in json.loads(capsys.readouterr().out)}
        assert findings["S1"]["status"] == "符合"
        assert findings["S2"]["status"] == "不符合" and findings["S2"]["rule_id"] == f"{code}.1-1.full-time-psych-teacher"
    assert _git_status() == before
    assert not (REPO / "policies" / "outobj").exists()


def test_lint_reads_the_specs_an_outside_plugin_ships_in_its_package(outside: Path, tmp_path: Path) -> None:
    from mhpolicy.core.authoring.lint import lint_policy

    reg = discover()
    features = tmp_path / "features"  # the project's own folder has no outobj/ in it
    features.mkdir()
    before = {v.code for v in lint_policy(reg.get("outobj"), features).violations}
    assert before == {"no-scenario"}
    shipped = outside / "outside_outobj" / "features"
    shipped.mkdir()
    (shipped / "staff.feature").write_text(
        "# language: zh-CN\n功能: 一、1\n  场景: 配备\n"
        '    那么 规则 "outobj.1-1.full-time-psych-teacher" 对 "甲校" 的结论为 "符合"\n', encoding="utf-8")
    assert lint_policy(reg.get("outobj"), features).violations == []
