"""What a plan says, as data: requirements and their modality (`requirement`), the plan's
identity (`plan`), thresholds keyed by date (`parameters`), the periods duties recur in
(`periods`), clause spelling and rule-id slugs (`clauses`), the document's numbered clauses
(`outline`), what a measure sees (`context`), the derived quantities several plans'
measures share (`queries`), record lists grouped once for them (`grouping`) and targets over a
population folded over the records (`aggregate`)."""
