"""Shingles, MinHash signatures and exact Jaccard, in numpy (LSH banding is in lsh.py).

Shingles are taken from `normalize()`d text. The text is cut into *units*: a word (a run of
characters between spaces) for scripts written with spaces (Latin, Arabic/Persian, Cyrillic,
Hangul, Devanagari...), and a single character with its combining marks for scripts written
without spaces (Han, kana, Thai, Lao, Khmer, Myanmar). Mixed text such as "用python写" gives
units "用", "python", "写". A shingle is SHINGLE_SIZE consecutive units: word 3-shingles for
English or Persian, character 3-grams for Chinese or Thai, with mixed windows where scripts meet.

Each unit is hashed with BLAKE2b (8 bytes; stable across processes and machines, unlike hash()),
and a shingle's 64-bit hash is a polynomial of its units' hashes finished with the splitmix64
mixer, all vectorised in numpy.

A MinHash signature applies num_perm hash functions h_i(x) = (a_i * x + b_i) mod 2**64 (a_i
odd, so each h_i is a bijection on 64-bit values; the inputs are already well-mixed 64-bit
hashes) and keeps, per function, the high 32 bits of the minimum. No modular reduction by a
prime, so nothing overflows into bias, and the multiply wraps exactly as intended in uint64.
Coefficients come from a fixed seed: the same text always gives the same signature.

Bump MINHASH_VERSION (in similarity/version.py) whenever shingles or signatures for some text may change.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from seedkeeper.similarity.normalize import NO_SPACE_RANGES
from seedkeeper.similarity.version import MINHASH_VERSION

SHINGLE_SIZE = 3
"""Units per shingle. 3 keeps a few changed words from costing many shingles (near copies
stay well above 0.8), while a document sharing half its text with another stays near 1/3."""

MIN_SHINGLES = 10
"""Documents with fewer distinct shingles are too short to compare (about a dozen words or
characters): one changed word would move their Jaccard by more than the threshold's margin."""

NUM_PERM = 128
POLY = np.uint64(0x9E3779B97F4A7C15)  # odd, the 64-bit golden ratio


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole 64-bit output."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


SEED = 20240601


def _class(cps: Iterable[int]) -> str:
    """A regex character class body for a set of code points, as ranges."""
    out: list[str] = []
    cps = sorted(cps)
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = chr(cps[i]), chr(cps[j])
        out.append(re.escape(lo) if i == j else f"{re.escape(lo)}-{re.escape(hi)}")
        i = j + 1
    return "".join(out)


@lru_cache(maxsize=1)
def _unit_re() -> re.Pattern[str]:
    """Units: a no-space-script character with its combining marks, or a word of other text.

    The pattern depends only on Python's Unicode database; building it asks for the category of
    ~100,000 characters (~35 ms per process), so it is saved in the user's cache folder."""
    import os

    from seedkeeper import model_store

    def read(folder: str) -> re.Pattern[str] | None:
        with open(os.path.join(folder, "pattern.txt"), encoding="utf-8") as fh:
            saved = fh.read()
        # A copy cut short is built again.
        return re.compile(saved) if saved.startswith("[") and saved.endswith("]+") else None

    name = model_store.copy_name(f"unit-pattern-ucd{unicodedata.unidata_version}", NO_SPACE_RANGES, _UNIT_FORMAT)
    return model_store.load(name, _save_unit_pattern, read, lambda: re.compile(_unit_pattern()))


# The layout of the saved pattern; part of its folder's name. Bump when _unit_pattern changes.
_UNIT_FORMAT = "1"


def _save_unit_pattern(folder: str) -> None:
    import os

    with open(os.path.join(folder, "pattern.txt"), "w", encoding="utf-8") as fh:
        fh.write(_unit_pattern())


def _unit_pattern() -> str:
    base, marks = [], []
    for lo, hi in NO_SPACE_RANGES:
        for cp in range(lo, min(hi, sys.maxunicode) + 1):
            cat = unicodedata.category(chr(cp))
            if cat[0] == "M":
                marks.append(cp)
            elif cat[0] in "LNS":  # unassigned (Cn) and punctuation are not units
                base.append(cp)
    b, m = _class(base), _class(marks)
    # A mark with no base before it (rare) is a unit of its own rather than being lost.
    return f"[{b}][{m}]*|[{m}]+|[^\\s{b}{m}]+"


# Any character of the no-space ranges (assigned or not): text without one has no unit but words.
_NO_SPACE_ANY = re.compile(
    "[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in NO_SPACE_RANGES) + "]"
)


def units(normalized: str) -> list[str]:
    """The units of normalized text in order: words, and characters of no-space scripts."""
    if not _NO_SPACE_ANY.search(normalized):
        # The unit pattern's third branch alone: runs of non-space (`\s` is str.isspace, as in
        # str.split). Skips building the pattern (60 ms, once per process) for such text.
        return normalized.split()
    return _unit_re().findall(normalized)


# Unit hashes are cached across documents: vocabularies are Zipfian, so most lookups hit.
_UNIT_CACHE: dict[str, int] = {}
_UNIT_CACHE_MAX = 1 << 20


def _unit_hashes(us: list[str]) -> np.ndarray:
    cache = _UNIT_CACHE
    if len(cache) > _UNIT_CACHE_MAX:
        cache.clear()  # bounded memory; correctness does not depend on the cache
    out = []
    for u in us:
        h = cache.get(u)
        if h is None:
            h = int.from_bytes(hashlib.blake2b(u.encode("utf-8"), digest_size=8).digest(), "little")
            cache[u] = h
        out.append(h)
    return np.array(out, dtype=np.uint64)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique(values) for a 1-D array: a sorted copy without repeats. np.unique's first call
    imports numpy.ma (~12 ms, a fifth of a run that checks one changed document)."""
    out = np.sort(values)
    if len(out) < 2:
        return out
    keep = np.empty(len(out), dtype=bool)
    keep[0] = True
    np.not_equal(out[1:], out[:-1], out=keep[1:])
    return out[keep]


def shingles(normalized: str, k: int = SHINGLE_SIZE) -> np.ndarray:
    """Hashes of the k-unit shingles of normalized text: uint64, unique, sorted.

    Text with fewer than k units (but at least one) gives a single shingle of all its units.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    us = units(normalized)
    if not us:
        return np.empty(0, dtype=np.uint64)
    h = _unit_hashes(us)
    n = max(len(h) - k + 1, 1)
    acc = h[:n].copy()
    # numpy uint64 arithmetic wraps modulo 2**64, which is what the polynomial wants.
    with np.errstate(over="ignore"):
        for j in range(1, min(k, len(h))):
            acc = acc * POLY + h[j : j + n]
        return sorted_unique(mix64(acc))


def shingle_strings(normalized: str, k: int = SHINGLE_SIZE) -> list[str]:
    """The shingles as text (units joined by a space), in order, with repeats.

    For inspection and for feeding other MinHash libraries the same shingles (the benchmark).
    """
    us = units(normalized)
    if not us:
        return []
    n = max(len(us) - k + 1, 1)
    return [" ".join(us[i : i + k]) for i in range(n)]


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The hash permutations (a odd, b), saved in the user's cache folder (see model_store) per
    numpy version: importing numpy.random to draw them again costs ~15 ms in every process."""
    import os

    from seedkeeper import model_store

    def draw() -> np.ndarray:
        rng = np.random.Generator(np.random.PCG64(SEED))
        a = rng.integers(0, 1 << 64, size=num_perm, dtype=np.uint64, endpoint=False) | np.uint64(1)
        b = rng.integers(0, 1 << 64, size=num_perm, dtype=np.uint64, endpoint=False)
        return np.stack([a, b])

    def read(folder: str) -> np.ndarray | None:
        ab = np.load(os.path.join(folder, "ab.npy"), allow_pickle=False)
        return ab if ab.shape == (2, num_perm) and ab.dtype == np.uint64 else None

    name = model_store.copy_name(f"minhash-permutations-numpy{np.__version__}", MINHASH_VERSION, SEED, num_perm)
    ab = model_store.load(name, lambda tmp: np.save(os.path.join(tmp, "ab.npy"), draw()), read, draw)
    return ab[0].copy(), ab[1].copy()


def signature(shingle_hashes: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signature of a shingle set: uint32 array of num_perm values.

    An empty set gives all 0xFFFFFFFF (it matches nothing real; such documents are too short).
    """
    x = np.asarray(shingle_hashes, dtype=np.uint64)
    if x.size == 0:
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    a, b = _permutations(num_perm)
    # (num_perm, n) rather than (n, num_perm): the row-wise min then runs over contiguous
    # memory, measurably faster. One temporary of n*num_perm*8 bytes (400 KB for a 2 KB text),
    # so a long document is taken _SIGNATURE_BLOCK shingles at a time (16 MB each; its 600,000
    # shingles once needed 600 MB at once), the minimum carried from block to block.
    low = None
    with np.errstate(over="ignore"):
        for start in range(0, x.size, _SIGNATURE_BLOCK):
            v = np.multiply.outer(a, x[start : start + _SIGNATURE_BLOCK])
            v += b[:, None]
            m = v.min(axis=1)
            low = m if low is None else np.minimum(low, m)
    return (low >> np.uint64(32)).astype(np.uint32)


_SIGNATURE_BLOCK = 1 << 14


def signatures(shingle_sets: Sequence[np.ndarray], num_perm: int = NUM_PERM) -> np.ndarray:
    """Signatures of many shingle sets as a (len, num_perm) uint32 matrix, row i for set i.

    (Concatenating sets and using np.minimum.reduceat was measured slower than this loop: the
    big temporary falls out of cache.)
    """
    out = np.empty((len(shingle_sets), num_perm), dtype=np.uint32)
    for i, s in enumerate(shingle_sets):
        out[i] = signature(s, num_perm)
    return out


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """|a ∩ b| of two sorted, unique shingle-hash arrays: a binary search of the smaller set in
    the larger, O(n log m), no temporary union."""
    if a.size > b.size:
        a, b = b, a
    if a.size == 0:
        return 0
    idx = np.searchsorted(b, a)
    idx[idx == b.size] = 0
    return int(np.count_nonzero(b[idx] == a))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted, unique shingle-hash arrays (1.0 if both empty)."""
    if a.size == 0 and b.size == 0:
        return 1.0
    inter = overlap(a, b)
    return inter / (a.size + b.size - inter)


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Jaccard estimated from two signatures: the share of equal positions."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)
