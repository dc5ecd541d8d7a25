"""The documented, versioned text normalization used to find duplicates.

Two documents are "normalized duplicates" when `normalize()` maps them to the same string, and
near-duplicate shingles are taken from this string too. The rules, applied in this order:

1. Unicode NFKC, then case folding (`str.casefold`), then NFKC again (case folding can produce
   sequences that NFKC would compose; this is the usual NFKC_Casefold recipe). NFKC also turns
   full-width Latin/digits into ASCII and Arabic presentation forms into plain letters.
2. Format characters (category Cf: BOM U+FEFF, ZWNJ, ZWJ, LRM/RLM, bidi controls, soft hyphen,
   ...) and control characters other than white space (category Cc) are dropped, except a
   zero-width non-joiner (ZWNJ, U+200C) next to an Arabic-script character once rules 2-5 are
   done (see _ARABIC_RANGES; a harakat or RLM between them is gone by then): it becomes a space.
   In Persian, Urdu, Kurdish and Pashto it separates the parts of a word ("می‌خواهم",
   "کتاب‌ها"), and a keyboard without it types a space there ("می خواهم"): the same text. In
   other scripts (Devanagari, Bengali, Malayalam...) it only changes how letters are drawn, so
   it is dropped there. A run of ZWNJ, or one beside a space, is one separator (rule 6).
3. Punctuation (every category P*: `. , ; ! ? « » ، ؛ ؟ 。 、 「 」 …`) becomes a space, so
   "a,b" and "a, b" normalize alike.
4. Decimal digits of every script (category Nd: ۱۲۳, ١٢٣, १२३, ๑๒๓ ...) become ASCII 0-9.
5. Arabic-script variants are unified: Arabic yeh ي and alef maksura ى become Persian yeh ی;
   Arabic kaf ك becomes keheh ک; tatweel ـ is dropped; harakat and other Arabic combining marks
   (fatha, kasra, damma, tanwin, shadda, sukun, superscript alef, hamza above/below, Quranic
   marks) are dropped; letters that carry a hamza or madda become their carrier (أ إ آ ٱ -> ا,
   ؤ -> و, ئ -> ی, ۀ -> ه), because NFKC composes a written "letter + hamza above" into them and
   dropping the combining hamza must give the same result as the precomposed letter.
6. White space of every kind (spaces, tabs, CR, LF, CRLF, NBSP, ideographic space) collapses to
   a single ASCII space; leading and trailing white space is removed. White space next to a
   character of a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar; see
   NO_SPACE_RANGES) is removed: there it is line wrapping or layout ("我用 Python 写" and
   "我用Python写" are the same text), not a word boundary. Then NFC, since dropping a
   character in step 2 can leave a base letter next to a combining mark that NFC composes.
7. Persian's present-tense prefix (می, نمی) and plural and superlative suffixes (ها, های...,
   ترین) become their own word when joined to one with nothing between, in Persian text
   (see _PERSIAN_ONLY): the three ways people type "می‌خواهم" give one text.

The function is idempotent: normalize(normalize(x)) == normalize(x).

Bump NORMALIZATION_VERSION (in similarity/version.py) whenever the output for some input may change: cached hashes and
signatures keyed on it are then recomputed.
"""

from __future__ import annotations

import re
import unicodedata

from seedkeeper.similarity.version import NORMALIZATION_VERSION  # noqa: F401  (bumped there)

# Arabic-script letters replaced by another letter (rule 5).
_ARABIC_LETTERS = {
    "\u064a": "\u06cc",  # ي ARABIC LETTER YEH -> ی FARSI YEH
    "\u0649": "\u06cc",  # ى ALEF MAKSURA -> ی
    "\u0643": "\u06a9",  # ك ARABIC LETTER KAF -> ک KEHEH
    "\u0623": "\u0627",  # أ ALEF WITH HAMZA ABOVE -> ا
    "\u0625": "\u0627",  # إ ALEF WITH HAMZA BELOW -> ا
    "\u0622": "\u0627",  # آ ALEF WITH MADDA ABOVE -> ا
    "\u0671": "\u0627",  # ٱ ALEF WASLA -> ا
    "\u0624": "\u0648",  # ؤ WAW WITH HAMZA ABOVE -> و
    "\u0626": "\u06cc",  # ئ YEH WITH HAMZA ABOVE -> ی
    "\u06c0": "\u0647",  # ۀ HEH WITH YEH ABOVE -> ه
    "\u06c2": "\u06c1",  # ۂ HEH GOAL WITH HAMZA ABOVE -> ہ
    "\u06d3": "\u06d2",  # ۓ YEH BARREE WITH HAMZA ABOVE -> ے
}
_TATWEEL = "\u0640"

# Blocks whose combining marks (Mn) are Arabic harakat/Quranic marks. Combining marks of other
# scripts (Devanagari vowel signs, Thai tone marks, Latin accents) are letters' parts: kept.
_ARABIC_RANGES = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x089F),  # Arabic Extended-B
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)


# Blocks of scripts written without spaces between words (shared with minhash, whose units for
# these scripts are single characters).
NO_SPACE_RANGES = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3021, 0x3029),  # Hangzhou numerals
    (0x3031, 0x3035),  # kana repeat marks
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31FF),  # Bopomofo extended, Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x323AF),  # CJK extensions B-H
)
_NS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in NO_SPACE_RANGES)
_NO_SPACE_GAP = re.compile(f"(?<=[{_NS}]) | (?=[{_NS}])")
# A quick test first: most texts have no such character and skip the slower substitution.
_ANY_NO_SPACE = re.compile(f"[{_NS}]")


_ZWNJ = "\u200c"
# Rule 2's ZWNJ exception: a run of ZWNJ that touches an Arabic-script character on either side.
_AR = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ARABIC_RANGES)
_ZWNJ_SEPARATES = re.compile(f"(?<=[{_AR}]){_ZWNJ}+|{_ZWNJ}+(?=[{_AR}])")


# Rule 7: the Persian prefix of the present tense and the plural and superlative suffixes are
# their own token, however they were joined: "می‌خواهم" (ZWNJ, a space by rule 2), "می خواهم"
# and "میخواهم" all give "می خواهم"; "کتاب‌ها", "کتاب ها", "کتابها" give "کتاب ها". Applied to
# every text alike, a word that merely begins or ends with those letters ("میز", "تنها") is
# split in every copy too. Only in Persian text: one with a letter Persian writes and Arabic
# does not (پ چ ژ گ) and none that only Urdu writes (ٹ ڈ ڑ ں ھ ہ ے), so Arabic "فيها" and
# Urdu "میں" keep their words. Split again until nothing changes: "بهترینها" is
# "به ترین ها" whichever way it was joined.
_PERSIAN_ONLY = re.compile("[پچژگ]")
_URDU_ONLY = re.compile("[ٹڈڑںھہے]")
_PERSIAN_PREFIX = re.compile(f"(?<!\\S)(نمی|می)(?=[{_AR}])")
_PERSIAN_SUFFIX = re.compile(f"(?<=[{_AR}])(هایشان|هایتان|هایمان|هایی|هایم|هایت|هایش|های|ها|ترین)(?!\\S)")


def _is_arabic(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES)


def _rule(cp: int) -> str | None:
    """What rules 2-5 make of one code point (the character itself when nothing applies)."""
    ch = chr(cp)
    if ch in _ARABIC_LETTERS:
        return _ARABIC_LETTERS[ch]
    if ch == _TATWEEL:
        return None
    if ch == _ZWNJ:
        return ch  # kept for normalize() to judge by its neighbours (rule 2)
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return None
    if cat == "Cc":
        # Tab, LF, CR and the other C0/C1 white space stay white space for rule 6.
        return " " if ch.isspace() else None
    if cat[0] == "P":
        return " "
    if cat == "Nd":
        return str(unicodedata.decimal(ch))
    if cat == "Mn" and _is_arabic(cp):
        return None
    return ch


class _Table(dict):
    """The str.translate table for rules 2-5, filled lazily: each code point is judged the first
    time a text contains it. Building it over all of Unicode up front cost 0.4 s per process
    (paid again in every worker); a corpus uses a few thousand distinct characters."""

    def __missing__(self, cp: int) -> str | None:
        value = self[cp] = _rule(cp)
        return value


_TRANSLATE = _Table()


def normalize(text: str) -> str:
    """Return the normalized form of `text` (rules in the module docstring), tokens joined by
    single spaces. Empty or punctuation-only text gives ""."""
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFKC", text.casefold())
    text = text.translate(_TRANSLATE)
    if _ZWNJ in text:
        # After translate, so the neighbours are final: harakat, tatweel and other format
        # characters between a letter and its ZWNJ are gone, and digits are ASCII.
        text = _ZWNJ_SEPARATES.sub(" ", text).replace(_ZWNJ, "")
    # str.split() with no argument splits on every Unicode white space and drops empty parts.
    text = " ".join(text.split())
    if _PERSIAN_ONLY.search(text) and not _URDU_ONLY.search(text):
        while True:
            split = _PERSIAN_SUFFIX.sub(r" \1", _PERSIAN_PREFIX.sub(r"\1 ", text))
            if split == text:
                break
            text = split
    if _ANY_NO_SPACE.search(text):
        text = _NO_SPACE_GAP.sub("", text)
    return unicodedata.normalize("NFC", text)
