"""缺数据 actions name the missing field in Chinese, with the data path for whoever fills it in."""

from __future__ import annotations

from pathlib import Path

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.io.source import read_dataset
from mhpolicy.core.model.fields import field_label
from mhpolicy.core.plugins.registry import discover
from mhpolicy.core.results.status import Status


def test_labels_keep_the_path_and_prefer_the_most_specific_name() -> None:
    assert field_label("staff[].trainings") == "教职工培训记录（staff[].trainings）"
    assert field_label("staff") == "教职工名单（staff）"
    assert field_label("home_visits[2024-2025-2]") == "家访情况（home_visits[2024-2025-2]）"
    assert field_label("no_such_field") == "no_such_field"


def test_a_staff_list_by_role_is_named_by_the_role_label() -> None:
    assert field_label("staff[role=head_teacher]") == "班主任名单（staff[role=head_teacher]）"
    assert field_label("staff[role=researcher]") == "心理教研员名单（staff[role=researcher]）"
    assert field_label("staff[role=nobody]") == "教职工名单（staff[role=nobody]）"


def test_every_missing_data_action_on_the_samples_is_labelled() -> None:
    reg = discover()
    unlabeled = set()
    for owner in reg.policies.values():
        ds, _ = read_dataset(Path(str(owner.sample_path())), reg.models())  # with plugin-declared fields
        for policy in reg.policies.values():
            for f in evaluate(ds, policy, ds.as_of).findings:
                if f.status is Status.MISSING and f.gap_text.startswith("需补报："):
                    unlabeled |= {part for part in f.gap_text.removeprefix("需补报：").split("、") if "（" not in part}
    assert not unlabeled, f"fields without a Chinese label in core/model/fields.py: {sorted(unlabeled)}"
