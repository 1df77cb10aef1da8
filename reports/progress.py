"""Progress since the last check: what was fixed, what is new, what is still open.

Two runs of one city are compared finding by finding, keyed by subject, rule and period
(`store.finding_states`). An item is open when it asks something of its subject (不符合,
缺数据, 待人工确认, 未达目标, 提示, 错误). Fixed: open before, judged and not open now. New: open
now, not open (or not there) before. Still open: open in both. An item open before and absent
now (its period has left the window) is counted as 不再评估, not as fixed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from mhpolicy.core.io.store import OPEN_STATUSES, FindingKey

State = dict[FindingKey, tuple[str, str, str | None]]
Item = tuple[FindingKey, tuple[str, str, str | None]]


def _items(states: State | Iterable[Item]) -> Iterable[Item]:
    return states.items() if isinstance(states, dict) else states


def compare(before: State | Iterable[Item], after: State | Iterable[Item]) -> dict[str, Any]:
    """Fixed / new / still open between two runs, each given as its states (a dict) or as a
    stream of (key, state) pairs (`store.iter_finding_states`). The earlier run's open items are
    the only ones held; the later run is read through once: two runs of 100,000 institutions
    are 9 million findings, which as two dicts took gigabytes."""
    totals: Counter[str] = Counter()
    by_district: dict[str, Counter[str]] = defaultdict(Counter)
    by_school: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    district_names: dict[str, str] = {}

    def tally(what: str, key: FindingKey, state: tuple[str, str, str | None]) -> None:
        kind, sid = key[0], key[1]
        _, name, district = state
        totals[what] += 1
        by_district[district or "—"][what] += 1
        if kind == "institution":
            by_school[(sid, district or "—")][what] += 1
            names[sid] = name

    was_open: State = {}
    for key, was in _items(before):
        if key[0] == "district":
            district_names[key[1]] = was[1]
        if was[0] in OPEN_STATUSES:
            was_open[key] = was
    for key, now in _items(after):
        if key[0] == "district":
            district_names[key[1]] = now[1]
        now_open = now[0] in OPEN_STATUSES
        if was_open.pop(key, None) is not None:
            tally("still_open" if now_open else "fixed", key, now)
        elif now_open:
            tally("new", key, now)
    for key, was in was_open.items():  # open before and not decided now: its period left the window
        tally("dropped", key, was)
    schools = [{"id": sid, "name": names[sid], "district_id": d, **{k: c[k] for k in _KINDS}}
               for (sid, d), c in by_school.items()]
    schools.sort(key=lambda r: (-r["new"], -r["still_open"], -r["fixed"], r["id"]))
    districts = [{"id": d, "name": district_names.get(d, "市级" if d == "—" else d), **{k: c[k] for k in _KINDS}}
                 for d, c in sorted(by_district.items())]
    return {"totals": {k: totals[k] for k in _KINDS}, "districts": districts, "schools": schools}


_KINDS = ("fixed", "new", "still_open", "dropped")
LABELS = {"fixed": "已整改", "new": "新出现", "still_open": "仍未解决", "dropped": "不再评估"}


def as_text(diff: dict[str, Any], head: str, limit: int = 30) -> str:
    t = diff["totals"]
    lines = [head, "合计：" + "　".join(f"{LABELS[k]} {t[k]}" for k in _KINDS)]
    if diff["districts"]:
        lines.append("按区县：")
        lines += [f"  {d['name']}：" + "　".join(f"{LABELS[k]} {d[k]}" for k in _KINDS)
                  for d in diff["districts"]]
    if diff["schools"]:
        lines.append(f"按学校（新出现最多的在前，列出 {min(limit, len(diff['schools']))}/{len(diff['schools'])} 所）：")
        lines += [f"  {s['name']}（{s['id']}）：" + "　".join(f"{LABELS[k]} {s[k]}" for k in _KINDS)
                  for s in diff["schools"][:limit]]
    return "\n".join(lines)
