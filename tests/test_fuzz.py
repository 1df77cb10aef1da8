"""Fuzz suite (issue 15 item 3): mutated copies of the bundled samples go through the whole
check path (`mhpolicy check --data F --db D --out O --json`, in process) and the command must
always answer as documented, whatever the file holds:

- exit code 0, 1, 2 or 3; never 5 (internal error) and never a traceback;
- a rejected input (exit 2) stores nothing and prints an error object on stdout;
- an accepted input stores exactly one run per city checked.

Mutations are what a hostile or careless user produces: values retyped, removed, renamed,
junk and extreme values, duplicated rows, truncated or non-UTF-8 or non-JSON files. Plausible
edits (numbers within a sane range) must still be accepted.

CI runs a bounded, derandomized profile (a few dozen cases, well under a minute). The long
run is `MHPOLICY_FUZZ=long .venv/bin/pytest tests/test_fuzz.py -q --hypothesis-show-statistics`
(`MHPOLICY_FUZZ_EXAMPLES=N` to change its size; see README "Fuzz testing").
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from mhpolicy.core.cli import main
from mhpolicy.core.io.store import Store
from mhpolicy.core.plugins.registry import discover

SAMPLES: dict[str, Any] = {
    code: json.loads(Path(str(discover().get(code).sample_path())).read_text(encoding="utf-8"))
    for code in ("fuzhou", "nanchang")
}

# --- profiles: bounded and reproducible in CI; many random cases on demand -------------------

_CI = settings(max_examples=int(os.environ.get("MHPOLICY_FUZZ_EXAMPLES", "60")), deadline=None,
               derandomize=True, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_LONG = settings(_CI, max_examples=int(os.environ.get("MHPOLICY_FUZZ_EXAMPLES", "5000")), derandomize=False)
PROFILE = _LONG if os.environ.get("MHPOLICY_FUZZ") == "long" else _CI


# --- the check, run as the command line runs it ----------------------------------------------

CITY_CHOICES: list[list[str]] = [["all"], ["fuzhou"], ["nanchang"]]


_INSTALLED = len(discover().policies)  # `--city all`: every installed city, not a count kept by hand


def _cities_checked(choice: list[str]) -> int:
    return _INSTALLED if choice == ["all"] else 1


class Outcome:
    def __init__(self, code: int, out: str, err: str, counts: dict[str, int]) -> None:
        self.code, self.out, self.err, self.counts = code, out, err, counts

    def __repr__(self) -> str:
        return f"Outcome(code={self.code}, counts={self.counts}, err={self.err[-2000:]!r})"


def run_check_on(payload: bytes, cities: list[str]) -> Outcome:
    """`mhpolicy check --city … --data F --db D --out O --json` on fresh temporary files."""
    with tempfile.TemporaryDirectory(prefix="mhpolicy-fuzz-") as tmp:
        data, db = Path(tmp) / "data.json", f"sqlite:///{tmp}/store.db"
        data.write_bytes(payload)
        out, err = io.StringIO(), io.StringIO()
        argv = ["check", *[a for c in cities for a in ("--city", c)],
                "--data", str(data), "--db", db, "--out", str(Path(tmp) / "out"), "--json"]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        return Outcome(code, out.getvalue(), err.getvalue(), Store(db).counts())


def _event(what: str) -> None:
    """Counted in `--hypothesis-show-statistics` (the long run's figures); plain tests skip it."""
    if currently_in_test_context():
        event(what)


def assert_documented_answer(o: Outcome, cities: list[str]) -> None:
    """The properties every input must satisfy, whatever it holds."""
    _event(f"exit {o.code}")
    assert o.code in {0, 1, 2, 3}, o
    assert "Traceback (most recent call last)" not in o.err + o.out, o
    if o.code == 2:
        assert o.counts == {"datasets": 0, "runs": 0, "findings": 0}, o
        obj = json.loads(o.out)
        assert obj["error"]["kind"] in {"input", "usage"}, obj
        if obj["error"]["kind"] == "input":
            issues = obj["error"]["issues"]
            assert issues and all(i["code"] and i["message_zh"] and i["message_en"] for i in issues), obj
    else:
        assert o.counts["runs"] == _cities_checked(cities), o
        assert o.counts["datasets"] == 1, o
        findings = json.loads(o.out)
        assert isinstance(findings, list) and len(findings) == o.counts["findings"], o


# --- mutations -------------------------------------------------------------------------------

Path_ = tuple[str | int, ...]


def _paths(obj: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every place in the document below the root, parents before children."""
    if isinstance(obj, dict):
        items: Any = obj.items()
    elif isinstance(obj, list):
        items = enumerate(obj)
    else:
        return
    for k, v in items:
        yield (*prefix, k)
        yield from _paths(v, (*prefix, k))


PATHS = {code: list(_paths(doc)) for code, doc in SAMPLES.items()}

EXTREMES: list[Any] = [
    -1, 0, -(10**18), 10**18, 2**31, 2**63, -(2**63) - 1, 10**30, 1e308, -1e308, 1e-300, 0.5, -0.0,
    float("inf"), float("nan"),  # written by json.dumps as Infinity / NaN: not JSON
]
JUNK = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "null", "NaN", "１２", "十二", "2025-02-30", "2025-13-01", "0000-00-00",
                     "\x00", "\u202e", "x" * 10_000, "<script>", "'; DROP TABLE runs; --"]),
)
OTHER_TYPES = st.sampled_from([None, True, False, 0, 1.5, "", "abc", [], {}, [1], {"a": 1}])


def _parent(doc: Any, path: Path_) -> tuple[Any, str | int] | None:
    """The container holding `path` in `doc` and its key there, or None once earlier mutations
    removed or retyped part of the way."""
    node = doc
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    key = path[-1]
    if isinstance(node, dict) and isinstance(key, str) and key in node:
        return node, key
    if isinstance(node, list) and isinstance(key, int) and key < len(node):
        return node, key
    return None


@st.composite
def mutation(draw: st.DrawFn, doc: Any, paths: list[Path_]) -> str:
    """Apply one mutation to `doc` in place; returns what it did (for the failure report)."""
    path = draw(st.sampled_from(paths))
    found = _parent(doc, path)
    if found is None:
        return f"skip {path}"
    node, key = found
    op = draw(st.sampled_from(["retype", "remove", "rename", "junk", "extreme", "duplicate", "empty"]))
    if op == "retype":
        node[key] = draw(OTHER_TYPES)
    elif op == "remove":
        del node[key]
    elif op == "rename" and isinstance(node, dict):
        new = draw(st.sampled_from([str(key) + "x", str(key).upper(), str(key)[:-1], " " + str(key), "名称"]))
        node[new] = node.pop(key)
        op = f"rename->{new!r}"
    elif op == "junk":
        node[key] = draw(JUNK)
    elif op == "extreme":
        node[key] = draw(st.sampled_from(EXTREMES))
    elif op == "duplicate" and isinstance(node[key], list) and node[key]:
        node[key].append(node[key][0])
    elif op == "empty" and isinstance(node[key], (list, dict, str)):
        node[key] = type(node[key])()
    else:
        return f"noop {op} {path}"
    return f"{op} {path}"


FILE_DAMAGE = ["none", "truncate", "flip_byte", "bom", "gbk", "empty", "not_json", "top_level_list"]


@st.composite
def mutated_dataset(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """A sample, mutated 1-4 times, written out (perhaps then damaged as a file), and the
    cities to check it under."""
    code = draw(st.sampled_from(sorted(SAMPLES)))
    doc = json.loads(json.dumps(SAMPLES[code]))
    did = [draw(mutation(doc, PATHS[code])) for _ in range(draw(st.integers(1, 4)))]
    payload = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    damage = draw(st.sampled_from(FILE_DAMAGE) if draw(st.booleans()) else st.just("none"))
    if damage == "truncate":
        payload = payload[: draw(st.integers(0, len(payload) - 1))]
    elif damage == "flip_byte":
        i = draw(st.integers(0, len(payload) - 1))
        payload = payload[:i] + bytes([draw(st.integers(0, 255))]) + payload[i + 1:]
    elif damage == "bom":
        payload = b"\xef\xbb\xbf" + payload
    elif damage == "gbk":
        payload = json.dumps(doc, ensure_ascii=False).encode("gbk", errors="replace")
    elif damage == "empty":
        payload = b""
    elif damage == "not_json":
        payload = b"schema_version: 1\ncity: fuzhou\n"
    elif damage == "top_level_list":
        payload = b"[" + payload + b"]"
    note(f"sample={code} mutations={did} file={damage}")
    return payload, draw(st.sampled_from(CITY_CHOICES))


# --- plausible edits: the data stays valid ---------------------------------------------------

PLAUSIBLE = {"students": st.integers(1, 800), "hours": st.integers(1, 24)}


@st.composite
def plausible_dataset(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """A sample whose counts and hours are redrawn within a plausible range: still valid data."""
    code = draw(st.sampled_from(sorted(SAMPLES)))
    doc = json.loads(json.dumps(SAMPLES[code]))
    targets = [p for p in PATHS[code] if p[-1] in PLAUSIBLE]
    for path in draw(st.lists(st.sampled_from(targets), min_size=1, max_size=8)):
        node, key = _parent(doc, path)  # type: ignore[misc]
        node[key] = draw(PLAUSIBLE[str(key)])
    note(f"sample={code}")
    return json.dumps(doc, ensure_ascii=False).encode("utf-8"), draw(st.sampled_from(CITY_CHOICES))


# --- the properties --------------------------------------------------------------------------


@PROFILE
@given(mutated_dataset())
def test_any_mutated_dataset_gets_a_documented_answer_and_a_rejected_one_stores_nothing(
        case: tuple[bytes, list[str]]) -> None:
    payload, cities = case
    assert_documented_answer(run_check_on(payload, cities), cities)


@settings(PROFILE, max_examples=max(5, PROFILE.max_examples // 4))
@given(plausible_dataset())
def test_plausible_edits_of_a_sample_are_accepted_and_stored_as_one_run_per_city(
        case: tuple[bytes, list[str]]) -> None:
    payload, cities = case
    o = run_check_on(payload, cities)
    assert o.code in {0, 1, 3}, o
    assert_documented_answer(o, cities)


def test_the_unmutated_samples_pass_the_same_properties() -> None:
    for code, doc in SAMPLES.items():
        payload = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        o = run_check_on(payload, ["all"])
        assert o.code == 0, (code, o)
        assert_documented_answer(o, ["all"])


def test_an_event_of_ten_to_the_eighteen_hours_is_an_input_error_not_a_crash() -> None:
    doc = json.loads(json.dumps(SAMPLES["fuzhou"]))
    event_ = next(e for i in doc["institutions"] for e in i.get("events", []) if "hours" in e)
    event_["hours"] = 10**18
    o = run_check_on(json.dumps(doc, ensure_ascii=False).encode("utf-8"), ["all"])
    assert o.code == 2 and "hours" in o.out, o
    assert_documented_answer(o, ["all"])
