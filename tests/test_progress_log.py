"""The progress a check writes to a log (not a terminal): a line per chunk, at most one per
twentieth of the run, and always the last."""

from __future__ import annotations

import io

import pytest

from mhpolicy.core import cli


def test_a_long_run_logs_about_twenty_lines_ending_with_the_total(monkeypatch: pytest.MonkeyPatch) -> None:
    log = io.StringIO()  # not a terminal
    monkeypatch.setattr(cli.sys, "stderr", log)
    total = 100_000
    for done in range(400, total + 1, 400):  # chunks of 400, as under five plans
        cli._progress(done, total)
    lines = log.getvalue().splitlines()
    assert 20 <= len(lines) <= 22  # the first chunk, then a line per twentieth
    assert lines[0].startswith("已检查 400/100000 所机构，剩余约") and lines[1].startswith("已检查 5200/100000 所机构")
    assert lines[-1] == f"已检查 {total}/{total} 所机构"
    cli._progress(400, total)  # the next dataset of the same check logs its own progress afresh
    cli._progress(800, total)  # ... but not every chunk of it
    assert log.getvalue().splitlines()[-1].startswith("已检查 400/100000 所机构")
