"""Unicode script profiling: which writing systems a text uses, and how much of each.

The script of a text restricts which languages are possible before any statistics run:
Hangul can only be Korean, Han without kana or Hangul is Chinese, and so on. This module
counts letters (and combining marks, which carry vowels in Indic scripts) per script.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from dataclasses import dataclass

# (first code point, last code point, script). Sorted, non-overlapping; letters outside
# these ranges count as "Other". Fullwidth Latin is Latin: it is the same alphabet.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latin"),
    (0x0061, 0x007A, "Latin"),
    (0x00C0, 0x02AF, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0700, 0x074F, "Syriac"),
    (0x0750, 0x077F, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x08A0, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Oriya"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1C90, 0x1CBF, "Georgian"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2C60, 0x2C7F, "Latin"),
    (0x2D00, 0x2D2F, "Georgian"),
    (0x2D80, 0x2DDF, "Ethiopic"),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0x3005, 0x3007, "Han"),
    (0x3040, 0x309F, "Kana"),
    (0x30A0, 0x30FF, "Kana"),
    (0x3100, 0x312F, "Bopomofo"),
    (0x3130, 0x318F, "Hangul"),
    (0x31A0, 0x31BF, "Bopomofo"),
    (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA720, 0xA7FF, "Latin"),
    (0xA8E0, 0xA8FF, "Devanagari"),
    (0xA960, 0xA97F, "Hangul"),
    (0xAC00, 0xD7FF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB13, 0xFB17, "Armenian"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF21, 0xFF3A, "Latin"),
    (0xFF41, 0xFF5A, "Latin"),
    (0xFF66, 0xFF9F, "Kana"),
    (0xFFA0, 0xFFDC, "Hangul"),
    (0x20000, 0x3134F, "Han"),
)
_STARTS = [r[0] for r in _RANGES]

# One Han, kana or Hangul character carries about as much information as a short word, and
# abjads (Arabic, Hebrew) leave short vowels unwritten, so these scripts weigh more when
# deciding the dominant script and whether a text is too short.
CHAR_WEIGHT: dict[str, float] = {
    "Han": 3,
    "Kana": 2,
    "Hangul": 2,
    "Bopomofo": 2,
    "Arabic": 1.5,
    "Hebrew": 1.5,
}

EAST_ASIAN = frozenset({"Han", "Kana", "Hangul", "Bopomofo"})

_cache: dict[str, str | None] = {}


def script_of(ch: str) -> str | None:
    """Return the script name of a letter or combining mark, or None for anything else."""
    try:
        return _cache[ch]
    except KeyError:
        pass
    result: str | None = None
    cp = ord(ch)
    # Variation selectors and the keycap mark are marks only to Unicode: they pick an emoji's
    # glyph ("❤️", "1️⃣") and belong to no script. As "Other" letters they made a text of emoji
    # a text in a script no detector knows (unknown-script), not one without letters (too-short).
    if unicodedata.category(ch)[0] in "LM" and not (0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or cp == 0x20E3):
        i = bisect.bisect_right(_STARTS, cp) - 1
        if i >= 0 and cp <= _RANGES[i][1]:
            result = _RANGES[i][2]
        else:
            result = "Other"
    # The cache is bounded by the alphabet actually seen; it is per process and only grows.
    _cache[ch] = result
    return result


@dataclass(frozen=True)
class ScriptProfile:
    """Letter counts of a text per script, plus the per-character counts they came from."""

    counts: dict[str, int]
    chars: Counter

    @property
    def letters(self) -> int:
        """Number of letters and marks in any script."""
        return sum(self.counts.values())

    def weighted(self, script: str) -> float:
        """Letters of `script`, weighted so one Han character counts like a short word."""
        return self.counts.get(script, 0) * CHAR_WEIGHT.get(script, 1)

    @property
    def effective_letters(self) -> float:
        """Weighted letter total: the measure of how much evidence the text holds."""
        return sum(self.weighted(s) for s in self.counts)

    @property
    def dominant(self) -> str | None:
        """Script with the most weighted letters; East Asian scripts are pooled first.

        Japanese mixes Han and kana and Korean may mix Hangul and Han, so the East Asian
        scripts compete as one block against the others; ties break by name for determinism.
        """
        if not self.counts:
            return None
        pooled: dict[str, int] = {}
        for script in self.counts:
            key = "EastAsian" if script in EAST_ASIAN else script
            pooled[key] = pooled.get(key, 0) + self.weighted(script)
        best = max(sorted(pooled), key=lambda s: pooled[s])
        if best != "EastAsian":
            return best
        return max(sorted(s for s in self.counts if s in EAST_ASIAN), key=self.weighted)

    def share(self, script: str) -> float:
        """Fraction of weighted letters in `script` (East Asian scripts pooled)."""
        total = self.effective_letters
        if not total:
            return 0.0
        if script in EAST_ASIAN:
            part = sum(self.weighted(s) for s in self.counts if s in EAST_ASIAN)
        else:
            part = self.weighted(script)
        return part / total

    def count(self, chars: str) -> int:
        """Total occurrences of any of the given characters."""
        return sum(self.chars.get(c, 0) for c in chars)


def profile(text: str) -> ScriptProfile:
    """Count the letters of `text` per script.

    Counting distinct characters first (in C, via Counter) and classifying each distinct
    character once keeps this cheap even for long documents.
    """
    chars = Counter(text)
    counts: dict[str, int] = {}
    for ch, n in chars.items():
        script = script_of(ch)
        if script is not None:
            counts[script] = counts.get(script, 0) + n
    return ScriptProfile(counts=dict(sorted(counts.items())), chars=chars)


_weight_cache: dict[str, float] = {}


def effective_letters(text: str) -> float:
    """`profile(text).effective_letters`, without building the profile: the tagger asks this of
    every paragraph, so a per-character weight cache pays for itself."""
    total = 0.0
    for ch, n in Counter(text).items():
        w = _weight_cache.get(ch)
        if w is None:
            script = script_of(ch)
            w = _weight_cache[ch] = 0.0 if script is None else float(CHAR_WEIGHT.get(script, 1))
        if w:
            total += w * n
    return total
