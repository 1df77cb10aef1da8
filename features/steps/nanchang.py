"""Step definitions only the nanchang specs need; shared ones live in common.py and records.py.

None so far: every step its specs use is city-neutral.
"""
