"""How often real text writes each word: the arbiter between standards the detectors confuse.

py3langid and CLD2 were trained on little Malay, and call formal Indonesian Malay as readily
as the reverse; langdetect knows Indonesian only. What does tell the two standards apart is
how often each writes a word: Indonesian "harus", "pengadilan", "efektif" against Malay
"hendaklah", "mahkamah", "berkesan", and hundreds of words no hand-made list holds. wordfreq
(Robyn Speer's lists, built from Wikipedia, subtitles, news, books and web crawls, and shipped
inside its wheel) gives those frequencies; `log_odds` sums the naive-Bayes evidence of each
word of the text.

Only where the two lists are separate standards, and only for pairs the refine step settles
(refine.py). wordfreq merges Bosnian, Croatian and Serbian into one "sh" list, written in Latin
letters, so it cannot tell those three apart; it does tell Serbian Cyrillic (transliterated)
from Macedonian, which py3langid and CLD2 confuse when the text holds no "ђ" or "ћ". The lists
are loaded on first use, once per process (~10 ms and ~3 MB each).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import math
import re
from pathlib import Path

# Our tags -> wordfreq's list names.
CODES = {"id": "id", "ms": "ms", "da": "da", "no": "nb", "mk": "mk", "sr-Cyrl": "sh"}
# Serbian Cyrillic to the Latin letters of the "sh" list (one letter each way, as in Serbia).
_SERBIAN_LATIN = dict(
    zip("абвгдђежзијклљмнњопрстћуфхцчџш", "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š".split())
)
# A word missing from a "small" list is rarer than its one-per-million cutoff, not impossible:
# it counts at this frequency.
FLOOR = 0.3e-6
# One word's log-odds is capped, so that a name or a loan word one list happens to hold never
# outweighs two ordinary words.
CLIP = 3.0
# Words whose frequencies differ by less than this log-ratio (e-fold) are words both standards
# write: their small differences say more about the corpora than the standards, and many of
# them would add up to a false lead.
SHARED = 1.0

_WORD = re.compile(r"[^\W\d_]+")


def _buckets(code: str) -> list[list[str]]:
    """wordfreq's "small" list for `code`: lists of words, the i-th holding those of frequency
    10 ** (-i / 100) (its documented "cBpack" format)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.submodule_search_locations:
        # Read the file itself: importing wordfreq (langcodes, ftfy, regex...) costs ~115 ms in
        # every worker, reading one list ~8 ms.
        path = Path(next(iter(spec.submodule_search_locations)), "data", f"small_{code}.msgpack.gz")
        try:
            import msgpack

            with gzip.open(path, "rb") as handle:
                header, *buckets = msgpack.unpackb(handle.read(), raw=False)
            if header == {"format": "cB", "version": 1}:
                return buckets
        except (OSError, ValueError, ImportError):
            pass
    import wordfreq  # another layout or format: its own reader knows it

    return wordfreq.get_frequency_list(code, wordlist="small")


@functools.cache
def _frequencies(lang: str) -> dict[str, float]:
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(_buckets(CODES[lang])):
        freq = 10.0 ** (-index / 100)
        for word in bucket:
            freqs[word] = freq
    return freqs


def _frequency(lang: str, word: str) -> float:
    """How often `lang` writes `word` (0.0 if its list does not hold it)."""
    if lang == "sr-Cyrl":
        # A letter Serbian does not write ("ѓ", "ќ", "ѕ", or a Latin one) is no Serbian word.
        if not all(ch in _SERBIAN_LATIN for ch in word):
            return 0.0
        word = "".join(_SERBIAN_LATIN[ch] for ch in word)
    return _frequencies(lang).get(word, 0.0)


def covers(langs: set[str] | frozenset[str]) -> bool:
    """Whether `langs` are two languages this module can weigh against each other."""
    return len(langs) == 2 and all(lang in CODES for lang in langs)


def log_odds(text: str, a: str, b: str) -> float:
    """Naive-Bayes log-odds that `text` is `a` rather than `b`, from the words both lists weigh.

    Words with a capital are left out: names ("Wang", "Kuala Lumpur") carry no standard.
    """
    score = 0.0
    for word in _WORD.findall(text):
        if not word.islower():
            continue
        pa, pb = _frequency(a, word), _frequency(b, word)
        if pa == 0.0 and pb == 0.0:
            continue
        ratio = math.log(max(pa, FLOOR) / max(pb, FLOOR))
        if abs(ratio) >= SHARED:
            score += max(-CLIP, min(CLIP, ratio))
    return score


def decide(text: str, langs: set[str] | frozenset[str], margin: float) -> str | None:
    """The language of the pair `langs` whose words the text writes, by at least `margin`."""
    if not covers(langs):
        return None
    a, b = sorted(langs)
    score = log_odds(text, a, b)
    if score >= margin:
        return a
    if score <= -margin:
        return b
    return None
