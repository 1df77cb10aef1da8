"""The plugin contract: the hooks (`hookspecs`, the only place they are declared), discovery and
loading through the entry-point group (`registry`) and the declarations-only base (`base`)."""
