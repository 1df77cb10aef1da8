"""mhpolicy core: entity model, plugin contract, rule runtime, store and CLI."""
