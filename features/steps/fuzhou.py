"""Step definitions only the fuzhou specs need (shared ones live in common.py)."""

from __future__ import annotations
