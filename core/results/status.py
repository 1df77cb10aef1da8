"""Finding statuses and how they roll up.

The vocabulary follows the plans' checks (and OpenSCAP's result types):

    错误        a rule raised or the engine gave no single outcome (never silent)
    不符合      a mandatory or in-principle requirement is not met
    缺数据      the data needed to decide is absent: never counted as compliant
    待人工确认  a qualitative item no person has attested yet
    未达目标    a target striven for (力争) is not reached: its gap is shown, never as non-compliance
    提示        an advisory (鼓励/支持/探索) requirement is not met: advice, never non-compliance
    符合        met
    进行中      the period is still running: what is done so far and what is still owed,
                never non-compliance before the period ends
    不适用      the requirement does not apply to this subject

A roll-up (a school, a district, a requirement across schools) takes the status
highest in that order: one 错误 makes the whole roll-up 错误, one 不符合 makes it 不符合,
and so on; only a roll-up of nothing but 不适用 is 不适用. 进行中 ranks just above 不适用:
it never outweighs a judged outcome (a school with 符合 and 进行中 rolls up to 符合).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Status(StrEnum):
    ERROR = "错误"
    FAIL = "不符合"
    MISSING = "缺数据"
    PENDING = "待人工确认"
    TARGET_MISSED = "未达目标"
    ADVICE = "提示"
    PASS = "符合"
    IN_PROGRESS = "进行中"
    NOT_APPLICABLE = "不适用"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def english(self) -> str:
        return _ENGLISH[self]


PRECEDENCE: tuple[Status, ...] = (
    Status.ERROR,
    Status.FAIL,
    Status.MISSING,
    Status.PENDING,
    Status.TARGET_MISSED,
    Status.ADVICE,
    Status.PASS,
    Status.IN_PROGRESS,
    Status.NOT_APPLICABLE,
)
_RANK = {status: n for n, status in enumerate(PRECEDENCE)}  # looked up per finding by roll-ups and sorts

_ENGLISH = {
    Status.ERROR: "error",
    Status.FAIL: "fail",
    Status.MISSING: "missing data",
    Status.PENDING: "needs attestation",
    Status.TARGET_MISSED: "target not met",
    Status.ADVICE: "advice",
    Status.PASS: "pass",
    Status.IN_PROGRESS: "in progress",
    Status.NOT_APPLICABLE: "not applicable",
}

# Statuses that call for action by the subject.
ACTIONABLE = frozenset({Status.ERROR, Status.FAIL, Status.MISSING, Status.PENDING, Status.TARGET_MISSED,
                        Status.ADVICE})


def roll_up(statuses: Iterable[Status]) -> Status:
    """The worst status by PRECEDENCE; 不适用 for an empty roll-up."""
    return min(statuses, key=lambda s: s.rank, default=Status.NOT_APPLICABLE)


def parse_statuses(text: str) -> set[Status]:
    """'不符合,缺数据' -> {FAIL, MISSING}; English names accepted too."""
    wanted: set[Status] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        match = [s for s in Status if part in (s.value, s.english, s.name.lower())]
        if not match:
            names = ", ".join(s.value for s in Status)
            raise ValueError(f"未知状态 / unknown status '{part}' (known: {names})")
        wanted.add(match[0])
    return wanted
