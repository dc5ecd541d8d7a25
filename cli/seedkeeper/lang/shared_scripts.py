"""Scripts that one language writes most, shared with another the detectors know.

The script layer (classify.py) tags Greek, Thai, Georgian... by their script alone. A few
scripts carry a second language the detectors know, which a script-only tag would misname:

- Bengali script: Assamese beside Bengali. Assamese writes r and w as ৰ and ৱ, never Bengali's
  র; Bengali never writes ৰ or ৱ. Then frequent words only one of them writes.
- Hebrew script: Yiddish beside Hebrew. On a sentence CLD2, then the digraphs only Yiddish writes
  (װ, ױ, ײ, ײַ), two of them; on a fragment one digraph. Not the precomposed אַ, אָ, יִ, פּ:
  pointed Hebrew writes them too ("אָדָם", "יִשְׂרָאֵל").
- Ethiopic script: Tigrinya beside Amharic. On a sentence CLD2, which tells the two apart (on the
  declaration's texts: every sentence), then the letters only Tigrinya writes (ቐ, ኸ and their
  orders); on a fragment those letters, or CLD2 naming Tigrinya, else "und" (CLD2 calls 29% of
  Tigrinya fragments Amharic).
- Tibetan script: Dzongkha beside Tibetan; nothing but CLD2 tells them apart, and only on a
  sentence (on fragments it calls two Dzongkha of three Tibetan).

`decide` returns the tag, or "und" for a text nothing places (`script-shared`: the candidates
are SHARED[script]): a fragment, or a Tibetan sentence CLD2 cannot place.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .result import UND

if TYPE_CHECKING:
    from .scripts import ScriptProfile

# A sentence has this many letters (vote.MIN_LETTERS); below it a text is a fragment.
MIN_LETTERS = 20

# Scripts whose texts may be "und" between languages, and those languages.
SHARED = {"Bengali": ("as", "bn"), "Ethiopic": ("am", "ti"), "Tibetan": ("bo", "dz")}

# Frequent words one of Assamese and Bengali writes and the other does not (none with ৰ, ৱ or র,
# which the letters settle already): Assamese "you", "since", "some", "all", "he", "why", "is
# not", "with", "how", "so", "here"; Bengali "you", "one", "for", "from", "will be", "why",
# "and", "since". On the benchmark's Django (Bengali) and GNOME (Assamese) texts, both halves,
# no text of one language holds a word of the other's list.
_ASSAMESE_WORDS = frozenset("আপুনি যিহেতু কিছুমান সকলো তেওঁ কিয় নহয় লগত কেনেকৈ এনেকৈ ইয়াত".split())
_BENGALI_WORDS = frozenset("আপনি একটি জন্য থেকে হবে কেন এবং যেহেতু".split())
_BENGALI_WORD = re.compile("[\u0980-\u09ff]+")
# Not the presentation forms of alef with patah or qamats (U+FB2E, U+FB2F): pointed Hebrew writes
# them ("אָדָם"), and one made a Hebrew fragment Yiddish.
_YIDDISH = "\u05f0\u05f1\u05f2\ufb1f"
# Tigrinya's qhe (ቐ...) and xe (ኸ...) orders, which Amharic does not write.
_TIGRINYA = "".join(map(chr, [*range(0x1250, 0x125E), *range(0x12B8, 0x12C6)]))


def decide(script: str, lang: str, prof: ScriptProfile, text: str) -> str:
    """The tag of a text whose dominant `script` is mostly written in `lang`."""
    letters = prof.counts.get(script, 0)
    if script == "Hebrew":
        yiddish = prof.count(_YIDDISH)
        if letters < MIN_LETTERS:
            return "yi" if yiddish else lang
        # A sentence: CLD2 first (Yiddish is often written without the digraphs, "וו", "יי":
        # it was he), then two digraphs (a Hebrew article may quote a Yiddish word).
        return _by_cld2(text, ("he", "yi")) or ("yi" if yiddish >= 2 else lang)
    if script == "Bengali":
        return _bengali(prof, text, letters)
    if script == "Ethiopic":
        tigrinya = prof.count(_TIGRINYA)
        if letters >= MIN_LETTERS:
            # CLD2 first on a sentence: an Amharic one naming a place in Tigray ("መቐለ", Mekelle)
            # was ti by its one ቐ (on the declaration CLD2 names every sentence of both right).
            return _by_cld2(text, SHARED[script]) or ("ti" if tigrinya else lang)
        # A fragment: Tigrinya's letters, or CLD2's Tigrinya (1% wrong on the declaration's 1-3
        # word fragments); CLD2's Amharic is not enough there (29% of Tigrinya fragments).
        return "ti" if tigrinya or _by_cld2(text, SHARED[script]) == "ti" else UND
    if script == "Tibetan":
        return (_by_cld2(text, SHARED[script]) or UND) if letters >= MIN_LETTERS else UND
    return lang


def _bengali(prof: ScriptProfile, text: str, letters: int) -> str:
    # The more of either's letters decides (one quoted word does not). Two ৰ/ৱ were needed
    # before: one in a fragment ("অভ্যন্তৰীক ডিস্ক") was tagged bn.
    assamese, bengali = prof.count("\u09f0\u09f1"), prof.count("\u09b0")
    if assamese != bengali:
        return "as" if assamese > bengali else "bn"
    # Neither letter: the words that differ ("যদি আপুনি" is Assamese, "যদি আপনি" Bengali);
    # without them a sentence is Bengali (by far the more written, and a sentence of it without
    # র is rare), a fragment either.
    # The lists are composed (NFC): "সকলো" typed with ে + া, "কিয়" with য় as one code point
    # (U+09DF, which NFC writes as য + ়) are the same words.
    words = _BENGALI_WORD.findall(unicodedata.normalize("NFC", text))
    assamese = sum(w in _ASSAMESE_WORDS for w in words)
    bengali = sum(w in _BENGALI_WORDS for w in words)
    if assamese != bengali:
        return "as" if assamese > bengali else "bn"
    return "bn" if letters >= MIN_LETTERS else UND


def _by_cld2(text: str, langs: tuple[str, ...]) -> str | None:
    """CLD2's answer, when it is one of `langs` and CLD2 calls it reliable."""
    # Imported here: the allow-list (allowed.py) reads SHARED on every warm run, no detector.
    from .voters import cld2_probs

    probs, reliable = cld2_probs(text, None)
    best = max(probs, key=lambda k: (probs[k], k)) if probs else None
    return best if reliable and best in langs else None
