"""The data a check reads: entities two or more plans share (`entities`), the labelled
vocabulary of their enumerations (`vocabulary`), the fields plugins declare (`extensions`), the
labels of data paths in actions (`fields`) and the catalogue of input errors (`errors`)."""
