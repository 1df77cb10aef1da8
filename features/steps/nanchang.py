"""Step definitions only the nanchang specs need (shared ones live in common.py)."""

from __future__ import annotations
