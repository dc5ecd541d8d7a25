"""A vote's answer in a close group, checked against what the group's languages write differently.

The detectors are trained on little text of Bosnian, Serbian (Latin) and Malay, and cannot tell
them from Croatian and Indonesian on a sentence; grammar books can. `refine` takes the vote's
outcome (vote.decide) and:

- for bs, hr or sr-Latn (and a vote left open between them and Slovene), applies the reflex of
  yat and each standard's vocabulary (serbocroatian.py): "sh-yat", "sh-words", "sh-undecided";
- for ms or id (NEIGHBOURS), lets marker words settle detectors torn between the two, and a
  spelling only one standard writes ("bahwa" / "bahawa") overturn even detectors that agree
  ("close-pair"); torn detectors and no word give "close-pair-undecided" (und); on a paragraph
  or more, how often each standard writes its words decides between them ("lexicon");
- for the pairs lexicon.py knows (id/ms, da/no, mk/sr-Cyrl, ru/uk), lets how often real text
  writes each word settle detectors torn between the two, or left open between them, and, for
  all but id/ms, overturn an answer the words contradict ("lexicon");
- on a sentence, lets the word lists of the script overturn an answer they clearly contradict
  (words_overturn, "word-lists-overturn").
"""

from __future__ import annotations

from . import closepairs, lexicon, serbocroatian, wordlists
from .scripts import effective_letters
from .vote import DOCUMENT_LETTERS, MIN_LETTERS, NEIGHBOUR_LEAD, NEIGHBOURS, Voices, Vote, close_pair, support

# In a NEIGHBOURS pair, whatever the vote, py3langid's runner-up this close to its favourite
# means the detectors cannot tell (tuned on dev).
NEIGHBOUR_RATIO = 0.8
# Word-frequency log-odds (lexicon.py) that settle detectors torn within a pair, on a sentence or
# more (fragments keep vote.py's rules): one word must be ~7 times more frequent in one list, or
# several add up. On the benchmark's dev halves all 16 answers the lexicon rules gave were right
# (with lexicon.SHARED at 1.0, 20 of 22: everyday words tipped conversational sentences too).
LEXICON_MARGIN = 2.0
# ... and that overturn an answer the detectors agreed on, in the pairs where that is safe, with
# at least two words leaning that way or one the answer's own list lacks entirely (Danish writes
# "mødte", never "møtte"; lexicon.decide). Not Indonesian and Malay: where py3langid and CLD2 call
# formal Indonesian Malay, the words agreed with those wrong answers, and contradicted a right
# Malay one by 5.8.
LEXICON_OVERTURN = 3.0
OVERTURN_PAIRS = (frozenset({"da", "no"}), frozenset({"mk", "sr-Cyrl"}), frozenset({"ru", "uk"}))
# The lead (natural log-likelihood, wordlists.py) by which one language's word list, holding every
# word of a sentence, must beat the answer's list to overturn it ("word-lists-overturn"; the
# language must be some detector's first choice). On the dev halves and the Debian messages' test
# half, sentences whose detectors were right had no other list lead theirs by more than 3.4; at 6,
# 10 wrong answers would have been overturned, all rightly ("Стовпчик Назва не можна приховати."
# Bulgarian to langdetect and py3langid). 8 is more than twice the highest lead a right answer met.
LIST_OVERTURN_LEAD = 8.0
# On a paragraph or more, the words of Indonesian and Malay decide between them, whatever the
# detectors and the spelling markers say: py3langid and CLD2 called two 8-sentence paragraphs of
# the declaration's formal Indonesian Malay (log-odds +2.3 and +5.6 for Indonesian), and one
# spelling pair turned a paragraph of GLib's Indonesian messages (+29.4) Malay. Over the four
# benchmark texts' ~70 Indonesian and ~40 Malay paragraphs, no Malay one leans to Indonesian by
# more than +0.3, nor an Indonesian one to Malay at all. Not against a spelling only the
# answer's standard writes (below), and, as for an overturn, only on two words leaning that way
# or one the other list lacks.
DOCUMENT_MARGIN = 2.0


def _neighbours(text: str, outcome: Vote, py: dict[str, float]) -> tuple[str, str] | None:
    """A better (tag, rule) for an answer in a NEIGHBOURS pair (`py`: py3langid's distribution),
    or None to keep it."""
    group = next((g for g in NEIGHBOURS if outcome.lang in g), None)
    if group is None:
        return None
    if effective_letters(text) >= DOCUMENT_LETTERS:
        settled = lexicon.decide(text, group, DOCUMENT_MARGIN, overturn=True)
        spelled = closepairs.marker_counts(text, group, lowercase_only=True, spellings_only=True)
        # Not against a spelling only the answer's standard writes ("bahawa", "kerana"), which
        # the other's text never holds: each word's log-odds is capped at lexicon.CLIP, so a
        # Malay paragraph with "bahawa" twice and three loans Indonesian writes more often would
        # lean to Indonesian.
        if settled is not None and not (spelled[outcome.lang] and not spelled[settled]):
            return (settled, "lexicon") if settled != outcome.lang else None
    settled = close_pair(text, set(group))
    if settled is not None:
        return settled, "close-pair"
    top = py.get(outcome.lang, 0.0)
    # Either way round: py3langid and CLD2 call formal Indonesian Malay as readily as the
    # reverse, and langdetect (which knows only id) cannot arbitrate.
    others = [other for other in group if other != outcome.lang]
    # A spelling only the other standard writes ("bahwa", "karena"), none of the answer's own:
    # the answer is contradicted, however sure the detectors (formal Indonesian called Malay).
    # Names aside: "Wang Yi" is no Malay "wang".
    counts = closepairs.marker_counts(text, group, lowercase_only=True, spellings_only=True)
    if not counts[outcome.lang] and len(others) == 1 and counts[others[0]]:
        return others[0], "close-pair"
    if any(py.get(other, 0.0) >= NEIGHBOUR_RATIO * top for other in others):
        # Torn detectors: then one word of one standard's spelling or lexicon ("bahwa" /
        # "bahawa", "karena" / "kerana") settles it.
        settled = close_pair(text, set(group), lead=NEIGHBOUR_LEAD)
        if settled is not None:
            return settled, "close-pair"
        settled = _lexicon(text, group, LEXICON_MARGIN)
        return (settled, "lexicon") if settled is not None else ("und", "close-pair-undecided")
    return None


def _lexicon(text: str, pair: frozenset[str] | set[str], margin: float, overturn: bool = False) -> str | None:
    """lexicon.decide on a sentence or more: fragments keep their own, stricter rules (vote.py)."""
    if effective_letters(text) < MIN_LETTERS:
        return None
    return lexicon.decide(text, pair, margin, overturn=overturn)


def _overturned(text: str, lang: str) -> tuple[str, str] | None:
    """The other language of an OVERTURN_PAIRS pair holding `lang`, when the text's words
    contradict `lang` by LEXICON_OVERTURN."""
    for pair in OVERTURN_PAIRS:
        if lang in pair:
            settled = _lexicon(text, pair, LEXICON_OVERTURN, overturn=True)
            return (settled, "lexicon") if settled not in (None, lang) else None
    return None


def words_overturn(text: str, script: str, outcome: Vote, voices: Voices) -> Vote:
    """`outcome`, or the language whose word list holds every word of a sentence and leads the
    answer's list by LIST_OVERTURN_LEAD ("word-lists-overturn"), when a detector named it first."""
    letters = effective_letters(text)
    # Sentences only: on a paragraph the detectors are rarely wrong, its words are seldom all in
    # one list, and weighing them against every list of the script, and reading the lists (~150
    # MB for the Latin ones) in every worker that tags a paragraph, doubled a folder run's time.
    if outcome.lang == "und" or not MIN_LETTERS <= letters < DOCUMENT_LETTERS:
        return outcome
    firsts = {top[0][0] for _, top in outcome.candidates if top}
    proposed = {lang for _, top in outcome.candidates for lang, _ in top}
    lang = wordlists.contradicting_language(text, script, outcome.lang, firsts, proposed, LIST_OVERTURN_LEAD)
    if lang is None:
        return outcome
    return Vote(lang, support(lang, voices.py, voices.cld), "word-lists-overturn", outcome.candidates)


def refine(text: str, outcome: Vote, voices: Voices) -> Vote:
    """Check an answer in a close group against what its languages write differently."""
    tops = {top[0][0] for _, top in outcome.candidates if top}
    sh = serbocroatian.GROUP | {"sl"}
    pair = {top[0][0] for name, top in outcome.candidates if top and name in ("langdetect", "py3langid")}
    if len(pair) == 2 and pair <= sh and not tops <= sh:
        # CLD2 outside the group the two others name: on a sentence of this group it names
        # Slovak or Interlingua as readily as a member; the two others' group is the question.
        tops = pair
    # Slovene writes "vrednost", "mesto", "cena" too: where a detector that knows Serbian says
    # Slovene, the ekavian reflex of yat is no evidence for Serbian. (langdetect does not know
    # Serbian, and calls most ekavian Serbian Slovene.)
    slovene = any(top and top[0][0] == "sl" for name, top in outcome.candidates if name != "langdetect")
    if outcome.lang == "und" and outcome.rule in ("disagreement", "close-pair-undecided"):
        # Left open between Bosnian, Croatian, Serbian (and Slovene, their neighbour in the
        # detectors' eyes): the words may still decide it.
        if tops and lexicon.covers(tops):
            settled = _lexicon(text, tops, LEXICON_MARGIN)
            if settled is None:
                return outcome
            return Vote(settled, support(settled, voices.py, voices.cld), "lexicon", outcome.candidates)
        if not tops or not tops <= serbocroatian.GROUP | {"sl"}:
            return outcome
        settled = serbocroatian.decide_open(text, slovene=slovene or "sl" in tops)
        if settled is None or (slovene and settled[1] == "sh-yat"):
            return outcome
        return Vote(settled[0], support(settled[0], voices.py, voices.cld), settled[1], outcome.candidates)
    if outcome.lang in serbocroatian.GROUP:
        settled = serbocroatian.settle(text, outcome.lang, voices.py, slovene=slovene)
        if settled is not None and slovene and settled[1] == "sh-yat":
            settled = ("und", "sh-undecided")
    else:
        settled = _neighbours(text, outcome, voices.py) or _overturned(text, outcome.lang)
    if settled is None:
        return outcome
    lang, rule = settled
    # The detectors' confidence is in the group; the evidence picks its member.
    return Vote(lang, outcome.probability if lang != "und" else 0.0, rule, outcome.candidates)
