"""Deciding: what a measure sees (`context`), one batch of subjects (`decide`) through the
rule engine (`engine`, the only module that imports durable_rules), the streamed path every
evaluation takes (`pipeline`), its in-memory entry (`evaluate`), and the findings and their
statuses (`findings`, `status`)."""
