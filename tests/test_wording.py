"""Each distinct outcome of a batch is worded once (decide._wording_key) and given to every subject
with an equal outcome: these tests fail if words leak from one subject to another whose outcome
differs in anything the words read, or if identity and numbers are shared along with the words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mhpolicy.core.evaluation.evaluate import evaluate
from mhpolicy.core.model.entities import Dataset
from mhpolicy.core.plugins.registry import CityPolicy, load_modules
from mhpolicy.core.results.status import Status
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import Measure

from .plugin_kit import dataset, plugin_module, requirement, school


def _policy(tmp_path: Path, *reqs) -> CityPolicy:  # type: ignore[no-untyped-def]
    reg = load_modules({"testcity": plugin_module(tmp_path, list(reqs))})
    assert not reg.errors, reg.errors
    return reg.get("testcity")


def _by_school(policy: CityPolicy, *schools: dict, as_of: date = date(2025, 6, 1)) -> dict[str, object]:
    ev = evaluate(Dataset.model_validate(dataset(*schools)), policy, as_of)
    return {f.subject_id: f for f in ev.findings}


def test_schools_with_the_same_outcome_share_the_words_but_keep_their_own_identity(tmp_path: Path) -> None:
    got = _by_school(_policy(tmp_path, requirement()), school("A", 1), school("B", 1), school("C", 4))
    a, b, c = got["A"], got["B"], got["C"]
    assert (a.status, b.status, c.status) == (Status.FAIL, Status.FAIL, Status.PASS)
    assert a.explanation == b.explanation and a.gap_text == b.gap_text == "缺2名专职心理教师"
    assert (a.subject_id, a.subject_name, b.subject_id, b.subject_name) == ("A", "学校A", "B", "学校B")
    assert a.inputs == b.inputs == {"学生数": 500}
    assert "专职心理教师 4名" in c.explanation and c.gap_text == ""


def test_an_input_read_as_yes_is_not_worded_as_the_number_one(tmp_path: Path) -> None:
    # True == 1 and hash(True) == hash(1): a key of values alone would give B the words of A.
    def flag(subject, ctx):  # type: ignore[no-untyped-def]
        value = True if subject.id == "A" else 1
        return Measure(observed=1, required=1, inputs={"档案": value})

    got = _by_school(_policy(tmp_path, requirement(measure=flag)), school("A", 1), school("B", 1))
    assert got["A"].explanation.startswith("档案=True") and got["B"].explanation.startswith("档案=1")


def test_a_signed_zero_gap_is_each_schools_own(tmp_path: Path) -> None:
    # -0.0 == 0.0: the words may be shared, the numbers stay each subject's own.
    def zero(subject, ctx):  # type: ignore[no-untyped-def]
        return Measure(observed=-0.0 if subject.id == "A" else 0.0, required=1)

    got = _by_school(_policy(tmp_path, requirement(measure=zero)), school("A", 1), school("B", 1))
    assert str(got["A"].observed) == "-0.0" and str(got["B"].observed) == "0.0"
    assert got["A"].gap == got["B"].gap == 1 and got["A"].gap_text == got["B"].gap_text == "缺1名专职心理教师"


def test_inputs_that_cannot_be_hashed_are_worded_for_each_school(tmp_path: Path) -> None:
    def listed(subject, ctx):  # type: ignore[no-untyped-def]
        return Measure(observed=0, required=1, inputs={"名单": [subject.id]})

    got = _by_school(_policy(tmp_path, requirement(measure=listed)), school("A", 1), school("B", 1))
    assert "['A']" in got["A"].explanation and "['B']" in got["B"].explanation


def test_running_periods_share_days_left_and_keep_each_schools_own_gap(tmp_path: Path) -> None:
    def done_so_far(subject, ctx):  # type: ignore[no-untyped-def]
        return Measure(observed={"A": 1, "B": 1, "C": 3}[subject.id], required=3)

    policy = _policy(tmp_path, requirement(measure=done_so_far, period=PeriodKind.SEMESTER))
    ev = evaluate(Dataset.model_validate(dataset(school("A", 1), school("B", 1), school("C", 1))), policy,
                  date(2025, 3, 1))
    running = {f.subject_id: f for f in ev.findings if f.status is Status.IN_PROGRESS}
    assert running["A"].gap == running["B"].gap == 2 and running["A"].gap_text == running["B"].gap_text
    assert "尚需2" in running["A"].gap_text and "剩余" in running["A"].gap_text
    assert running["C"].gap == 0.0 and running["C"].gap_text.startswith("本期已完成")


def test_equal_containers_that_read_differently_are_worded_for_each_school(tmp_path: Path) -> None:
    # (1,) == (1.0,) and Decimal("1") == Decimal("1.0"), yet each reads its own way.
    from decimal import Decimal

    def contained(subject, ctx):  # type: ignore[no-untyped-def]
        one = subject.id == "A"
        return Measure(observed=1, required=1, inputs={"组": (1,) if one else (1.0,),
                                                       "数": Decimal("1") if one else Decimal("1.0")})

    got = _by_school(_policy(tmp_path, requirement(measure=contained)), school("A", 1), school("B", 1))
    assert got["A"].explanation.startswith("组=(1,)，数=1；") and got["B"].explanation.startswith("组=(1.0,)，数=1.0；")
