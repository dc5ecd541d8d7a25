"""Signs that a decoded text is not what was written: the character-level half of the
plausibility check (plausibility.py holds the decision).

Each sign is counted, so a reading can be judged on how many oddities it has even when it stays
under the thresholds that make them flaws.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"\w+")
_BAD_CATEGORIES = {"Co", "Cn", "Cs"}
EAST_ASIAN = {"Han", "Kana", "Hangul", "Bopomofo"}


def character_flaws(text: str, prof, script: str | None) -> tuple[list[str], int]:
    """Flaws seen in the characters alone (odd code points, mixed scripts, odd capitals, symbols
    in words), and the count of such oddities, including those under the thresholds."""
    from ftfy.badness import badness

    from seedkeeper.lang.scripts import script_of

    flaws = []
    odd = sum(n for ch, n in prof.chars.items() if is_odd_char(ch))
    if odd:
        flaws.append(f"{odd} control, private-use or unassigned characters")
    # Latin beside one other script is ordinary (a Kazakh text quoting "True" and "False"); two
    # non-Latin scripts in one text is a code page read wrongly.
    others = {group(s) for s, n in prof.counts.items() if s != "Latin" and n > max(1, 0.02 * prof.letters)}
    if len(others) > 1:
        flaws.append(f"letters of several scripts ({', '.join(sorted(prof.counts))})")
    point_flaws, point_oddity = _code_point_flaws(prof.chars, len(text))
    flaws.extend(point_flaws)
    words = _WORD.findall(text)
    limit = max(1, 0.01 * len(words))
    cased, digits = _word_flaws(words)
    symbols = digits + _symbols_touching_letters(text, prof.chars)
    if script != "EastAsian":  # CJK and half-width punctuation outside CJK text ("the ｣2.4")
        symbols += sum(n for ch, n in prof.chars.items() if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    # One change of script inside a word happens in real text (a Latin "o" typed in a Greek
    # word); more is a code page read wrongly.
    mixed = _script_changes(text, prof.chars, script_of, script) + _lone_letters(text, script, script_of)
    if mixed > limit:
        flaws.append(f"{mixed} letters next to a letter of another script, or alone")
    if cased > limit:
        flaws.append(f"{cased} words with a capital inside lower case")
    if symbols > limit:
        flaws.append(f"{symbols} symbols or digits inside words")
    bad = badness(text)
    if bad > limit:
        flaws.append(f"{bad} mojibake sequences")
    marks = _misplaced_marks(text)
    if marks > 0.001 * prof.letters:
        flaws.append(f"{marks} combining marks on no letter or stacked four deep")
    east = _east_asian_oddities(text, prof.chars) if script == "EastAsian" else 0
    if east > limit:
        flaws.append(f"{east} half-width kana or spaces between Han characters")
    oddity = mixed + cased + symbols + bad + marks + east + _shouting(words, prof.chars) + point_oddity
    return flaws, oddity + (_unaccented_greek(words) if script == "Greek" else 0)


_GREEK_ACCENTED = set("άέήίόύώΐΰ")


def _unaccented_greek(words: list[str]) -> int:
    """Modern Greek accents nearly every word of two syllables or more; most longer lower-case
    words without one is another alphabet's bytes read as Greek ("δξΰτιιδ ατιπδ")."""
    greek = [w for w in words if len(w) >= 4 and w.islower() and all("\u0370" <= ch <= "\u03ff" for ch in w)]
    if len(greek) < 5:
        return 0
    bare = [w for w in greek if not _GREEK_ACCENTED.intersection(w)]
    return len(bare) if len(bare) > 0.5 * len(greek) else 0


def _shouting(words: list[str], chars) -> int:
    """Words of a text written (nearly) all in capitals: Hebrew or Arabic bytes read as KOI8-R
    give upper-case Cyrillic ("ДНЮТИИД АТИПД"). Counted as oddities, not a flaw: some real
    documents shout."""
    upper = sum(n for ch, n in chars.items() if ch.isupper())
    lower = sum(n for ch, n in chars.items() if ch.islower())
    if upper + lower < 20 or upper < 0.9 * (upper + lower):
        return 0
    return sum(1 for w in words if len(w) > 1 and w.isupper())


# A combining mark (vowel point, tone mark, harakat) on no letter, or four in a row, is what a
# wrong code page leaves in Hebrew ("ֿנטגוע"), Arabic and Thai readings.
def _misplaced_marks(text: str) -> int:
    count = 0
    prev_letter = False
    run = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            run += 1
            if not prev_letter or run == 4:
                count += 1
        else:
            run = 0
            # ZWNJ/ZWJ sit between letters and marks in Indic and Persian text.
            prev_letter = ch.isalpha() or ch in "\u200c\u200d"
    return count


def _east_asian_oddities(text: str, chars) -> int:
    """Half-width katakana (what Shift-JIS bytes read wrongly give), Han characters separated by
    spaces (Korean bytes read as Chinese keep Korean's word spacing), and long Hangul runs without
    a space (Japanese or Chinese bytes read as Korean)."""
    halfwidth = sum(n for ch, n in chars.items() if "\uff66" <= ch <= "\uff9f")
    spaced = len(re.findall(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", text))
    # Korean puts spaces between words; a dozen syllables in a row is another script's bytes.
    unspaced = len(re.findall(r"[\uac00-\ud7a3]{12,}", text))
    # Korean writes Hanja as whole words; Han and Hangul alternating inside one word ("포珂쇌")
    # is Chinese bytes read as EUC-KR.
    alternating = len(
        re.findall(
            r"[\u4e00-\u9fff][\uac00-\ud7a3]+[\u4e00-\u9fff]|[\uac00-\ud7a3][\u4e00-\u9fff]+[\uac00-\ud7a3]", text
        )
    )
    # Korean writes syllables; lone jamo ("ㅟ", "ㅘ") among them are another encoding's bytes.
    jamo = sum(n for ch, n in chars.items() if "\u3131" <= ch <= "\u318e")
    return halfwidth + spaced + unspaced + alternating + jamo


def _code_point_flaws(chars, length: int) -> tuple[list[str], int]:
    """UTF-16 read in the wrong byte order (ASCII becomes U+XX00: "䈀漀漀氀"), and Han characters
    outside the common sets of Chinese and Japanese (what other bytes read as GB18030 give)."""
    flaws = []
    swapped = sum(n for ch, n in chars.items() if ord(ch) > 0xFF and not ord(ch) & 0xFF)
    if swapped > max(2, 0.1 * length):
        flaws.append(f"{swapped} characters U+XX00: UTF-16 in the wrong byte order")
    han = {ch: n for ch, n in chars.items() if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"}
    rare = sum(n for ch, n in han.items() if not _common_han(ch))
    if sum(han.values()) >= 5 and rare > 0.2 * sum(han.values()):
        flaws.append(f"{rare} rare Han characters")
    return flaws, swapped + rare


@functools.cache
def _common_han(ch: str) -> bool:
    """In the first (most used) level of GB2312, Big5 or JIS X 0208: ~99% of real Chinese and
    Japanese text, and a small part of what wrong bytes give."""
    for codec, lo, hi in (("gb2312", 0xB0A1, 0xD7FE), ("big5", 0xA440, 0xC67E), ("shift_jis", 0x889F, 0x9872)):
        try:
            b = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and lo <= int.from_bytes(b, "big") <= hi:
            return True
    return False


def group(script: str | None) -> str | None:
    return "EastAsian" if script in EAST_ASIAN else script


def is_odd_char(ch: str) -> bool:
    """Control (other than tab and line ends), private-use, surrogate or unassigned: not text."""
    cat = unicodedata.category(ch)
    if cat in _BAD_CATEGORIES or ch == "\ufffd":
        return True
    return cat == "Cc" and ch not in "\t\n\r"


# Categories of characters that do not belong inside a word; a non-ASCII one touching a letter
# ("гул€ли", "ak₫am", "¬чера") is a sign of the wrong code page.
_SYMBOL_CATEGORIES = {"So", "Sm", "Sc", "Sk", "No", "Po"}
_TEXT_PUNCTUATION = set("¡¿§¶·•…′″‹›«»")


def _symbols_touching_letters(text: str, chars) -> int:
    odd = [
        ch
        for ch in chars
        if not ch.isascii()
        and unicodedata.category(ch) in _SYMBOL_CATEGORIES
        and ch not in _TEXT_PUNCTUATION
        # Punctuation of other scripts ("؛", "।", "׃") is text; Latin-1 and general punctuation
        # ("†", "‡", "¦") between letters is what a wrong code page leaves.
        and (unicodedata.category(ch) != "Po" or "\x80" <= ch <= "\xff" or "\u2000" <= ch <= "\u206f")
        and not ("\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")  # CJK and full-width punctuation
    ]
    # Box drawing and block elements (cp866, KOI8 read wrongly) are odd anywhere in prose.
    boxes = sum(n for ch, n in chars.items() if "\u2500" <= ch <= "\u259f")
    if not odd:
        return boxes
    cls = "[" + "".join(re.escape(ch) for ch in sorted(odd)) + "]"
    return boxes + len(re.findall(rf"(?<=[^\W\d_]){cls}|{cls}(?=[^\W\d_])", text))


def _script_changes(text: str, chars, script_of, script: str | None) -> int:
    """Places where a letter or mark of one script touches one of another: "اa", "Mфdchen",
    "caf้" (a Thai tone mark on a Latin letter). In CJK text "Tシャツ" and "T恤" are ordinary;
    in Latin text a Han character inside a word ("Behe-sorbi彨ra") is not."""
    allowed = {"Latin", "EastAsian"} if script == "EastAsian" else None
    groups = {ch: group(script_of(ch)) for ch in chars}
    if len({g for g in groups.values() if g is not None}) < 2:
        return 0
    changes = 0
    for a, b in zip(text, text[1:]):
        ga, gb = groups[a], groups[b]
        if ga is not None and gb is not None and ga != gb and {ga, gb} != allowed:
            changes += 1
    return changes


def _lone_letters(text: str, script: str | None, script_of) -> int:
    """Single letters of a third script standing alone ("the Ј2.4 million"): a quoted word in
    another script is ordinary, one letter of it is not."""
    count = 0
    for run in re.findall(r"[^\W\d_]+", text):
        if len(run) == 1 and group(script_of(run)) not in (script, "Latin", None):
            count += 1
    return count


def _word_flaws(words: list[str]) -> tuple[int, int]:
    """(words with a capital after a small letter, words with a non-ASCII digit among letters)."""
    unique = set(words)
    cased = sum(1 for w in unique if any(a.islower() and b.isupper() for a, b in zip(w, w[1:])))
    digits = sum(1 for w in unique if not w.isdigit() and any(ch.isdigit() and not ch.isascii() for ch in w))
    return cased, digits
