"""The README's "Input errors" table is the catalogue's, code for code."""

from __future__ import annotations

import re
from pathlib import Path

from mhpolicy.core.model.errors import CATALOGUE, markdown_table

README = Path(__file__).resolve().parent.parent / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- input-errors:begin -->\n(.*?)\n<!-- input-errors:end -->", text, re.S)
    assert match, "README lacks the input-errors table markers"
    return match.group(1)


def test_the_readme_lists_exactly_the_catalogue_codes() -> None:
    listed = re.findall(r"^\| `(\w+)` \|", _section(), re.M)
    assert sorted(listed) == sorted(CATALOGUE) and len(listed) == len(set(listed))


def test_the_readme_table_is_the_generated_one() -> None:
    assert _section() == markdown_table(), "regenerate it with: python -m mhpolicy.core.model.errors"
