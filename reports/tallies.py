"""What a report keeps of each subject, and the report's subject rows made from it on demand.

A city report holds one entry per subject while the chunks stream (its counts by status, overdue
items, indicators met and judged) and lists every subject at the end. At a province's scale
those two were most of the check's memory. Before, the entry was one object per subject with a
list and its own copies of the kind and district strings, as unpickled from the workers; the
rows were ~1.3 KB of dicts per subject, all alive while the report was written (1.97 GB
together at a million synthetic 福州 institutions). So the entries are kept in columns
(`SubjectTallies`: shared strings, the numbers in one array, ~0.35 KB a subject with its id and
name), and the report's rows (`SubjectRows`) are made from them when read, a piece at a time,
in the report's order.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from mhpolicy.core.results.findings import Finding
from mhpolicy.core.results.status import PRECEDENCE, Status
from mhpolicy.core.rules.requirement import SubjectKind

_PLACE = {s: n for n, s in enumerate(PRECEDENCE)}  # a status's place in a subject's counts
_STATUS_NAMES = tuple(s.value for s in PRECEDENCE)
OVERDUE, MET, JUDGED = len(PRECEDENCE), len(PRECEDENCE) + 1, len(PRECEDENCE) + 2  # after the counts
WIDTH = len(PRECEDENCE) + 3  # numbers per subject
_FAIL, _MISSING = _PLACE[Status.FAIL], _PLACE[Status.MISSING]
_NONE_RANK = Status.NOT_APPLICABLE.rank  # a subject with no finding counted rolls up to 不适用
_INSTITUTION = SubjectKind.INSTITUTION.value
_KIND_LABELS = {k.value: k.label for k in SubjectKind}
_ZEROS = array("i", [0] * WIDTH)


class SubjectTallies:
    """Per subject (kind and id): name, kind, district, parent (a campus's school), and its
    numbers: counts in PRECEDENCE order, overdue items, indicators met and judged. Subjects keep
    the order they were first counted in. Pickled from a worker without its index (rebuilt
    where it is needed, on merge)."""

    __slots__ = ("ids", "names", "kinds", "districts", "parents", "numbers", "_index", "_shared")

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.kinds: list[str] = []
        self.districts: list[str | None] = []
        self.parents: list[str | None] = []
        self.numbers = array("i")  # WIDTH numbers per subject (4 bytes each: a subject's counts are small)
        self._index: dict[str, dict[str, int]] | None = {}  # kind -> id -> position
        self._shared: dict[str, str] = {}  # one object per kind and district text, not one per subject

    def __len__(self) -> int:
        return len(self.ids)

    def __getstate__(self) -> tuple[Any, ...]:
        return self.ids, self.names, self.kinds, self.districts, self.parents, self.numbers

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.ids, self.names, self.kinds, self.districts, self.parents, self.numbers = state
        self._index, self._shared = None, {}

    def _positions(self) -> dict[str, dict[str, int]]:
        if self._index is None:
            self._index = {}
            for n, (kind, sid) in enumerate(zip(self.kinds, self.ids, strict=True)):
                self._index.setdefault(kind, {})[sid] = n
        return self._index

    def _entry(self, kind: str, sid: str, name: str, district: str | None, parent: str | None,
               numbers: array[int] = _ZEROS) -> int | None:
        """The position of a subject already counted, or None after appending it as new, with
        `numbers` (a chunk's subjects are nearly all new: appended whole, not added one by one)."""
        ids = self._positions().setdefault(kind, {})
        at = ids.get(sid)
        if at is None:
            ids[sid] = len(self.ids)
            share = self._shared.setdefault
            self.ids.append(sid)
            self.names.append(name)
            self.kinds.append(share(kind, kind))
            self.districts.append(None if district is None else share(district, district))
            self.parents.append(parent)
            self.numbers.extend(numbers)
        return at

    def count(self, first: Finding, statuses: Counter[Status], overdue: int, met: int, judged: int) -> None:
        """Add one subject's findings of a chunk (`first` names it) to its entry."""
        at = self._entry(first.subject_kind, first.subject_id, first.subject_name, first.district_id,
                         first.parent_id)
        at = WIDTH * (len(self.ids) - 1 if at is None else at)
        numbers = self.numbers
        for status, n in statuses.items():
            numbers[at + _PLACE[status]] += n
        numbers[at + OVERDUE] += overdue
        numbers[at + MET] += met
        numbers[at + JUDGED] += judged

    def merge(self, other: SubjectTallies) -> None:
        """Add every entry of `other` (a chunk's, counted in a worker) to this one."""
        numbers, theirs = self.numbers, other.numbers
        for n, (sid, kind) in enumerate(zip(other.ids, other.kinds, strict=True)):
            mine = theirs[WIDTH * n:WIDTH * (n + 1)]
            at = self._entry(kind, sid, other.names[n], other.districts[n], other.parents[n], mine)
            if at is not None:
                for k, value in enumerate(mine, start=WIDTH * at):
                    numbers[k] += value

    def moved(self) -> SubjectTallies:
        """This one's entries in a new object; this one left empty (a check's builder hands its
        entries to the report, without copying a province's worth of them)."""
        out = object.__new__(SubjectTallies)
        out.__setstate__(self.__getstate__())
        out._index, out._shared = self._index, self._shared
        self.__init__()  # type: ignore[misc]
        return out

    def copy(self) -> SubjectTallies:
        out = object.__new__(SubjectTallies)
        *lists, numbers = self.__getstate__()
        out.__setstate__((*(list(x) for x in lists), array("i", numbers)))
        return out

    def rank(self, n: int) -> int:
        """The rank of subject `n`'s roll-up (`status.roll_up` of the statuses it has): the first
        status in PRECEDENCE it counts, 不适用 if none."""
        at = WIDTH * n
        for k in range(len(PRECEDENCE)):
            if self.numbers[at + k]:
                return k
        return _NONE_RANK

    def rate(self, n: int) -> float | None:
        judged = self.numbers[WIDTH * n + JUDGED]
        return self.numbers[WIDTH * n + MET] / judged if judged else None

    def row(self, n: int) -> dict[str, Any]:
        """Subject `n`'s row of the report, as the report always wrote it."""
        at = WIDTH * n
        numbers = self.numbers
        counts = dict(zip(_STATUS_NAMES, numbers[at:at + len(PRECEDENCE)], strict=True))
        kind = self.kinds[n]
        row = {"id": self.ids[n], "name": self.names[n], "kind": kind, "district_id": self.districts[n],
               "overdue": numbers[at + OVERDUE], "met": numbers[at + MET], "judged": numbers[at + JUDGED],
               "status": PRECEDENCE[self.rank(n)].value, "counts": counts, "rate": self.rate(n)}
        if self.parents[n]:
            row["parent_id"] = self.parents[n]  # a campus: the school whose report it belongs to
        row["kind_label"] = _KIND_LABELS[kind]  # 学校 / 辅导站 / 区县 / 市, from the vocabulary
        return row

    def report_order(self) -> array[int]:
        """Positions in the report's order: by roll-up (worst first), then id; subjects alike in
        both in the order they were counted. Two stable sorts on one key each, not one on
        tuples: a million tuples would cost ~100 MB for a moment."""
        order = sorted(range(len(self.ids)), key=self.ids.__getitem__)
        order.sort(key=self.rank)
        return array("q", order)

    def worst_schools(self, order: Sequence[int]) -> array[int]:
        """The institutions among `order`, worst first (`build.school_order`): most 不符合, then
        缺数据, then overdue items, then the lowest 达标率, then id; ties keep `order`. Stable
        sorts from the least significant key up."""
        numbers = self.numbers
        schools = [n for n in order if self.kinds[n] == _INSTITUTION]
        schools.sort(key=self.ids.__getitem__)
        schools.sort(key=lambda n: r if (r := self.rate(n)) is not None else 1.0)
        schools.sort(key=lambda n: -numbers[WIDTH * n + OVERDUE])
        schools.sort(key=lambda n: -numbers[WIDTH * n + _MISSING])
        schools.sort(key=lambda n: -numbers[WIDTH * n + _FAIL])
        return array("q", schools)



class SubjectRows(Sequence[dict[str, Any]]):
    """A report's list of subject rows, made from `SubjectTallies` each time a row is read: what
    the report's JSON, pages and templates iterate or slice. `findings` (small reports only) adds
    each row's findings as the report lists them. Equal to a list of the same rows."""

    def __init__(self, tallies: SubjectTallies, order: array[int],
                 findings: Callable[[str, str], list[dict[str, Any]]] | None = None) -> None:
        self.tallies, self.order, self._findings = tallies, order, findings

    def __len__(self) -> int:
        return len(self.order)

    def _row(self, n: int) -> dict[str, Any]:
        row = self.tallies.row(n)
        if self._findings is not None:
            row["findings"] = self._findings(row["kind"], row["id"])
        return row

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [self._row(n) for n in self.order[i]]
        return self._row(self.order[i])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._row(n) for n in self.order)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (SubjectRows, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like the list it stands for

    def __repr__(self) -> str:
        return f"SubjectRows({len(self)} rows)"

    def where(self, keep: Callable[[int], bool]) -> SubjectRows:
        """The rows whose position passes `keep`, in this order (e.g. one district's schools)."""
        return SubjectRows(self.tallies, array("q", (n for n in self.order if keep(n))), self._findings)

    def of_kinds(self, *kinds: str) -> SubjectRows:
        """The rows of subjects of these kinds, in this order, chosen without making the others'
        rows: a page listing the city's and districts' findings reads a handful of a million."""
        wanted, of = frozenset(kinds), self.tallies.kinds
        return self.where(lambda n: of[n] in wanted)

    def by_district(self) -> dict[str, SubjectRows]:
        """These rows by district ("—" for none), each in this order: a district page's schools."""
        positions: dict[str, array[int]] = {}
        districts = self.tallies.districts
        for n in self.order:
            positions.setdefault(districts[n] or "—", array("q")).append(n)
        return {d: SubjectRows(self.tallies, p, self._findings) for d, p in positions.items()}
