"""Containment candidates: documents whose text is (nearly) all inside a longer one.

Document A is *contained* in B when the share of A's shingles that also occur in B,
|A ∩ B| / |A|, is at or over the containment threshold t. Jaccard is symmetric and misses this:
a copy holding 60% of an article has Jaccard 0.6 at best.

Candidates come from the MinHash signatures dedup already computes, without comparing all
pairs. For a pair whose smaller set holds a share ρ of the larger one's size, containment t
means Jaccard J = tρ / (1 + ρ - tρ): 0.67 for equal sizes, 0.30 at ρ = 0.4. So:

1. LSH banding with few rows per band (chosen, like lsh.py, for recall: a pair exactly at the
   threshold and the smallest ratio searched is missed at most MAX_MISS of the time; never
   fewer than two rows, so at thresholds under about 0.75 pairs near MIN_RATIO are missed more);
2. each colliding pair is screened on its whole signatures: the share of equal positions
   estimates J, and with the two sizes that gives the containment; pairs far below t (more
   than Z standard deviations) or whose sizes are too far apart (ratio < SCREEN_RATIO) are
   dropped, which removes the many pairs that only share boilerplate;
3. the caller confirms every survivor on its exact shingle sets before reporting it.

Sizes come from the caller (a word count is close to the number of shingles, and the same
for every document of a language); without one, the signature itself estimates it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from seedkeeper.similarity.lsh import _band_keys
from seedkeeper.similarity.minhash import sorted_unique

MIN_CONTAINED_SHINGLES = 50
"""A document needs this many distinct shingles (about 50 words, or 50 characters of Chinese)
to be judged contained: a two-line note is not "contained" in every long text quoting it."""

MIN_RATIO = 0.4
"""Contained documents are searched for down to this share of their container's size: a pair
exactly at the threshold and this ratio is missed at most MAX_MISS of the time (a verbatim
excerpt, containment ~1, about 1e-5). Smaller shares are found only by chance: 128 MinHash
positions cannot tell a short quote from shared boilerplate without comparing nearly all pairs."""

MAX_MISS = 3e-3
SCREEN_RATIO = 0.2  # colliding pairs further apart in size than this are not confirmed
SIZE_ERROR = 0.15  # how far a size proxy may be off: ratios are judged this much more leniently
Z = 4.0  # screening margin in standard deviations of the Jaccard estimate


def jaccard_at(t: float, ratio: float) -> float:
    """The Jaccard similarity of two sets when the smaller (`ratio` times the larger's size) has
    a share `t` of its elements in the larger."""
    return t * ratio / (1 + ratio - t * ratio)


@lru_cache(maxsize=32)
def containment_bands(t: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for containment candidates at threshold t: the most rows per band (fewest
    chance collisions) that still miss a pair at (t, MIN_RATIO) at most MAX_MISS of the time."""
    j = jaccard_at(t, MIN_RATIO)
    # At least two rows: one-row bands make nearly every pair of one language collide.
    best = (num_perm // 2, 2)
    for r in range(2, num_perm + 1):
        b = num_perm // r
        if (1 - j**r) ** b <= MAX_MISS:
            best = (b, r)
    return best


def estimate_sizes(sigs: np.ndarray) -> np.ndarray:
    """Distinct-shingle counts estimated from MinHash signatures (the k minima of n uniform
    32-bit values): (k - 1) / sum(min / 2^32). About 9% error at 128 positions."""
    u = (sigs.astype(np.float64) + 0.5) / 2.0**32
    return (sigs.shape[1] - 1) / np.maximum(u.sum(axis=1), 1e-12)


def _bucket_pairs(keys: np.ndarray, step: int | None = None):
    """Pairs (i, j), i < j, of rows with equal keys in one band, as int64 codes i * n + j, in
    arrays of about `step` codes (None: all at once). A bucket of thousands of rows (a shingle
    most documents of a language share) has millions of pairs: they come a block of rows at a
    time, so memory stays bounded whatever the corpus."""
    n = len(keys)
    order = np.argsort(keys, kind="stable")
    sk = keys[order]
    same = np.flatnonzero(sk[1:] == sk[:-1])
    if same.size == 0:
        return
    # Runs of two (nearly all of them) vectorised; longer runs pair every member.
    starts = np.flatnonzero(np.concatenate(([True], sk[1:] != sk[:-1])))
    ends = np.concatenate((starts[1:], [n]))
    lengths = ends - starts
    two = starts[lengths == 2]
    a, b = order[two], order[two + 1]
    parts = [np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b)]
    size = parts[0].size
    # Short runs (a few documents sharing a band: most of the rest) are paired a run length at a
    # time, all runs of that length at once; long ones a block of rows at a time.
    for length in sorted(set(lengths[(lengths > 2) & (lengths <= _SHORT_RUN)].tolist())):
        first = starts[lengths == length]
        members = np.sort(order[first[:, None] + np.arange(length)], axis=1).astype(np.int64)
        ii, jj = np.triu_indices(length, k=1)
        rows = max(1, (step or len(first) * ii.size) // ii.size)
        for r in range(0, len(first), rows):
            block = members[r : r + rows]
            parts.append((block[:, ii] * n + block[:, jj]).ravel())
            size += parts[-1].size
            if step is not None and size >= step:
                yield np.concatenate(parts)
                parts, size = [], 0
    long_runs = lengths > _SHORT_RUN
    for s, e in zip(starts[long_runs].tolist(), ends[long_runs].tolist()):
        members = np.sort(order[s:e]).astype(np.int64)
        for ii, jj in _triangle_blocks(len(members), step):
            parts.append(members[ii] * n + members[jj])
            size += ii.size
            if step is not None and size >= step:
                yield np.concatenate(parts)
                parts, size = [], 0
    if parts:
        yield np.concatenate(parts)


# Runs up to this length are paired all together per length (their pairs fit in one block).
_SHORT_RUN = 64


def _triangle_blocks(m: int, step: int | None):
    """np.triu_indices(m, k=1), a block of rows at a time (about `step` pairs; None: one block)."""
    if step is None or m * (m - 1) // 2 <= step:
        yield np.triu_indices(m, k=1)
        return
    r = 0
    while r < m - 1:
        # Rows r..r1-1 hold (m-1-r) + ... + (m-r1) pairs; take rows while they fit (one at least).
        counts = m - 1 - np.arange(r, m - 1)
        r1 = r + max(1, int(np.searchsorted(np.cumsum(counts), step, side="right")))
        rows = np.arange(r, r1)
        per_row = m - 1 - rows
        ii = np.repeat(rows, per_row)
        # Each row's columns run from row + 1 to m - 1.
        offsets = np.arange(ii.size) - np.repeat(np.cumsum(per_row) - per_row, per_row)
        yield ii, ii + 1 + offsets
        r = r1


def containment_candidates(sigs: np.ndarray, sizes: np.ndarray, t: float) -> list[tuple[int, int]]:
    """Candidate pairs (i, j), i < j, that may have one document contained in the other at
    threshold t, among rows of `sigs` (uint32, one signature per row) with `sizes` (shingle
    counts or a proxy). Sorted; every pair still needs its exact containment confirmed."""
    sigs = np.asarray(sigs, dtype=np.uint32)
    n = sigs.shape[0] if sigs.ndim == 2 else 0
    if n < 2:
        return []
    sizes = np.asarray(sizes, dtype=np.float64)
    bands, rows = containment_bands(t, sigs.shape[1])
    keys = _band_keys(sigs, bands, rows)
    low_bytes = _low_bytes(sigs)
    found = [np.empty(0, dtype=np.int64)]
    for b in range(bands):
        # Screened band by band, so memory follows the survivors, not every chance collision
        # (a corpus full of shared boilerplate collides a lot). A pair colliding in several bands
        # is screened again each time: cheaper than tracking which were seen.
        for codes in _bucket_pairs(keys[:, b], _STEP):
            for s in range(0, codes.size, _STEP):
                part = codes[s : s + _STEP]
                found.append(part[_screen(sigs, sizes, part // n, part % n, t, low_bytes)])
    codes = sorted_unique(np.concatenate(found))
    return list(zip((codes // n).tolist(), (codes % n).tolist()))


# Pairs screened at a time: bounds every (pairs x num_perm) temporary to a few MB.
_STEP = 1 << 16


def _low_bytes(sigs: np.ndarray) -> np.ndarray:
    """Each signature value's low byte: two equal values have equal low bytes, so counting equal
    low bytes (a quarter of the memory to gather) bounds the equal positions from above."""
    return (sigs & 0xFF).astype(np.uint8)


def _screen(
    sigs: np.ndarray, sizes: np.ndarray, i: np.ndarray, j: np.ndarray, t: float, low_bytes: np.ndarray | None = None
) -> np.ndarray:
    """Which pairs may reach containment t: the share of equal signature positions estimates
    their Jaccard; with their sizes, a pair at containment t would show at least
    jaccard_at(t, ratio), give or take Z standard deviations (ratios judged leniently).

    Pairs too far apart in size are dropped before any signature is compared, and pairs whose
    equal low bytes already fall short before the full values are (the same answer, sooner)."""
    num_perm = sigs.shape[1]
    small, large = np.minimum(sizes[i], sizes[j]), np.maximum(sizes[i], sizes[j])
    ratio = np.minimum(small / np.maximum(large, 1.0) * (1 + SIZE_ERROR), 1.0)
    need = jaccard_at(t, ratio)
    low = num_perm * need - Z * np.sqrt(num_perm * need * (1 - need)) - 1
    keep = ratio >= SCREEN_RATIO
    # The low-byte pre-screen pays for itself over many pairs; for the few pairs of one changed
    # document (no low bytes given) building it for every signature would cost more than it saves.
    if low_bytes is not None:
        for s in range(0, i.size, _STEP):
            part = np.flatnonzero(keep[s : s + _STEP]) + s
            if part.size:
                upper = np.count_nonzero(low_bytes[i[part]] == low_bytes[j[part]], axis=1)
                keep[part[upper < low[part]]] = False
    part = np.flatnonzero(keep)
    for s in range(0, part.size, _STEP):
        p = part[s : s + _STEP]
        equal = np.count_nonzero(sigs[i[p]] == sigs[j[p]], axis=1)
        keep[p[equal < low[p]]] = False
    return keep


def shares(inter: int, na: int, nb: int) -> tuple[float, float, float]:
    """(Jaccard, share of a in b, share of b in a) from the overlap and the two set sizes."""
    union = na + nb - inter
    return (
        inter / union if union else 1.0,
        inter / na if na else 0.0,
        inter / nb if nb else 0.0,
    )
