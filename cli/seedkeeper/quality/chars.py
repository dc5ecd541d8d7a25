"""Per-character classes of a whole document in one vectorised pass (numpy), for cheap pre-filters.

Python's `re` costs about 20-40 ns per character for a class like `\\d` or `[^\\W\\d_]`, so eight
regexes over a 5 KB document would cost more than the rest of `check`. Instead the text is turned
into code points once (UTF-32), each code point is looked up in a 64 K-entry table of bit flags,
and the checks ask numpy questions ("is there a run of 8 digits within 20 characters?", "what share
are letters?"). Only the lines that pass such a question are handed to a regex.

Letters are Unicode categories L* plus combining marks M*: Indic and Thai vowel signs are parts of
letters, not punctuation. Digits are category Nd in every script (Persian, Arabic-Indic,
Devanagari, Thai...). Format characters (ZWNJ, ZWJ, LRM, RLM: category Cf) count as neither
letters nor "other": Persian and Arabic text needs them and must not be penalised for them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

LETTER = 1  # L* or M*
DIGIT = 2  # Nd, any script
SPACE = 4  # white space or a format character (Cf): not counted in shares
ASCII_DIGIT = 8
ASCII_UPPER = 16
B64 = 32  # A-Z a-z 0-9 + / =: the alphabet of base64 and (a subset) hex blobs
WIDE = 64  # East Asian wide/full-width letter (a CJK ideograph, kana, Hangul): counts double in lengths

_TABLE: np.ndarray | None = None


def _flags(ch: str) -> int:
    cat = unicodedata.category(ch)
    f = 0
    if cat[0] in "LM":
        f |= LETTER
        if cat[0] == "L" and unicodedata.east_asian_width(ch) in "WF":
            f |= WIDE
    elif cat == "Nd":
        f |= DIGIT
    elif ch.isspace() or cat == "Cf":
        f |= SPACE
    if "0" <= ch <= "9":
        f |= ASCII_DIGIT
    if "A" <= ch <= "Z":
        f |= ASCII_UPPER
    if ch.isascii() and (ch.isalnum() or ch in "+/="):
        f |= B64
    return f


# Blocks of East Asian letters that carry about a word each (ideographs, kana, Hangul syllables).
_WIDE_RANGES = (
    (0x1100, 0x11FF),
    (0x3040, 0x30FF),
    (0x3100, 0x312F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
)


def table() -> np.ndarray:
    """The flag table for the Basic Multilingual Plane, built once per Python version and kept in
    the user's cache folder (see model_store): building it costs ~25 ms, reading it well under 1 ms.
    The table depends only on Python's Unicode database and regular expressions, both named by
    the copy's folder."""
    global _TABLE
    if _TABLE is None:
        import os
        import sys

        from seedkeeper import model_store

        def read(folder: str) -> np.ndarray | None:
            found = np.load(os.path.join(folder, "flags.npy"), allow_pickle=False)
            return found if found.shape == (0x10000,) and found.dtype == np.uint8 else None

        flags = (LETTER, DIGIT, SPACE, WIDE, ASCII_DIGIT, ASCII_UPPER, B64)
        prefix = f"chartable-py{sys.version_info[0]}.{sys.version_info[1]}-ucd{unicodedata.unidata_version}"
        name = model_store.copy_name(prefix, _WIDE_RANGES, flags, _FORMAT)
        _TABLE = model_store.load(name, lambda tmp: np.save(os.path.join(tmp, "flags.npy"), _build()), read, _build)
    return _TABLE


# The layout of the saved table; part of its folder's name. Bump when a flag's meaning changes.
_FORMAT = "1"


def _build() -> np.ndarray:
    """The table itself, built with regexes over a string of all BMP characters rather than
    65,536 calls to unicodedata.category (300 ms): only the characters that are neither word nor
    space characters (punctuation, symbols, marks, format characters: about 14,000) are asked."""
    chars = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    t = np.zeros(0x10000, dtype=np.uint8)

    def mark(found: list[str], flag: int) -> None:
        # findall returns the characters themselves; their code points index the table.
        t[np.frombuffer("".join(found).encode("utf-32-le"), dtype=np.uint32)] |= flag

    # \w minus digits and underscore: letters, and numerals like ² ½ Ⅻ, which are not letters.
    letters = re.findall(r"[^\W\d_]", chars)
    mark(letters, LETTER)
    t[[ord(c) for c in letters if not c.isalpha()]] &= ~np.uint8(LETTER)
    mark(re.findall(r"\d", chars), DIGIT)
    mark(re.findall(r"\s", chars), SPACE)
    other = re.findall(r"[^\w\s]", chars)
    cats = [unicodedata.category(c) for c in other]
    mark([ch for ch, c in zip(other, cats) if c[0] == "M"], LETTER)
    mark([ch for ch, c in zip(other, cats) if c == "Cf"], SPACE)
    for lo, hi in _WIDE_RANGES:
        t[lo : hi + 1] |= np.where(t[lo : hi + 1] & LETTER, WIDE, 0).astype(np.uint8)
    t[ord("0") : ord("9") + 1] |= ASCII_DIGIT
    t[ord("A") : ord("Z") + 1] |= ASCII_UPPER
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=":
        t[ord(ch)] |= B64
    return t


_ALL_FLAGS = np.arange(256)


@dataclass
class Profile:
    """A document's code points and their flags, plus the offsets where lines start."""

    text: str
    cps: np.ndarray  # uint32 code points
    flags: np.ndarray  # uint8, one per character
    line_starts: np.ndarray  # int64 offsets of the first character of every line

    _histogram: np.ndarray | None = None
    _digit_pos: np.ndarray | None = None

    def count(self, flag: int) -> int:
        """Characters carrying `flag`, from one histogram of the 256 flag values (one pass, shared)."""
        if self._histogram is None:
            self._histogram = np.bincount(self.flags, minlength=256)
        return int(self._histogram[(_ALL_FLAGS & flag) != 0].sum())

    def digit_positions(self) -> np.ndarray:
        """Offsets of every decimal digit (any script), computed once."""
        if self._digit_pos is None:
            self._digit_pos = np.flatnonzero(self.flags & DIGIT)
        return self._digit_pos

    def positions(self, char: str) -> np.ndarray:
        """Offsets of one character; free when the text does not hold it (str's `in` is a C scan)."""
        if char not in self.text:
            return self.line_starts[:0]
        return np.flatnonzero(self.cps == ord(char))

    def line_of(self, index: int) -> int:
        """1-based line number of a character offset."""
        return int(np.searchsorted(self.line_starts, index, side="right"))

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the LF) of a 1-based line."""
        start = int(self.line_starts[line - 1])
        end = int(self.line_starts[line]) - 1 if line < len(self.line_starts) else len(self.text)
        return start, end

    def lines_of(self, indices: np.ndarray) -> list[int]:
        """Sorted distinct 1-based line numbers holding the given character offsets."""
        if len(indices) == 0:
            return []
        # Not np.unique: its first call imports numpy.ma (~12 ms).
        return sorted(set(np.searchsorted(self.line_starts, indices, side="right").tolist()))


def profile(text: str) -> Profile:
    """Classify every character of `text` (one UTF-32 encode and one table lookup)."""
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    tab = table()
    if len(cps) and int(cps.max()) > 0xFFFF:
        # Astral characters (emoji, rare CJK): few, so classify them one by one.
        astral = np.flatnonzero(cps > 0xFFFF)
        flags = tab[np.minimum(cps, 0xFFFF)]
        for i in astral.tolist():
            flags[i] = _flags(text[i])
    else:
        flags = tab[cps]
    newlines = np.flatnonzero(cps == 10)
    line_starts = np.concatenate(([0], newlines + 1)).astype(np.int64)
    return Profile(text, cps, flags, line_starts)


def dense_runs(pos: np.ndarray, need: int, span: int) -> np.ndarray:
    """Offsets i where at least `need` of the sorted positions `pos` lie within `span` characters from i.

    Used as a pre-filter: a card number has 13+ digits within 23 characters, a phone number 8+
    digits within 20. Returns the offsets of the first position of each such window.
    """
    if len(pos) < need:
        return pos[:0]
    width = pos[need - 1 :] - pos[: len(pos) - need + 1]
    return pos[: len(pos) - need + 1][width < span]


def letter_weight(text: str) -> int:
    """Letters in a short string, wide (CJK) letters counting two: a script-fair length for lines."""
    n = 0
    tab = table()
    for ch in text:
        cp = ord(ch)
        f = int(tab[cp]) if cp <= 0xFFFF else _flags(ch)
        if f & LETTER:
            n += 2 if f & WIDE else 1
    return n
