"""A city's own step definitions live in its folder (features/<code>/steps.py) and are found
without editing features/conftest.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

STEPS = '''
from pytest_bdd import given, then


@given("本市独有的前提")
def own_given() -> None:
    pass


@then("本市独有的断言成立")
def own_then() -> None:
    pass
'''

FEATURE = "# language: zh-CN\n功能: 本市独有步骤\n\n  场景: 用本市独有步骤\n    假如本市独有的前提\n    那么本市独有的断言成立\n"


def test_steps_in_a_city_folder_are_loaded_for_its_specs(tmp_path: Path) -> None:
    # A copy of features/ (not the checkout's) with fuzhou's own steps and a spec that needs them.
    shutil.copytree(REPO / "features", tmp_path / "features", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "features" / "fuzhou" / "steps.py").write_text(STEPS, encoding="utf-8")
    (tmp_path / "features" / "fuzhou" / "zz_本市独有步骤.feature").write_text(FEATURE, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "features", "-k", "用本市独有步骤"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
