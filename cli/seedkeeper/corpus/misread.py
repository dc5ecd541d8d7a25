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

from seedkeeper.corpus.readings import MIN_KNOWN, known_share, other_script_letter, plausible
from seedkeeper.lang.scripts import script_of

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
            if _IS_HIGH.match(old) and not other_script_letter(new):
                return None
        out.append(text)
    again = "\ufffd".join(out)
    return again if plausible(line, again) else None


def reading(line: str) -> tuple[str, ...] | None:
    """The code pages of other scripts `line` may have been written in, best first, when it is
    one of them read as Windows-1252; else None. One code page when the judge chose it; several
    when the line is certainly misread but which page is unclear (Cyrillic cp1251 also reads as
    flawless Greek cp1253 on a short line)."""
    if not suspect(line):
        return None
    from seedkeeper.corpus.plausibility import judge

    if len(line) > MAX_JOINT:
        # A long line shows its page in its beginning, and the judge and the readings cost with
        # the length (a 2 MB line took 18 s): it is judged on its first words, cut at a space so
        # that no UTF-8 sequence read as cp1252 is cut in two.
        head = line[:MAX_JOINT]
        cut = head.rfind(" ")
        line = head[:cut] if cut > MAX_JOINT // 2 else head
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


def _by_words(line: str, pages: tuple[str, ...]) -> str | None:
    """The page among `pages` whose reading of `line` is clearly made of words (readings.py):
    a Russian line read in cp1251 is Russian words, read in cp1253 Greek letters in no Greek
    word. First the script, on all the words; then, among the pages of that script, the page,
    on the words where their readings differ ("Άρθρο" in ISO-8859-7, "¶ρθρο" in cp1253). Pages
    that read the line alike (cp1251 and mac_cyrillic on lower-case Cyrillic) are one reading,
    named by the first. None when no reading stands out, or one cannot be weighed."""
    readings: dict[str, str] = {}
    for page in pages:
        again = _redecode(line, page)
        if again is not None and again not in readings.values():
            readings[page] = again
    by_script: dict[str, list[str]] = {}
    for page, again in readings.items():
        first = next((ch for ch in again if other_script_letter(ch)), None)
        by_script.setdefault((script_of(first) if first else None) or "", []).append(page)
    if len(by_script) > 1:
        shares = {
            script: max((known_share(readings[p]) for p in group), key=lambda x: -1.0 if x is None else x)
            for script, group in by_script.items()
        }
        script = _clear_best(shares)
        if script is None:
            return None
        group = by_script[script]
    else:
        group = next(iter(by_script.values()), [])
    if len(group) == 1:
        return group[0]
    differ = frozenset(i for i in range(len(line)) if len({readings[p][i] for p in group}) > 1)
    return _clear_best({page: known_share(readings[page], differ) for page in group})


def _clear_best(shares: dict[str, float | None]) -> str | None:
    """The key whose share is at least MIN_KNOWN and twice every other's; None if there is none,
    or a share cannot be weighed."""
    if len(shares) < 2 or any(share is None for share in shares.values()):
        return None
    best = max(shares, key=lambda key: shares[key])
    if shares[best] < MIN_KNOWN or any(shares[k] * 2 > shares[best] for k in shares if k != best):
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
