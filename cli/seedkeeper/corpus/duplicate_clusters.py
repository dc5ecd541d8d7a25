"""The duplicate clusters of a surveyed corpus (cluster): which readable documents are exact,
normalized, near or contained duplicates of which, kept = first listed in INDEX.md (or the
container). The scoring itself is similarity/'s; here the corpus side of it: which documents
are eligible, each document's exact shingle set (from the cache when its bytes are unchanged,
else from its text), and the caches that let a warm run skip the work (dedup_cache.py). Used by
the survey (features.dedup) and by `add` (documents not in the folder yet).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.corpus.dedup_cache import CandidateCache, PairCache, cached_result, clusters_key, result_blob
from seedkeeper.corpus.model import Corpus
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.corpus.safe_read import read_text

if TYPE_CHECKING:  # pragma: no cover - the dedup module loads numpy
    import numpy as np


_EMPTY_NORMALIZED = hashlib.sha256(b"").hexdigest()


def cluster(
    corpus: Corpus,
    analyses: list[DocAnalysis],
    threshold: float,
    cache: CacheSpec | None = None,
    extra: Sequence = (),
    extra_shingles: dict[str, np.ndarray] | None = None,
    containment: float = 0.8,
):
    """Duplicate clusters among the readable documents, kept = first listed in INDEX.md (or
    the container, for contained documents).

    Near-duplicate and containment candidates are confirmed on their exact shingle sets; those
    are re-read from the few candidate documents, or taken from the cache when the bytes are
    unchanged, and each confirmed overlap is cached by pair. `extra` are DedupItems of
    documents not in the folder yet (`add`), with their shingles."""
    from seedkeeper.corpus.cache import Cache

    order = {d.rel: d.order for d in corpus.documents}
    # Text that normalizes to nothing (empty, white space, only punctuation) has its own finding;
    # two such documents are not "duplicates" of each other.
    eligible = [
        a for a in analyses if a.readable and a.normalized_hash is not None and a.normalized_hash != _EMPTY_NORMALIZED
    ]
    store = Cache(cache.folder) if cache is not None else None
    source = _Shingles(corpus, analyses, store, extra_shingles or {})
    # An unchanged corpus (same documents, order, bytes and settings) has the clusters it had:
    # kept whole, so a warm run computes no candidates at all (and imports no numpy).
    memo = clusters_key(eligible, order, threshold, containment) if store is not None and not extra else None
    try:
        if memo is not None:
            hit = cached_result(store.get_blob(memo, "clusters"))
            if hit is not None:
                return hit
        result = _find(eligible, order, extra, source, threshold, containment)
        if memo is not None:
            store.put_blobs("clusters", [(memo, result_blob(result))])
        return result
    finally:
        if store is not None:
            store.put_blobs(source.key, source.fresh)
            store.close()


def _find(eligible: list[DocAnalysis], order: dict[str, int], extra: Sequence, source, threshold, containment):
    """find_duplicates over `eligible` (and `extra`), each exact shingle set from `source`."""
    import numpy as np

    from seedkeeper.similarity.clustering import DedupItem, find_duplicates

    items = [
        DedupItem(
            a.rel,
            order[a.rel],
            a.sha256,
            a.normalized_hash,
            None if a.signature is None else np.frombuffer(a.signature, dtype=np.uint32),
            float(a.shingles),  # the exact shingle count: sizes for containment candidates
        )
        for a in eligible
    ] + list(extra)
    store = source.store
    pairs = PairCache(store, source.key) if store is not None else None
    memo = CandidateCache(store, threshold, containment) if store is not None and not extra else None
    return find_duplicates(items, threshold, source, containment, pairs, memo)


class _Shingles:
    """A document's exact shingle set, by name: given (`extra`: documents being added), from the
    cache when its bytes are unchanged, else from its text (kept in `fresh` for the cache)."""

    def __init__(self, corpus: Corpus, analyses: Sequence[DocAnalysis], store, extra: dict):
        from seedkeeper.similarity.version import MINHASH_VERSION, NORMALIZATION_VERSION

        self.key = f"shingles/{NORMALIZATION_VERSION}/{MINHASH_VERSION}"
        self.store, self.extra, self.corpus = store, extra, corpus
        self.infos = {d.rel: d.info for d in corpus.documents}
        self.sha_of = {a.rel: a.sha256 for a in analyses}
        self.fresh: list[tuple[str, bytes]] = []

    def __call__(self, rel: str) -> np.ndarray:
        import numpy as np

        from seedkeeper.similarity.minhash import shingles
        from seedkeeper.similarity.normalize import normalize

        if rel in self.extra:
            return self.extra[rel]
        blob = self.store.get_blob(self.sha_of[rel], self.key) if self.store is not None else None
        if isinstance(blob, bytes) and blob and len(blob) % 8 == 0:
            return np.frombuffer(blob, dtype=np.uint64)  # anything else is damaged: recompute
        try:
            sh = shingles(normalize(read_text(self.infos[rel], self.corpus.settings.max_size + 1)))
        except OSError:
            # Moved away since it was surveyed (a racing `dedup --apply`): it confirms nothing. One
            # shingle of its own, so two vanished documents are not "identical" either.
            return np.array([int.from_bytes(hashlib.sha256(rel.encode()).digest()[:8], "big")], dtype=np.uint64)
        self.fresh.append((self.sha_of[rel], sh.astype(np.uint64).tobytes()))
        return sh
