"""Data in and out: dataset sources read in chunks (`source`), validation with errors as data
(`loading`) and the sqlmodel store (`store`)."""
