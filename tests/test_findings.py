"""A finding as JSON: every field, enums as their values, the due date as ISO, inputs copied."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.requirement import Modality


def test_a_finding_as_json_carries_every_field_in_plain_values() -> None:
    f = Finding("fuzhou.5-1.x", "fuzhou", "五、1", "题", "t", "institution", "S1", "甲校", "D1", Status.FAIL,
                Modality.IN_PRINCIPLE, observed=1.0, required=2.0, due=date(2025, 1, 31), inputs={"人数": 1})
    out = f.to_json()
    assert list(out) == [x.name for x in fields(Finding)]
    assert (out["status"], out["modality"], out["due"]) == ("不符合", "原则上", "2025-01-31")
    assert out["inputs"] == {"人数": 1} and out["inputs"] is not f.inputs  # a copy: the report may change it
    assert Finding(**{**out, "status": Status(out["status"]), "modality": Modality(out["modality"]),
                      "due": date.fromisoformat(out["due"])}) == f


def test_a_finding_sent_to_another_process_arrives_with_every_field() -> None:
    import pickle

    f = Finding("fuzhou.5-1.x", "fuzhou", "五、1", "题", "t", "campus", "S1-B", "甲校北校区", None, Status.IN_PROGRESS,
                Modality.ADVICE, observed=1.5, required=2.0, gap=0.5, gap_text="尚需0.5", due=date(2025, 1, 31),
                period="2024年", overdue=True, explanation="学生数=1", inputs={"人数": 1}, allowance="原则上",
                error="", basis="依据征求意见稿", parent_id="S1")
    back = pickle.loads(pickle.dumps([f, f], protocol=5))
    assert back[0] == f and [getattr(back[0], x.name) for x in fields(Finding)] == [getattr(f, x.name) for x in fields(Finding)]
    assert back[1] is back[0]  # the same finding twice stays one object
