"""Data in and out: dataset sources read in chunks (`source`), validation with errors as data
(`loading`), the sqlmodel store (`store`) with findings kept as compressed column blocks
(`blocks`), and 填报表: the model as sheets (`tabular`), workbooks,
CSV files and folders read back with errors at their cells (`workbook`), text encodings and file
kinds as people have them (`encodings`), and what a JSON document is by its keys: a dataset or one
school's own record (`shapes`)."""
