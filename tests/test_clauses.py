"""Clause spelling: one canonical form, its rule-id slug, its top level and its module prefix."""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

import pytest

from mhpolicy.core.plugins.registry import ENTRY_POINT_GROUP, CityPolicy, discover
from mhpolicy.core.rules.clauses import (
    chinese_numeral_value,
    clause_module_prefix,
    clause_slug,
    is_clause_spelling,
    top_level,
)
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote

from .plugin_kit import requirement


@pytest.mark.parametrize(
    ("clause", "slug"),
    [
        ("三", "3"),
        ("五、1", "5-1"),
        ("五(一)", "5-1"),
        ("四(二)5", "4-2-5"),
        ("四(三)10", "4-3-10"),
        ("一(一)1", "1-1-1"),
        ("十", "10"),
        ("十九", "19"),
        ("二十", "20"),
        ("二十三(十一)12", "23-11-12"),
        ("九十九", "99"),
        ("六、15", "6-15"),
    ],
)
def test_the_slug_numbers_every_level_in_ascii_joined_by_hyphens(clause: str, slug: str) -> None:
    assert clause_slug(clause) == slug


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十九", 19), ("二十", 20), ("二十一", 21), ("九十九", 99)],
)
def test_chinese_numerals_read_to_their_values(numeral: str, value: int) -> None:
    assert chinese_numeral_value(numeral) == value


@pytest.mark.parametrize("numeral", ["", "零", "一十", "十十", "百", "1", "五五"])
def test_a_numeral_outside_one_to_ninety_nine_is_refused(numeral: str) -> None:
    with pytest.raises(ValueError):
        chinese_numeral_value(numeral)


@pytest.mark.parametrize("clause", ["三", "五、1", "五(一)", "四(二)5", "四(三)10", "一(一)1", "十九", "二十(二)3"])
def test_the_document_numbering_with_ascii_parentheses_is_canonical(clause: str) -> None:
    assert is_clause_spelling(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "五-1",  # the old feature-file spelling
        "5-1",  # a slug is not a clause
        "4-2-5",
        "四-二-5",
        "四（二）5",  # full-width parentheses
        "四(二)、5",  # "、" only directly after the top level
        "五1",  # a digit after the top level needs "、"
        "五、",  # a separator with nothing after it
        "五、01",  # item numbers do not start with 0
        "五、一",  # items are ASCII digits
        "五(1)",  # sub-levels are Chinese numerals
        "(一)",  # no top level
        "一十",
        " 五、1",
        "五、1 ",
        "",
    ],
)
def test_other_spellings_are_not_canonical(clause: str) -> None:
    assert not is_clause_spelling(clause)


def test_a_non_canonical_clause_has_no_slug_and_the_error_names_it_in_chinese_and_english() -> None:
    with pytest.raises(ValueError, match="四（二）5") as err:
        clause_slug("四（二）5")
    assert "条款编号" in str(err.value) and "not spelled as the document numbers it" in str(err.value)


def test_a_value_that_is_not_a_string_is_not_a_clause() -> None:
    assert not is_clause_spelling(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        clause_slug(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("clause", "top"), [("三", "三"), ("五、1", "五"), ("四(二)5", "四"), ("十二(一)", "十二")])
def test_the_top_level_is_the_leading_numeral(clause: str, top: str) -> None:
    assert top_level(clause) == top


def test_the_top_level_of_a_non_canonical_clause_is_refused() -> None:
    with pytest.raises(ValueError):
        top_level("五-1")


@pytest.mark.parametrize(("clause", "prefix"), [("三", "c3"), ("五、1", "c5_1"), ("四(二)5", "c4_2_5")])
def test_a_clause_names_its_rules_module_by_its_slug(clause: str, prefix: str) -> None:
    assert clause_module_prefix(clause) == prefix


def test_a_requirement_whose_id_lacks_its_clause_slug_is_refused_naming_the_rule() -> None:
    with pytest.raises(ValueError, match=r"testcity\.staff.*testcity\.1-1\.<name>"):
        requirement(clause="一、1", id="testcity.staff")


def test_a_requirement_whose_id_carries_another_clause_slug_is_refused() -> None:
    with pytest.raises(ValueError, match="testcity.2-1.staff"):
        requirement(clause="一、1", id="testcity.2-1.staff")


def test_a_requirement_with_an_empty_or_dotted_name_is_refused() -> None:
    for bad in ("testcity.1-1.", "testcity.1-1.a.b"):
        with pytest.raises(ValueError, match="a name without dots"):
            requirement(clause="一、1", id=bad)


def test_a_requirement_with_a_clause_spelled_another_way_is_refused_naming_the_rule() -> None:
    with pytest.raises(ValueError, match=r"requirement testcity\.1-1\.staff: clause '一-1'"):
        requirement(clause="一-1", id="testcity.1-1.staff")


def test_a_requirement_id_follows_city_slug_and_name() -> None:
    made = requirement(clause="四(二)5", id="testcity.4-2-5.ratio")
    assert made.id == f"{made.city}.{clause_slug(made.clause)}.ratio"


def test_a_parameter_with_a_clause_spelled_another_way_is_refused_naming_it() -> None:
    with pytest.raises(ValueError, match=r"parameter testcity\.x: clause '五-1'"):
        Parameter(id="testcity.x", label="x", unit="名", values={date(2024, 1, 1): 1}, clause="五-1", quote="q")


def test_an_unmodelled_clause_note_with_full_width_parentheses_is_refused() -> None:
    with pytest.raises(ValueError, match="四（二）5"):
        ClauseNote("四（二）5", "待遇", "无数据")
    assert ClauseNote("四(二)5", "待遇", "无数据").clause == "四(二)5"


@pytest.mark.parametrize("policy", sorted(discover().policies.values(), key=lambda p: p.code), ids=lambda p: p.code)
def test_every_shipped_clause_is_canonical_and_every_rule_id_carries_its_slug(policy: CityPolicy) -> None:
    clauses = [r.clause for r in policy.requirements] + [p.clause for p in policy.parameters.by_id.values()]
    clauses += [n.clause for n in policy.unmodelled]
    assert clauses and all(is_clause_spelling(c) for c in clauses)
    for r in policy.requirements:
        assert r.id.split(".")[:2] == [policy.code, clause_slug(r.clause)], r.id


# --- the layout: a feature file, its clause and its rules module name one another ---------------

FEATURES = Path(__file__).resolve().parents[1] / "features"
# Every city shipped in this project (installed plugins whose package is mhpolicy.policies.<code>),
# not a list kept by hand: a city added by `mhpolicy new-city` is held to the same layout.
CITIES = sorted(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.value.startswith("mhpolicy.policies."))
MODULE_NAME = re.compile(r"c(?P<slug>\d+(?:_\d+)*)_(?P<topic>[a-z][a-z0-9_]*)")


def _clause_modules(city: str) -> dict[str, ModuleType]:
    package = importlib.import_module(f"mhpolicy.policies.{city}.rules")
    names = [m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")]
    return {n: importlib.import_module(f"{package.__name__}.{n}") for n in names}


@pytest.mark.parametrize("city", CITIES)
def test_every_feature_file_is_named_by_its_clause_as_the_document_numbers_it(city: str) -> None:
    files = sorted((FEATURES / city).glob("*.feature"))
    assert files
    for path in files:
        clause = path.stem.split("_", 1)[0]
        assert is_clause_spelling(clause), path.name
        feature_line = path.read_text(encoding="utf-8").splitlines()[1]
        assert feature_line.startswith(f"功能: {clause}"), (path.name, feature_line)


@pytest.mark.parametrize("city", CITIES)
def test_every_feature_file_has_a_rules_module_named_by_its_clause_slug(city: str) -> None:
    modules = _clause_modules(city)
    for path in sorted((FEATURES / city).glob("*.feature")):
        prefix = clause_module_prefix(path.stem.split("_", 1)[0])
        spec = f"Spec: features/{city}/{path.name}"
        owners = [n for n, m in modules.items() if spec in (m.__doc__ or "")]
        assert len(owners) == 1, (path.name, owners)
        assert MODULE_NAME.fullmatch(owners[0])["slug"] == prefix[1:], (path.name, owners)


@pytest.mark.parametrize("city", CITIES)
def test_each_clause_module_holds_only_its_own_clause(city: str) -> None:
    for name, module in _clause_modules(city).items():
        match = MODULE_NAME.fullmatch(name)
        assert match, f"{name}: clause modules are named c<slug>_<topic>"
        assert module.__doc__, f"{name}: begins with a docstring quoting its clause"
        items = [*module.PARAMETERS, *module.REQUIREMENTS, *module.UNMODELLED]
        assert items, f"{name}: declares nothing"
        assert {clause_module_prefix(i.clause) for i in items} == {"c" + match["slug"]}, name


@pytest.mark.parametrize("city", CITIES)
def test_the_rules_package_joins_every_clause_module_once_in_document_order(city: str) -> None:
    package = importlib.import_module(f"mhpolicy.policies.{city}.rules")
    listed = list(package.CLAUSE_MODULES)
    assert sorted(m.__name__ for m in listed) == sorted(m.__name__ for m in _clause_modules(city).values())
    assert package.REQUIREMENTS == [r for m in listed for r in m.REQUIREMENTS]
    assert package.PARAMETERS == [p for m in listed for p in m.PARAMETERS]
    assert package.UNMODELLED == [n for m in listed for n in m.UNMODELLED]
    order = [_document_position(n.clause) for m in listed for n in [*m.REQUIREMENTS, *m.UNMODELLED]]
    assert order == sorted(order)


def _document_position(clause: str) -> tuple[int, ...]:
    return tuple(int(n) for n in clause_slug(clause).split("-"))
