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

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Sequence

import numpy as np

from .errors import UsageError
from .minhash import MIN_SHINGLES, NUM_PERM, candidate_pairs, jaccard, shingles, signature
from .normalize import normalize

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


def analyze_text(file: str, order: int, raw: bytes, text: str, num_perm: int = NUM_PERM) -> tuple[DedupItem, np.ndarray]:
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
    # edges[(i, j)] with i < j (indexes into docs) -> (kind, similarity)
    edges: dict[tuple[int, int], tuple[Kind, float]] = {}

    # Exact and normalized: link each document to the first one with the same hash.
    first_content: dict[str, int] = {}
    first_norm: dict[str, int] = {}
    for i, it in enumerate(docs):
        e = first_content.setdefault(it.content_hash, i)
        if e != i:
            edges[(e, i)] = ("exact", 1.0)
        n = first_norm.setdefault(it.normalized_hash, i)
        if n != i and (n, i) not in edges:
            edges[(n, i)] = ("normalized", 1.0)

    # Near: only the first document of each normalized group goes through LSH; its copies
    # join the cluster through their normalized link.
    reps = [i for i, it in enumerate(docs) if first_norm[it.normalized_hash] == i and it.signature is not None]
    if len(reps) > 1:
        if shingles_of is None:
            raise UsageError("find_duplicates needs shingles_of to confirm near duplicates")
        sigs = np.stack([docs[i].signature for i in reps])  # type: ignore[misc]
        cache: dict[int, np.ndarray] = {}

        def sh(i: int) -> np.ndarray:
            if i not in cache:
                cache[i] = np.asarray(shingles_of(docs[i].file), dtype=np.uint64)
            return cache[i]

        for a, b in sorted(candidate_pairs(sigs, threshold)):
            i, j = reps[a], reps[b]
            sim = jaccard(sh(i), sh(j))
            if sim >= threshold:
                edges[(i, j)] = ("near", round(sim, 4))

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
            # Kept one if matched directly; else the strongest link, earlier document on ties.
            j, kind, sim = min(direct or links, key=lambda lk: (_KIND_RANK[lk[1]], -lk[2], lk[0]))
            dups.append(Duplicate(docs[i].file, kind, sim, docs[j].file))
        clusters.append(Cluster(docs[keep].file, sorted(dups, key=lambda d: d.file)))
    clusters.sort(key=lambda c: c.keep)
    too_short = sorted(it.file for it in docs if it.signature is None)
    return DedupResult(clusters, too_short)


def dedup_texts(docs: Sequence[tuple[str, bytes]], threshold: float = 0.8) -> DedupResult:
    """Find duplicates among (file, raw bytes) pairs given in INDEX.md order.

    Bytes are decoded as UTF-8 with undecodable bytes replaced (U+FFFD), so this never fails on
    bad input; the exact-duplicate hash is always over the raw bytes.
    """
    items, sets = [], {}
    for order, (file, raw) in enumerate(docs):
        item, sh = analyze_text(file, order, raw, raw.decode("utf-8", errors="replace"))
        items.append(item)
        sets[file] = sh
    return find_duplicates(items, threshold, sets.__getitem__)


# Diff tokens: white space, one character of a no-space script, or a run of other characters.
_NO_SPACE = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_DIFF_TOKEN = re.compile(f"\\s+|[{_NO_SPACE}]|[^\\s{_NO_SPACE}]+")


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _clip(s: str, limit: int, keep_end: bool = False) -> str:
    if len(s) <= limit:
        return s
    return "…" + s[-limit:] if keep_end else s[:limit] + "…"


# SequenceMatcher is quadratic in the worst case; past this many tokens a differing stretch is
# first aligned line by line, then word by word only within small differing line blocks.
_FINE_LIMIT = 4000


def _changes(ta: list[str], tb: list[str]):
    """Token-level opcodes (non-equal ones) in order, in near-linear time for long texts."""
    n = min(len(ta), len(tb))
    p = 0
    while p < n and ta[p] == tb[p]:
        p += 1
    q = 0
    while q < n - p and ta[len(ta) - 1 - q] == tb[len(tb) - 1 - q]:
        q += 1
    a_mid, b_mid = ta[p:len(ta) - q], tb[p:len(tb) - q]
    yield from _aligned(a_mid, b_mid, p, p)


def _aligned(ta: list[str], tb: list[str], oa: int, ob: int):
    if len(ta) + len(tb) <= _FINE_LIMIT:
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
            if tag != "equal":
                yield tag, oa + i1, oa + i2, ob + j1, ob + j2
        return
    la, lb = _lines(ta), _lines(tb)
    if len(la) == 1 or len(lb) == 1:
        yield "replace", oa, oa + len(ta), ob, ob + len(tb)  # one giant line: show where it starts
        return
    keys_a = ["".join(ta[i:j]) for i, j in la]
    keys_b = ["".join(tb[i:j]) for i, j in lb]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b).get_opcodes():
        if tag == "equal":
            continue
        a0, a1 = (la[i1][0], la[i2 - 1][1]) if i2 > i1 else ((la[i1][0],) * 2 if i1 < len(la) else (len(ta),) * 2)
        b0, b1 = (lb[j1][0], lb[j2 - 1][1]) if j2 > j1 else ((lb[j1][0],) * 2 if j1 < len(lb) else (len(tb),) * 2)
        if (a1 - a0) + (b1 - b0) <= _FINE_LIMIT:
            yield from _aligned(ta[a0:a1], tb[b0:b1], oa + a0, ob + b0)
        else:
            yield "replace", oa + a0, oa + a1, ob + b0, ob + b1


def _lines(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) token spans of lines: a white-space token holding a newline ends one."""
    spans, start = [], 0
    for i, t in enumerate(tokens):
        if "\n" in t:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def diff_excerpt(a: str, b: str, context: int = 40, max_parts: int = 3) -> list[str]:
    """Short excerpts of where two near-duplicate texts differ, for people to read.

    For each of the first `max_parts` differing places: "- " + the text of `a` around it and/or
    "+ " + the text of `b` around it, each with up to `context` characters either side and the
    changed part in [brackets]; white space is shown as single spaces. Identical texts give [].
    """
    ta, tb = _DIFF_TOKEN.findall(a), _DIFF_TOKEN.findall(b)
    out: list[str] = []
    parts = 0
    for tag, i1, i2, j1, j2 in _changes(ta, tb):
        if tag == "equal":
            continue
        old, new = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        if not _one_line(old) and not _one_line(new):
            continue  # only white space differs here
        if parts == max_parts:
            out.append("… and more differences")
            break
        parts += 1
        before = _clip(_one_line("".join(ta[:i1])), context, keep_end=True)
        after = _clip(_one_line("".join(ta[i2:])), context)
        if _one_line(old):
            out.append(f"- {before} [{_clip(_one_line(old), 3 * context)}] {after}".rstrip())
        if _one_line(new):
            out.append(f"+ {before} [{_clip(_one_line(new), 3 * context)}] {after}".rstrip())
    return out
