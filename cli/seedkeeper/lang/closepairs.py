"""Tie-breakers for closely related languages (Latin and Cyrillic script).

langdetect's character trigrams confuse Danish with Norwegian, Croatian with Slovene and
Czech with Slovak more than anything else. Each of these pairs has frequent function words
and letters the other never uses; counting them gives log-odds evidence that the tagger
adds to the clipped model probabilities within the group.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import markers

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _words(text: str) -> list[str]:
    """The lowercased words of `text`; a hyphenated word gives its parts of two letters or more
    ("berdasarkan-sandi" holds "sandi"; "и-мэйл" holds no Russian "и")."""
    out = []
    for word in _WORD.findall(text.lower()):
        if "-" in word:
            out.extend(part for part in word.split("-") if len(part) > 1)
        else:
            out.append(word)
    return out


GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"da", "no", "sv"}),
    frozenset({"hr", "sl"}),
    frozenset({"cs", "sk"}),
    frozenset({"es", "pt"}),
)


# Confusable groups for the vote: larger, and including languages langdetect does not know.
VOTE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"da", "no", "nn", "sv"}),
    frozenset({"bs", "hr", "sr-Latn", "sl"}),
    frozenset({"cs", "sk"}),
    frozenset({"ca", "es", "gl", "pt"}),
    frozenset({"id", "ms"}),
    frozenset({"be", "ru", "uk"}),
    frozenset({"kk", "ky", "mn", "ru", "tt"}),
    frozenset({"sn", "sw", "xh", "zu"}),
)


# Groups an answer is checked against after the vote (refine.py), beside VOTE_GROUPS: their
# letters tell them apart, but the vote does not treat them as confusable (a Turkish sentence
# py3langid finds close to Azerbaijani is still Turkish unless its letters say otherwise).
CHECK_GROUPS: tuple[frozenset[str], ...] = VOTE_GROUPS + (
    frozenset({"az", "ku", "tr"}),
    frozenset({"de", "lb"}),
    frozenset({"ceb", "tl"}),
)


def group_covering(langs: set[str]) -> frozenset[str] | None:
    """The first vote group holding every language of `langs` (at least two), if any."""
    if len(langs) < 2:
        return None
    for group in VOTE_GROUPS:
        if langs <= group:
            return group
    return None


def group_of(lang: str) -> frozenset[str] | None:
    """The confusable group `lang` belongs to, if any."""
    for group in GROUPS:
        if lang in group:
            return group
    return None


def _writers() -> dict[str, frozenset[str]]:
    """Word -> every language that writes it, over the marker and shared-word tables."""
    out: dict[str, set[str]] = {}
    for table in (markers.MARKERS, markers.ALSO_WRITES):
        for lang, words in table.items():
            for word in words:
                out.setdefault(word, set()).add(lang)
    return {word: frozenset(langs) for word, langs in out.items()}


_WRITERS = _writers()


@lru_cache(maxsize=64)
def _affixes(group: frozenset[str]) -> tuple[tuple[re.Pattern[str], frozenset[str], float], ...]:
    """The spellings that tell languages of `group` apart, each with the group's languages that write it."""
    out = []
    for pattern, writers, weight in markers.AFFIXES:
        langs = writers & group
        if langs and langs != group:
            out.append((pattern, langs, weight))
    return tuple(out)


@lru_cache(maxsize=256)  # refine asks the same text up to three questions about one group
def features(text: str, group: frozenset[str]) -> tuple[tuple[frozenset[str], float], ...]:
    """Each marker word, spelling and letter of `text` that tells languages of `group` apart:
    the languages of the group that write it, and its weight (letters weigh 2)."""
    found: list[tuple[frozenset[str], float]] = []
    affixes = _affixes(group)
    for word in _words(text):
        # One word is one piece of evidence per set of languages ("universiti" is a Malay marker
        # word and has a Malay ending: it counts once).
        own: dict[frozenset[str], float] = {}
        langs = _WRITERS.get(word, frozenset()) & group
        if langs and langs != group:
            own[langs] = 1.0
        for pattern, langs, weight in affixes:
            if pattern.search(word):
                own[langs] = max(own.get(langs, 0.0), weight)
        found.extend(own.items())
    for chars, writers in _LETTER_SETS:
        langs = writers & group
        if langs and langs != group:
            # Letters are near-proof (ř is never Slovak, ć never Slovene); six are plenty.
            count = min(sum(text.count(ch) for ch in chars), 6)
            found.extend([(langs, 2.0)] * count)
    return tuple(found)


_LETTER_SETS = tuple((chars, frozenset({lang})) for lang, chars in markers.LETTERS.items()) + markers.SHARED_LETTERS


def evidence(text: str, group: frozenset[str]) -> dict[str, float]:
    """Log-odds evidence for each language of `group`: marker words and spellings plus marker letters.

    A word or spelling counts for every language of the group that writes it: it tells those
    apart from the others, not from each other."""
    scores = dict.fromkeys(sorted(group), 0.0)
    for langs, weight in features(text, group):
        for lang in langs:
            scores[lang] += weight
    # Only differences matter: subtract the minimum so absent evidence stays at zero.
    low = min(scores.values())
    return {lang: s - low for lang, s in scores.items()}


def survivor(text: str, group: frozenset[str], least: int = 2) -> str | None:
    """The one language of `group` that writes every marker of `text`, given `least` markers.

    Galician shares words with Portuguese ("do", "os") and spellings with Spanish ("-ción", "ll"):
    neither count alone names it, but "Administración do sitio" can only be Galician."""
    found = features(text, group)
    if len(found) < least:
        return None
    left = set(group)
    for langs, _ in found:
        left &= langs
    return left.pop() if len(left) == 1 else None


def against(text: str, group: frozenset[str], lang: str) -> float:
    """The share of the markers of `text` (within `group`) that `lang` does not write."""
    found = features(text, group)
    return sum(lang not in langs for langs, _ in found) / len(found) if found else 0.0


def leader(text: str, names: set[str], lead: float = 2.0) -> str | None:
    """The language marker words and letters single out among confusable `names`, if any.

    Decisive only with a clear `lead`: by default two marker words, or one marker letter.
    """
    group = group_covering(names)
    if group is None:
        return None
    scores = evidence(text, group)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and ranked[0][1] >= lead and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= lead):
        return ranked[0][0]
    return None
