"""A document's line fingerprints: the per-document step of boilerplate detection.

`line_fingerprints(text)` gives 64-bit hashes of the document's normalised candidate lines,
distinct and sorted: what a cache keeps per document (8 bytes a line; see `pack_fingerprints`),
and what boilerplate.BoilerplateCounter counts across the corpus.

A candidate line has at least `boilerplate_min_letters` letters of any script, a wide CJK letter
counting two (a Chinese footer of 10 characters says as much as an English one of 20 letters).
So "Article 1", "ماده ۱" or "第一条" are never boilerplate. A line's fingerprint sees only its
letters and digits, NFKC-normalised and casefolded, every digit as 0: the year in "© 2023"
changes from page to page, and "Share: Facebook | X" is "Share · Facebook · X" to a reader.

The hashes of all lines are computed at once with numpy (a polynomial hash mod 2**64 over the
kept code points, then the splitmix64 finaliser): a hash call per line cost 3 µs, and web pages
have many short lines.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

from seedkeeper.similarity.minhash import mix64  # the same splitmix64 finaliser as the shingles

from .chars import DIGIT, LETTER, WIDE, Profile, profile
from .findings import DEFAULT_SETTINGS

_FLAGS = np.arange(256)
_LINE_WEIGHT = ((_FLAGS & LETTER) != 0).astype(np.int64) + ((_FLAGS & WIDE) != 0)  # wide letters count 2
_KEEP = (_FLAGS & (LETTER | DIGIT)) != 0
_P = 0x100000001B3  # odd, so invertible mod 2**64
_P_INV = pow(_P, -1, 1 << 64)
_POW = np.ones(1, dtype=np.uint64)
_POW_INV = np.ones(1, dtype=np.uint64)


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i mod 2**64 for i < n. Up to _KEEP_POWERS of them are kept for the process;
    a longer document's are built for it alone (8 bytes each, never Python ints: a 10 MB
    document once took 1.2 GB here)."""
    global _POW, _POW_INV
    if len(_POW) >= n:
        return _POW[:n], _POW_INV[:n]
    size = max(n, min(2 * len(_POW), _KEEP_POWERS), 4096)
    pw, pinv = _power_table(_P, size), _power_table(_P_INV, size)
    if size <= _KEEP_POWERS:
        _POW, _POW_INV = pw, pinv
    return pw[:n], pinv[:n]


# Powers kept between documents: enough for a 1 MB document (16 MB of tables).
_KEEP_POWERS = 1 << 20


def _power_table(base: int, size: int) -> np.ndarray:
    """base**i mod 2**64 for i < size, by doubling: each block is the one before times base**len.
    numpy's uint64 product wraps, which is the arithmetic mod 2**64 wanted."""
    out = np.empty(size, dtype=np.uint64)
    out[0] = 1
    filled = 1
    while filled < size:
        step = min(filled, size - filled)
        np.multiply(out[:step], np.uint64(pow(base, filled, 1 << 64)), out=out[filled : filled + step])
        filled += step
    return out


def fingerprinted_lines(text: str, min_letters: int, prof: Profile | None = None) -> list[tuple[int, str, int]]:
    """(1-based line number, line, fingerprint) of every line with at least `min_letters` weighted letters.

    `prof`, the profile of `text`, is reused when folding changes nothing (scripts without case).
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    prof = prof if prof is not None and folded == text else profile(folded)
    n = len(prof.flags)
    if not n:
        return []
    starts = prof.line_starts[prof.line_starts < n]
    weights = np.add.reduceat(_LINE_WEIGHT[prof.flags], starts)
    picked = np.flatnonzero(weights >= min_letters)
    if not len(picked):
        return []
    lines = text.split("\n")
    if len(lines) != len(prof.line_starts):  # cannot happen (no NFKC mapping makes a LF): never guess
        return [x for i, line in enumerate(lines) for x in _renumber(fingerprinted_lines(line, min_letters), i)]
    ends = np.append(prof.line_starts[1:], n)  # one past each line's last character
    fps: list[int] = []
    for lo, hi in _chunks(prof.line_starts[picked], ends[picked]):
        line = int(picked[lo])
        if hi == lo + 1 and ends[line] - prof.line_starts[line] > _CHUNK:
            fps.append(_long_line_hash(prof, int(prof.line_starts[line]), int(ends[line])))
        else:
            fps += _hashes(prof, picked[lo:hi], ends)
    return [(i + 1, lines[i], fp) for i, fp in zip(picked.tolist(), fps)]


# Characters hashed at once: a chunk's tables (its powers, products and prefix sums: ~40 bytes a
# character) stay small whatever the document's size. A longer line is a chunk of its own.
_CHUNK = 1 << 20


def _chunks(line_starts: np.ndarray, line_ends: np.ndarray) -> list[tuple[int, int]]:
    """[lo, hi) ranges over the picked lines, each spanning at most _CHUNK characters (or one line)."""
    out, lo = [], 0
    while lo < len(line_starts):
        hi = int(np.searchsorted(line_ends, line_starts[lo] + _CHUNK, side="right"))
        hi = max(hi, lo + 1)
        out.append((lo, hi))
        lo = hi
    return out


def _hashes(prof: Profile, sel: np.ndarray, ends: np.ndarray) -> list[int]:
    """The fingerprints of the lines `sel` (indices), all within one chunk of the text."""
    a, b = int(prof.line_starts[sel[0]]), int(ends[sel[-1]])
    kept = a + np.flatnonzero(_KEEP[prof.flags[a:b]])
    values = np.where(prof.flags[kept] & DIGIT, np.uint32(48), prof.cps[kept]).astype(np.uint64)
    pw, pinv = _powers(len(kept) + 1)
    # uint64 arrays wrap silently: that is the arithmetic mod 2**64 wanted here.
    prefix = np.concatenate((np.zeros(1, np.uint64), np.cumsum(values * pw[: len(kept)], dtype=np.uint64)))
    first = np.searchsorted(kept, prof.line_starts[sel])  # the kept characters of each line
    last = np.searchsorted(kept, ends[sel])
    h = (prefix[last] - prefix[first]) * pinv[first]  # sum of value * P**(position in the line)
    return mix64(h + (last - first).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)).tolist()


def _long_line_hash(prof: Profile, a: int, b: int) -> int:
    """The fingerprint of one line longer than _CHUNK characters, _CHUNK at a time: the same sum
    of value * P**(position in the line), each piece's share shifted by the kept characters
    before it (a 10 MB line in one piece took twice the memory of the same text in lines)."""
    total, kept_before = np.uint64(0), 0
    for start in range(a, b, _CHUNK):
        stop = min(start + _CHUNK, b)
        kept = start + np.flatnonzero(_KEEP[prof.flags[start:stop]])
        if not len(kept):
            continue
        values = np.where(prof.flags[kept] & DIGIT, np.uint32(48), prof.cps[kept]).astype(np.uint64)
        pw, _ = _powers(len(kept))
        with np.errstate(over="ignore"):
            piece = np.sum(values * pw, dtype=np.uint64)  # wraps mod 2**64, as wanted
            total += piece * np.uint64(pow(_P, kept_before, 1 << 64))
        kept_before += len(kept)
    count = np.uint64(kept_before)
    with np.errstate(over="ignore"):
        return int(mix64(np.array([total + count * np.uint64(0x9E3779B97F4A7C15)], dtype=np.uint64))[0])


def _renumber(found: list[tuple[int, str, int]], index: int) -> list[tuple[int, str, int]]:
    return [(index + 1, line, fp) for _, line, fp in found]


def line_fingerprint(line: str) -> int:
    """The fingerprint of one line, whatever its length (what line_fingerprints keeps per line)."""
    found = fingerprinted_lines(line.replace("\n", " "), 1)
    return found[0][2] if found else 0


def line_fingerprints(
    text: str, min_letters: int = DEFAULT_SETTINGS.boilerplate_min_letters, prof: Profile | None = None
) -> tuple[int, ...]:
    """Sorted distinct 64-bit fingerprints of the document's candidate lines (cache these)."""
    return tuple(sorted({fp for _, _, fp in fingerprinted_lines(text, min_letters, prof)}))


def pack_fingerprints(fingerprints: Sequence[int]) -> bytes:
    """Fingerprints as 8 bytes each (little-endian), the compact form for a cache."""
    return np.asarray(fingerprints, dtype="<u8").tobytes()


def unpack_fingerprints(data: bytes) -> tuple[int, ...]:
    """The inverse of pack_fingerprints."""
    return tuple(np.frombuffer(data, dtype="<u8").tolist())
