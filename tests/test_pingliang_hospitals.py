"""平凉's hospital register is data the plugin declares: validated with the rest, named in errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mhpolicy.core.io.loading import InputError
from mhpolicy.core.io.source import read_dataset
from mhpolicy.core.plugins.registry import discover

REG = discover()
SAMPLE = Path(str(REG.get("pingliang").sample_path()))


def _write(tmp_path: Path, hospitals: list[dict]) -> Path:  # type: ignore[type-arg]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["hospitals"] = hospitals
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_register_reads_kind_county_and_what_each_hospital_opened(tmp_path: Path) -> None:
    ds, _ = read_dataset(_write(tmp_path, [
        {"id": "H1", "name": "甲院", "kind": "psychiatric", "psych_clinic": True},
        {"id": "H2", "name": "乙院", "kind": "general_secondary", "district_id": "KT", "minor_station": False}]),
        REG.models())
    h1, h2 = ds.hospitals  # type: ignore[attr-defined]
    assert (h1.kind.label, h1.district_id, h1.psych_clinic, h1.minor_station) == ("精神专科医院", None, True, None)
    assert (h2.kind.label, h2.district_id, h2.psych_clinic, h2.minor_station) == ("二级以上综合医院", "KT", None, False)


@pytest.mark.parametrize(("hospitals", "words"), [
    ([{"id": "H1", "name": "甲院", "kind": "clinic"}], ("医院名册", "kind")),
    ([{"id": "H1", "name": "甲院", "kind": "psychiatric", "beds": 3}], ("医院名册", "beds")),
    ([{"id": "H1", "name": "甲院", "kind": "psychiatric"}, {"id": "H1", "name": "乙院", "kind": "psychiatric"}],
     ("编号重复", "H1")),
])
def test_a_bad_register_is_an_input_error_naming_the_field(tmp_path: Path, hospitals: list[dict],  # type: ignore[type-arg]
                                                          words: tuple[str, ...]) -> None:
    with pytest.raises(InputError) as err:
        read_dataset(_write(tmp_path, hospitals), REG.models())
    message = str(err.value)
    assert all(w in message for w in words), message
