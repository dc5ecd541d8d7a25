"""Find documents that repeat another: exact, normalized and near duplicates, in clusters.

- exact: the same bytes (equal SHA-256 of the raw file), similarity 1.0;
- normalized: the same `normalize()`d text but different bytes, similarity 1.0;
- near: Jaccard similarity of the shingle sets >= threshold, found through MinHash + LSH
  candidates and each candidate confirmed by its exact Jaccard before it is reported.

Matches are grouped transitively (union-find). In each cluster the document listed first in
INDEX.md (lowest `order`) is kept; every other one is a duplicate, reported against the document
it matched: the kept one if they matched directly, otherwise its strongest link in the cluster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from seedkeeper.errors import UsageError
from seedkeeper.similarity.lsh import candidate_pairs
from seedkeeper.similarity.minhash import MIN_SHINGLES, NUM_PERM, jaccard, shingles, signature
from seedkeeper.similarity.normalize import normalize

Kind = Literal["exact", "normalized", "near"]
# Stronger evidence first: used to pick the link a duplicate is reported by.
_KIND_RANK = {"exact": 0, "normalized": 1, "near": 2}


@dataclass(frozen=True, eq=False)
class DedupItem:
    """One document as dedup sees it. `signature` is None when it is too short to compare."""

    file: str
    order: int
    content_hash: str
    normalized_hash: str
    signature: np.ndarray | None


@dataclass(frozen=True)
class Duplicate:
    """A document found to repeat `of` (the document it matched)."""

    file: str
    kind: Kind
    similarity: float
    of: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "similarity": self.similarity, "of": self.of}


@dataclass(frozen=True)
class Cluster:
    """Documents that repeat each other; `keep` is the one listed first in INDEX.md."""

    keep: str
    duplicates: list[Duplicate]

    def to_dict(self) -> dict[str, Any]:
        return {"keep": self.keep, "duplicates": [d.to_dict() for d in self.duplicates]}


@dataclass
class DedupResult:
    """Clusters sorted by kept file, duplicates by file; `too_short` lists documents with too
    few shingles for near-duplicate comparison (their exact/normalized copies are still found)."""

    clusters: list[Cluster] = field(default_factory=list)
    too_short: list[str] = field(default_factory=list)

    @property
    def duplicate_files(self) -> list[str]:
        """Every file that is a duplicate of a kept one, sorted."""
        return sorted(d.file for c in self.clusters for d in c.duplicates)

    def to_dict(self) -> dict[str, Any]:
        return {"clusters": [c.to_dict() for c in self.clusters], "too_short": list(self.too_short)}


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
    item = DedupItem(file, order, _sha256(raw), _sha256(norm.encode("utf-8")), sig)
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
) -> DedupResult:
    """Cluster duplicate documents.

    `shingles_of(file)` returns a document's shingle hashes (as from analyze_text); it is needed
    only to confirm near-duplicate candidates, and is required when any item has a signature.
    Raises UsageError for a threshold outside (0, 1] or a file given twice.
    """
    if not 0.0 < threshold <= 1.0:
        raise UsageError(f"threshold must be in (0, 1], got {threshold}")
    files = [it.file for it in items]
    if len(set(files)) != len(files):
        raise UsageError("find_duplicates: a file is given twice")
    docs = sorted(items, key=lambda it: (it.order, it.file))
    edges, first_norm = _hash_edges(docs)
    # Near: only the first document of each normalized group goes through LSH; its copies
    # join the cluster through their normalized link.
    reps = [i for i, it in enumerate(docs) if first_norm[it.normalized_hash] == i and it.signature is not None]
    if len(reps) > 1:
        if shingles_of is None:
            raise UsageError("find_duplicates needs shingles_of to confirm near duplicates")
        edges.update(_near_edges(docs, reps, threshold, shingles_of))
    clusters = _clusters(docs, edges)
    too_short = sorted(it.file for it in docs if it.signature is None)
    return DedupResult(clusters, too_short)


Edges = dict[tuple[int, int], tuple[Kind, float]]  # (i, j), i < j, indexes into docs -> (kind, similarity)


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


def _near_edges(
    docs: Sequence[DedupItem], reps: list[int], threshold: float, shingles_of: Callable[[str], np.ndarray]
) -> Edges:
    """LSH candidates among `reps`, each confirmed on the exact Jaccard of its shingle sets."""
    sigs = np.stack([docs[i].signature for i in reps])  # type: ignore[misc]
    cache: dict[int, np.ndarray] = {}

    def sh(i: int) -> np.ndarray:
        if i not in cache:
            cache[i] = np.asarray(shingles_of(docs[i].file), dtype=np.uint64)
        return cache[i]

    edges: Edges = {}
    for a, b in sorted(candidate_pairs(sigs, threshold)):
        i, j = reps[a], reps[b]
        sim = jaccard(sh(i), sh(j))
        if sim >= threshold:
            edges[(i, j)] = ("near", round(sim, 4))
    return edges


def _clusters(docs: Sequence[DedupItem], edges: Edges) -> list[Cluster]:
    """Transitive clusters (union-find); each keeps its earliest document, every other one is
    reported against the kept one if they matched directly, else its strongest link."""
    uf = _UnionFind(len(docs))
    for i, j in edges:
        uf.union(i, j)
    by_doc: dict[int, list[tuple[int, Kind, float]]] = {}
    for (i, j), (kind, sim) in edges.items():
        by_doc.setdefault(i, []).append((j, kind, sim))
        by_doc.setdefault(j, []).append((i, kind, sim))
    members: dict[int, list[int]] = {}
    for i in by_doc:
        members.setdefault(uf.find(i), []).append(i)
    clusters = []
    for root, group in members.items():
        keep = root  # the root is the lowest index, i.e. the earliest in INDEX.md
        dups = []
        for i in group:
            if i == keep:
                continue
            links = by_doc[i]
            direct = [lk for lk in links if lk[0] == keep]
            # Earlier document on ties.
            j, kind, sim = min(direct or links, key=lambda lk: (_KIND_RANK[lk[1]], -lk[2], lk[0]))
            dups.append(Duplicate(docs[i].file, kind, sim, docs[j].file))
        clusters.append(Cluster(docs[keep].file, sorted(dups, key=lambda d: d.file)))
    clusters.sort(key=lambda c: c.keep)
    return clusters
