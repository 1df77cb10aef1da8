"""Every core module that the prose names (docs, README, docstrings, comments, the templates
`new-city` writes) exists: after core moved into rooms (model/, rules/ …) a stale
`core.clauses` sends a reader, or a freshly scaffolded city, to a module that is gone."""

from __future__ import annotations

import importlib
import io
import re
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ["core", "policies", "reports", "features", "scripts", "tests", "docs"]
DOTTED = re.compile(r"(?<![\w.])(?:mhpolicy\.)?core\.[a-z_]+(?:\.[a-z_]+)*")
PATH = re.compile(r"(?<![\w/])core/[a-z_/]+\.py")


def _prose(path: Path) -> str:
    """Markdown as it is; of Python, only its strings and comments (code is checked by importing it)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return text
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return "\n".join(t.string for t in tokens if t.type in (tokenize.STRING, tokenize.COMMENT))


def _resolves(dotted: str) -> bool:
    """`core.rules.clauses.clause_slug` resolves: the longest importable module, then attributes."""
    parts = dotted.removeprefix("mhpolicy.").split(".")
    for i in range(len(parts), 1, -1):
        try:
            obj = importlib.import_module(".".join(["mhpolicy", *parts[:i]]))
        except ImportError:
            continue
        try:
            for attr in parts[i:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def stale_mentions() -> list[str]:
    files = [REPO / "README.md"] + [p for f in FOLDERS for p in sorted((REPO / f).rglob("*"))
                                     if p.suffix in (".py", ".md") and ".venv" not in p.parts
                                     and p != Path(__file__).resolve()]
    stale = []
    for path in files:
        prose = _prose(path)
        stale += [f"{path.relative_to(REPO)}: {m}" for m in DOTTED.findall(prose) if not _resolves(m)]
        stale += [f"{path.relative_to(REPO)}: {m}" for m in PATH.findall(prose) if not (REPO / m).is_file()]
    return stale


def test_a_stale_mention_is_told_from_a_live_one() -> None:
    assert _resolves("core.rules.clauses.clause_slug") and _resolves("mhpolicy.core.io.store")
    assert not _resolves("core.clauses.clause_slug") and not _resolves("core.outline")


def test_every_core_module_the_prose_names_exists() -> None:
    assert stale_mentions() == []
