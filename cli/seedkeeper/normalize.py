"""The documented, versioned text normalization used to find duplicates.

Two documents are "normalized duplicates" when `normalize()` maps them to the same string, and
near-duplicate shingles are taken from this string too. The rules, applied in this order:

1. Unicode NFKC, then case folding (`str.casefold`), then NFKC again (case folding can produce
   sequences that NFKC would compose; this is the usual NFKC_Casefold recipe). NFKC also turns
   full-width Latin/digits into ASCII and Arabic presentation forms into plain letters.
2. Format characters (category Cf: BOM U+FEFF, ZWNJ, ZWJ, LRM/RLM, bidi controls, soft hyphen,
   ...) and control characters other than white space (category Cc) are dropped.
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
   a single ASCII space; leading and trailing white space is removed. Then NFC, since dropping a
   character in step 2 can leave a base letter next to a combining mark that NFC would compose.

The function is idempotent: normalize(normalize(x)) == normalize(x).

Bump NORMALIZATION_VERSION whenever the output for some input may change: cached hashes and
signatures keyed on it are then recomputed.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

NORMALIZATION_VERSION = "1"

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


def _is_arabic(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES)


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    """The str.translate table for rules 2-5, built once over all of Unicode (about 0.1 s).

    One C-level translate pass is far faster than a Python loop over characters, which matters
    at 100,000 documents.
    """
    table: dict[int, str | None] = {}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat == "Cf":
            table[cp] = None
        elif cat == "Cc":
            # Tab, LF, CR and the other C0/C1 white space stay white space for rule 6.
            table[cp] = " " if ch.isspace() else None
        elif cat[0] == "P":
            table[cp] = " "
        elif cat == "Nd":
            digit = str(unicodedata.decimal(ch))
            if digit != ch:
                table[cp] = digit
        elif cat == "Mn" and _is_arabic(cp):
            table[cp] = None
    for src, dst in _ARABIC_LETTERS.items():
        table[ord(src)] = dst
    table[ord(_TATWEEL)] = None
    return table


@lru_cache(maxsize=1)
def _bmp_table() -> list[str | None]:
    """The same table as a list over the Basic Multilingual Plane.

    str.translate with a dict pays for a failed lookup on every unchanged character; a list
    indexed by code point does not, and is about twice as fast. Code points past the list raise
    IndexError, which translate treats as "unchanged"; astral characters get a second pass.
    """
    full = _table()
    return [full.get(cp, chr(cp)) for cp in range(0x10000)]


def normalize(text: str) -> str:
    """Return the normalized form of `text` (rules in the module docstring), tokens joined by
    single spaces. Empty or punctuation-only text gives ""."""
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFKC", text.casefold())
    text = text.translate(_bmp_table())
    if text and max(text) > "\uffff":
        text = text.translate(_table())  # astral format characters, digits, punctuation
    # str.split() with no argument splits on every Unicode white space and drops empty parts.
    return unicodedata.normalize("NFC", " ".join(text.split()))
