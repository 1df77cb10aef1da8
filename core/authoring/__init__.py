"""For policy staff writing a city: `mhpolicy lint` (`lint`), the document outline it checks
clauses against (`outline`) and `mhpolicy new-city` (`scaffold`)."""
