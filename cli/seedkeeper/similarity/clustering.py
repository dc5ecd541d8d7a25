"""Find documents that repeat another: exact, normalized, near and contained duplicates, in clusters.

- exact: the same bytes (equal SHA-256 of the raw file), similarity 1.0;
- normalized: the same `normalize()`d text but different bytes, similarity 1.0;
- near: Jaccard similarity of the shingle sets >= threshold, found through MinHash + LSH
  candidates and each candidate confirmed by its exact Jaccard before it is reported;
- contained: the share of a document's shingles found in a larger one >= containment, found
  through containment.py's candidates and confirmed the same way.

Exact, normalized and near matches are grouped transitively (union-find); in each group the
document listed first in INDEX.md (lowest `order`) is kept. A group holding a contained document
then joins the group of its container (one container each, so two articles quoting the same
excerpt stay apart): the container holds more text, so it is kept, whatever the list order.
Every other document is a duplicate, reported against the document it matched: the kept one if
they matched directly, otherwise its strongest link in the cluster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from seedkeeper.errors import UsageError
from seedkeeper.similarity.containment import (
    MIN_CONTAINED_SHINGLES,
    shares,
)
from seedkeeper.similarity.minhash import MIN_SHINGLES, NUM_PERM, shingles, signature
from seedkeeper.similarity.normalize import normalize
from seedkeeper.similarity.pairs import candidates, overlaps
from seedkeeper.similarity.results import Cluster, DedupResult, Duplicate, Kind  # noqa: F401  (re-exported)
from seedkeeper.similarity.version import CLUSTERING_VERSION  # noqa: F401  (bumped there: clusters may change)

# Stronger evidence first: used to pick the link a duplicate is reported by.
_KIND_RANK = {"exact": 0, "normalized": 1, "near": 2, "contained": 3}


class CandidateMemo(Protocol):
    """Last run's candidate pairs, by document identity (normalized hash and size), so a corpus
    that changed a little searches only around its changed documents (see incremental.py)."""

    def load(self) -> tuple[set[str], set[tuple[str, str]]] | None: ...

    def save(self, present: set[str], pairs: set[tuple[str, str]]) -> None: ...


class PairStore(Protocol):
    """Confirmed overlaps kept between runs: (normalized hash, normalized hash), sorted ->
    (|A ∩ B|, |A|, |B|) in that key order. Warm runs then confirm nothing again."""

    def get_many(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int, int]]: ...

    def put_many(self, found: dict[tuple[str, str], tuple[int, int, int]]) -> None: ...


@dataclass(frozen=True, eq=False)
class DedupItem:
    """One document as dedup sees it. `signature` is None when it is too short to compare;
    `size` is its number of shingles or a proxy (a word count), None to estimate it."""

    file: str
    order: int
    content_hash: str
    normalized_hash: str
    signature: np.ndarray | None
    size: float | None = None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def analyze_text(
    file: str, order: int, raw: bytes, text: str, num_perm: int = NUM_PERM
) -> tuple[DedupItem, np.ndarray]:
    """Build a document's DedupItem (hashes; a signature unless too short) and return its
    shingle hashes too, which find_duplicates needs (through `shingles_of`) to confirm."""
    norm = normalize(text)
    sh = shingles(norm)
    sig = signature(sh, num_perm) if sh.size >= MIN_SHINGLES else None
    item = DedupItem(file, order, _sha256(raw), _sha256(norm.encode("utf-8")), sig, float(sh.size))
    return item, sh


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]  # path halving
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The lower index (earlier in INDEX.md) becomes the root: deterministic.
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicates(
    items: Sequence[DedupItem],
    threshold: float = 0.8,
    shingles_of: Callable[[str], np.ndarray] | None = None,
    containment: float = 0.8,
    pairs: PairStore | None = None,
    memo: CandidateMemo | None = None,
) -> DedupResult:
    """Cluster duplicate documents.

    `shingles_of(file)` returns a document's shingle hashes (as from analyze_text); it is needed
    only to confirm near-duplicate and containment candidates, and is required when any item has
    a signature. `containment` 0 turns contained duplicates off. `pairs` keeps confirmed
    overlaps between runs; `memo` last run's candidates (then only the changed documents' buckets
    are searched). Raises UsageError for a threshold outside (0, 1], a containment
    outside [0, 1] or a file given twice.
    """
    if not 0.0 < threshold <= 1.0:
        raise UsageError(f"threshold must be in (0, 1], got {threshold}")
    if not 0.0 <= containment <= 1.0:
        raise UsageError(f"containment must be in [0, 1] (0 turns it off), got {containment}")
    files = [it.file for it in items]
    if len(set(files)) != len(files):
        raise UsageError("find_duplicates: a file is given twice")
    docs = sorted(items, key=lambda it: (it.order, it.file))
    edges, first_norm = _hash_edges(docs)
    # Near and contained: only the first document of each normalized group goes through LSH;
    # its copies join the cluster through their normalized link.
    reps = [i for i, it in enumerate(docs) if first_norm[it.normalized_hash] == i and it.signature is not None]
    contained: Edges = {}
    mutual: dict[tuple[int, int], tuple[float, float]] = {}  # (i, j) -> (share of i in j, of j in i)
    counts: dict[int, int] = {}
    confirmed = 0
    if len(reps) > 1:
        if shingles_of is None:
            raise UsageError("find_duplicates needs shingles_of to confirm near duplicates")
        sigs = np.stack([docs[i].signature for i in reps])  # type: ignore[misc]
        local = candidates(docs, reps, sigs, threshold, containment, memo)
        cands = {(reps[a], reps[b]) for a, b in local}
        overlaps_found, confirmed = overlaps(docs, sorted(cands), shingles_of, pairs)
        for (i, j), (inter, ni, nj) in sorted(overlaps_found.items()):
            counts[i], counts[j] = ni, nj
            jac, i_in_j, j_in_i = shares(inter, ni, nj)
            if jac >= threshold:
                edges[(i, j)] = ("near", round(jac, 4))
            elif containment > 0 and min(i_in_j, j_in_i) >= containment and min(ni, nj) >= MIN_CONTAINED_SHINGLES:
                # Each holds nearly all of the other (an edited copy of about the same length):
                # neither is the longer, whatever a few words did to the sizes. Joined like a
                # near pair, so the group keeps its earliest listed; each reports its own share
                # in the other (docs are in listing order: the larger index is the later).
                mutual[(i, j)] = (round(i_in_j, 4), round(j_in_i, 4))
            elif containment > 0:
                # The smaller set is the contained one; on equal sizes, the later listed.
                small, large, share, n_small = (i, j, i_in_j, ni) if (ni, j) < (nj, i) else (j, i, j_in_i, nj)
                if share >= containment and n_small >= MIN_CONTAINED_SHINGLES:
                    contained[(small, large)] = ("contained", round(share, 4))
    # Copies (exact/normalized) have their first document's shingle count: ranks compare alike.
    counts.update({i: counts[r] for i, it in enumerate(docs) if (r := first_norm[it.normalized_hash]) in counts})
    clusters = _clusters(docs, edges, contained, counts, mutual)
    too_short = sorted(it.file for it in docs if it.signature is None)
    return DedupResult(clusters, too_short, confirmed)


Edges = dict[tuple[int, int], tuple[Kind, float]]  # (i, j), i < j, indexes into docs -> (kind, similarity)
# Contained edges are directed instead: (contained, container) -> ("contained", share).


def _hash_edges(docs: Sequence[DedupItem]) -> tuple[Edges, dict[str, int]]:
    """Exact and normalized links: each document to the first one with the same hash. Also
    returns the first document of each normalized hash."""
    edges: Edges = {}
    first_content: dict[str, int] = {}
    first_norm: dict[str, int] = {}
    for i, it in enumerate(docs):
        e = first_content.setdefault(it.content_hash, i)
        if e != i:
            edges[(e, i)] = ("exact", 1.0)
        n = first_norm.setdefault(it.normalized_hash, i)
        if n != i and (n, i) not in edges:
            edges[(n, i)] = ("normalized", 1.0)
    return edges, first_norm


def _clusters(
    docs: Sequence[DedupItem],
    edges: Edges,
    contained: Edges,
    counts: dict[int, int],
    mutual: dict[tuple[int, int], tuple[float, float]],
) -> list[Cluster]:
    """Clusters: groups of exact/normalized/near matches (union-find), each keeping its earliest
    document; two documents contained in each other (`mutual`) join like a near pair unless a
    stronger link already joined them; a group holding a contained document joins its
    container's group (the best one: highest share, then largest, then earliest), which must
    rank higher (larger member, then earlier), so joins never loop and a container is never a
    duplicate of what it contains."""
    uf = _UnionFind(len(docs))
    for i, j in edges:
        uf.union(i, j)
    links: dict[int, list[tuple[int, Kind, float]]] = {}
    for (i, j), (kind, sim) in edges.items():
        links.setdefault(i, []).append((j, kind, sim))
        links.setdefault(j, []).append((i, kind, sim))
    for (i, j), (i_in_j, j_in_i) in sorted(mutual.items()):
        if uf.find(i) != uf.find(j):
            # Each side's link carries its own share: "similarity" of a contained duplicate is
            # the share of its shingles found in `of`, whichever of the two is reported.
            uf.union(i, j)
            links.setdefault(i, []).append((j, "contained", i_in_j))
            links.setdefault(j, []).append((i, "contained", j_in_i))
    groups: dict[int, list[int]] = {}
    for i in sorted(set(links) | {x for e in contained for x in e}):
        groups.setdefault(uf.find(i), []).append(i)

    def size(i: int) -> float:
        return counts.get(i, docs[i].size or 0)

    rank = {g: max((size(i), -docs[i].order) for i in members) for g, members in groups.items()}
    parent: dict[int, tuple[tuple, int]] = {}
    for (c, x), (_, share) in sorted(contained.items()):
        g, h = uf.find(c), uf.find(x)
        if g == h or rank[h] <= rank[g]:
            continue
        links.setdefault(c, []).append((x, "contained", share))
        best = (-share, -size(x), docs[x].order)
        if g not in parent or best < parent[g][0]:
            parent[g] = (best, h)

    def top(g: int) -> int:
        while g in parent:  # ranks strictly increase along parents: this ends
            g = parent[g][1]
        return g

    members: dict[int, list[int]] = {}
    for g, group in groups.items():
        members.setdefault(top(g), []).extend(group)
    clusters = []
    for root, group in members.items():
        if len(group) < 2:
            continue  # a contained edge whose container joined elsewhere left nothing to report
        keep = min(groups[root])  # the earliest of the top group (indexes follow INDEX.md order)
        inside = set(group)
        dups = []
        for i in group:
            if i == keep:
                continue
            own = [lk for lk in links.get(i, []) if lk[0] in inside]
            direct = [lk for lk in own if lk[0] == keep]
            # Earlier document on ties.
            j, kind, sim = min(direct or own, key=lambda lk: (_KIND_RANK[lk[1]], -lk[2], lk[0]))
            dups.append(Duplicate(docs[i].file, kind, sim, docs[j].file))
        clusters.append(Cluster(docs[keep].file, sorted(dups, key=lambda d: d.file)))
    clusters.sort(key=lambda c: c.keep)
    return clusters
