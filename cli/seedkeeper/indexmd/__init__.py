"""INDEX.md: reading it as CommonMark (links, lists, tables, the managed table), rendering the
managed table, rewriting it while keeping every byte a person wrote, and the file on disk."""
