"""Duplicate detection: text normalization, shingles and MinHash, LSH banding, clustering and
confirmation, and the excerpts that show where two documents differ."""
