"""For policy staff writing a city: `mhpolicy lint` (`lint`) and `mhpolicy new-city` (`scaffold`);
for bureaus collecting data: `mhpolicy template` (`template`) and `mhpolicy export` (`export`)."""
