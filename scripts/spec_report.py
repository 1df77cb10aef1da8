"""Run the Gherkin specs and write a page for reviewers: each city's features in the policy's
own wording, every scenario and example row with its recorded result. Offline, in Chinese.

    python scripts/spec_report.py [OUT.html]      (default mhpolicy-out/specs.html)

Exits with pytest's exit code, so a red spec is a red page and a failed command.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, PackageLoader, select_autoescape

ROOT = Path(__file__).resolve().parents[1]


class Recorder:
    """A pytest plugin that keeps each scenario as run (steps with example values filled in)."""

    def __init__(self) -> None:
        self.scenarios: dict[str, dict[str, Any]] = {}
        self.outcomes: dict[str, str] = {}

    def pytest_bdd_after_scenario(self, request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
        self.scenarios[request.node.nodeid] = {
            "file": feature.rel_filename, "feature": feature.name, "feature_description": feature.description,
            "name": scenario.name, "description": scenario.description,
            "steps": [f"{s.keyword} {s.name}" for s in scenario.steps],
        }

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or report.outcome != "passed":
            self.outcomes.setdefault(report.nodeid, report.outcome)
            if report.outcome != "passed":
                self.outcomes[report.nodeid] = report.outcome


def group(rec: Recorder) -> list[dict[str, Any]]:
    features: dict[str, dict[str, Any]] = {}
    runs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for nodeid, sc in rec.scenarios.items():
        feat = features.setdefault(sc["file"], {"file": sc["file"], "city": Path(sc["file"]).parts[0],
                                                "name": sc["feature"],
                                                "description": sc["feature_description"], "scenarios": {}})
        feat["scenarios"].setdefault(sc["name"], {"name": sc["name"], "description": sc["description"]})
        runs[(sc["file"], sc["name"])].append({"steps": sc["steps"], "outcome": rec.outcomes.get(nodeid, "unknown")})
    out = []
    for file in sorted(features):
        feat = features[file]
        scenarios = []
        for name, sc in feat["scenarios"].items():
            sc["runs"] = runs[(file, name)]
            sc["passed"] = all(r["outcome"] == "passed" for r in sc["runs"])
            scenarios.append(sc)
        feat["scenarios"] = scenarios
        out.append(feat)
    return out


def _city_headings(codes: set[str]) -> dict[str, str]:
    """Each city's heading on the page: its name, document and the document's status (a draft for
    comment is marked on its spec page as on its reports)."""
    from mhpolicy.core.plugins.registry import discover

    reg = discover()
    out = {}
    for code in codes:
        p = reg.policies.get(code)
        out[code] = f"{p.info.name}　《{p.info.document}》［{p.info.status_text}］" if p else code
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("mhpolicy-out/specs.html")
    rec = Recorder()
    code = pytest.main([str(ROOT / "features"), "-q", "-p", "no:cacheprovider", f"--rootdir={ROOT}"], plugins=[rec])
    env = Environment(loader=PackageLoader("mhpolicy.reports", "templates"), autoescape=select_autoescape(["j2"]))
    features = group(rec)
    cities = _city_headings({f["city"] for f in features})
    total = sum(len(s["runs"]) for f in features for s in f["scenarios"])
    passed = sum(r["outcome"] == "passed" for f in features for s in f["scenarios"] for r in s["runs"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(env.get_template("specs.html.j2").render(features=features, total=total, passed=passed,
                                                                        cities=cities),
                   encoding="utf-8")
    print(f"{out}: {passed}/{total} 个场景通过 / scenarios passed")
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
