"""Whether a reading of a line in another code page is words of a script (corpus/misread.py).

A line misread as cp1252 comes back, read in its own code page, as words: letters of one
script, cased as words are, from a language's word list. Good Western text read so comes back
as something else: a list of letters ("ÀÁÂÃÄÅ", "ÅÄÖ åäö"), a stretched letter ("ÖÖÖÖ"), Latin
and another script in one word ("Été" read as cp1251 is "Йtй"). `plausible` tells the two
apart; `known_share` weighs a reading against the word lists of its script (wordfreq's, inside
its wheel: lang/wordlists.py) where several code pages read a line without a flaw.
"""

from __future__ import annotations

import re
import unicodedata

# A word of the Western reading: its letters in a row (there the bytes of another script's
# marks, Hebrew points or Thai vowel signs, are letters too; \w holds no combining mark).
_WORD = re.compile(r"[^\W\d_]+")
# A word of the other reading: letters and the marks of the scripts read back (Arabic harakat,
# Hebrew points, Thai vowel signs, combining accents), which \w does not hold.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_READ_WORD = re.compile(f"(?:[^\\W\\d_]|[{_MARKS}])+")
# A stretched letter: four in a row, or a word of one letter three times or more (tatweel, which
# stretches Arabic words, aside).
_STRETCHED = re.compile(r"([^\u0640])\1{3}|^([^\u0640])\2\2+$")


def other_script_letter(ch: str) -> bool:
    """A letter or mark (Thai vowel signs, Hebrew points) of a script other than Latin, or a
    format character those code pages hold (LRM, RLM, ZWNJ: cp1256 and cp1255 put them where
    cp1252 has "ý", "þ", "ì")."""
    if unicodedata.category(ch) == "Cf":
        return True
    return unicodedata.category(ch)[0] in "LM" and not unicodedata.name(ch, "LATIN").startswith("LATIN")


def _letter_list(word: str) -> bool:
    """A list of accented letters, not a misread word: six or more, all different, nearly all in
    the code pages' order ("ÀÁÂÃÄÅ", "àâäéèêëîïôöùûüÿç"). A misread word's letters go up and down
    as its language spells it ("Ìîñêâà", Moscow: two rises in five; "ïðàâî", право, has three in
    four, so five letters are too few to tell)."""
    if len(word) < 6 or len(set(word)) != len(word):
        return False
    rises = sum(a < b for a, b in zip(word, word[1:]))
    return rises >= 0.85 * (len(word) - 1)


def _odd_word(old: str, new: str) -> bool:
    """Whether `new`, the reading in another code page of the word `old`, is no word of a script:
    Latin letters and another script's in one word ("Été" read as cp1251 is "Йtй": the misread
    letters of a word are all high bytes), one letter four times in a row or three times alone
    ("ÖÖÖÖ", "ÉÉÉ"; "СССР" and "змееед" are words), case that
    goes up inside a word ("ÄÖÜäöüß" read as cp1251 is "ДЦЬдцьЯ"), one letter in both cases, or
    a letter list."""
    others = [ch for ch in new if other_script_letter(ch)]
    if not others:
        return False
    if len(others) != len(new) or _STRETCHED.search(new):
        return True
    cased = [ch for ch in new if ch.islower() or ch.isupper()]
    if cased and not (new.islower() or new.isupper() or new.istitle()):
        return True
    if len(new) == 2 and new[0] != new[1] and new[0].lower() == new[1].lower():
        return True  # one letter in both cases: a list ("ñÑ", "Åå" read as KOI8-R is "Яя")
    return _letter_list(old)


def plausible(line: str, again: str) -> bool:
    """Whether the reading `again` of `line` is text: at most a quarter of its words in another
    script are odd (_odd_word; a brand name cased "ВКонтакте" is not enough to refuse a line),
    one of them has two letters or more (a lone "à" is no evidence), and together they are no
    letter list split into words ("ÀÈÌÒÙ àèìòù", each too short to tell alone)."""
    # The words of the reading, not of `line`: a cp866 reading's letters were symbols there.
    words = [(line[m.start() : m.end()], m.group()) for m in _READ_WORD.finditer(again)]
    other = [(old, new) for old, new in words if any(other_script_letter(ch) for ch in new)]
    if not other or max(len(new) for _, new in other) < 2:
        return False
    if _letter_list("".join(old for old, _ in other)):
        return False
    # A word whose twin in the other case is in the line too: the same letters listed twice
    # ("ÅÄÖ åäö", "ÄÖÜ äöü"), never a misread sentence's words; in title case and capitals
    # ("Àèìòù ÀÈÌÒÙ") too, unless the reading is a word ("Глава ... ГЛАВА"). Seen in the cp1252
    # reading, whose case the other script may not have (read as cp1256, "ÅÄÖ åäö" is Arabic).
    twins = {old for old, _ in other if len(old) >= 2 and (old.isupper() or old.islower() or old.istitle())}

    def twin(old: str, new: str) -> bool:
        if old.swapcase() in twins - {old}:
            return not old.istitle()
        titled = old.capitalize() if old.isupper() else old.upper()
        return titled in twins - {old} and (old.isupper() or old.istitle()) and not _known_word(new)

    odd = sum(_odd_word(old, new) or twin(old, new) for old, new in other)
    return odd * 4 <= len(other)


def _known_word(word: str) -> bool:
    """Whether `word`, a reading's, is in a word list of its script (_LISTS_OF_SCRIPT)."""
    return any(_listed(lang, word.lower()) for lang in _lists_of(word[0]) or ())


def _lists_of(letter: str) -> tuple[str, ...] | None:
    """The languages whose word lists weigh words of `letter`'s script; None if it has none."""
    from seedkeeper.lang.scripts import script_of

    return _LISTS_OF_SCRIPT.get(script_of(letter) or "")


def _listed(lang: str, word: str) -> bool:
    from seedkeeper.lang import wordlists

    return wordlists.frequency(lang, _LIST_CODE.get(lang, lang), word) > 0


# The word lists (wordfreq's, inside its wheel: lang/wordlists.py) of each script a misread line
# may come back in. Thai has none: a Thai reading is never chosen by words.
_LISTS_OF_SCRIPT = {
    "Cyrillic": ("ru", "uk", "bg", "mk", "sr-Cyrl"),
    "Greek": ("el",),
    "Arabic": ("ar", "fa", "ur"),
    "Hebrew": ("he",),
}
_LIST_CODE = {"sr-Cyrl": "sh"}
# A reading is chosen by its words when at least this share of them is in a list of its script
# and every other reading has at most half its share.
MIN_KNOWN = 0.5


def known_share(text: str, where: frozenset[int] | None = None) -> float | None:
    """The largest share of `text`'s words (two letters or more) that one language's word list
    of their script holds; None when that script has no list or there are too few words. With
    `where`, only the words at those character positions count, and none there is a share of 0:
    two code pages that read a line alike but for a letter ("Άρθρο" in ISO-8859-7, "¶ρθρο" in
    cp1253) are told apart by the words they do not share."""
    found = [m for m in _WORD.finditer(text) if len(m.group()) >= 2 and other_script_letter(m.group()[0])]
    if not found:
        return None
    langs = _lists_of(found[0].group()[0])
    if langs is None:
        return None
    if where is not None:
        found = [m for m in found if any(i in where for i in range(m.start(), m.end()))]
        if not found:
            return 0.0
    elif len(found) < 2:
        return None
    words = [m.group().lower() for m in found]
    return max(sum(_listed(lang, w) for w in words) / len(words) for lang in langs)
