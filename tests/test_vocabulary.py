"""One labelled vocabulary: every enumeration of the model carries its Chinese labels, reads
them back, and shows them in the JSON Schema."""

from __future__ import annotations

import pickle

import pytest
from pydantic import BaseModel

from mhpolicy.core.model import entities as model
from mhpolicy.core.model.entities import Dataset, EventKind, InstitutionKind, StaffRole, StationLevel
from mhpolicy.core.model.vocabulary import LabelledEnum, check_labels_unique
from mhpolicy.core.rules import plan

ENUMS = sorted({obj for mod in (model, plan) for obj in vars(mod).values()
                if isinstance(obj, type) and issubclass(obj, LabelledEnum) and obj is not LabelledEnum},
               key=lambda e: e.__name__)


def test_the_model_enumerations_are_all_labelled() -> None:
    assert {e.__name__ for e in ENUMS} >= {"Stage", "InstitutionKind", "StaffRole", "TrainingLevel", "TrainingKind",
                                           "EventKind", "ScreeningKind", "RoomFunction", "StationLevel", "SubjectKind"}


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_label_names_one_member_and_reads_back(enum: type[LabelledEnum]) -> None:
    check_labels_unique(enum)
    for member in enum:
        assert member.label and member.label != member.value
        assert enum.from_label(member.label) is member
        assert all(enum.from_label(alias) is member for alias in member.aliases)


def test_a_labelled_value_is_still_its_plain_value() -> None:
    assert InstitutionKind("junior") is InstitutionKind.JUNIOR and InstitutionKind.JUNIOR == "junior"
    assert InstitutionKind.JUNIOR.label == "初级中学" and InstitutionKind.JUNIOR.labelled() == "junior（初级中学）"
    assert f"{StaffRole.HEAD_TEACHER}" == "head_teacher"
    assert pickle.loads(pickle.dumps(EventKind.PARENT_LECTURE)) is EventKind.PARENT_LECTURE


def test_an_alias_from_the_specs_reads_as_its_member() -> None:
    assert StationLevel.from_label("县区级") is StationLevel.from_label("县（区）级") is StationLevel.DISTRICT
    assert EventKind.from_label("家庭教育讲座") is EventKind.PARENT_LECTURE


def test_an_unknown_label_names_the_choices() -> None:
    with pytest.raises(ValueError, match="初级中学"):
        InstitutionKind.from_label("城堡")


def test_a_label_naming_two_members_is_refused() -> None:
    class Clash(LabelledEnum):
        A = "a", "甲"
        B = "b", "乙", "甲"

    with pytest.raises(ValueError, match="甲"):
        check_labels_unique(Clash)


def test_the_json_schema_carries_the_labels() -> None:
    defs = Dataset.model_json_schema()["$defs"]
    assert defs["InstitutionKind"]["x-labels"]["nine_year"] == "九年一贯制学校"
    assert defs["RoomFunction"]["x-labels"] == {f.value: f.label for f in model.RoomFunction}
    assert "relaxation：宣泄放松" in defs["RoomFunction"]["description"]


def test_pydantic_validates_and_dumps_the_plain_value() -> None:
    class Row(BaseModel):
        kind: InstitutionKind

    row = Row.model_validate({"kind": "primary"})
    assert row.kind is InstitutionKind.PRIMARY and row.model_dump_json() == '{"kind":"primary"}'


def _label_tables(source: str) -> list[str]:
    """Dict literals mapping members of a labelled enum (`RoomFunction.GROUP: "团体辅导"`) to
    text: a second copy of labels the enum already declares."""
    import ast

    names = {e.__name__ for e in ENUMS}
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict) and node.keys and all(
                isinstance(k, ast.Attribute) and isinstance(k.value, ast.Name) and k.value.id in names
                and isinstance(v, ast.Constant) and isinstance(v.value, str)
                for k, v in zip(node.keys, node.values, strict=True)):
            found.append(f"line {node.lineno}")
    return found


def test_the_label_table_finder_finds_a_planted_copy() -> None:
    assert _label_tables('X = {RoomFunction.GROUP: "团体辅导"}\nY = {"a": 1}') == ["line 1"]


def test_no_plugin_or_core_module_keeps_its_own_copy_of_an_enumerations_labels() -> None:
    from pathlib import Path

    root = Path(model.__file__).resolve().parent.parent
    copies = {str(p.relative_to(root)): hits for p in sorted(root.glob("**/*.py"))
              if ".venv" not in p.parts and "tests" not in p.parts
              and (hits := _label_tables(p.read_text(encoding="utf-8")))}
    assert not copies, f"use the enum's .label instead: {copies}"
