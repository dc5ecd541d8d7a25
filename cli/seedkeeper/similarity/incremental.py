"""Candidate pairs for a corpus that changed a little since the last run.

Whether two documents are an LSH candidate (near or contained) depends on those two documents
alone: their band keys collide and, for containment, their signatures and sizes pass the screen.
So the candidates of a corpus are last run's candidates among the documents that are still there,
plus the pairs that involve a new or changed document, found from that document's buckets only.
The result is exactly what a full search gives (tests/test_incremental.py compares both), at the
cost of the changed documents instead of the whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from seedkeeper.similarity.containment import _screen, containment_bands
from seedkeeper.similarity.lsh import _band_keys, optimal_bands
from seedkeeper.similarity.minhash import sorted_unique


def _pairs_with(keys: np.ndarray, new: np.ndarray) -> np.ndarray:
    """(i, j) codes i * n + j, i < j, of rows sharing a key in any band with a row of `new`."""
    n = keys.shape[0]
    is_new = np.zeros(n, dtype=bool)
    is_new[new] = True
    parts = [np.empty(0, dtype=np.int64)]
    for b in range(keys.shape[1]):
        col = keys[:, b]
        hit = np.isin(col, col[new])
        rows = np.flatnonzero(hit)
        if rows.size < 2:
            continue
        order = rows[np.argsort(col[rows], kind="stable")]
        sk = col[order]
        starts = np.flatnonzero(np.concatenate(([True], sk[1:] != sk[:-1])))
        ends = np.concatenate((starts[1:], [order.size]))
        for s, e in zip(starts.tolist(), ends.tolist()):
            if e - s < 2:
                continue
            members = order[s:e]
            fresh = members[is_new[members]]
            for m in fresh.tolist():
                others = members[members != m]
                lo, hi = np.minimum(others, m), np.maximum(others, m)
                parts.append(lo.astype(np.int64) * n + hi)
    return sorted_unique(np.concatenate(parts))


def _collisions(sigs, new: Iterable[int], bands_rows) -> tuple[np.ndarray, np.ndarray, int]:
    """(signatures, pair codes involving `new`, n) for a banding given as (bands, rows)."""
    sigs = np.asarray(sigs, dtype=np.uint32)
    new = np.asarray(sorted(set(new)), dtype=np.int64)
    n = sigs.shape[0]
    if n < 2 or new.size == 0:
        return sigs, np.empty(0, dtype=np.int64), n
    bands, rows = bands_rows(sigs.shape[1])
    return sigs, _pairs_with(_band_keys(sigs, bands, rows), new), n


def _as_pairs(codes: np.ndarray, n: int) -> set[tuple[int, int]]:
    return set(zip((codes // n).tolist(), (codes % n).tolist()))


def near_pairs_with(sigs: np.ndarray, threshold: float, new: Iterable[int]) -> set[tuple[int, int]]:
    """The near-duplicate LSH candidates (as lsh.candidate_pairs) that involve a row of `new`."""
    _, codes, n = _collisions(sigs, new, lambda perm: optimal_bands(threshold, perm))
    return _as_pairs(codes, n)


def contained_pairs_with(sigs: np.ndarray, sizes: np.ndarray, t: float, new: Iterable[int]) -> set[tuple[int, int]]:
    """The containment candidates (as containment.containment_candidates) that involve a row of `new`."""
    sigs, codes, n = _collisions(sigs, new, lambda perm: containment_bands(t, perm))
    if codes.size:
        codes = codes[_screen(sigs, np.asarray(sizes, dtype=np.float64), codes // n, codes % n, t)]
    return _as_pairs(codes, n)
