"""A record list grouped by one attribute, computed once per list and reused.

Measures look up the same lists again and again: the decide loop runs requirement by
requirement over a chunk's subjects, so each school's `events` are filtered by kind once per
rule and period (a synthetic 福州 school holds ~35 events of 9 kinds, scanned ~45 times), and its
attestations by item once per attestation rule. Sampled over 10,000 福州 institutions, those
scans were 11% of a worker's time.

The groups are cached by the list's identity, the list itself kept alongside so its id cannot
be reused while cached, and its length checked so a list that grew is grouped again. Input
records are validated data that no measure changes; a list changed in place at the same length
would not be seen, which is why this is for validated entity lists only. The cache holds the
lists alive, so the pipeline empties it before each chunk (`forget`), and it is bounded besides.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LIMIT = 20_000  # lists kept; a chunk has at most a few thousand subjects
_CACHE: dict[tuple[int, str], tuple[Sequence[Any], int, dict[Any, list[Any]]]] = {}


def grouped(items: Sequence[Any], attr: str) -> dict[Any, list[Any]]:
    """`items` by the value of `attr`, each group in the list's own order."""
    key = (id(items), attr)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is items and hit[1] == len(items):
        return hit[2]
    groups: dict[Any, list[Any]] = {}
    for item in items:
        value = getattr(item, attr)
        group = groups.get(value)
        if group is None:
            groups[value] = [item]
        else:
            group.append(item)
    if len(_CACHE) >= LIMIT:
        _CACHE.clear()
    _CACHE[key] = (items, len(items), groups)
    return groups


def forget() -> None:
    """Drop every cached grouping (and the lists it kept alive): before each chunk."""
    _CACHE.clear()
