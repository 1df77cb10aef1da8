from __future__ import annotations

import pytest

from mhpolicy.core.results.status import PRECEDENCE, Status, parse_statuses, roll_up


def test_roll_up_takes_the_worst_status_in_documented_order() -> None:
    assert roll_up([Status.PASS, Status.MISSING, Status.PENDING]) is Status.MISSING
    assert roll_up([Status.PASS, Status.ADVICE]) is Status.ADVICE
    assert roll_up([Status.NOT_APPLICABLE, Status.PASS]) is Status.PASS
    assert roll_up([Status.FAIL, Status.ERROR]) is Status.ERROR
    assert roll_up([]) is Status.NOT_APPLICABLE


def test_missing_data_outranks_compliance_in_every_roll_up() -> None:
    assert PRECEDENCE.index(Status.MISSING) < PRECEDENCE.index(Status.PASS)
    assert roll_up([Status.PASS] * 50 + [Status.MISSING]) is Status.MISSING


def test_parse_statuses_reads_chinese_and_english() -> None:
    assert parse_statuses("不符合, 缺数据") == {Status.FAIL, Status.MISSING}
    assert parse_statuses("fail,error") == {Status.FAIL, Status.ERROR}
    with pytest.raises(ValueError, match="unknown status"):
        parse_statuses("坏")
