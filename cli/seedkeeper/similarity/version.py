"""The duplicate finder's cache-key parts, importable without numpy or the normalizer's patterns.

Each is bumped here when the module named beside it changes (see there), which re-exports it.
"""

from __future__ import annotations

# normalize.py: the normalized text of some input may change. 3: a ZWNJ next to an Arabic-script
# character is a space (it was dropped), and Persian's می/ها joins are split (rule 7), so cached
# hashes and shingles of such text are stale.
NORMALIZATION_VERSION = "3"
# minhash.py: shingles or signatures of some text may change.
MINHASH_VERSION = "1"
# clustering.py: clusters may change for the same documents and settings. 2: two documents
# contained in each other keep the earlier listed (the larger one was kept).
CLUSTERING_VERSION = "2"
