"""Progress since the last check: what was fixed, what is new, what is still open.

Two runs of one city are compared finding by finding, keyed by subject, rule and period
(`store.finding_states`). An item is open when it asks something of its subject (不符合,
缺数据, 待人工确认, 未达目标, 提示, 错误). Fixed: open before, judged and not open now. New: open
now, not open (or not there) before. Still open: open in both. An item open before and absent
now (its period has left the window) is counted as 不再评估, not as fixed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from mhpolicy.core.io.store import OPEN_STATUSES, FindingKey

State = dict[FindingKey, tuple[str, str, str | None]]


def compare(before: State, after: State) -> dict[str, Any]:
    totals: Counter[str] = Counter()
    by_district: dict[str, Counter[str]] = defaultdict(Counter)
    by_school: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    district_names = {k[1]: v[1] for state in (before, after) for k, v in state.items() if k[0] == "district"}
    for key in before.keys() | after.keys():
        was, now = before.get(key), after.get(key)
        was_open = was is not None and was[0] in OPEN_STATUSES
        now_open = now is not None and now[0] in OPEN_STATUSES
        if was_open and now_open:
            what = "still_open"
        elif was_open:
            what = "fixed" if now is not None else "dropped"
        elif now_open:
            what = "new"
        else:
            continue
        kind, sid = key[0], key[1]
        status, name, district = now or was  # type: ignore[misc]
        totals[what] += 1
        by_district[district or "—"][what] += 1
        if kind == "institution":
            by_school[(sid, district or "—")][what] += 1
            names[sid] = name
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
