"""`mhpolicy new-city`: a new city is its own folders plus one registration line, and it loads
and checks before its first rule is written."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import mhpolicy.policies
from features.test_features import bind_city_scenarios
from mhpolicy.core import cli
from mhpolicy.core.cli import main
from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.loading import parse_dataset
from mhpolicy.core.plugins.base import CityPlugin
from mhpolicy.core.plugins.registry import load_plugins

REPO = Path(__file__).resolve().parents[1]
SOURCE_TEXT = "新城市学生心理健康行动计划\n\n一、工作目标\n到2025年，全市中小学配齐心理健康教师。\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway source tree: the real pyproject.toml and empty policies/ and features/."""
    root = tmp_path / "repo"
    (root / "policies").mkdir(parents=True)
    (root / "features").mkdir()
    shutil.copyfile(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "newcity.txt"
    path.write_text(SOURCE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def importable(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make cities written under `repo` importable as mhpolicy.policies.<code>, as an install would."""
    monkeypatch.setattr(mhpolicy.policies, "__path__", [*mhpolicy.policies.__path__, str(repo / "policies")])
    yield
    for name in [m for m in sys.modules if m.startswith("mhpolicy.policies.newcity")]:
        del sys.modules[name]


def new_city(repo: Path, source: Path, *extra: str, code: str = "newcity") -> int:
    return main(["new-city", code, "--name", "新城市", "--source", str(source), "--root", str(repo), *extra])


def test_new_city_writes_its_folders_and_one_registration_line(repo: Path, source: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert new_city(repo, source, "--issued", "2024-03-19", "--issuer", "新城市教育局办公室") == 0
    written = sorted(str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file())
    assert written == sorted([
        "features/newcity/.gitkeep", "policies/newcity/__init__.py", "policies/newcity/document.py",
        "policies/newcity/plugin.py", "policies/newcity/rules/__init__.py", "policies/newcity/rules/c1_clause.py",
        "policies/newcity/sample_data.json", "policies/newcity/source.txt", "pyproject.toml"])
    assert (repo / "policies/newcity/source.txt").read_bytes() == source.read_bytes()
    after = (repo / "pyproject.toml").read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ['newcity = "mhpolicy.policies.newcity.plugin:plugin"']
    section = after.split('[project.entry-points."mhpolicy.policies"]')[1].split("\n[")[0]
    assert added[0] in section
    out = capsys.readouterr().out
    assert "policies/newcity/plugin.py" in out and "pip install -e ." in out and "mhpolicy lint newcity" in out


def test_a_new_city_loads_checks_its_stub_sample_and_has_no_specs_yet(
        repo: Path, source: Path, importable: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert new_city(repo, source, "--issued", "2024-03-19") == 0
    reg = load_plugins({"newcity": "mhpolicy.policies.newcity.plugin:plugin"})
    assert not reg.errors, reg.errors
    city = reg.get("newcity")
    assert isinstance(city.plugin, CityPlugin) and city.package == "mhpolicy.policies.newcity"
    assert city.info.name == "新城市" and city.info.document == "新城市学生心理健康行动计划"
    assert city.requirements == [] and city.source_text() == SOURCE_TEXT
    sample = json.loads(Path(str(city.sample_path())).read_text(encoding="utf-8"))
    dataset = parse_dataset(sample, "sample_data.json")
    assert dataset.city.code == "newcity" and len(dataset.institutions) == 1
    assert evaluate(dataset, city, dataset.as_of).findings == []

    monkeypatch.setattr(cli, "discover", lambda: reg)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--city", "newcity", "--db", "s.db", "--out", "out"]) == 0
    assert (tmp_path / "out" / "newcity.json").is_file()
    assert bind_city_scenarios("newcity", {}, base=repo / "features") == 0


def test_a_spec_written_for_the_new_city_is_collected_from_its_folder(repo: Path, source: Path) -> None:
    assert new_city(repo, source) == 0
    (repo / "features/newcity/一_工作目标.feature").write_text(
        "# language: zh-CN\n功能: 工作目标\n\n  场景: 尚无数据\n    假如有一所学校\n    那么 结论为缺数据\n",
        encoding="utf-8")
    namespace: dict[str, object] = {}
    assert bind_city_scenarios("newcity", namespace, base=repo / "features") == 1
    assert list(namespace) == ["test_newcity_尚无数据"]


@pytest.mark.parametrize(("code", "message"), [
    ("Xinxiang", "invalid city code"),
    ("xin-xiang", "invalid city code"),
    ("1city", "invalid city code"),
    ("all", "reserved"),
    ("fuzhou", "already registers"),
])
def test_new_city_refuses_a_bad_or_taken_code_and_writes_nothing(
        repo: Path, source: Path, code: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert new_city(repo, source, code=code) == 2
    err = capsys.readouterr().err
    assert message in err and "新建城市失败" in err
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == before
    assert not any((repo / "policies").iterdir()) and not any((repo / "features").iterdir())


def test_new_city_refuses_a_code_an_installed_plugin_has(repo: Path, source: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace("\nfuzhou = ", "\n# fuzhou = "), encoding="utf-8")
    assert new_city(repo, source, code="fuzhou") == 2
    assert "already installed" in capsys.readouterr().err
    assert not (repo / "policies" / "fuzhou").exists()


def test_new_city_refuses_a_code_whose_folder_exists_and_leaves_it_alone(repo: Path, source: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert new_city(repo, source) == 0
    (repo / "policies/newcity/rules/c1_clause.py").write_text("# work in progress\n", encoding="utf-8")
    assert new_city(repo, source) == 2
    err = capsys.readouterr().err
    assert "已存在" in err and "exists" in err
    assert (repo / "policies/newcity/rules/c1_clause.py").read_text(encoding="utf-8") == "# work in progress\n"


@pytest.mark.parametrize(("change", "message"), [
    ({"--source": "no_such_file.txt"}, "not found"),
    ({"--issued": "2024-13-01"}, "is not a YYYY-MM-DD date"),
    ({"--root": "."}, "is not the mhpolicy source tree"),
    ({"--name": " "}, "--name must not be empty"),
])
def test_new_city_refuses_bad_arguments_in_chinese_and_english(
        repo: Path, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: dict[str, str],
        message: str, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # "." is no source tree, and no_such_file.txt is not there
    options = {"--name": "新城市", "--source": str(source), "--root": str(repo), **change}
    assert main(["new-city", "newcity", *[part for item in options.items() for part in item]]) == 2
    err = capsys.readouterr().err
    assert message in err and any("\u4e00" <= ch <= "\u9fff" for ch in err.split("/")[0])
    assert not (repo / "policies" / "newcity").exists()


@pytest.mark.parametrize(("content", "message"), [(b"", "is empty"), (b"\xd0\xc2\xcf\xe7", "is not UTF-8 text")],
                         ids=["empty", "gbk"])
def test_new_city_refuses_a_source_text_it_cannot_quote(repo: Path, tmp_path: Path, content: bytes, message: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)  # an empty file, or GBK bytes
    assert new_city(repo, bad) == 2
    assert message in capsys.readouterr().err
    assert not (repo / "policies" / "newcity").exists()


SHARED_TEXTS = Path(__file__).resolve().parents[1].parent / "shared" / "policy-texts"


def _titles_in_shared_readme() -> dict[str, str]:
    """file -> document title, from the table of shared/policy-texts/README.md."""
    rows = (line.split("|") for line in (SHARED_TEXTS / "README.md").read_text(encoding="utf-8").splitlines())
    return {cells[1].strip(): cells[3].strip() for cells in rows if len(cells) > 4 and cells[1].strip().endswith(".txt")}


def test_the_title_guessed_for_an_installed_city_is_the_title_it_declares() -> None:
    from mhpolicy.core.authoring.scaffold import guess_title
    from mhpolicy.core.plugins.registry import discover

    for policy in discover().policies.values():
        assert guess_title(policy.source_text()) == policy.info.document, policy.code


def test_the_title_guessed_for_each_shared_policy_text_is_the_one_its_readme_names() -> None:
    from mhpolicy.core.authoring.scaffold import guess_title

    if not SHARED_TEXTS.is_dir():
        pytest.skip("shared/policy-texts is not beside this checkout")
    titles = _titles_in_shared_readme()
    assert len(titles) == 5
    for name, title in titles.items():
        assert guess_title((SHARED_TEXTS / name).read_text(encoding="utf-8")) == title, name
