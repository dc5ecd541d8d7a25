"""How often real text writes each word: the arbiter between standards the detectors confuse.

py3langid and CLD2 were trained on little Malay, and call formal Indonesian Malay as readily
as the reverse; langdetect knows Indonesian only. What does tell the two standards apart is
how often each writes a word: Indonesian "harus", "pengadilan", "efektif" against Malay
"hendaklah", "mahkamah", "berkesan", and hundreds of words no hand-made list holds. wordfreq
(Robyn Speer's lists, built from Wikipedia, subtitles, news, books and web crawls, and shipped
inside its wheel) gives those frequencies; `log_odds` sums the naive-Bayes evidence of each
distinct word of the text.

Only for PAIRS, where the two lists are separate standards, and only as the refine step asks
(refine.py). wordfreq merges Bosnian, Croatian and Serbian into one "sh" list, written in Latin
letters, so it cannot tell those three apart; it does tell Serbian Cyrillic (transliterated)
from Macedonian, which py3langid and CLD2 confuse when the text holds no "ђ" or "ћ". The lists
are loaded on first use, once per process (~5-25 ms and ~2-7 MB each, "sh" the largest), by
wordlists.py, which also reads them for fragments; a list that cannot be read is a broken install
(DetectorDataError), never a silent change of tags.
"""

from __future__ import annotations

import math
import re
import unicodedata

from . import wordlists

# Our tags -> wordfreq's list names.
CODES = {"id": "id", "ms": "ms", "da": "da", "no": "nb", "mk": "mk", "sr-Cyrl": "sh", "ru": "ru", "uk": "uk"}
# The pairs weighed against each other: each a pair of standards the detectors confuse, with lists
# of comparable size (Ukrainian's 48,000 words, Russian's 61,000: "не вдалося прочитати файл"
# is Ukrainian without і, ї, є or ґ, which langdetect and py3langid call Russian). Not Bulgarian
# against Russian, Ukrainian or Macedonian: wordfreq's Bulgarian list holds 37,000 words, so
# ordinary Bulgarian ("обновления") is only in the Russian one, and one such word overturned
# Bulgarian text; and detectors torn between Bulgarian and Macedonian said nothing against a
# third language (Russian "Нет такого файла" became Bulgarian). wordlists.contradicting_language
# weighs those, against every language a detector proposed, with a far larger lead.
PAIRS = frozenset(
    {frozenset({"id", "ms"}), frozenset({"da", "no"}), frozenset({"mk", "sr-Cyrl"}), frozenset({"ru", "uk"})}
)
# Pairs decided on two leaning words at least, never one: Ukrainian software text writes the
# Russian genitive "файла" (absent from the Ukrainian list) often enough that "%s: некоректний тип
# файла" leaned Russian on that word alone.
_TWO_WORDS = frozenset({frozenset({"ru", "uk"})})
# Pairs written in Cyrillic: only Cyrillic words count there (a Latin loan such as "facebook"
# is in the Macedonian list and, in Latin letters, looked up nowhere for Serbian).
_CYRILLIC_PAIRS = frozenset({frozenset({"mk", "sr-Cyrl"}), frozenset({"ru", "uk"})})
# Letters the language's alphabet lacks: a text with them is not that language. Macedonian and
# Serbian write none of я, ю, й, ь, ъ, щ, ы, э, ё; ѓ, ќ, ѕ are Macedonian, ђ, ћ Serbian; Russian
# writes none of і, ї, є, ґ, Ukrainian none of ы, э, ё, ъ, and neither ў (Belarusian).
_NEITHER = "яюйьъщыэёЯЮЙЬЪЩЫЭЁ"
_PROOF = {
    "sr-Cyrl": "ѓќѕЃЌЅ" + _NEITHER,
    "mk": "ђћЂЋ" + _NEITHER,
    "ru": "іїєґІЇЄҐўЎ",
    "uk": "ыэёъЫЭЁЪўЎ",
}
# A word missing from a "small" list is rarer than its one-per-million cutoff, not impossible:
# it counts at this frequency.
FLOOR = 0.3e-6
# One word's log-odds is capped, so that a name or a loan word one list happens to hold never
# outweighs two ordinary words.
CLIP = 3.0
# Words whose frequencies differ by less than this log-ratio are words both standards write:
# their small differences say more about the corpora (subtitles, web, Wikipedia) than about the
# standards ("pergi", "tahu", "sekolah"), and several would add up to a false lead.
SHARED = 1.5
# A word one list holds this many times (a thousand) more often than the other is not written by
# the other standard, though its list holds it: typos, quotations and names put Norwegian "enn"
# and "etter" in the Danish list, Danish "af" and "noget" in the Norwegian one. For an overturn
# it counts as a word that list lacks (decide). Words both standards write fall far short of it
# ("kult" ~20 times, "dansk" ~30, "nå" ~16; Danish "efter", which older Norwegian wrote, ~800).
NOISE = math.log(1000)

# Words, with hyphenated reduplication kept whole ("undang-undang", "kanak-kanak").
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _frequencies(lang: str) -> dict[str, float]:
    return wordlists.frequencies(CODES[lang])


def _frequency(lang: str, word: str) -> float:
    """How often `lang` writes `word` (0.0 if its list does not hold it)."""
    if lang == "sr-Cyrl":
        # A letter Serbian does not write ("ѓ", "ќ", "ѕ", or a Latin one) is no Serbian word.
        if not all(ch in wordlists.SERBIAN_LATIN for ch in word.replace("-", "")):
            return 0.0
        word = "".join(wordlists.SERBIAN_LATIN.get(ch, ch) for ch in word)
    freqs = _frequencies(lang)
    found = freqs.get(word)
    if found is None and "-" in word:
        # wordfreq splits at hyphens: a reduplicated word counts once, as its parts.
        found = min((freqs.get(part, 0.0) for part in word.split("-")), default=0.0)
    return found or 0.0


def covers(langs: set[str] | frozenset[str]) -> bool:
    """Whether `langs` are one of PAIRS."""
    return frozenset(langs) in PAIRS


def _words(text: str) -> set[str]:
    """The distinct words that may carry a standard, lower-cased: words written in lower case,
    and every word of a text written in capitals. A capitalised word is left out, at the start
    of a sentence too: it is as often a name ("Tromsø", "Kelantan: ...", "Jakarta") as a word,
    and a name says where a text is about, not which standard it is written in."""
    shouting = not any(ch.islower() for ch in text)
    return {word.lower() for word in _WORD.findall(text) if shouting or word.islower()}


def _weights(text: str, a: str, b: str) -> list[tuple[float, bool]]:
    """Each counting word's capped log-ratio of `a`'s frequency to `b`'s, and whether the list it
    leans away from lacks the word (does not hold it, or holds it NOISE times more rarely)."""
    cyrillic = frozenset({a, b}) in _CYRILLIC_PAIRS
    out = []
    for word in sorted(_words(text)):
        if cyrillic and not all("\u0400" <= ch <= "\u04ff" or ch == "-" for ch in word):
            continue
        pa, pb = _frequency(a, word), _frequency(b, word)
        if pa == 0.0 and pb == 0.0:
            continue
        ratio = math.log(max(pa, FLOOR) / max(pb, FLOOR))
        if abs(ratio) >= SHARED:
            lacks = (pb if ratio > 0 else pa) == 0.0 or abs(ratio) >= NOISE
            out.append((max(-CLIP, min(CLIP, ratio)), lacks))
    return out


def log_odds(text: str, a: str, b: str) -> float:
    """Naive-Bayes log-odds that `text` is `a` rather than `b`, from its distinct words that
    the two lists weigh differently (see _words for which words count)."""
    return sum(w for w, _ in _weights(unicodedata.normalize("NFC", text), a, b))


def decide(text: str, langs: set[str] | frozenset[str], margin: float, *, overturn: bool = False) -> str | None:
    """The language of the pair `langs` whose words the text writes, by at least `margin`,
    unless a letter of the text proves it is not that one (and, for Russian and Ukrainian, on two
    words at least that lean that way). To `overturn` detectors that agree,
    the lead must also rest on two words or more that lean that way, or on one word the other
    list does not hold at all ("mødte" is in no Norwegian list) or holds NOISE times more rarely
    (Norwegian "enn", 1,200 times rarer in the Danish list): one word both standards write,
    however unevenly ("kult", "dansk"), never overturns them."""
    if not covers(langs):
        return None
    text = unicodedata.normalize("NFC", text)
    a, b = sorted(langs)
    weights = _weights(text, a, b)
    score = sum(w for w, _ in weights)
    winner = a if score >= margin else b if score <= -margin else None
    if winner is None or any(ch in text for ch in _PROOF.get(winner, "")):
        return None
    leaning = [absent for w, absent in weights if (w > 0) == (winner == a)]
    if frozenset(langs) in _TWO_WORDS and len(leaning) < 2:
        return None
    if overturn and len(leaning) < 2 and not any(leaning):
        return None
    return winner
