"""Text in another script's legacy code page that was read as Windows-1252 and saved as UTF-8.

ftfy's fix_encoding undoes UTF-8 read as a single-byte code page ("cafÃ©"), not this other
everyday accident: an Arabic, Persian, Cyrillic, Greek or Hebrew file in its own Windows code page,
opened as Western European and saved again. "اللغة العربية" becomes "ÇááÛÉ ÇáÚÑÈíÉ", "Москва"
"Ìîñêâà": every letter a Latin-1 one, and nothing ftfy recognises, so it was no `mojibake`.

Such a line is mostly accented Latin letters in runs no language writes. `reading` encodes it back
to the bytes it came from and asks the legacy-encoding judge (plausibility.py, the one `add
--encoding auto` uses) which code page reads them clearly best. The line was misread when that is
another code page and the accented letters all become letters of another script: one byte is one
character both ways, so the two texts align letter by letter. Western text never qualifies: its
accented letters are a minority of its letters ("Ærøskøbing" is 3 of 10), and read as cp1252 it
is what it is. A letter the first reading lost (a byte cp1252 does not define, shown as U+FFFD)
stays U+FFFD. A reading must give words (no letter lists, stretched letters, or Latin and another
script in one word), and where the judge leaves several pages, the one whose reading is words of
its script's word lists is the page. DOS Cyrillic (cp866) read as cp1252 is half symbols
("¯à\xa0¢®", "право"), so a line mostly of characters cp1252 reads from high bytes, symbols
included, is weighed as well.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# The letters a Windows-1252 (or Latin-1) reading of high bytes gives: À-ÿ and cp1252's extras.
_HIGH = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
# Three such letters in a row: rare in any Western language ("créée" has two), the rule in a
# misread line. A cheap first test, run on every document.
_RUN = re.compile(f"[{_HIGH}]{{3,}}")
_IS_HIGH = re.compile(f"[{_HIGH}]")
# Every character a Windows-1252 (or Latin-1) reading gives a high byte: letters, symbols, the
# no-break space. DOS Cyrillic (cp866) read so is half symbols ("¯à\xa0¢®" is "право"): its
# lines are weighed by these.
_ANY_HIGH_CHARS = "\u0080-\u00ff" + "".join(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_ANY_HIGH = re.compile(f"[{_ANY_HIGH_CHARS}]")
_ANY_RUN = re.compile(f"[{_ANY_HIGH_CHARS}]{{3,}}")
# Fewest such characters, and their least share of the line's letters and such characters.
MIN_ANY_HIGH = 8
MIN_ANY_SHARE = 0.6
# Fewest accented letters, and their least share of the line's letters, for a line to be weighed.
MIN_HIGH = 6
MIN_SHARE = 0.5
# The readings that are no misreading: the Western code pages themselves.
_WESTERN = frozenset(codecs.lookup(name).name for name in ("cp1252", "latin-1", "iso8859-15", "mac_roman"))
# Lines weighed per text at most: a misread document shows it in its first suspect lines.
MAX_TRIES = 8
# Characters of suspect lines judged together at most: the beginning of a large file settles its
# page as well as the whole would, at a fraction of the time.
MAX_JOINT = 16_000
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


def suspect(line: str, min_high: int = MIN_HIGH) -> bool:
    """Whether `line` looks like a misread one (see the module docstring): worth asking the judge.
    (`repair`, once the code page is known, reads short lines again too: `min_high` 1.)"""
    if min_high >= 3 and not _ANY_RUN.search(line):
        return False
    high = len(_IS_HIGH.findall(line))
    letters = sum(ch.isalpha() for ch in line)
    if high >= min_high and high >= MIN_SHARE * letters and (min_high < 3 or _RUN.search(line)):
        return True
    # Symbols and letters together (DOS cp866): mostly high characters, in runs, and letters
    # among them (cp866's "р"-"я" are cp1252's "à"-"ï"): a divider ("•—•—•", "·«·") has none.
    if min_high >= 3 and not high:
        return False
    anyhigh = len(_ANY_HIGH.findall(line))
    wordish = sum(ch.isalpha() or bool(_ANY_HIGH.match(ch)) for ch in line)
    return anyhigh >= (MIN_ANY_HIGH if min_high >= 3 else min_high) and anyhigh >= MIN_ANY_SHARE * wordish


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _bytes_of(piece: str) -> bytes | None:
    """The bytes a Windows-1252 (or, with C1 characters, Latin-1) reading turned into `piece`."""
    for codec in ("cp1252", "latin-1"):
        try:
            return piece.encode(codec)
        except UnicodeEncodeError:
            continue
    return None


def _other_script_letter(ch: str) -> bool:
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
    others = [ch for ch in new if _other_script_letter(ch)]
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


def _plausible(line: str, again: str) -> bool:
    """Whether the reading `again` of `line` is text: at most a quarter of its words in another
    script are odd (_odd_word; a brand name cased "ВКонтакте" is not enough to refuse a line),
    one of them has two letters or more (a lone "à" is no evidence), and together they are no
    letter list split into words ("ÀÈÌÒÙ àèìòù", each too short to tell alone)."""
    # The words of the reading, not of `line`: a cp866 reading's letters were symbols there.
    words = [(line[m.start() : m.end()], m.group()) for m in _READ_WORD.finditer(again)]
    other = [(old, new) for old, new in words if any(_other_script_letter(ch) for ch in new)]
    if not other or max(len(new) for _, new in other) < 2:
        return False
    if _letter_list("".join(old for old, _ in other)):
        return False
    # A word whose twin in the other case is in the line too: the same letters listed twice
    # ("ÅÄÖ åäö", "ÄÖÜ äöü"), never a misread sentence's words. Seen in the cp1252 reading, whose
    # case the other script may not have (read as cp1256, "ÅÄÖ åäö" is Arabic).
    twins = {old for old, _ in other if len(old) >= 2 and (old.isupper() or old.islower())}
    odd = sum(_odd_word(old, new) or old.swapcase() in twins - {old} for old, new in other)
    return odd * 4 <= len(other)


def _redecode(line: str, encoding: str) -> str | None:
    """`line` read again from its bytes as `encoding`, U+FFFD kept; None if it cannot be, or if an
    accented letter does not become a letter of another script."""
    out = []
    for piece in line.split("\ufffd"):
        raw = _bytes_of(piece)
        if raw is None:
            return None
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            return None
        if len(text) != len(piece):
            return None  # not one character per byte: no alignment to check
        for old, new in zip(piece, text, strict=True):
            if _IS_HIGH.match(old) and not _other_script_letter(new):
                return None
        out.append(text)
    again = "\ufffd".join(out)
    return again if _plausible(line, again) else None


def reading(line: str) -> tuple[str, ...] | None:
    """The code pages of other scripts `line` may have been written in, best first, when it is
    one of them read as Windows-1252; else None. One code page when the judge chose it; several
    when the line is certainly misread but which page is unclear (Cyrillic cp1251 also reads as
    flawless Greek cp1253 on a short line)."""
    if not suspect(line):
        return None
    from seedkeeper.corpus.plausibility import judge

    raw = _bytes_of(line.replace("\ufffd", "?"))
    if raw is None:
        return None
    try:
        raw.decode("utf-8")
        # The bytes are UTF-8: the line is UTF-8 read as cp1252 ("Ð¼Ð¾Ñ"), ftfy's case. Read as
        # cp1251 it would be Cyrillic letters too, and wrong ("РјРѕСЃ").
        return None
    except UnicodeDecodeError:
        pass
    verdict = judge(raw)
    if verdict.chosen is not None:
        if _codec(verdict.chosen.encoding) in _WESTERN or _redecode(line, verdict.chosen.encoding) is None:
            return None
        return (verdict.chosen.encoding,)
    # No clear choice. Misread all the same when the Western reading is flawed and some page of
    # another script reads the line without a flaw, as a language the tagger names, every
    # accented letter one of its letters: all such pages, however sure the tagger is of each
    # (short Cyrillic read as Greek cp1253 is "el" at 0.6, read right "sr-Cyrl" at 0.0).
    western = [c for c in verdict.candidates if _codec(c.encoding) in _WESTERN]
    if not western or not all(c.flaws for c in western):
        return None
    pages = tuple(
        c.encoding
        for c in verdict.candidates
        if _codec(c.encoding) not in _WESTERN
        and not c.flaws
        and c.lang != "und"
        and _redecode(line, c.encoding) is not None
    )
    if len(pages) > 1:
        chosen = _by_words(line, pages)
        if chosen is not None:
            return (chosen,)
    return pages or None


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


def _known_share(text: str) -> float | None:
    """The largest share of `text`'s words (two letters or more) that one language's word list
    of their script holds; None when that script has no list or there are too few words."""
    from seedkeeper.lang import wordlists
    from seedkeeper.lang.scripts import script_of

    words = [w.lower() for w in _WORD.findall(text) if len(w) >= 2 and _other_script_letter(w[0])]
    if len(words) < 2:
        return None
    langs = _LISTS_OF_SCRIPT.get(script_of(words[0][0]) or "")
    if langs is None:
        return None
    return max(
        sum(wordlists.frequency(lang, _LIST_CODE.get(lang, lang), w) > 0 for w in words) / len(words) for lang in langs
    )


def _by_words(line: str, pages: tuple[str, ...]) -> str | None:
    """The page among `pages` whose reading of `line` is clearly made of words (_known_share):
    a Russian line read in cp1251 is Russian words, read in cp1253 Greek letters in no Greek
    word. Pages that read the line alike (cp1251 and mac_cyrillic on lower-case Cyrillic) are one
    reading, named by the first. None when no reading stands out, or one cannot be weighed."""
    readings: dict[str, str] = {}
    for page in pages:
        again = _redecode(line, page)
        if again is not None and again not in readings.values():
            readings[page] = again
    shares = {page: _known_share(again) for page, again in readings.items()}
    if len(shares) < 2 or any(share is None for share in shares.values()):
        return None
    best = max(shares, key=lambda page: shares[page])
    if shares[best] < MIN_KNOWN or any(shares[p] * 2 > shares[best] for p in shares if p != best):
        return None
    return best


def _joint(text: str) -> str:
    """The suspect lines of `text` in one line, up to about MAX_JOINT characters."""
    out, size = [], 0
    for ln in text.split("\n"):
        if suspect(ln):
            out.append(ln)
            size += len(ln) + 1
            if size >= MAX_JOINT:
                break
    return " ".join(out)


def _alike(line: str, page: str) -> tuple[str, ...]:
    """The other code pages that read `line` as `page` does: the line does not tell them apart
    (KOI8-R and KOI8-U read Russian alike, cp1251 and mac_cyrillic lower-case Cyrillic), and the
    rest of the text may (Ukrainian "ї" is a box-drawing character in KOI8-R). A long line is
    compared on its beginning."""
    from seedkeeper.corpus.plausibility import CANDIDATES

    line = line[:MAX_JOINT]
    again = _redecode(line, page)
    if again is None:
        return ()
    return tuple(
        p for p in CANDIDATES if _codec(p) not in _WESTERN and _codec(p) != _codec(page) and _redecode(line, p) == again
    )


def first_misread(text: str) -> tuple[int, str, tuple[str, ...]] | None:
    """(line number, the line, its possible code pages) of the first misread line of `text`.
    Where that line leaves the page open, the suspect lines together may settle it."""
    if not _ANY_RUN.search(text):
        return None
    tries = 0
    for number, line in enumerate(text.split("\n"), 1):
        if suspect(line):
            found = reading(line)
            if found is not None:
                alike = _alike(line, found[0]) if len(found) == 1 else ()
                if len(found) > 1 or alike:
                    together = reading(_joint(text))
                    if together is not None and len(together) == 1 and (not alike or together[0] in found + alike):
                        found = together
                return number, line, found
            tries += 1
            if tries >= MAX_TRIES:
                return None
    return None


def repair(text: str, page: str | None = None) -> tuple[str | None, tuple[str, ...]] | None:
    """None when `text` has no misread line. Else (the text with its misread lines read again, the
    code page), or (None, the possible code pages) when which one is unclear.

    The code page is `page` when a person named it and the text may be in it, else the one the
    judge chooses for the first misread line, or for all of them together (first_misread). Every line
    whose letters are mostly accented Latin ones, short ones too, is read again in it when that
    gives another script's letters (a Latin line stays)."""
    first = first_misread(text)
    if first is None:
        return None
    pages = first[2]
    if page is not None:
        # The page a person named, if it is one the text may be in (naming cp1251 for a folder
        # does not turn its misread Greek into Cyrillic).
        named = [p for p in pages if _codec(p) == _codec(page)]
        pages = tuple(named) or pages
    if len(pages) > 1:
        return None, pages
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if suspect(line, min_high=1):
            again = _redecode(line, pages[0])
            if again is not None:
                lines[i] = again
    return "\n".join(lines), pages
