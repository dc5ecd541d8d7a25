"""Lines shared by many documents of the corpus: site footers, share buttons, copyright lines.

Two steps, so that 100,000 documents fit in bounded memory and a warm run reads no text:
1. per document, `line_fingerprints(text)`: 64-bit hashes of its normalised candidate lines,
   distinct and sorted. This is what a cache keeps per document (8 bytes a line; see
   `pack_fingerprints`).
2. across the corpus, a `BoilerplateCounter` takes every document's fingerprints (`add`), counts in
   how many documents each hash appears (a sort of one uint64 array: 8 bytes per document-line,
   no Python object per line), and then, for one document, `findings(text, fingerprints)` names
   the lines whose hash reaches the threshold. Documents whose fingerprints have no frequent hash
   (the usual case) are answered from the fingerprints alone, without their text.

A candidate line has at least `boilerplate_min_letters` letters of any script, a wide CJK letter
counting two (a Chinese footer of 10 characters says as much as an English one of 20 letters).
So "Article 1", "ماده ۱" or "第一条" are never boilerplate. Normalising casefolds, maps every digit
to 0 (the year in "© 2023" changes from page to page) and trims punctuation at both ends.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from hashlib import blake2b
from typing import Iterable, Mapping, Sequence

import numpy as np

from .chars import DIGIT, LETTER, WIDE, Profile, profile
from .findings import DEFAULT_SETTINGS, Finding, QualitySettings, cap

_DIGIT = re.compile(r"\d")
_FLAGS = np.arange(256)
_LINE_WEIGHT = ((_FLAGS & LETTER) != 0).astype(np.int64) + ((_FLAGS & WIDE) != 0)  # wide letters count 2


def _trim(s: str) -> str:
    """Drop everything before the first and after the last letter or digit (bullets, "|", quotes, a full stop).

    A loop, not a regex: `[\\W_]+$` would be tried at every position of the line.
    """
    i, j = 0, len(s)
    while i < j and not s[i].isalnum():
        i += 1
    while j > i and not s[j - 1].isalnum():
        j -= 1
    return s[i:j]


def normalise_line(line: str) -> str:
    """The form two copies of a boilerplate line share: digits as 0, NFKC, casefolded, spaces collapsed, trimmed."""
    s = unicodedata.normalize("NFKC", _DIGIT.sub("0", line)).casefold()
    return _trim(" ".join(s.split()))


def _hash(normalised: str) -> int:
    # blake2b, not hash(): fingerprints are cached on disk and compared across processes.
    return int.from_bytes(blake2b(normalised.encode("utf-8"), digest_size=8).digest(), "little")


def _fingerprinted_lines(text: str, min_letters: int, prof: Profile | None = None) -> list[tuple[int, str, int]]:
    """(1-based line number, line, fingerprint) of every line with at least `min_letters` weighted letters.

    The same normalisation as normalise_line, done once on the whole text (digits zeroed through
    the profile's code points, one NFKC and one casefold call) instead of once per line.
    """
    prof = prof or profile(text)
    n = len(prof.flags)
    if not n:
        return []
    # One lookup gives each character its letter weight; one reduceat sums them per line.
    starts = prof.line_starts[prof.line_starts < n]
    per_line = np.add.reduceat(_LINE_WEIGHT[prof.flags], starts)
    picked = np.flatnonzero(per_line >= min_letters).tolist()
    if not picked:
        return []
    lines = text.split("\n")
    zeroed = np.where(prof.flags & DIGIT, np.uint32(48), prof.cps).astype("<u4").tobytes().decode("utf-32-le")
    folded = unicodedata.normalize("NFKC", zeroed).casefold().split("\n")
    if len(folded) != len(lines):  # cannot happen (no compatibility mapping makes a LF), but never guess
        return [(i + 1, lines[i], _hash(normalise_line(lines[i]))) for i in picked]
    return [(i + 1, lines[i], _hash(_trim(" ".join(folded[i].split())))) for i in picked]


def line_fingerprints(text: str, min_letters: int = DEFAULT_SETTINGS.boilerplate_min_letters,
                      prof: Profile | None = None) -> tuple[int, ...]:
    """Sorted distinct 64-bit fingerprints of the document's candidate lines (cache these)."""
    return tuple(sorted({fp for _, _, fp in _fingerprinted_lines(text, min_letters, prof)}))


def pack_fingerprints(fingerprints: Sequence[int]) -> bytes:
    """Fingerprints as 8 bytes each (little-endian), the compact form for a cache."""
    return np.asarray(fingerprints, dtype="<u8").tobytes()


def unpack_fingerprints(data: bytes) -> tuple[int, ...]:
    """The inverse of pack_fingerprints."""
    return tuple(np.frombuffer(data, dtype="<u8").tolist())


class BoilerplateCounter:
    """Counts, over a corpus, in how many documents each line fingerprint appears.

    Memory is one uint64 per (document, distinct candidate line) while adding; `add` is an
    append, the counting is one numpy sort done on first use after the last `add`.
    """

    def __init__(self) -> None:
        self._raw = array("Q")
        self.documents = 0
        self._keys: np.ndarray | None = None
        self._counts: np.ndarray | None = None

    def add(self, fingerprints: Iterable[int]) -> None:
        """Count one document (its fingerprints must be distinct, as line_fingerprints returns them)."""
        self._raw.extend(fingerprints)
        self.documents += 1
        self._keys = None

    def _table(self) -> tuple[np.ndarray, np.ndarray]:
        if self._keys is None:
            keys, counts = np.unique(np.frombuffer(self._raw, dtype=np.uint64), return_counts=True)
            shared = counts > 1  # a line in one document only can never be boilerplate: drop it
            self._keys, self._counts = keys[shared], counts[shared]
        assert self._counts is not None
        return self._keys, self._counts

    def counts(self, fingerprints: Sequence[int]) -> list[int]:
        """In how many documents each fingerprint appears (1 for one seen only once or never)."""
        keys, counts = self._table()
        fp = np.asarray(fingerprints, dtype=np.uint64)
        at = np.minimum(np.searchsorted(keys, fp), max(len(keys) - 1, 0))
        if len(keys) == 0:
            return [1] * len(fp)
        return np.where(keys[at] == fp, counts[at], 1).tolist()

    def threshold(self, settings: QualitySettings = DEFAULT_SETTINGS) -> int:
        """Documents a line must appear in to be boilerplate: max(min_docs, ceil(min_share * corpus))."""
        return max(settings.boilerplate_min_docs, math.ceil(settings.boilerplate_min_share * self.documents))

    def has_boilerplate(self, fingerprints: Sequence[int], settings: QualitySettings = DEFAULT_SETTINGS) -> bool:
        """True when the document needs its text read for `findings` (answered from fingerprints alone)."""
        limit = self.threshold(settings)
        return any(n >= limit for n in self.counts(fingerprints))

    def findings(self, text: str, fingerprints: Sequence[int] | None = None,
                 settings: QualitySettings | None = None) -> list[Finding]:
        """The `boilerplate` findings of one document: each frequent line once, masked and shortened."""
        s = settings or DEFAULT_SETTINGS
        if fingerprints is None:
            fingerprints = line_fingerprints(text, s.boilerplate_min_letters)
        if not self.has_boilerplate(fingerprints, s):
            return []
        from .masking import shorten
        from .pii import mask_pii  # a shared line may hold an address: "Contact: info@site.ir"

        limit, seen, out = self.threshold(s), set(), []
        for line_no, line, fp in _fingerprinted_lines(text, s.boilerplate_min_letters):
            if fp in seen:
                continue
            seen.add(fp)
            n = self.counts([fp])[0]
            if n >= limit:
                excerpt = shorten(mask_pii(line), s.excerpt_chars)
                out.append(Finding("boilerplate", line_no,
                                   f"line appears in {n:,} of {self.documents:,} documents: {excerpt!r}"))
        return cap(out, s.max_per_code)


def boilerplate_by_document(texts: Mapping[str, str], settings: QualitySettings | None = None
                            ) -> dict[str, list[Finding]]:
    """Both steps at once for a corpus held in memory (tests, small folders): name -> findings."""
    s = settings or DEFAULT_SETTINGS
    fps = {name: line_fingerprints(text, s.boilerplate_min_letters) for name, text in texts.items()}
    counter = BoilerplateCounter()
    for f in fps.values():
        counter.add(f)
    return {name: counter.findings(texts[name], fps[name], s) for name in texts}
