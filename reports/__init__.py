"""Report rendering: HTML and JSON gap reports and action lists."""
