"""A plan's station tree (core, city-neutral): tiers and parents are checked when the data is
read, and a broken tree is refused naming the station, the row and the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mhpolicy.core.io.source import read_dataset
from mhpolicy.core.model.errors import InputError


def _station(sid: str, tier: int | None, parent: str | None = None, **more: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"id": sid, "name": f"站点{sid}", "level": "school", "tier": tier, "parent_id": parent}
    row.update(more)
    return {k: v for k, v in row.items() if v is not None}


def _read(tmp_path: Path, stations: list[dict[str, Any]]) -> Any:
    path = tmp_path / "tree.json"
    path.write_text(json.dumps({"city": {"code": "x", "name": "X市"}, "stations": stations}, ensure_ascii=False),
                    encoding="utf-8")
    return read_dataset(path)[0]


def _refused(tmp_path: Path, stations: list[dict[str, Any]]) -> tuple[str, str, str, str]:
    with pytest.raises(InputError) as caught:
        _read(tmp_path, stations)
    issue = caught.value.issues[0]
    return issue.code, issue.row, issue.field, issue.message_zh


GOOD = [_station("C", 1), _station("B1", 2, "C"), _station("B2", 2, "C"), _station("L1", 3, "B1"),
        _station("L2", 3, "B2")]


def test_a_three_tier_tree_with_one_top_station_is_read(tmp_path: Path) -> None:
    ds = _read(tmp_path, GOOD)
    assert [(s.id, s.tier, s.parent_id) for s in ds.stations][-1] == ("L2", 3, "B2")


def test_stations_without_tiers_are_read_as_before(tmp_path: Path) -> None:
    ds = _read(tmp_path, [_station("A", None), _station("B", None, "A"), _station("C", None, "A")])
    assert [s.tier for s in ds.stations] == [None, None, None]


def test_a_tier_three_station_under_the_top_station_is_refused_naming_it(tmp_path: Path) -> None:
    code, row, field, msg = _refused(tmp_path, [*GOOD, _station("X", 3, "C")])
    assert (code, row, field) == ("station_parent_tier", "stations[5] (id=X)", "parent_id")
    assert "站点 'X' 为3级站点，其上级站点 'C' 应为2级，实为1级" in msg


def test_a_tiered_station_under_an_untiered_one_is_refused(tmp_path: Path) -> None:
    code, _, _, msg = _refused(tmp_path, [*GOOD, _station("U", None, "C"), _station("Y", 3, "U")])
    assert code == "station_parent_tier" and "实为未定级" in msg


def test_two_top_stations_are_refused_naming_the_second(tmp_path: Path) -> None:
    code, row, field, msg = _refused(tmp_path, [*GOOD, _station("C2", 1)])
    assert (code, row, field) == ("station_two_tops", "stations[5] (id=C2)", "tier")
    assert "'C2' 与 'C'" in msg


def test_a_lower_tier_station_without_a_parent_is_refused(tmp_path: Path) -> None:
    code, row, _, _ = _refused(tmp_path, [*GOOD, _station("Z", 2)])
    assert (code, row) == ("station_without_parent", "stations[5] (id=Z)")


def test_a_top_station_with_a_parent_is_refused(tmp_path: Path) -> None:
    code, _, _, _ = _refused(tmp_path, [_station("P", None), _station("C", 1, "P")])
    assert code == "station_top_has_parent"


def test_a_cycle_of_parents_is_refused_with_its_path(tmp_path: Path) -> None:
    code, row, _, msg = _refused(tmp_path, [_station("A", None, "C"), _station("B", None, "A"),
                                            _station("C", None, "B")])
    assert (code, row) == ("station_cycle", "stations[0] (id=A)")
    assert "A → C → B → A" in msg


def test_a_station_that_is_its_own_parent_is_a_cycle(tmp_path: Path) -> None:
    assert _refused(tmp_path, [_station("A", None, "A")])[0] == "station_cycle"


def test_a_report_sent_to_an_unknown_station_is_refused(tmp_path: Path) -> None:
    bad = _station("L9", 3, "B1", reports_sent=[{"month": "2024-05", "sent": "2024-05-20", "recipient_id": "NOPE"}])
    code, row, field, _ = _refused(tmp_path, [*GOOD, bad])
    assert (code, row, field) == ("unknown_reference", "stations[5] (id=L9)", "reports_sent[0].recipient_id")


def test_a_report_month_must_be_a_real_month(tmp_path: Path) -> None:
    bad = _station("L9", 3, "B1", reports_sent=[{"month": "2024-13", "sent": "2024-05-20", "recipient_id": "B1"}])
    assert _refused(tmp_path, [*GOOD, bad])[0] == "bad_format"


def test_a_tier_beyond_the_documented_range_is_refused(tmp_path: Path) -> None:
    assert _refused(tmp_path, [_station("A", 0)])[0] == "too_small"
