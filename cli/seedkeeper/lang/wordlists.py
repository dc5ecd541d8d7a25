"""Thirty-four languages' word lists as a fourth voice on fragments the detectors split on.

On two or three words the three detectors often name three languages ("Merci beaucoup madame":
ca, fr, en); the vote then answers "und", and that was a third of the benchmark's fragments.
What does tell most of them apart is the words themselves: "Introduzca" is a Spanish word,
"Introduza" a Portuguese one, and wordfreq (shipped inside its wheel, see lexicon.py) says how
often each of some forty languages writes each word. `fragment_language` weighs every list
written in the fragment's script, the naive-Bayes way, and names the one whose words these are
when it is clear:

- every word of the fragment is in that list, and the list leads every other of its script
  by LEAD (the words are e**3 ~ 20 times likelier there, all words together);
- a detector's first choice is that language too;
- no detector's first choice is a language with no list of its own (Galician, Afrikaans,
  Azerbaijani, Bosnian...): the lists cannot speak against a language they do not hold, and
  its neighbour's list would win for it ("Geen week" is Afrikaans, and Dutch to the lists).

wordfreq has one "sh" list for Bosnian, Croatian and Serbian: it competes (Croatian words must
not look Slovene) but is no answer. Serbian Cyrillic is read through it, transliterated, as in
lexicon.py. A capitalised word after the first is taken for a name and counts for nothing.
Measured on the benchmark's dev halves (bench_tag.py): fragments answered 70.3% -> 73.9% on
Django's strings, 72.1% -> 75.5% on the declaration, 70.2% -> 74.4% on GNOME's help, precision
97.7%, 97.5%, 98.5-98.6% before and after alike.

The same lists settle a sentence the three detectors split three ways (vote.py, "word-lists",
twice the lead, and every word, capitalised ones too, in the winner's list), and overturn
agreeing detectors on a sentence they clearly contradict (`contradicting_language`, refine.py,
weighing only the lists of the languages a detector proposed).

The lists are read on first use, per script and once per process (the Latin ones ~0.35 s and
~150 MB), so only a process that meets a fragment, or a sentence its detectors disagree on, pays
for them; a paragraph of 200 letters or more never does.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import math
import re
import unicodedata
from pathlib import Path

from ..errors import DetectorDataError
from . import closepairs
from .scripts import script_of

# Our tags -> wordfreq's list names, by script. "sh" (Serbo-Croatian) competes but is no tag.
LISTS: dict[str, dict[str, str]] = {
    "Latin": {
        **{t: t for t in "ca cs da de en es fi fr hu id is it lt lv ms nl pl pt ro sk sl sv tr vi".split()},
        "no": "nb",
        "tl": "fil",
        "sh": "sh",
    },
    "Cyrillic": {"bg": "bg", "mk": "mk", "ru": "ru", "uk": "uk", "sr-Cyrl": "sh"},
    "Arabic": {"ar": "ar", "fa": "fa", "ur": "ur"},
}
_NOT_A_TAG = frozenset({"sh"})
# Neighbours without a list that the vote's groups (closepairs.py) do not pair: Afrikaans writes
# many Dutch words ("Geen week" is both).
_MORE_NEIGHBOURS = (frozenset({"af", "nl"}),)
# The lead, in natural log-likelihood, of the best list over the next (tuned on the dev halves,
# before names and neighbours were set aside: 2.5 answered 33 more fragments, 4 of them wrong;
# 4 answered 54 fewer, 1 of them wrong).
LEAD = 3.0
# A word a list does not hold counts at this frequency there (below the lists' 1e-6 cutoff).
FLOOR = 1e-7
_WORD = re.compile(r"[^\W\d_]+")
# Serbian Cyrillic to the Latin letters of the "sh" list (one letter each way, as in Serbia).
SERBIAN_LATIN = dict(
    zip("абвгдђежзијклљмнњопрстћуфхцчџш", "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š".split())
)


def _buckets(code: str) -> list[list[str]]:
    """wordfreq's "small" list for `code`: lists of words, the i-th holding those of frequency
    10 ** (-i / 100) (its documented "cBpack" format). Raises DetectorDataError if it cannot
    be read: a broken install must stop the run, not be cached as tags."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise DetectorDataError("wordfreq is not installed; reinstall seedkeeper")
    # Read the file itself: importing wordfreq (langcodes, ftfy, regex...) costs ~115 ms in every
    # worker, reading one list a few ms. (Not wordfreq's own reader as a fallback: it picks the
    # closest list when one is missing, Indonesian for Malay.)
    path = Path(next(iter(spec.submodule_search_locations)), "data", f"small_{code}.msgpack.gz")
    try:
        import msgpack

        with gzip.open(path, "rb") as handle:
            header, *buckets = msgpack.unpackb(handle.read(), raw=False)
    except Exception as exc:  # noqa: BLE001 - any failure to read the packaged list is the same failure
        raise DetectorDataError(f"wordfreq's word list {path} could not be read ({exc}); reinstall wordfreq") from exc
    if header != {"format": "cB", "version": 1} or not all(isinstance(b, list) for b in buckets):
        raise DetectorDataError(f"wordfreq's word list {path} is not in the format this seedkeeper reads")
    return buckets


@functools.cache
def frequencies(code: str) -> dict[str, float]:
    """word -> frequency in wordfreq's list `code`, read once per process (shared with lexicon.py)."""
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(_buckets(code)):
        freq = 10.0 ** (-index / 100)
        for word in bucket:
            freqs[word] = freq
    return freqs


def frequency(tag: str, code: str, word: str) -> float:
    """How often the language `tag` (wordfreq list `code`) writes the lower-case `word`; 0.0 if
    its list does not hold it. Serbian Cyrillic is looked up transliterated."""
    if tag == "sr-Cyrl":
        # A letter Serbian does not write ("ѓ", "ќ", "ѕ", or a Latin one) is no Serbian word.
        if not all(ch in SERBIAN_LATIN for ch in word.replace("-", "")):
            return 0.0
        word = "".join(SERBIAN_LATIN.get(ch, ch) for ch in word)
    return frequencies(code).get(word, 0.0)


def _words(text: str) -> list[str]:
    """The distinct words that count, lower-cased: the first (capitalised as a sentence starts) and
    those written in lower case, or every word of a text in capitals. A capitalised word further
    on is as often a name ("Град Скопје") as a word, and a name says what a text is about, not
    which language it is in. Combining marks left after NFC (Arabic vowel signs, Russian stress
    marks) are dropped, as wordfreq's Arabic lists and everyday Russian drop them: "شُكْرًا" is the
    word "شكرا", not four letters."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    found = _WORD.findall(text)
    shouting = not any(ch.islower() for ch in text)
    return sorted({w.lower() for i, w in enumerate(found) if i == 0 or shouting or w.islower()})


def _unlisted_neighbour(tag: str, proposed: set[str], lists: dict[str, str]) -> bool:
    """Whether a detector proposed a close neighbour of `tag` that has no list (Galician beside
    Spanish, Azerbaijani beside Turkish): the lists cannot tell `tag` from it."""
    for group in (*closepairs.VOTE_GROUPS, *closepairs.OVERTURN_GROUPS, *_MORE_NEIGHBOURS):
        if tag in group and any(lang not in lists for lang in group & proposed):
            return True
    return False


def _scores(text: str, script: str, only: set[str] | None = None) -> list[tuple[float, bool, str]] | None:
    """(log-likelihood, every word listed, tag) for each list of `script` (or of those tags of it
    in `only`), best first; None when the text has fewer than two counting words or a letter of
    another script."""
    lists = LISTS.get(script)
    if lists is None:
        return None
    if only is not None:
        lists = {tag: code for tag, code in lists.items() if tag in only}
    text = unicodedata.normalize("NFC", text)
    words = _words(text)
    # A word in another script ("link" among Cyrillic words, a Korean word beside English ones):
    # the lists of a script hold such loans unevenly (Serbian's, read transliterated, never), and
    # the fragment is not in one script's words. No answer. Every letter of the text counts here,
    # not only the words _words keeps: Hangul has no lower case, so "사랑해요" after "Merci
    # beaucoup madame" would not be among them.
    # (Letters with no script of their own, "º", "µ", "ﬁ", stop nothing.)
    if len(words) < 2 or any(ch.isalpha() and script_of(ch) not in (script, "Other") for ch in text):
        return None
    scores = []
    for tag, code in lists.items():
        freqs = [frequency(tag, code, word) for word in words]
        scores.append((sum(math.log(max(f, FLOOR)) for f in freqs), all(freqs), tag))
    scores.sort(key=lambda s: (-s[0], s[2]))
    return scores


def _holds_every_word(tag: str, text: str, script: str, weighed: set[str] | None = None) -> bool:
    """Whether `tag`'s list holds every word of `text` that another weighed language's list
    (`weighed`; default every list of the script) holds, capitalised words too. On a sentence a
    capitalised word after the first is more often a translated label than a name
    ("|audit-log-result|Ignoré", "until PŘÍKAZY; do PŘÍKAZY-2; done"): the words that were counted
    may be the English around it, and a list that lacks a word its neighbour's holds is not the
    sentence's language. A word no weighed list holds ("GStreamer", "Miquelon") is a name:
    "Saint-Pierre és Miquelon" (Hungarian) is no Catalan, as the French list holds "pierre" and
    the Catalan one does not."""
    lists = LISTS[script]
    others = [(name, code) for name, code in lists.items() if name != tag and (weighed is None or name in weighed)]
    cleaned = "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch) != "Mn")
    for word in {w.lower() for w in _WORD.findall(cleaned)}:
        if not frequency(tag, lists[tag], word) and any(frequency(name, code, word) for name, code in others):
            return False
    return True


def fragment_language(
    text: str, script: str, first_choices: set[str], proposed: set[str], lead: float = LEAD, *, sentence: bool = False
) -> str | None:
    """The language whose word list the fragment `text` (dominant `script`) clearly belongs to,
    if a detector's first choice (`first_choices`) agrees, none names a language without a
    list, and no detector proposed (`proposed`: their candidates at any rank) a close neighbour
    without one; else None. See the module docstring for the rule; `lead` is the log-likelihood
    the best list must lead the next by (a sentence's words add up to more, see vote.py). With
    `sentence`, the winner's list must hold every word, capitalised ones too (_holds_every_word)."""
    lists = LISTS.get(script)
    if lists is None or not first_choices or any(lang not in lists for lang in first_choices):
        return None
    scores = _scores(text, script)
    if scores is None:
        return None
    (best, known, tag), (runner_up, _, _) = scores[0], scores[1]
    if tag in _NOT_A_TAG or not known or best - runner_up < lead or tag not in first_choices:
        return None
    if sentence and not _holds_every_word(tag, text, script):
        return None
    return None if _unlisted_neighbour(tag, proposed, lists) else tag


def contradicting_language(
    text: str, script: str, answer: str, first_choices: set[str], proposed: set[str], lead: float
) -> str | None:
    """The language whose list holds every word of `text` (capitalised ones too; two words at
    least must count, as _scores asks) and leads `answer`'s list by `lead`, when a detector named
    it first and no close neighbour without a list was proposed; None otherwise, or when `answer`
    has no list of its own to be weighed against."""
    lists = LISTS.get(script)
    if lists is None or answer not in lists or answer in _NOT_A_TAG:
        return None
    # Only a language some detector named first can win: where none named another listed one (most
    # texts), no list is read at all.
    if not any(lang != answer and lang in lists and lang not in _NOT_A_TAG for lang in first_choices):
        return None
    # Weighed against the languages the detectors proposed at any rank (and the Bosnian-Croatian-
    # Serbian list where they proposed one of those), not every list of the script: reading the
    # ~25 Latin lists cost a worker 150 MB and 0.35 s the first time a short text needed them.
    weighed = {answer} | proposed
    if weighed & {"bs", "hr", "sr-Latn", "sr-Cyrl"}:
        weighed |= {"sh", "sr-Cyrl"}
    scores = _scores(text, script, weighed)
    if scores is None or len(scores) < 2:
        return None
    best, known, tag = scores[0]
    own = next(score for score, _, name in scores if name == answer)
    if tag in _NOT_A_TAG or tag == answer or not known or best - own < lead or tag not in first_choices:
        return None
    if not _holds_every_word(tag, text, script, weighed):
        return None
    return None if _unlisted_neighbour(tag, proposed, lists) else tag
