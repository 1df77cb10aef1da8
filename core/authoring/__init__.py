"""For policy staff writing a city: `mhpolicy lint` (`lint`) and `mhpolicy new-city` (`scaffold`)."""
