"""Which documents to compare, and how much they overlap: the two costly steps of clustering.

Candidates come from MinHash LSH (near duplicates) and containment banding (contained ones): a
full search, or, when few documents changed since the last run, last run's pairs among the
documents still here plus the changed documents' own (both give the same pairs). Each candidate
is then confirmed on the exact shingle sets, or taken from the store of pairs confirmed before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from seedkeeper.similarity.containment import containment_candidates, estimate_sizes
from seedkeeper.similarity.lsh import candidate_pairs
from seedkeeper.similarity.minhash import overlap

if TYPE_CHECKING:
    from seedkeeper.similarity.clustering import CandidateMemo, DedupItem, PairStore


def candidates(
    docs: Sequence[DedupItem],
    reps: list[int],
    sigs: np.ndarray,
    threshold: float,
    containment: float,
    memo: CandidateMemo | None,
) -> set[tuple[int, int]]:
    """Near and containment candidates among the representatives (indexes into `reps`): last
    run's pairs among documents still here plus the changed documents' own, when few changed;
    else the full search. Both give the same pairs."""
    from seedkeeper.similarity.incremental import contained_pairs_with, near_pairs_with

    sizes = _sizes(docs, reps, sigs)
    ident = [f"{docs[i].normalized_hash}:{docs[i].size}" for i in reps]
    prev = memo.load() if memo is not None else None
    local: set[tuple[int, int]] | None = None
    if prev is not None:
        present, old_pairs = prev
        new = [a for a, key in enumerate(ident) if key not in present]
        if len(new) <= max(32, len(reps) // 20):
            pos = {key: a for a, key in enumerate(ident)}
            local = {tuple(sorted((pos[x], pos[y]))) for x, y in old_pairs if x in pos and y in pos}
            local |= near_pairs_with(sigs, threshold, new)
            if containment > 0:
                local |= contained_pairs_with(sigs, sizes, containment, new)
    if local is None:
        local = set(candidate_pairs(sigs, threshold))
        if containment > 0:
            local.update(containment_candidates(sigs, sizes, containment))
    if memo is not None:
        memo.save(set(ident), {(ident[a], ident[b]) for a, b in local})
    return local


def _sizes(docs: Sequence[DedupItem], reps: list[int], sigs: np.ndarray) -> np.ndarray:
    """Each representative's size, estimated from its signature where the caller gave none."""
    given = np.array([np.nan if docs[i].size is None else docs[i].size for i in reps], dtype=np.float64)
    missing = np.isnan(given)
    if missing.any():
        given[missing] = estimate_sizes(sigs[missing])
    return given


def overlaps(
    docs: Sequence[DedupItem],
    cands: list[tuple[int, int]],
    shingles_of: Callable[[str], np.ndarray],
    store: PairStore | None,
) -> tuple[dict[tuple[int, int], tuple[int, int, int]], int]:
    """(|A ∩ B|, |A|, |B|) of each candidate pair from the exact shingle sets (or the store,
    for pairs confirmed on an earlier run), and how many were computed now."""
    keys = {}
    for i, j in cands:
        a, b = docs[i].normalized_hash, docs[j].normalized_hash
        keys[(i, j)] = (a, b) if a <= b else (b, a)
    known = store.get_many(sorted(set(keys.values()))) if store is not None and keys else {}
    cache: dict[int, np.ndarray] = {}

    def sh(i: int) -> np.ndarray:
        if i not in cache:
            cache[i] = np.asarray(shingles_of(docs[i].file), dtype=np.uint64)
        return cache[i]

    out, fresh = {}, {}
    for (i, j), key in keys.items():
        flip = key[0] != docs[i].normalized_hash
        hit = known.get(key)
        if hit is None:
            inter, ni, nj = overlap(sh(i), sh(j)), int(sh(i).size), int(sh(j).size)
            fresh[key] = (inter, nj, ni) if flip else (inter, ni, nj)
        else:
            inter, ni, nj = (hit[0], hit[2], hit[1]) if flip else hit
        out[(i, j)] = (inter, ni, nj)
    if store is not None and fresh:
        store.put_many(fresh)
    return out, len(fresh)
