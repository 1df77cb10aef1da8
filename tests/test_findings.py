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
