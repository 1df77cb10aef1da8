"""Step definitions only the fuzhou specs need (shared ones live in common.py).

Candidates for common.py (nothing here is Fuzhou-specific in substance): the counseling
room, screening, referral-channel, archives and organised-training steps.
Phrasing avoids the shared `"X" 于 "day" 开展…` patterns, so no step text matches two
definitions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pytest_bdd import given, parsers

from .common import World

ROOM_FUNCTIONS = {"教师办公": "office", "档案管理": "archives", "个体咨询": "individual", "团体辅导": "group",
                  "心理测评": "assessment", "宣泄放松": "relaxation"}
SCREENING_KINDS = {"心理健康普查": "census", "关注人群心理筛查": "focus_group", "心理问题零报告": "zero_report"}


def _owner(world: World, name: str) -> dict[str, Any]:
    """An institution, station or district by name, or the city itself by its name."""
    if name == world.data["city"]["name"]:
        return world.data["city"]
    return world.entity(name)


@given(parsers.parse('"{owner}" 于 "{day}" 举办骨干提高培训 {hours:g} 课时'))
def given_backbone_training(world: World, owner: str, day: str, hours: float) -> None:
    _owner(world, owner).setdefault("events", []).append(
        {"date": date.fromisoformat(day).isoformat(), "kind": "backbone_training", "hours": hours})


@given(parsers.parse('"{name}" 建有心理辅导室，功能为 "{functions}"'))
def given_room(world: World, name: str, functions: str) -> None:
    names = [] if functions == "无" else functions.split("、")
    world.institution(name)["counseling_room"] = {"functions": [ROOM_FUNCTIONS[f] for f in names]}


@given(parsers.parse('"{name}" 未建心理辅导室'))
def given_no_room(world: World, name: str) -> None:
    world.institution(name).pop("counseling_room", None)


@given(parsers.parse('"{name}" 于 "{day}" 完成{kind} {n:d} 次'))
def given_screenings(world: World, name: str, day: str, kind: str, n: int) -> None:
    inst = world.institution(name)
    for _ in range(n):
        inst.setdefault("screenings", []).append({"date": date.fromisoformat(day).isoformat(),
                                                  "kind": SCREENING_KINDS[kind]})


@given(parsers.parse('"{name}" 于 "{day}" 建立转介绿色通道'))
def given_referral(world: World, name: str, day: str) -> None:
    world.institution(name)["referral_channel_established"] = date.fromisoformat(day).isoformat()


@given(parsers.parse('"{name}" 心理成长档案为 "{answer}"'))
def given_archives(world: World, name: str, answer: str) -> None:
    value = {"是": True, "否": False, "未报告": None}[answer]
    inst = world.institution(name)
    if value is None:
        inst.pop("archives_kept", None)
    else:
        inst["archives_kept"] = value
