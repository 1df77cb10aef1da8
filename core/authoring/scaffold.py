"""`mhpolicy new-city`: write the folders of a new city plugin and its one registration line.

A city is its own folders: ``policies/<code>/`` (declarations on `CityPlugin`, the document,
a ``rules/`` package with one empty clause module, the source text, a stub sample) and
``features/<code>/`` (empty until the first spec), plus its entry-point line in
pyproject.toml. Nothing else in the repository changes, so the new city loads, lints and
checks (with no findings) before its first rule is written.

Everything is validated before anything is written, and nothing existing is overwritten.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path

from ..plugins.registry import ENTRY_POINT_GROUP

EXIT_OK, EXIT_USAGE = 0, 2  # as core.cli: 2 is bad input
ENTRY_POINT_HEADER = '[project.entry-points."mhpolicy.policies"]'
CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
RESERVED_CODES = {"all"}  # `--city all` means every city
FIRST_CLAUSE_MODULE = "c1_clause"  # rename to c1_<topic> once the clause is read (see rules/__init__.py)


class ScaffoldError(Exception):
    """A reason not to write the city, in Chinese and English."""


@dataclass(frozen=True, slots=True)
class NewCity:
    """What `mhpolicy new-city` was asked to write."""

    code: str
    name: str
    source: Path
    document: str | None = None
    issuer: str | None = None
    issued: date | None = None


# ---------------------------------------------------------------- validation


def check_code(code: str) -> None:
    if not CODE_PATTERN.fullmatch(code) or not code.isidentifier():
        raise ScaffoldError(
            f"城市代码 '{code}' 无效：须为小写英文字母开头的小写字母、数字或下划线（如 xinxiang）"
            f" / invalid city code '{code}': a lowercase ASCII identifier such as xinxiang")
    if code in RESERVED_CODES:
        raise ScaffoldError(f"城市代码 '{code}' 为保留字 / city code '{code}' is reserved")


def check_root(root: Path) -> Path:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file() or not (root / "policies").is_dir() or ENTRY_POINT_HEADER not in _read(pyproject):
        raise ScaffoldError(
            f"{root} 不是 mhpolicy 源码目录（需有 pyproject.toml 的 {ENTRY_POINT_HEADER} 段和 policies/）；"
            f"请在仓库根目录运行或用 --root 指定 / {root} is not the mhpolicy source tree "
            f"(no {ENTRY_POINT_HEADER} in pyproject.toml, or no policies/); run from the repository root or give --root")
    return pyproject


def check_new(root: Path, code: str) -> None:
    """Refuse a code that a folder, the pyproject registration or an installed plugin already uses."""
    for folder in (root / "policies" / code, root / "features" / code):
        if folder.exists():
            raise ScaffoldError(f"{folder} 已存在，城市 '{code}' 已有 / {folder} exists: city '{code}' is taken")
    if re.search(rf"^\s*{re.escape(code)}\s*=", _entry_point_block(_read(root / "pyproject.toml")), re.MULTILINE):
        raise ScaffoldError(f"pyproject.toml 已登记城市 '{code}' / pyproject.toml already registers city '{code}'")
    if code in {ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)}:
        raise ScaffoldError(f"已安装名为 '{code}' 的城市插件 / a city plugin named '{code}' is already installed")


def read_source(path: Path) -> str:
    if not path.is_file():
        raise ScaffoldError(f"找不到政策原文文件 {path} / source text {path} not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ScaffoldError(f"{path} 不是 UTF-8 文本（第 {exc.start} 字节）/ {path} is not UTF-8 text (byte {exc.start})") from exc
    if not text.strip():
        raise ScaffoldError(f"{path} 是空文件 / {path} is empty")
    return text


PLAN_WORDS = ("计划", "方案", "意见", "办法", "规定", "措施")


def guess_title(text: str) -> str:
    """The plan's title from the head of its text, whose lines a PDF or web page may have broken:
    the plan a covering note sends out ("关于印发《…方案》的通知", "现将《…计划》印发给你们"),
    else the first lines that together name a plan ("…《…》" / "实施方案" over three lines),
    else the first line. Only a guess: `new-city` asks for it to be checked."""
    head = [re.sub(r"\s+", "", line.strip().strip("#*")) for line in text.splitlines()]
    head = [line for line in head if line][:30]
    flat = "".join(head)
    for pattern in (r"印发《(.+?)》的通知", r"《([^《》]+)》印发"):
        for title in re.findall(pattern, flat):
            if _names_a_plan(title):  # a PDF's ASCII brackets, as the title is printed: full width
                return title.replace("(", "（").replace(")", "）")
    for lines in range(1, 5):
        candidate = "".join(head[:lines])
        if _names_a_plan(candidate) and len(candidate) <= 120:
            # A status printed under the title belongs to it: （征求意见稿）, （试行）.
            if lines < len(head) and re.fullmatch(r"[（(][^（）()]{1,8}[）)]", head[lines]):
                candidate += head[lines].replace("(", "（").replace(")", "）")
            return candidate
    for line in head:
        if _names_a_plan(line) and len(line) <= 80:
            return line
    return head[0] if head else ""


def _names_a_plan(title: str) -> bool:
    return re.search(rf"({'|'.join(PLAN_WORDS)})([（(][^）)]*[）)])?$", title) is not None


# ---------------------------------------------------------------- writing


def create_city(root: Path, city: NewCity) -> list[Path]:
    """Write the city's folders and register it; the paths written, in order."""
    check_code(city.code)
    pyproject = check_root(root)
    check_new(root, city.code)
    if not city.name.strip():
        raise ScaffoldError("--name 不能为空 / --name must not be empty")
    text = read_source(city.source)
    document = city.document or guess_title(text)

    pkg = root / "policies" / city.code
    rules = pkg / "rules"
    features = root / "features" / city.code
    files = {
        pkg / "__init__.py": f'"""{city.name}《{document}》, as an mhpolicy city plugin."""\n',
        pkg / "document.py": _document_py(city, document),
        pkg / "plugin.py": _plugin_py(city),
        rules / "__init__.py": _rules_init_py(document),
        rules / f"{FIRST_CLAUSE_MODULE}.py": _clause_py(document, text),
        pkg / "sample_data.json": _sample_json(city),
        features / ".gitkeep": "",  # specs come clause by clause; an empty .feature would assert nothing
    }
    written: list[Path] = []
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    shutil.copyfile(city.source, pkg / "source.txt")  # verbatim: quotes are checked against it
    written.append(pkg / "source.txt")
    pyproject.write_text(register(_read(pyproject), city.code), encoding="utf-8")
    written.append(pyproject)
    return written


def _registration(code: str) -> str:
    return f'{code} = "mhpolicy.policies.{code}.plugin:plugin"'


def _entry_point_block(pyproject: str) -> str:
    start = pyproject.index(ENTRY_POINT_HEADER) + len(ENTRY_POINT_HEADER)
    end = pyproject.find("\n[", start)
    return pyproject[start:] if end < 0 else pyproject[start:end]


def register(pyproject: str, code: str) -> str:
    """`pyproject` with the city's entry-point line after the last entry of the group."""
    start = pyproject.index(ENTRY_POINT_HEADER) + len(ENTRY_POINT_HEADER)
    lines = pyproject[start:].split("\n")
    last = 0  # index (in `lines`) of the last entry line of the block
    for i, line in enumerate(lines[1:], start=1):
        if line.startswith("["):
            break
        if line.strip() and not line.lstrip().startswith("#"):
            last = i
    lines.insert(last + 1, _registration(code))
    return pyproject[:start] + "\n".join(lines)


def _literal(text: str) -> str:
    """A double-quoted Python string literal (JSON's escapes are Python's)."""
    return json.dumps(text, ensure_ascii=False)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _document_py(city: NewCity, document: str) -> str:
    if city.issued:
        dates = (f"ISSUED = date({city.issued.year}, {city.issued.month}, {city.issued.day})\n"
                 "EFFECTIVE = ISSUED  # read as in force from its date; change it if the text names another\n")
        notes = ""
    else:
        today = date.today()
        dates = ("ISSUED = None  # the date the document bears, if any\n"
                 "# An undated text needs an effective date argued from the text (deadlines it names, events\n"
                 "# it refers to); until then the day the city was scaffolded stands in, so nothing is judged\n"
                 "# before the city's rules are written.\n"
                 f"EFFECTIVE = date({today.year}, {today.month}, {today.day})\n")
        notes = '    notes="施行日期待依据原文论证 / effective date still to be argued from the text",\n'
    issuer = city.issuer or "（待填写发文机关）"
    return f'''"""The document this plugin encodes."""

from datetime import date

from mhpolicy.core.rules.requirement import CityInfo

CITY = "{city.code}"
{dates}
INFO = CityInfo(
    code=CITY,
    name={_literal(city.name)},
    document={_literal(document)},
    issuer={_literal(issuer)},
    issued=ISSUED,
    effective=EFFECTIVE,
    source_file="source.txt",
    version="0.1.0",
{notes})
'''


def _plugin_py(city: NewCity) -> str:
    return f'''"""The {city.name} plugin: declarations only; `CityPlugin` answers the hooks of mhpolicy.core.plugins.hookspecs."""

from __future__ import annotations

from mhpolicy.core.plugins.base import CityPlugin

from . import rules
from .document import INFO

plugin = CityPlugin(
    info=INFO,
    parameters=rules.PARAMETERS,
    requirements=rules.REQUIREMENTS,
    unmodelled=rules.UNMODELLED,
    warning_scheme=None,  # WarningScheme(code=..., tiers=(...)) if the plan grades warning cases
    sample_data="sample_data.json",
)
'''


def _rules_init_py(document: str) -> str:
    return f'''"""Requirements of {document}, each in the module of the clause it implements.

One module per clause: `c<slug>_<topic>.py`, where `<slug>` is the clause number as
`core.rules.clauses.clause_slug` writes it with "-" as "_" (五、1 -> c5_1). Each module declares
`PARAMETERS`, `REQUIREMENTS` and `UNMODELLED`; this package joins them in document order,
the order of `CLAUSE_MODULES`.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from . import {FIRST_CLAUSE_MODULE}

# Document order; listed by hand so that a module is never picked up (or dropped) by accident.
CLAUSE_MODULES = ({FIRST_CLAUSE_MODULE},)

PARAMETERS: list[Parameter] = [p for m in CLAUSE_MODULES for p in m.PARAMETERS]
REQUIREMENTS: list[Requirement] = [r for m in CLAUSE_MODULES for r in m.REQUIREMENTS]
UNMODELLED: list[ClauseNote] = [n for m in CLAUSE_MODULES for n in m.UNMODELLED]
'''


def _first_heading(text: str) -> str:
    """The plan's first top-level heading ("一、指导思想"), if it has one."""
    for line in text.splitlines():
        stripped = line.strip().strip("#*").strip()
        if stripped.startswith("一、"):
            return stripped[:40]
    return "一"


def _clause_py(document: str, text: str) -> str:
    heading = _first_heading(text)
    return f'''"""{heading}

《{document}》{heading}. Rename this module to c1_<topic>.py (and in rules/__init__.py)
once the clause is read; add one module per further clause.

Put each dated `Parameter` and each `Requirement` of the clause here under a comment quoting
the sentence it implements (verbatim, from source.txt), and every sentence not modelled in
`UNMODELLED` with the reason. Nothing is declared yet: the city loads and checks with no
findings until then.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = []
'''


def _sample_json(city: NewCity) -> str:
    """A minimal valid dataset: one fictional district and school, no records yet."""
    sample = {
        "schema_version": 1,
        "as_of": date.today().isoformat(),
        "city": {"code": city.code, "name": city.name},
        "districts": [{"id": "D1", "name": "示例区"}],
        "institutions": [{"id": "S1", "name": "示例小学", "district_id": "D1", "kind": "primary"}],
        "stations": [],
    }
    return json.dumps(sample, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- command line


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    n = sub.add_parser("new-city", help="新建城市插件的目录与登记 / scaffold a new city plugin")
    n.add_argument("code", help="城市代码：小写英文标识符，如 xinxiang")
    n.add_argument("--name", required=True, help="城市中文名，如 新乡市")
    n.add_argument("--source", required=True, type=Path, help="政策原文（UTF-8 文本），原样复制为 source.txt")
    n.add_argument("--document", help="文件标题；缺省取原文首行")
    n.add_argument("--issuer", help="发文机关")
    n.add_argument("--issued", help="成文日期 YYYY-MM-DD")
    n.add_argument("--root", type=Path, default=Path("."), help="仓库根目录（缺省为当前目录）")
    n.set_defaults(func=cmd_new_city)


def cmd_new_city(args: argparse.Namespace) -> int:
    try:
        issued = _parse_date(args.issued) if args.issued else None
        city = NewCity(code=args.code, name=args.name, source=args.source, document=args.document,
                       issuer=args.issuer, issued=issued)
        written = create_city(args.root, city)
    except ScaffoldError as exc:
        print(f"新建城市失败 / new-city failed: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"已新建城市 {city.code}（{city.name}）/ wrote city {city.code}:")
    for path in written:
        print(f"  {path}")
    print(f"""下一步 / next steps:
  1. pip install -e .            重新安装以登记入口点 / reinstall so the entry point is registered
  2. mhpolicy policies           确认已加载 / check that it loads
  3. 核对 policies/{city.code}/document.py 的标题、发文机关、日期 / check title, issuer and dates
  4. 在 policies/{city.code}/rules/ 按条款编写规则，在 features/{city.code}/ 写中文规格
     / write the rules clause by clause and the specs (docs/adding-a-city.md)
  5. mhpolicy lint {city.code}  条款覆盖 / clause coverage
  6. mhpolicy check --city {city.code}   用样例数据检查 / check its sample data
  7. pytest                      全市通用测试列出尚缺之处（未建模条款说明、≥10所机构的样例数据……）
     / the tests every city passes list what is still missing (unmodelled notes, a sample of >=10 institutions …)""")
    return EXIT_OK


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ScaffoldError(f"--issued '{text}' 不是 YYYY-MM-DD 日期 / --issued '{text}' is not a YYYY-MM-DD date") from exc
