"""Lines shared by many documents of the corpus: site footers, share buttons, copyright lines.

Two steps, so that 100,000 documents fit in bounded memory and a warm run reads no text:
1. per document, `line_fingerprints(text)`: 64-bit hashes of its normalised candidate lines,
   distinct and sorted. This is what a cache keeps per document (8 bytes a line; see
   `pack_fingerprints`). How a line is chosen and hashed is fingerprints.py's job; its names are
   importable from here too.
2. across the corpus, a `BoilerplateCounter` takes every document's fingerprints (`add`), counts in
   how many documents each hash appears (a sort of one uint64 array: 8 bytes per document-line,
   no Python object per line), and then, for one document, `findings(text, fingerprints)` names
   the lines whose hash reaches the threshold. Documents whose fingerprints have no frequent hash
   (the usual case) are answered from the fingerprints alone, without their text.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from .findings import DEFAULT_SETTINGS, Finding, QualitySettings, cap
from .fingerprints import (  # noqa: F401 - re-exported
    fingerprinted_lines,
    line_fingerprint,
    line_fingerprints,
    pack_fingerprints,
    unpack_fingerprints,
)


def threshold(documents: int, settings: QualitySettings = DEFAULT_SETTINGS) -> int:
    """In how many of a corpus's `documents` a line must appear to be boilerplate."""
    return max(settings.boilerplate_min_docs, math.ceil(settings.boilerplate_min_share * documents))


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
        self._all: tuple[np.ndarray, np.ndarray] | None = None
        # threshold -> {fingerprint: documents} for the few fingerprints at or over it: the
        # per-document questions are then Python dict look-ups, not numpy calls.
        self._frequent: dict[int, dict[int, int]] = {}

    def add(self, fingerprints: Iterable[int]) -> None:
        """Count one document (its fingerprints must be distinct, as line_fingerprints returns them)."""
        self._raw.extend(fingerprints)
        self.documents += 1
        self._keys = self._all = None
        self._frequent = {}

    @classmethod
    def from_counts(cls, keys: np.ndarray, counts: np.ndarray, documents: int) -> BoilerplateCounter:
        """A counter that has counted `documents` documents, given every fingerprint (`keys`,
        sorted, distinct) and in how many of them each appears (`counts`): what all_counts
        returned, kept from an earlier run. Nothing can be added to it."""
        counter = cls()
        counter.documents = documents
        counter._all = (keys, counts)
        shared = counts > 1
        counter._keys, counter._counts = keys[shared], counts[shared]
        counter._raw = None  # type: ignore[assignment]  # add() on it fails loudly
        return counter

    @property
    def lines(self) -> int:
        """Fingerprints added so far (each document's distinct lines, summed)."""
        return len(self._raw) if self._raw is not None else int(self._all[1].sum()) if self._all else 0

    def all_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """(every fingerprint counted, sorted; in how many documents each appears), singletons
        included: what an update needs, since one more document can make a singleton shared."""
        if self._all is None:
            keys, counts = np.unique(np.frombuffer(self._raw, dtype=np.uint64), return_counts=True)
            self._all = (keys, counts.astype(np.int64, copy=False))
        return self._all

    def _table(self) -> tuple[np.ndarray, np.ndarray]:
        if self._keys is None:
            keys, counts = self.all_counts()
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
        return threshold(self.documents, settings)

    def frequent(self, settings: QualitySettings = DEFAULT_SETTINGS) -> dict[int, int]:
        """{fingerprint: documents} of every fingerprint at or over the threshold (the boilerplate lines)."""
        limit = self.threshold(settings)
        if limit not in self._frequent:
            keys, counts = self._table()
            over = counts >= limit
            self._frequent[limit] = dict(zip(keys[over].tolist(), counts[over].tolist()))
        return self._frequent[limit]

    def has_boilerplate(self, fingerprints: Sequence[int], settings: QualitySettings = DEFAULT_SETTINGS) -> bool:
        """True when the document needs its text read for `findings` (answered from fingerprints alone)."""
        frequent = self.frequent(settings)
        return bool(frequent) and any(fp in frequent for fp in fingerprints)

    def findings(
        self, text: str, fingerprints: Sequence[int] | None = None, settings: QualitySettings | None = None
    ) -> list[Finding]:
        """The `boilerplate` findings of one document: each frequent line once, masked and shortened."""
        s = settings or DEFAULT_SETTINGS
        if fingerprints is None:
            fingerprints = line_fingerprints(text, s.boilerplate_min_letters)
        if not self.has_boilerplate(fingerprints, s):
            return []
        from .masking import quoted, shorten
        from .pii import mask_pii  # a shared line may hold an address: "Contact: info@site.ir"

        frequent, seen, out = self.frequent(s), set(), []
        for line_no, line, fp in fingerprinted_lines(text, s.boilerplate_min_letters):
            n = frequent.get(fp, 0)
            if n and fp not in seen:
                seen.add(fp)
                excerpt = shorten(mask_pii(line), s.excerpt_chars)
                out.append(
                    Finding(
                        "boilerplate",
                        line_no,
                        f"line appears in {n:,} of {self.documents:,} documents: {quoted(excerpt)}",
                    )
                )
        return cap(out, s.max_per_code)


def boilerplate_by_document(
    texts: Mapping[str, str], settings: QualitySettings | None = None
) -> dict[str, list[Finding]]:
    """Both steps at once for a corpus held in memory (tests, small folders): name -> findings."""
    s = settings or DEFAULT_SETTINGS
    fps = {name: line_fingerprints(text, s.boilerplate_min_letters) for name, text in texts.items()}
    counter = BoilerplateCounter()
    for f in fps.values():
        counter.add(f)
    return {name: counter.findings(texts[name], fps[name], s) for name in texts}
