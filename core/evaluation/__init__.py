"""Deciding: one batch of subjects (`decide`) through the rule engine (`engine`, the only module
that imports durable_rules), the streamed path every evaluation takes (`pipeline`) and its
in-memory entry (`evaluate`); `memory` keeps the streaming process from hoarding freed memory."""
