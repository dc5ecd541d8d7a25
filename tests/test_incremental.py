"""Incremental candidate search (similarity/incremental.py): the pairs among unchanged documents
from last run plus the changed documents' own pairs are exactly the full search's pairs."""

from __future__ import annotations

import numpy as np

from seedkeeper.similarity.containment import containment_candidates
from seedkeeper.similarity.incremental import contained_pairs_with, near_pairs_with
from seedkeeper.similarity.lsh import candidate_pairs
from seedkeeper.similarity.minhash import signature


def _corpus(seed: int):
    rng = np.random.default_rng(seed)
    sets = []
    for _ in range(50):
        b = rng.integers(0, 2**63, size=int(rng.integers(60, 400)), dtype=np.uint64)
        sets.append(np.unique(b))
        kind = int(rng.integers(0, 3))
        if kind == 0:  # a truncated copy: contained
            sets.append(np.unique(b[: len(b) * 2 // 3]))
        elif kind == 1:  # a near copy
            sets.append(np.unique(np.concatenate([b[: len(b) * 9 // 10], rng.integers(0, 2**63, 20, dtype=np.uint64)])))
        else:  # unrelated
            sets.append(np.unique(rng.integers(0, 2**63, size=200, dtype=np.uint64)))
    sigs = np.stack([signature(s) for s in sets])
    return rng, sigs, np.array([len(s) for s in sets], dtype=float)


def test_old_pairs_plus_the_changed_documents_pairs_are_the_full_search():
    for seed in (1, 2, 3):
        rng, sigs, sizes = _corpus(seed)
        near = candidate_pairs(sigs, 0.8)
        contained = set(containment_candidates(sigs, sizes, 0.8))
        assert near and contained  # the comparison is not vacuous
        for _ in range(15):
            new = set(rng.choice(len(sigs), size=int(rng.integers(1, 10)), replace=False).tolist())
            kept_near = {p for p in near if not set(p) & new}
            kept_contained = {p for p in contained if not set(p) & new}
            assert kept_near | near_pairs_with(sigs, 0.8, new) == near
            assert kept_contained | contained_pairs_with(sigs, sizes, 0.8, new) == contained


def test_nothing_new_means_no_new_pairs():
    _, sigs, sizes = _corpus(4)
    assert near_pairs_with(sigs, 0.8, []) == set()
    assert contained_pairs_with(sigs, sizes, 0.8, []) == set()
