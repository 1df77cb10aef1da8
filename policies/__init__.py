"""City policy plugins shipped with mhpolicy (each registered through the entry-point group)."""
