"""Steps only 新乡's specs need: a station tree in tiers, monthly sheets sent to a station,
“阳光成长” activities with their groups and fees, station screenings, volunteer teams, budgets,
dated attestations, and the finding of one month or semester."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then

from mhpolicy.core.results.findings import Finding

from ..steps.common import World

_GROUPS = {"学生": "students", "教师": "teachers", "家长": "parents", "相关人员": "others"}
_TIER2_LEVEL = {"县市区级": "district", "市属学校": "school"}


def _add_station(world: World, name: str, tier: int, level: str, parent: str | None) -> None:
    row = {"id": name, "name": name, "level": level, "tier": tier, "district_id": "D1"}
    if parent is not None:
        row["parent_id"] = world.station(parent)["id"]
    world.data["stations"].append(row)


@given(parsers.parse('一级站点 "{name}"'))
def given_top_station(world: World, name: str) -> None:
    _add_station(world, name, 1, "city", None)


@given(parsers.parse('"{parent}" 下的{kind}二级站点 "{name}"'))
def given_middle_station(world: World, parent: str, kind: str, name: str) -> None:
    _add_station(world, name, 2, _TIER2_LEVEL[kind], parent)


@given(parsers.parse('"{parent}" 下的三级站点 "{name}"'))
def given_lower_station(world: World, parent: str, name: str) -> None:
    _add_station(world, name, 3, "school", parent)


@given(parsers.parse('"{name}" 于 "{day}" 向 "{to}" 报送 "{month}" 的数据表'))
def given_sheet(world: World, name: str, day: str, to: str, month: str) -> None:
    world.station(name).setdefault("reports_sent", []).append(
        {"month": month, "sent": date.fromisoformat(day).isoformat(), "recipient_id": world.station(to)["id"]})


@given(parsers.parse('"{name}" 于 "{day}" 开展活动 "{title}"，参与群体为 "{groups}"'))
def given_activity(world: World, name: str, day: str, title: str, groups: str) -> None:
    world.station(name).setdefault("sunshine_activities", []).append(
        {"date": date.fromisoformat(day).isoformat(), "title": title,
         "groups": [_GROUPS[g] for g in groups.split("、") if g]})


@given(parsers.parse('"{name}" 的活动 "{title}" 收费 {fee:g} 元'))
def given_fee(world: World, name: str, title: str, fee: float) -> None:
    for a in world.station(name).get("sunshine_activities", []):
        if a["title"] == title:
            a["fee_yuan"] = fee
            return
    raise AssertionError(f"no activity '{title}' at '{name}'")


@given(parsers.parse('"{name}" 于 "{day}" 开展学生心理健康测评'))
def given_station_screening(world: World, name: str, day: str) -> None:
    world.station(name).setdefault("screenings", []).append({"date": date.fromisoformat(day).isoformat(),
                                                             "kind": "census"})


@given(parsers.parse('"{name}" 已成立“新老师”志愿服务分队为 "{answer}"'))
def given_volunteer_team(world: World, name: str, answer: str) -> None:
    world.station(name)["volunteer_team"] = {"是": True, "否": False}[answer]


@given(parsers.parse('"{name}" 的 {year:d} 年度预算心理健康教育经费 {amount:g} 元'))
def given_budget(world: World, name: str, year: int, amount: float) -> None:
    world.station(name).setdefault("budget_lines", []).append({"year": year, "amount_yuan": amount})


@given(parsers.parse('在 "{day}" "{owner}" 经人工确认 "{item}" 为 "{answer}"'))
def given_dated_attestation(world: World, owner: str, day: str, item: str, answer: str) -> None:
    world.entity(owner).setdefault("attestations", []).append(
        {"item": item, "value": {"是": True, "否": False}[answer], "date": date.fromisoformat(day).isoformat(),
         "by": "站点负责人"})


def _of_period(world: World, rule: str, subject: str, period: str) -> Finding:
    hits = [f for f in world.findings if f.rule_id == rule and f.subject_name == subject and f.period == period]
    seen = sorted({f.period or "" for f in world.findings if f.rule_id == rule and f.subject_name == subject})
    assert len(hits) == 1, f"{len(hits)} findings of {rule} × {subject} for {period}; periods seen: {seen}"
    return hits[0]


@then(parsers.parse('就 "{period}" 而言，规则 "{rule}" 对 "{subject}" 的结论为 "{status}"'))
def then_period_status(world: World, rule: str, subject: str, period: str, status: str) -> None:
    world.current = _of_period(world, rule, subject, period)
    assert world.current.status.value == status, (
        f"{rule} × {subject} × {period}: expected {status}, got {world.current.status.value} "
        f"({world.current.gap_text}; {world.current.explanation})")


@then(parsers.parse('规则 "{rule}" 对 "{subject}" 没有 "{period}" 的结论'))
def then_no_period(world: World, rule: str, subject: str, period: str) -> None:
    hits = [f for f in world.findings if f.rule_id == rule and f.subject_name == subject and f.period == period]
    assert not hits, f"{rule} × {subject}: {period} was judged ({hits[0].status.value})"


@then(parsers.parse('差距中包含 "{text}"'))
def then_gap_contains(world: World, text: str) -> None:
    assert world.current is not None, "a 差距 step must follow a 结论 step"
    assert text in world.current.gap_text, world.current.gap_text


@then(parsers.parse('依据中包含 "{text}"'))
def then_basis_contains(world: World, text: str) -> None:
    assert world.current is not None
    assert text in world.current.basis, world.current.basis
